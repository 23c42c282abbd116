#include "core/net/address.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>

#include <charconv>
#include <cstring>
#include <memory>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {
// True for "invalid", "x.invalid" and "x.invalid." in any case.
bool isInvalidTld(std::string_view host) {
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    constexpr std::string_view tld = "invalid";
    if (host.size() < tld.size()) return false;
    const std::string_view tail = host.substr(host.size() - tld.size());
    for (size_t i = 0; i < tld.size(); ++i)
        if ((tail[i] | 0x20) != tld[i]) return false;
    return host.size() == tld.size() || host[host.size() - tld.size() - 1] == '.';
}
}  // namespace

bool Address::isInvalidName(std::string_view host) noexcept { return isInvalidTld(host); }

Address::Address(const sockaddr* addr, socklen_t len) {
    if (!addr || len == 0 || len > sizeof(storage_)) return;
    std::memcpy(&storage_, addr, len);
    len_ = len;
}

uint16_t Address::parsePort(std::string_view text) {
    if (text.empty() || text.size() > 5)
        throw Error::invalid("invalid port '" + std::string(text) + "'",
                             "a port is a number from 0 to 65535");
    unsigned v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            throw Error::invalid("invalid port '" + std::string(text) + "'",
                                 "a port is a number from 0 to 65535");
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    if (v > 65535)
        throw Error::invalid("port " + std::string(text) + " is out of range",
                             "a port is a number from 0 to 65535");
    return static_cast<uint16_t>(v);
}

namespace {

// The interface index of an IPv6 zone id: a number, or an interface name
// (glibc's getaddrinfo takes names only on link-local addresses; we take
// them everywhere, "::1%lo" included).
uint32_t zoneIndex(const std::string& zone) {
    const auto bad = [&] {
        return Error::invalid("unknown network interface '" + zone + "' after '%'",
                              "a zone id names an interface (ip link lists them) or its index");
    };
    if (zone.empty()) throw bad();
    if (zone.find_first_not_of("0123456789") == std::string::npos) {
        if (zone.size() > 9) throw bad();
        return static_cast<uint32_t>(std::stoul(zone));
    }
    const unsigned index = ::if_nametoindex(zone.c_str());
    if (index == 0) throw bad();
    return index;
}

}  // namespace

Address Address::fromIp(std::string_view ip, uint16_t port) {
    std::string host(ip);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    Address a;
    sockaddr_in in{};
    if (::inet_pton(AF_INET, host.c_str(), &in.sin_addr) == 1) {
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        return Address(reinterpret_cast<sockaddr*>(&in), sizeof in);
    }
    sockaddr_in6 in6{};
    // "fe80::1%eth0": the zone id (an interface name or index) after '%'.
    const auto percent = host.find('%');
    if (::inet_pton(AF_INET6, host.substr(0, percent).c_str(), &in6.sin6_addr) == 1) {
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(port);
        if (percent != std::string::npos) in6.sin6_scope_id = zoneIndex(host.substr(percent + 1));
        return Address(reinterpret_cast<sockaddr*>(&in6), sizeof in6);
    }
    throw Error::invalid("'" + host + "' is not an IP address",
                         "write an IPv4 address like 127.0.0.1 or an IPv6 address like ::1");
}

std::vector<Address> Address::resolve(std::string_view hostView, std::string_view portView,
                                      int socktype, int family) {
    std::string host(hostView);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty()) throw Error::invalid("missing host", "write host:port, e.g. 127.0.0.1:7");
    const uint16_t port = parsePort(portView);
    // Numeric addresses never need the resolver (and never block on DNS).
    // With a zone id ("fe80::1%eth0") an unknown interface is the error to show.
    if (host.find('%') != std::string::npos && host.find(':') != std::string::npos) {
        Address a = fromIp(host, port);
        if (family == AF_UNSPEC || family == a.family()) return {a};
    }
    try {
        Address a = fromIp(host, port);
        if (family == AF_UNSPEC || family == a.family()) return {a};
    } catch (const Error&) {
    }
    // RFC 6761: ".invalid" names never resolve, and resolvers should say so
    // without asking DNS (which may hang on a machine with no network).
    if (isInvalidTld(host)) {
        ErrorInfo info{ErrorKind::Resolve, "getaddrinfo", 0, EAI_NONAME, {}, host};
        throw Error(info);
    }
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* res = nullptr;
    const std::string portText = std::to_string(port);
    int rc = sys::getaddrinfo(host.c_str(), portText.c_str(), &hints, &res);
    if (rc == EAI_NONAME || rc == EAI_ADDRFAMILY || rc == EAI_NODATA) {
        // AI_ADDRCONFIG hides loopback-only families on machines with no
        // global address; ask again without it before giving up.
        hints.ai_flags = 0;
        rc = sys::getaddrinfo(host.c_str(), portText.c_str(), &hints, &res);
    }
    if (rc != 0) {
        ErrorInfo info;
        info.kind = ErrorKind::Resolve;
        info.call = "getaddrinfo";
        info.gaiCode = rc;
        info.detail = host;
        if (rc == EAI_SYSTEM) {
            info.kind = ErrorKind::System;
            info.err = errno;
        }
        throw Error(info);
    }
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> guard(res, ::freeaddrinfo);
    std::vector<Address> out;
    for (addrinfo* p = res; p; p = p->ai_next) {
        Address a(p->ai_addr, p->ai_addrlen);
        bool dup = false;
        for (const auto& o : out) dup = dup || o == a;
        if (!dup) out.push_back(a);
    }
    if (out.empty()) {
        ErrorInfo info{ErrorKind::Resolve, "getaddrinfo", 0, EAI_NONAME, {}, host};
        throw Error(info);
    }
    return out;
}

