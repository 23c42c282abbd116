#pragma once
// AddressDissect: what the course's address calls do with a text, byte by
// byte. For "127.0.0.1" 8080 it lays out the struct sockaddr_in a student
// fills by hand (sin_family, sin_port = htons(8080) -> bytes 1f 90,
// sin_addr.s_addr, sin_zero), says what inet_pton returns for IPv4 and
// IPv6 ("999.1.1.1" -> 0: not an address, and not a host name either), and
// lists every getaddrinfo result with its sockaddr dissected the same way.
// Only codes, numbers and C names come out (the front ends word them, the
// Addresses window and `sockwb addr`). Pure functions, thread-safe;
// dissectAddress() may block on DNS for a name (run it off the GUI thread).

#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/error.h"

namespace sockwb {

// Which member of sockaddr_in / sockaddr_in6 a field is.
enum class SockaddrFieldKind {
    Family,    // sa_family_t, host order: AF_INET = 2, AF_INET6 = 10
    Port,      // in_port_t, network order (htons)
    Ipv4,      // sin_addr.s_addr, network order
    Zero,      // sin_zero: padding up to sizeof(sockaddr)
    FlowInfo,  // sin6_flowinfo, network order
    Ipv6,      // sin6_addr.s6_addr, 16 bytes
    ScopeId,   // sin6_scope_id, host order (an interface index)
    Other,     // the bytes of a family this tool does not dissect
};

struct SockaddrField {
    SockaddrFieldKind kind = SockaddrFieldKind::Other;
    std::size_t offset = 0;      // offsetof in the struct
    std::string name;            // the C member: "sin_port", "sin6_addr.s6_addr"
    std::vector<uint8_t> bytes;  // as they lie in memory
    // The value a program reads: family and scope id as stored (host
    // order); port, s_addr and flowinfo converted with ntohs/ntohl. 0 for
    // the address bytes of IPv6 and for Zero/Other.
    uint64_t value = 0;
    // The same bytes read without conversion, as a host-order integer
    // (what forgetting ntohs gives: 8080 -> 36895 on a little-endian PC).
    uint64_t rawValue = 0;
    std::string text;  // "AF_INET", "127.0.0.1", "::1"; "" for numbers
};

struct SockaddrLayout {
    int family = 0;
    std::string structName;  // "sockaddr_in", "sockaddr_in6", "sockaddr"
    std::size_t size = 0;    // sizeof the struct (the socklen_t to pass)
    std::vector<SockaddrField> fields;
};

// Lays out an address as it lies in memory. Any family; len bytes are read.
SockaddrLayout dissectSockaddr(const sockaddr* addr, socklen_t len);

// One getaddrinfo result.
struct AddrInfoEntry {
    int family = 0;
    int socktype = 0;
    int protocol = 0;
    std::string canonname;  // set on the first result only (AI_CANONNAME)
    SockaddrLayout layout;
};

// What the text is, by inet_pton's answer.
enum class AddressVerdict {
    Ipv4,         // inet_pton(AF_INET) returned 1
    Ipv6,         // inet_pton(AF_INET6) returned 1
    InvalidIpv4,  // digits and dots only, yet inet_pton(AF_INET) returned 0
    InvalidIpv6,  // has ':' (an IPv6 literal), yet inet_pton(AF_INET6) returned 0
    Name,         // anything else: a host name for getaddrinfo
};

struct AddressDissection {
    std::string host;  // as typed, brackets removed
    uint16_t port = 0;
    int ptonV4 = 0;  // what inet_pton(AF_INET, host) returned (1 or 0)
    int ptonV6 = 0;  // what inet_pton(AF_INET6, host) returned
    AddressVerdict verdict = AddressVerdict::Name;
    // The inet_pton layout (sockaddr_in/_in6 filled by hand with htons),
    // for Ipv4 / Ipv6 only.
    SockaddrLayout manual;
    bool resolverCalled = false;  // getaddrinfo ran (not for invalid literals)
    int gaiCode = 0;              // its return value; 0 = success
    ErrorInfo resolveError;       // Resolve/System error when gaiCode != 0
    std::vector<AddrInfoEntry> results;
};

// Splits "host", "host:port", "[v6]:port" or a bare IPv6 literal; port ""
// when the text has none. An explicit port (non-empty) wins.
void splitHostPort(std::string_view text, std::string* host, std::string* port);

// Dissects host (an address or a name) with port ("" = 0). Throws Error
// (InvalidInput) for an empty host or a bad port; a failed lookup is not an
// exception but gaiCode/resolveError. Names ending in .invalid fail with
// EAI_NONAME without asking DNS. Numeric hosts use AI_NUMERICHOST (no DNS).
AddressDissection dissectAddress(std::string_view host, std::string_view port);

// "EAI_NONAME" for a getaddrinfo code, "EAI_<n>" when unknown.
std::string gaiCodeName(int code);
// "AF_INET", "SOCK_STREAM", "IPPROTO_TCP"; "<n>" when unknown.
std::string familyName(int family);
std::string socktypeName(int socktype);
std::string protocolName(int protocol);
// "1f 90" (lowercase hex, one space between bytes).
std::string hexBytes(const std::vector<uint8_t>& bytes);

}  // namespace sockwb
