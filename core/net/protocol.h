#pragma once
// The transport a listener or a client uses, shared by the server engine
// and the clients (neither needs the other's header for it). Two families:
// the Internet ones (tcp, udp: an address and a port) and the Unix-domain
// ones (unix, unixgram: AF_UNIX, a socket path). Stream and datagram
// questions are answered by isStream()/isDatagram(), never by comparing with
// Tcp or Udp, so that a Unix-domain listener is served like its Internet twin.

#include <string_view>

namespace sockwb {

enum class Protocol {
    Tcp,        // AF_INET/AF_INET6, SOCK_STREAM
    Udp,        // AF_INET/AF_INET6, SOCK_DGRAM
    Unix,       // AF_UNIX, SOCK_STREAM
    UnixDgram,  // AF_UNIX, SOCK_DGRAM
};
// "tcp", "udp", "unix", "unixgram" (the words of --protocol and of the
// "unix:PATH" / "unixgram:PATH" address prefixes).
const char* protocolName(Protocol p) noexcept;
// Throws Error listing tcp, udp, unix, unixgram.
Protocol parseProtocol(std::string_view text);
// The same without throwing: fallback for an unknown word.
Protocol parseProtocolOr(std::string_view text, Protocol fallback) noexcept;

// The protocol at that position of the enum, the order of every protocol
// list of the GUI (TCP, UDP, Unix stream, Unix datagram); fallback outside.
constexpr Protocol protocolAt(int index, Protocol fallback = Protocol::Tcp) noexcept {
    return index >= 0 && index <= static_cast<int>(Protocol::UnixDgram)
               ? static_cast<Protocol>(index)
               : fallback;
}

// SOCK_DGRAM protocols: udp, unixgram.
constexpr bool isDatagram(Protocol p) noexcept {
    return p == Protocol::Udp || p == Protocol::UnixDgram;
}
// SOCK_STREAM protocols: tcp, unix.
constexpr bool isStream(Protocol p) noexcept { return !isDatagram(p); }
// AF_UNIX protocols: the listener's or the target's "address" is a path.
constexpr bool isUnixDomain(Protocol p) noexcept {
    return p == Protocol::Unix || p == Protocol::UnixDgram;
}

}  // namespace sockwb
