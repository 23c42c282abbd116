#include "core/http/response.h"

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

std::string_view Response::reasonPhrase(int status) {
    // RFC 9110 §15 plus the few extra codes a test bench meets (RFC 6585, 7538, 8297).
    switch (status) {
        case 100:
            return "Continue";
        case 101:
            return "Switching Protocols";
        case 103:
            return "Early Hints";
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 202:
            return "Accepted";
        case 203:
            return "Non-Authoritative Information";
        case 204:
            return "No Content";
        case 205:
            return "Reset Content";
        case 206:
            return "Partial Content";
        case 300:
            return "Multiple Choices";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 305:
            return "Use Proxy";
        case 307:
            return "Temporary Redirect";
        case 308:
            return "Permanent Redirect";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 402:
            return "Payment Required";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 406:
            return "Not Acceptable";
        case 407:
            return "Proxy Authentication Required";
        case 408:
            return "Request Timeout";
        case 409:
            return "Conflict";
        case 410:
            return "Gone";
        case 411:
            return "Length Required";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Content Too Large";
        case 414:
            return "URI Too Long";
        case 415:
            return "Unsupported Media Type";
        case 416:
            return "Range Not Satisfiable";
        case 417:
            return "Expectation Failed";
        case 421:
            return "Misdirected Request";
        case 422:
            return "Unprocessable Content";
        case 426:
            return "Upgrade Required";
        case 428:
            return "Precondition Required";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
        case 505:
            return "HTTP Version Not Supported";
        default:
            return {};
    }
}

}  // namespace sockwb::http
