#pragma once
// A curl command line as data: import ("paste a curl command and the form
// fills in"), export ("Copy as cURL") and the request that curl itself would
// send for it, header order included. The subset understood: -X/--request,
// -H/--header, -d/--data, --data-raw, --data-binary, --data-urlencode (plain),
// --url, -I/--head, -L/--location, --max-redirs, --compressed, -A/--user-agent,
// -e/--referer, -u/--user, -m/--max-time, --http1.0, -G/--get, the TLS
// options -k/--insecure, --cacert, -E/--cert, --key and --resolve, and flags
// that change nothing on the wire (-s, -S, -v, -i...). Quoting follows the
// shell: '...', "..." with backslash escapes, $'...' and line continuations.
// The words are read as curl reads them (a hand-written loop over a table of
// the options, not QCommandLineParser: the core has no Qt, and curl's syntax
// has glued values such as -XPOST and no --opt=value); one-letter flags may
// be compacted (-sSL).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/http/client.h"
#include "core/http/request.h"
#include "core/http/shellwords.h"
#include "core/http/url.h"

namespace sockwb::http {

struct CurlCommand {
    std::string method;  // -X value; empty: derived (GET, POST with data, HEAD with -I)
    std::string url;
    // -H values in order. "Name: value" adds, "Name:" removes a default
    // header, "Name;" sends the header with an empty value.
    std::vector<std::string> headers;
    std::vector<std::string> data;     // each -d piece, already read from @file when needed
    bool head = false;                 // -I
    bool get = false;                  // -G: data goes to the query
    bool location = false;             // -L
    int maxRedirs = -1;                // --max-redirs
    bool compressed = false;           // --compressed
    bool http10 = false;               // --http1.0
    double maxTimeSeconds = 0;         // -m
    std::string userAgent;             // -A ("" = curl's default)
    std::string referer;               // -e
    std::string user;                  // -u user:password
    bool insecure = false;             // -k: do not verify the server's certificate
    std::string caCert;                // --cacert FILE
    std::string cert;                  // -E/--cert FILE (a client certificate)
    std::string key;                   // --key FILE (its key, when not in the --cert file)
    std::vector<std::string> resolve;  // each --resolve HOST:PORT:ADDR, as written

    // Parses a command line starting with "curl". Throws Error (InvalidInput)
    // naming the option that is not understood. @file data is read from
    // disk (relative to the current directory). Thread-safe.
    static CurlCommand parse(std::string_view commandLine);
    // The grammar one option at a time, for a caller that has split its own
    // command line (sockwb http takes -H, -d, -L... with these meanings).
    // `option` is one spelling of it ("-H", "--header"); `value` is ignored
    // for a flag. Throws Error (InvalidInput) for an option outside the
    // subset or a bad value (--max-redirs x, -d @missing-file).
    void apply(std::string_view option, const std::string& value = {});
    // Whether the option takes a value. Throws like apply().
    static bool takesValue(std::string_view option);
    // The command line again, with every argument single-quoted. Thread-safe.
    std::string toCommandLine() const;
    // The method curl would use.
    std::string effectiveMethod() const;
    // The body curl would send (pieces joined with '&'; none with -G).
    std::string body() const;
    // The URL with -G data appended to the query.
    std::string effectiveUrl() const;
    // The request curl would send, in curl's header order (Host,
    // Authorization, User-Agent, Accept, Accept-Encoding, Referer, the -H
    // headers, Content-Length, Content-Type). Throws Error on a bad URL.
    Request toRequest(const std::string& defaultUserAgent = "sockwb/" SOCKWB_VERSION) const;
    // Client options matching -L, --max-redirs, --compressed, --http1.0, -m,
    // -k, --cacert, --cert, --key and --resolve.
    ClientOptions toOptions() const;

    // The command for a request the workbench composed (Copy as cURL):
    // default headers that curl adds by itself are left out. Thread-safe.
    static CurlCommand fromRequest(const Request& request, const Url& url,
                                   const ClientOptions& options);

    friend bool operator==(const CurlCommand&, const CurlCommand&) = default;
};

}  // namespace sockwb::http
