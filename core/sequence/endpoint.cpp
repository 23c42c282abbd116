#include "core/sequence/endpoint.h"

namespace sockwb::seq {

namespace {

constexpr std::string_view kMapped = "::ffff:";

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Endpoint parseEndpoint(std::string_view text) {
    Endpoint e;
    if (text.empty() || text == "NULL" || text == "...") return e;
    if (startsWith(text, "unix:")) {
        e.host = std::string(text);
        return e;
    }
    std::string_view host;
    std::string_view port;
    if (text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string_view::npos) {
            e.host = std::string(text);
            return e;
        }
        host = text.substr(1, close - 1);
        if (close + 1 < text.size() && text[close + 1] == ':') port = text.substr(close + 2);
        // IPv4-mapped: the IPv4 address (the kernel shows a v4 client of a
        // dual-stack socket this way).
        if (startsWith(host, kMapped) && host.find('.') != std::string_view::npos)
            host = host.substr(kMapped.size());
    } else {
        const size_t colon = text.rfind(':');
        host = colon == std::string_view::npos ? text : text.substr(0, colon);
        if (colon != std::string_view::npos) port = text.substr(colon + 1);
    }
    e.host = std::string(host);
    e.port = std::string(port);
    e.wildcard = host == "0.0.0.0" || host == "::" || host == "*";
    return e;
}

std::string normalEndpoint(std::string_view text) {
    const Endpoint e = parseEndpoint(text);
    if (!e.known()) return {};
    if (e.port.empty()) return e.host;
    if (e.host.find(':') != std::string::npos) return "[" + e.host + "]:" + e.port;
    return e.host + ":" + e.port;
}

bool endpointsMatch(const Endpoint& a, const Endpoint& b) {
    if (!a.known() || !b.known()) return true;
    if (a.port != b.port) return false;
    return a.host == b.host || a.wildcard || b.wildcard;
}

}  // namespace sockwb::seq
