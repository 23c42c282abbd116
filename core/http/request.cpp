#include "core/http/request.h"

namespace sockwb::http {

std::string Request::serialize() const {
    std::string out;
    out.reserve(method.size() + target.size() + version.size() + 4 + 32 * headers.size() +
                body.size());
    out += method;
    out += ' ';
    out += target;
    out += ' ';
    out += version;
    out += "\r\n";
    headers.serializeTo(out);
    out += "\r\n";
    out += body;
    return out;
}

void Request::updateContentLength() {
    headers.remove("Transfer-Encoding");
    headers.set("Content-Length", std::to_string(body.size()));
}

int Request::minorVersion() const { return version == "HTTP/1.0" ? 0 : 1; }

}  // namespace sockwb::http
