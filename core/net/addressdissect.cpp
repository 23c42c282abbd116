#include "core/net/addressdissect.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/net/address.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {

// The bytes [offset, offset + size) of the struct, clipped to len.
std::vector<uint8_t> slice(const sockaddr* addr, socklen_t len, std::size_t offset,
                           std::size_t size) {
    const auto* p = reinterpret_cast<const uint8_t*>(addr);
    std::vector<uint8_t> out;
    for (std::size_t i = offset; i < offset + size && i < len; ++i) out.push_back(p[i]);
    return out;
}

// The bytes as a host-order integer (memcpy, as the CPU reads the member).
uint64_t hostOrder(const std::vector<uint8_t>& bytes) {
    if (bytes.size() == 2) {
        uint16_t v = 0;
        std::memcpy(&v, bytes.data(), 2);
        return v;
    }
    if (bytes.size() == 4) {
        uint32_t v = 0;
        std::memcpy(&v, bytes.data(), 4);
        return v;
    }
    return 0;
}

SockaddrField field(const sockaddr* addr, socklen_t len, SockaddrFieldKind kind, std::size_t offset,
                    std::size_t size, const char* name) {
    SockaddrField f;
    f.kind = kind;
    f.offset = offset;
    f.name = name;
    f.bytes = slice(addr, len, offset, size);
    f.rawValue = hostOrder(f.bytes);
    switch (kind) {
        case SockaddrFieldKind::Family:
        case SockaddrFieldKind::ScopeId:
            f.value = f.rawValue;
            break;
        case SockaddrFieldKind::Port:
            f.value = f.bytes.size() == 2 ? ntohs(static_cast<uint16_t>(f.rawValue)) : 0;
            break;
        case SockaddrFieldKind::Ipv4:
        case SockaddrFieldKind::FlowInfo:
            f.value = f.bytes.size() == 4 ? ntohl(static_cast<uint32_t>(f.rawValue)) : 0;
            break;
        default:
            break;
    }
    return f;
}

std::string ntop(int family, const void* src) {
    char buf[INET6_ADDRSTRLEN] = {};
    return ::inet_ntop(family, src, buf, sizeof buf) ? std::string(buf) : std::string();
}

bool onlyDigitsAndDots(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c != '.' && (c < '0' || c > '9')) return false;
    return true;
}

// getaddrinfo's results as entries (its own order, duplicates kept).
std::vector<AddrInfoEntry> entriesOf(const addrinfo* res) {
    std::vector<AddrInfoEntry> out;
    for (const addrinfo* p = res; p; p = p->ai_next) {
        AddrInfoEntry e;
        e.family = p->ai_family;
        e.socktype = p->ai_socktype;
        e.protocol = p->ai_protocol;
        if (p->ai_canonname) e.canonname = p->ai_canonname;
        e.layout = dissectSockaddr(p->ai_addr, p->ai_addrlen);
        out.push_back(std::move(e));
    }
    return out;
}

void resolveInto(AddressDissection* d, bool numeric) {
    d->resolverCalled = true;
    ErrorInfo info{ErrorKind::Resolve, "getaddrinfo", 0, EAI_NONAME, {}, d->host};
    if (Address::isInvalidName(d->host)) {  // RFC 6761: no DNS query
        d->gaiCode = EAI_NONAME;
        d->resolveError = info;
        return;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = 0;  // every socket type: stream, datagram, raw
    hints.ai_flags = AI_CANONNAME | (numeric ? AI_NUMERICHOST : 0);
    addrinfo* res = nullptr;
    const std::string port = std::to_string(d->port);
    d->gaiCode = sys::getaddrinfo(d->host.c_str(), port.c_str(), &hints, &res);
    if (d->gaiCode != 0) {
        info.gaiCode = d->gaiCode;
        if (d->gaiCode == EAI_SYSTEM) {
            info.kind = ErrorKind::System;
            info.err = errno;
        }
        d->resolveError = info;
        return;
    }
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> guard(res, ::freeaddrinfo);
    d->results = entriesOf(res);
}

}  // namespace

SockaddrLayout dissectSockaddr(const sockaddr* addr, socklen_t len) {
    SockaddrLayout l;
    if (!addr || len < sizeof(sa_family_t)) return l;
    l.family = addr->sa_family;
    using K = SockaddrFieldKind;
    if (l.family == AF_INET && len >= sizeof(sockaddr_in)) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(addr);
        l.structName = "sockaddr_in";
        l.size = sizeof(sockaddr_in);
        l.fields = {
            field(addr, len, K::Family, offsetof(sockaddr_in, sin_family), 2, "sin_family"),
            field(addr, len, K::Port, offsetof(sockaddr_in, sin_port), 2, "sin_port"),
            field(addr, len, K::Ipv4, offsetof(sockaddr_in, sin_addr), 4, "sin_addr.s_addr"),
            field(addr, len, K::Zero, offsetof(sockaddr_in, sin_zero), sizeof in->sin_zero,
                  "sin_zero")};
        l.fields[2].text = ntop(AF_INET, &in->sin_addr);
    } else if (l.family == AF_INET6 && len >= sizeof(sockaddr_in6)) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
        l.structName = "sockaddr_in6";
        l.size = sizeof(sockaddr_in6);
        l.fields = {
            field(addr, len, K::Family, offsetof(sockaddr_in6, sin6_family), 2, "sin6_family"),
            field(addr, len, K::Port, offsetof(sockaddr_in6, sin6_port), 2, "sin6_port"),
            field(addr, len, K::FlowInfo, offsetof(sockaddr_in6, sin6_flowinfo), 4,
                  "sin6_flowinfo"),
            field(addr, len, K::Ipv6, offsetof(sockaddr_in6, sin6_addr), 16, "sin6_addr.s6_addr"),
            field(addr, len, K::ScopeId, offsetof(sockaddr_in6, sin6_scope_id), 4,
                  "sin6_scope_id")};
        l.fields[3].text = ntop(AF_INET6, &in6->sin6_addr);
    } else {
        l.structName = "sockaddr";
        l.size = len;
        l.fields = {field(addr, len, K::Family, 0, 2, "sa_family"),
                    field(addr, len, K::Other, 2, len - 2, "sa_data")};
    }
    l.fields[0].text = familyName(l.family);
    return l;
}

