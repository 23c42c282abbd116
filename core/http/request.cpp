#include "core/http/request.h"

#include <cstdio>

#include "core/http/grammar.h"
#include "core/net/error.h"

namespace sockwb::http {

namespace {

// text with its control bytes made visible: "X\r\nEvil".
std::string visible(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r') {
            out += "\\r";
        } else if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20 || u == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", u);
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string invalidFieldReason(const Headers& headers) {
    for (const auto& f : headers) {
        if (!grammar::isToken(f.name))
            return "header name '" + visible(f.name) +
                   "' is not a token (letters, digits and !#$%&'*+-.^_`|~ only, no space or "
                   "colon)";
        if (f.value.find_first_of("\r\n") != std::string::npos)
            return "header '" + f.name + "' has a CR or LF in its value ('" + visible(f.value) +
                   "'): it would start another header; remove the line break";
        if (!grammar::isValidFieldValue(f.value))
            return "header '" + f.name + "' has a control byte in its value ('" + visible(f.value) +
                   "'): only tabs and visible characters are allowed";
    }
    return {};
}

void checkFields(const Headers& headers) {
    const std::string why = invalidFieldReason(headers);
    if (!why.empty()) throw Error::invalid("cannot send the request", why);
}

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
