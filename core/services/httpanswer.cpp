#include "core/services/httpanswer.h"

#include <charconv>

#include "core/http/response.h"

namespace sockwb {

namespace {

void appendField(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += value.empty() ? ":" : ": ";  // as Headers::serializeTo writes it
    out += value;
    out += "\r\n";
}

}  // namespace

std::string HttpAnswer::wire() const {
    const std::string_view reason = http::Response::reasonPhrase(status);
    const bool withBody = !(status < 200 || status == 204 || status == 304);
    const bool sendBody = withBody && !head;
    std::string out;
    out.reserve(160 + type.size() + (sendBody ? body.size() : 0));
    http::Response::appendStatusLine(out, "HTTP/1.1", status, reason);
    appendField(out, "Server", "sockwb/" SOCKWB_VERSION);
    // Every answer, error pages included: a browser must not guess that a
    // text/plain page echoing the request is HTML (or script).
    appendField(out, "X-Content-Type-Options", "nosniff");
    if (withBody) {
        appendField(out, "Content-Type", type);
        char digits[24];
        const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, body.size());
        (void)ec;
        appendField(out, "Content-Length", std::string_view(digits, size_t(end - digits)));
    }
    if (extra)
        for (const auto& f : *extra) appendField(out, f.name, f.value);
    // HTTP/1.1 is persistent by default; HTTP/1.0 only when both sides say so.
    if (!keepAlive)
        appendField(out, "Connection", "close");
    else if (minor == 0)
        appendField(out, "Connection", "keep-alive");
    out += "\r\n";
    if (sendBody) out += body;
    return out;
}

}  // namespace sockwb