void splitHostPort(std::string_view text, std::string* host, std::string* port) {
    port->clear();
    if (!text.empty() && text.front() == '[') {
        const auto end = text.find(']');
        if (end != std::string_view::npos) {
            *host = std::string(text.substr(1, end - 1));
            if (end + 1 < text.size() && text[end + 1] == ':')
                *port = std::string(text.substr(end + 2));
            return;
        }
    }
    const auto colon = text.find(':');
    // One colon: host:port. Several: an IPv6 literal without a port.
    if (colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos) {
        *host = std::string(text.substr(0, colon));
        *port = std::string(text.substr(colon + 1));
        return;
    }
    *host = std::string(text);
}

AddressDissection dissectAddress(std::string_view hostText, std::string_view portText) {
    AddressDissection d;
    std::string host(hostText);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty())
        throw Error::invalid("missing host", "type an address (127.0.0.1, ::1) or a host name");
    d.host = host;
    d.port = portText.empty() ? 0 : Address::parsePort(portText);
    sockaddr_in in{};
    sockaddr_in6 in6{};
    d.ptonV4 = ::inet_pton(AF_INET, host.c_str(), &in.sin_addr);
    d.ptonV6 = ::inet_pton(AF_INET6, host.c_str(), &in6.sin6_addr);
    if (d.ptonV4 == 1) {
        d.verdict = AddressVerdict::Ipv4;
        in.sin_family = AF_INET;
        in.sin_port = htons(d.port);
        d.manual = dissectSockaddr(reinterpret_cast<const sockaddr*>(&in), sizeof in);
    } else if (d.ptonV6 == 1) {
        d.verdict = AddressVerdict::Ipv6;
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(d.port);
        d.manual = dissectSockaddr(reinterpret_cast<const sockaddr*>(&in6), sizeof in6);
    } else if (onlyDigitsAndDots(host)) {
        d.verdict = AddressVerdict::InvalidIpv4;
    } else if (host.find(':') != std::string::npos) {
        d.verdict = AddressVerdict::InvalidIpv6;
    }
    // An invalid literal is not a name: asking DNS about "999.1.1.1" would
    // only hide inet_pton's answer behind a misleading "unknown host".
    if (d.verdict == AddressVerdict::InvalidIpv4 || d.verdict == AddressVerdict::InvalidIpv6)
        return d;
    resolveInto(&d, d.verdict != AddressVerdict::Name);
    return d;
}

std::string gaiCodeName(int code) {
    switch (code) {
        case 0:
            return "0";
        case EAI_BADFLAGS:
            return "EAI_BADFLAGS";
        case EAI_NONAME:
            return "EAI_NONAME";
        case EAI_AGAIN:
            return "EAI_AGAIN";
        case EAI_FAIL:
            return "EAI_FAIL";
        case EAI_FAMILY:
            return "EAI_FAMILY";
        case EAI_SOCKTYPE:
            return "EAI_SOCKTYPE";
        case EAI_SERVICE:
            return "EAI_SERVICE";
        case EAI_MEMORY:
            return "EAI_MEMORY";
        case EAI_SYSTEM:
            return "EAI_SYSTEM";
        case EAI_OVERFLOW:
            return "EAI_OVERFLOW";
        case EAI_NODATA:
            return "EAI_NODATA";
        case EAI_ADDRFAMILY:
            return "EAI_ADDRFAMILY";
        default:
            return "EAI_" + std::to_string(code);
    }
}

std::string familyName(int family) {
    switch (family) {
        case AF_UNSPEC:
            return "AF_UNSPEC";
        case AF_UNIX:
            return "AF_UNIX";
        case AF_INET:
            return "AF_INET";
        case AF_INET6:
            return "AF_INET6";
        default:
            return std::to_string(family);
    }
}

std::string socktypeName(int socktype) {
    switch (socktype) {
        case SOCK_STREAM:
            return "SOCK_STREAM";
        case SOCK_DGRAM:
            return "SOCK_DGRAM";
        case SOCK_RAW:
            return "SOCK_RAW";
        case SOCK_SEQPACKET:
            return "SOCK_SEQPACKET";
        default:
            return std::to_string(socktype);
    }
}

std::string protocolName(int protocol) {
    switch (protocol) {
        case 0:
            return "0";
        case IPPROTO_TCP:
            return "IPPROTO_TCP";
        case IPPROTO_UDP:
            return "IPPROTO_UDP";
        default:
            return std::to_string(protocol);
    }
}

std::string hexBytes(const std::vector<uint8_t>& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (uint8_t b : bytes) {
        if (!out.empty()) out += ' ';
        out += digits[b >> 4];
        out += digits[b & 0xf];
    }
    return out;
}

}  // namespace sockwb
