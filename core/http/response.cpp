#include "core/http/response.h"

#include <algorithm>
#include <iterator>

namespace sockwb::http {

std::string Response::serialize() const {
    std::string out;
    out.reserve(version.size() + reason.size() + 6 + 32 * headers.size() + body.size());
    appendStatusLine(out, version, status, reason);
    headers.serializeTo(out);
    out += "\r\n";
    out += body;
    return out;
}

void Response::appendStatusLine(std::string& out, std::string_view version, int status,
                                std::string_view reason) {
    out += version;
    out += ' ';
    const int s = (status >= 0 && status <= 999) ? status : 0;
    out += static_cast<char>('0' + s / 100);
    out += static_cast<char>('0' + (s / 10) % 10);
    out += static_cast<char>('0' + s % 10);
    out += ' ';
    out += reason;
    out += "\r\n";
}

void Response::updateContentLength() {
    headers.remove("Transfer-Encoding");
    headers.set("Content-Length", std::to_string(body.size()));
}

StatusClass Response::classOf(int status) {
    switch (status / 100) {
        case 1:
            return StatusClass::Informational;
        case 2:
            return StatusClass::Success;
        case 3:
            return StatusClass::Redirection;
        case 4:
            return StatusClass::ClientError;
        case 5:
            return StatusClass::ServerError;
        default:
            return StatusClass::Unknown;
    }
}

namespace {

struct Reason {
    int status;
    std::string_view phrase;
};

// RFC 9110 §15 plus the few extra codes a test bench meets (RFC 6585, 7538,
// 8297). Sorted by status for the binary search.
constexpr Reason kReasons[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Content"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
};

}  // namespace

std::string_view Response::reasonPhrase(int status) {
    const auto* it = std::lower_bound(std::begin(kReasons), std::end(kReasons), status,
                                      [](const Reason& r, int s) { return r.status < s; });
    return it != std::end(kReasons) && it->status == status ? it->phrase : std::string_view{};
}

}  // namespace sockwb::http