Address Address::parse(std::string_view text, int socktype) {
    if (const size_t prefix = unixPrefixLength(text)) return unixPath(text.substr(prefix));
    std::string_view host, port;
    if (!text.empty() && text.front() == '[') {
        auto end = text.find(']');
        if (end == std::string_view::npos || end + 1 >= text.size() || text[end + 1] != ':')
            throw Error::invalid("invalid address '" + std::string(text) + "'",
                                 "write an IPv6 address with its port as [::1]:8080");
        host = text.substr(1, end - 1);
        port = text.substr(end + 2);
    } else {
        auto colon = text.rfind(':');
        if (colon == std::string_view::npos)
            throw Error::invalid("invalid address '" + std::string(text) + "'",
                                 "write host:port, e.g. 127.0.0.1:8080 or [::1]:8080");
        if (text.find(':') != colon)
            throw Error::invalid("invalid address '" + std::string(text) + "'",
                                 "put IPv6 addresses in brackets: [::1]:8080");
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    return resolve(host, port, socktype).front();
}

uint16_t Address::port() const noexcept {
    if (family() == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in*>(&storage_)->sin_port);
    if (family() == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage_)->sin6_port);
    return 0;
}

void Address::setPort(uint16_t port) noexcept {
    if (family() == AF_INET) reinterpret_cast<sockaddr_in*>(&storage_)->sin_port = htons(port);
    if (family() == AF_INET6) reinterpret_cast<sockaddr_in6*>(&storage_)->sin6_port = htons(port);
}

std::string Address::host() const {
    if (isUnix()) return unixName();
    char buf[INET6_ADDRSTRLEN] = "";
    if (family() == AF_INET)
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&storage_)->sin_addr, buf,
                    sizeof buf);
    else if (family() == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&storage_);
        ::inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
        // A link-local address means nothing without its interface:
        // "fe80::1%eth0", the form getaddrinfo parses back.
        if (in6->sin6_scope_id != 0) {
            char name[IF_NAMESIZE] = "";
            return std::string(buf) + "%" +
                   (::if_indextoname(in6->sin6_scope_id, name)
                        ? std::string(name)
                        : std::to_string(in6->sin6_scope_id));
        }
    }
    return buf;
}

std::string Address::toString() const {
    if (!isValid()) return {};
    if (isUnix()) {
        const std::string name = unixName();
        return "unix:" + (name.empty() ? std::string("(unnamed)") : name);
    }
    if (isV6()) return "[" + host() + "]:" + std::to_string(port());
    if (family() == AF_INET) {
        // The common case formatted by hand into one buffer: servers print
        // every peer, and inet_ntop goes through sprintf.
        const uint32_t ip = ntohl(reinterpret_cast<const sockaddr_in*>(&storage_)->sin_addr.s_addr);
        char buf[24];
        char* p = buf;
        for (int shift = 24; shift >= 0; shift -= 8) {
            p = std::to_chars(p, buf + sizeof buf, (ip >> shift) & 0xFF).ptr;
            *p++ = shift ? '.' : ':';
        }
        p = std::to_chars(p, buf + sizeof buf, port()).ptr;
        return std::string(buf, size_t(p - buf));
    }
    return host() + ":" + std::to_string(port());
}

bool Address::isLoopback() const noexcept {
    if (family() == AF_INET)
        return (ntohl(reinterpret_cast<const sockaddr_in*>(&storage_)->sin_addr.s_addr) >> 24) ==
               127;
    if (family() == AF_INET6)
        return IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<const sockaddr_in6*>(&storage_)->sin6_addr);
    return false;
}

bool operator==(const Address& a, const Address& b) noexcept {
    if (a.family() != b.family() || a.port() != b.port()) return false;
    if (a.isUnix()) return a.unixName() == b.unixName();
    if (a.family() == AF_INET)
        return reinterpret_cast<const sockaddr_in*>(&a.storage_)->sin_addr.s_addr ==
               reinterpret_cast<const sockaddr_in*>(&b.storage_)->sin_addr.s_addr;
    if (a.family() == AF_INET6)
        return std::memcmp(&reinterpret_cast<const sockaddr_in6*>(&a.storage_)->sin6_addr,
                           &reinterpret_cast<const sockaddr_in6*>(&b.storage_)->sin6_addr,
                           16) == 0 &&
               reinterpret_cast<const sockaddr_in6*>(&a.storage_)->sin6_scope_id ==
                   reinterpret_cast<const sockaddr_in6*>(&b.storage_)->sin6_scope_id;
    return a.len_ == b.len_;
}

}  // namespace sockwb
