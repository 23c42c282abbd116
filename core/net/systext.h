#pragma once
// The words of the trace: how sys:: spells a family, a socket type, an
// address, a socket option, message flags and a data preview in a
// TraceEvent's arguments and endpoints, and how messages quote them. Pure
// functions of their arguments: thread-safe, never traced, no syscall (but
// endpointText of a link-local IPv6 address, which names its interface).

#include <sys/socket.h>

#include <cstddef>
#include <string>

namespace sockwb::sys {

// "AF_INET", "AF_INET6", "AF_UNIX", "AF_UNSPEC", else the number.
std::string familyName(int family);
// "SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC" and the like.
std::string sockTypeName(int type);
// "127.0.0.1:80", "[::1]:80", "[unix:/tmp/x.sock]", "[unix:@name]",
// "[unix:(unnamed)]", "NULL" for none, "{family AF_PACKET}" otherwise.
std::string sockaddrText(const sockaddr* addr, socklen_t len);
// A socket's endpoint as TraceEvent::local/peer and Address::toString()
// spell it: "127.0.0.1:80", "[::1]:80", "[fe80::1%eth0]:80", "unix:/tmp/x",
// "unix:@name", "unix:(unnamed)"; an IPv4-mapped IPv6 address as plain IPv4
// ("[::ffff:127.0.0.1]:80" -> "127.0.0.1:80": a dual-stack server's peer
// reads as its IPv4 client's local). "" for none or another family.
std::string endpointText(const sockaddr* addr, socklen_t len);
// The name in a sockaddr_un of length len: "/tmp/x.sock" (a path), "@name"
// (an abstract name, bytes outside printable ASCII as \xHH), or "" when it
// is unnamed (len holds only the family: an unbound or autobound-less socket).
std::string unixSockaddrName(const sockaddr* addr, socklen_t len);
// "SOL_SOCKET, SO_REUSEADDR", "IPPROTO_TCP, TCP_NODELAY", else numbers.
std::string sockoptName(int level, int name);
// An option value as text when its shape is known: an int "[1]", a timeval
// (SO_RCVTIMEO, SO_SNDTIMEO) "{tv_sec=5, tv_usec=0}", a linger
// "{l_onoff=1, l_linger=0}"; "" otherwise (the caller shows what it can).
std::string sockoptValue(int level, int name, const void* value, size_t len);
// "MSG_NOSIGNAL|MSG_PEEK", "0" for none, unknown bits as a number.
std::string msgFlagsText(int flags);
// Printable preview of data: "Bonjour\n" escaped, cut at maxBytes with "...".
std::string dataPreview(const void* data, size_t len, size_t maxBytes = 32);

}  // namespace sockwb::sys
