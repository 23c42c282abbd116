#pragma once
// The parsing half of sock_diag (sockdiag.h), apart from the netlink socket
// so the tests can feed it crafted bytes: one SOCK_DIAG_BY_FAMILY answer
// (struct inet_diag_msg or unix_diag_msg and its attributes) becomes a
// SocketEntry, and struct tcp_info becomes a TcpSample (the one parse shared
// by INET_DIAG_INFO and getsockopt(TCP_INFO)). Every length is checked: a
// short message is refused (nullopt), a short or unknown attribute is
// skipped, a tcp_info shorter than this build's is read as far as it goes.
// Pure functions: thread-safe.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/net/sockdiag.h"

namespace sockwb::diag {

// The payload of one answer to an AF_INET/AF_INET6 dump (after the
// nlmsghdr): `protocol` is the IPPROTO_TCP or IPPROTO_UDP that was asked.
std::optional<SocketEntry> parseInetMessage(const void* payload, size_t length, int protocol);
// The payload of one answer to an AF_UNIX dump.
std::optional<SocketEntry> parseUnixMessage(const void* payload, size_t length);
// struct tcp_info (linux/tcp.h) of `length` bytes; the queues stay 0.
TcpSample tcpSampleFromInfo(const void* info, size_t length);

// "127.0.0.1:5000", "[::1]:80", "*:80", "0.0.0.0:*"... as `ss -n` spells
// an endpoint. addr: 4 bytes (AF_INET) or 16 (AF_INET6), network order;
// port in host order, 0 printed "*"; ifindex != 0 adds "%name".
std::string inetEndpoint(int family, const unsigned char* addr, uint16_t port, bool v6only,
                         uint32_t ifindex = 0);
// A Unix socket's name as ss prints it: "/path", "@abstract" (every NUL
// byte '@'), "*" when it has none. bytes: sun_path as UNIX_DIAG_NAME gives it.
std::string unixName(const char* bytes, size_t length);

// Calls visit(type, data, length) for each netlink attribute (struct rtattr,
// 4-byte aligned) in bytes[0, length); stops at the first malformed one.
void forEachAttribute(const unsigned char* bytes, size_t length,
                      const std::function<void(int, const unsigned char*, size_t)>& visit);

}  // namespace sockwb::diag
