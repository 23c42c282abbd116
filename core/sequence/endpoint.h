#pragma once
// Endpoint text as TraceEvent spells it ("127.0.0.1:5000", "[::1]:80",
// "unix:/path", "0.0.0.0:5000") compared the way the sequence builder needs:
// an IPv4-mapped IPv6 address is the IPv4 address, and a wildcard address
// (0.0.0.0, ::) matches any address with the same port (a UDP server bound
// to 0.0.0.0 receives what was sent to 127.0.0.1).
// Pure functions, thread-safe.

#include <string>
#include <string_view>

namespace sockwb::seq {

struct Endpoint {
    std::string host;  // "127.0.0.1", "::1", "unix:/path" (a Unix one keeps its text)
    std::string port;  // "5000", "" for a Unix endpoint or an unknown one
    bool wildcard = false;
    bool known() const { return !host.empty(); }
};

Endpoint parseEndpoint(std::string_view text);
// The canonical text: "[::ffff:1.2.3.4]:80" -> "1.2.3.4:80"; "" stays "".
std::string normalEndpoint(std::string_view text);
// Same port, and the same host or one of them a wildcard (or unknown).
bool endpointsMatch(const Endpoint& a, const Endpoint& b);

}  // namespace sockwb::seq
