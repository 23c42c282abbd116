#pragma once
// ComposerRequest: everything the HTTP composer's form holds, as plain data.
// ComposerPrepared (composerprepared.h) turns it into the request on the
// wire, which agrees byte for byte with what curl sends for toCurl() (curl's
// header order, its defaults, its Content-Type for -d), so the composer,
// "Copy as cURL" and curl itself send the same bytes. A value type: copy
// freely; every method is pure (apart from reading a body file) and
// thread-safe.

#include <QJsonObject>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/http/curlcommand.h"

namespace sockwb {

struct ComposerRequest {
    // A header the client adds on its own, shown in the headers table.
    struct AutoHeader {
        std::string name;
        bool enabled = true;  // false: not sent (Connection: checked to send)
        std::string value;    // "" = the client's default
        friend bool operator==(const AutoHeader&, const AutoHeader&) = default;
    };
    // A custom header, query parameter or form field.
    struct Row {
        bool enabled = true;
        std::string name;
        std::string value;
        friend bool operator==(const Row&, const Row&) = default;
    };
    enum class BodyType { None, Raw, Json, Form, File };
    enum class Auth { None, Basic, Bearer };

    std::string name;  // title in history and collections
    std::string method = "GET";
    std::string url = "http://127.0.0.1/";
    bool http10 = false;
    std::vector<AutoHeader> autoHeaders = defaultAutoHeaders();
    std::vector<Row> headers;
    BodyType bodyType = BodyType::None;
    std::string rawText;        // Raw and Json
    std::vector<Row> formRows;  // Form
    std::string filePath;       // File
    Auth auth = Auth::None;
    std::string authUser, authPassword, bearerToken;
    bool followRedirects = false;
    bool compressed = false;
    bool lenientFraming = false;  // ClientOptions::lenientFraming (not a curl option)
    int timeoutMs = 30000;
    // https:// (ClientOptions::tls): verification against the system store
    // or caFile (off: curl -k), a client certificate and its key (PEM).
    bool verifyCertificate = true;
    std::string caFile;
    std::string clientCertFile;
    std::string clientKeyFile;
    // curl --resolve HOST:PORT:ADDR entries (ClientOptions::resolve).
    std::vector<std::string> resolve;

    // Host, User-Agent, Accept, Content-Length (enabled) and Connection (not).
    static std::vector<AutoHeader> defaultAutoHeaders();
    // The body bytes (form rows joined, file read). Throws Error (file).
    std::string body() const;
    // The equivalent curl command. Throws Error when the body file is unreadable.
    http::CurlCommand toCurl() const;
    // The same with the body already read (ComposerPrepared reads it once).
    http::CurlCommand toCurl(const std::string& body) const;
    // The form for a curl command (what Import cURL fills in).
    static ComposerRequest fromCurl(const http::CurlCommand& curl);
    // The exact request that Send will write (ComposerPrepared's). Throws
    // Error (bad URL, file). The editor prepares once per edit instead.
    http::Request toRequest() const;
    // The client options (timeout, redirects, compression, version, TLS,
    // --resolve). Throws Error (InvalidInput) for a malformed resolve entry.
    http::ClientOptions options() const;
    // "" when every resolve entry reads as HOST:PORT:ADDR, else why not.
    std::string resolveProblem() const;
    // Same as the name, or "METHOD url" when it has none.
    std::string title() const;

    // For history and collection files.
    QJsonObject toJson() const;
    static ComposerRequest fromJson(const QJsonObject& object);

    friend bool operator==(const ComposerRequest&, const ComposerRequest&) = default;
};

// Convenience for Qt code: UTF-8 conversions.
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }

}  // namespace sockwb
