#pragma once
// A socket address, IPv4 or IPv6, printed as "127.0.0.1:8080" or
// "[::1]:8080" and parsed back from the same forms, or Unix-domain
// (sockaddr_un): "unix:/tmp/x.sock", "unix:@name" (abstract),
// "unix:(unnamed)" (a socket with no name, as a client's usually is). Names
// are resolved with getaddrinfo. A value type: copyable, thread-safe to read.
// The Unix-domain members are implemented in unixaddress.cpp.

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sockwb {

class Address {
public:
    Address() = default;
    // From a raw sockaddr (as returned by accept, recvfrom, getsockname).
    Address(const sockaddr* addr, socklen_t len);

    // Parses "host:port", "[v6]:port" (a bare IPv6 literal "::1" needs a
    // port given separately, use resolve), "unix:PATH" and "unixgram:PATH"
    // (the same sockaddr_un: the socket's type is the caller's). Numeric hosts are parsed without
    // any lookup; names go through getaddrinfo and the first result wins.
    // Throws Error (InvalidInput, Resolve).
    static Address parse(std::string_view hostPort, int socktype = SOCK_STREAM);
    // Resolves host and port (both as text) to every address getaddrinfo
    // gives, in its order. family may be AF_UNSPEC, AF_INET or AF_INET6.
    // Throws Error (Resolve, InvalidInput).
    static std::vector<Address> resolve(std::string_view host, std::string_view port,
                                        int socktype = SOCK_STREAM, int family = AF_UNSPEC);
    // Numeric host only ("127.0.0.1", "::1", "::"), no DNS. Throws on a name.
    static Address fromIp(std::string_view ip, uint16_t port);
    // Checks a port given as text: digits only, 0..65535. Throws InvalidInput.
    static uint16_t parsePort(std::string_view text);

    // sun_path holds 108 bytes; a path needs its final NUL, an abstract
    // name its leading one: either text is at most this long.
    static constexpr size_t kMaxUnixName = 107;
    // A Unix-domain address: a path ("/tmp/x.sock", relative paths too) or
    // an abstract name ("@name", Linux). Checked before any call: empty or
    // longer than kMaxUnixName throws InvalidInput (BytesOverLimit).
    static Address unixPath(std::string_view path);
    // The unnamed Unix-domain address (only the family): bound, it asks
    // Linux to autobind an abstract name ("unix:@0001f").
    static Address unixUnnamed();
    // "unix:/p", "unixgram:/p" -> the protocol word's length with its colon
    // (5 or 9); 0 when text has no such prefix.
    static size_t unixPrefixLength(std::string_view text) noexcept;
    bool isUnix() const noexcept { return family() == AF_UNIX; }
    // "/tmp/x.sock", "@name", or "" (unnamed, or not a Unix address).
    std::string unixName() const;
    // A path name: a file the server creates and removes (not abstract, not unnamed).
    bool isUnixPathName() const noexcept;

    bool isValid() const noexcept { return len_ != 0; }
    int family() const noexcept { return storage_.ss_family; }
    bool isV6() const noexcept { return family() == AF_INET6; }
    uint16_t port() const noexcept;
    void setPort(uint16_t port) noexcept;
    // Host part without brackets: "127.0.0.1", "::1", "fe80::1%eth0"
    // (Unix: its name, "/tmp/x.sock"). port() is 0 for a Unix address.
    std::string host() const;
    // "127.0.0.1:8080" / "[::1]:8080" / "unix:/tmp/x.sock"; "" when invalid.
    std::string toString() const;
    bool isLoopback() const noexcept;

    const sockaddr* sockaddrPtr() const noexcept {
        return reinterpret_cast<const sockaddr*>(&storage_);
    }
    sockaddr* sockaddrPtr() noexcept { return reinterpret_cast<sockaddr*>(&storage_); }
    socklen_t length() const noexcept { return len_; }

    friend bool operator==(const Address& a, const Address& b) noexcept;

    // True for "invalid", "x.invalid", "x.invalid." (RFC 6761: never
    // resolves; callers fail with EAI_NONAME without asking DNS).
    static bool isInvalidName(std::string_view host) noexcept;

private:
    sockaddr_storage storage_{};
    socklen_t len_ = 0;
};

}  // namespace sockwb
