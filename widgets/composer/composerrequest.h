#pragma once
// ComposerRequest: everything the HTTP composer's form holds, as plain data.
// The request on the wire is derived through a CurlCommand so that the
// composer, "Copy as cURL" and curl itself agree byte for byte on what is
// sent (curl's header order, its defaults, its Content-Type for -d). A value
// type: copy freely; every method is pure and thread-safe.

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
    int timeoutMs = 30000;

    // Host, User-Agent, Accept, Content-Length (enabled) and Connection (not).
    static std::vector<AutoHeader> defaultAutoHeaders();
    // The default value of an automatic header for this request ("" if none).
    std::string autoDefault(const std::string& header) const;
    // The body bytes (form rows joined, file read). Throws Error (file).
    std::string body() const;
    // The equivalent curl command. Throws Error when the body file is unreadable.
    http::CurlCommand toCurl() const;
    // The form for a curl command (what Import cURL fills in).
    static ComposerRequest fromCurl(const http::CurlCommand& curl);
    // The exact request that Send will write. Throws Error (bad URL, file).
    http::Request toRequest() const;
    // The client options (timeout, redirects, compression, version).
    http::ClientOptions options() const;
    // Same as the name, or "METHOD url" when it has none.
    std::string title() const;

    // For history and collection files.
    QJsonObject toJson() const;
    static ComposerRequest fromJson(const QJsonObject& object);
};

// Convenience for Qt code: UTF-8 conversions.
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }

}  // namespace sockwb
