#include "core/net/systext.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>

namespace sockwb::sys {

namespace {
std::string num(long long v) { return std::to_string(v); }
}  // namespace

std::string familyName(int family) {
    switch (family) {
        case AF_INET:
            return "AF_INET";
        case AF_INET6:
            return "AF_INET6";
        case AF_UNIX:
            return "AF_UNIX";
        case AF_UNSPEC:
            return "AF_UNSPEC";
        default:
            return num(family);
    }
}

std::string sockTypeName(int type) {
    std::string s;
    switch (type & 0xf) {
        case SOCK_STREAM:
            s = "SOCK_STREAM";
            break;
        case SOCK_DGRAM:
            s = "SOCK_DGRAM";
            break;
        case SOCK_RAW:
            s = "SOCK_RAW";
            break;
        default:
            s = num(type & 0xf);
    }
    if (type & SOCK_NONBLOCK) s += "|SOCK_NONBLOCK";
    if (type & SOCK_CLOEXEC) s += "|SOCK_CLOEXEC";
    return s;
}

std::string sockaddrText(const sockaddr* addr, socklen_t len) {
    if (!addr || len == 0) return "NULL";
    char host[INET6_ADDRSTRLEN] = "?";
    if (addr->sa_family == AF_INET && len >= sizeof(sockaddr_in)) {
        auto* in = reinterpret_cast<const sockaddr_in*>(addr);
        ::inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        return std::string(host) + ":" + num(ntohs(in->sin_port));
    }
    if (addr->sa_family == AF_INET6 && len >= sizeof(sockaddr_in6)) {
        auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
        ::inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        return "[" + std::string(host) + "]:" + num(ntohs(in6->sin6_port));
    }
    if (addr->sa_family == AF_UNIX) {
        const std::string name = unixSockaddrName(addr, len);
        return "[unix:" + (name.empty() ? std::string("(unnamed)") : name) + "]";
    }
    return "{family " + familyName(addr->sa_family) + "}";
}

std::string endpointText(const sockaddr* addr, socklen_t len) {
    if (!addr || len < sizeof(sa_family_t)) return {};
    char host[INET6_ADDRSTRLEN] = "";
    if (addr->sa_family == AF_INET && len >= sizeof(sockaddr_in)) {
        sockaddr_in in;
        std::memcpy(&in, addr, sizeof in);
        ::inet_ntop(AF_INET, &in.sin_addr, host, sizeof host);
        return std::string(host) + ":" + num(ntohs(in.sin_port));
    }
    if (addr->sa_family == AF_INET6 && len >= sizeof(sockaddr_in6)) {
        sockaddr_in6 in6;
        std::memcpy(&in6, addr, sizeof in6);
        const std::string port = num(ntohs(in6.sin6_port));
        if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr)) {
            ::inet_ntop(AF_INET, in6.sin6_addr.s6_addr + 12, host, sizeof host);
            return std::string(host) + ":" + port;
        }
        ::inet_ntop(AF_INET6, &in6.sin6_addr, host, sizeof host);
        std::string text = "[" + std::string(host);
        if (in6.sin6_scope_id != 0) {  // as Address::host() writes a zone
            char name[IF_NAMESIZE] = "";
            text += "%" + (::if_indextoname(in6.sin6_scope_id, name) ? std::string(name)
                                                                     : num(in6.sin6_scope_id));
        }
        return text + "]:" + port;
    }
    if (addr->sa_family == AF_UNIX) {
        const std::string name = unixSockaddrName(addr, len);
        return "unix:" + (name.empty() ? std::string("(unnamed)") : name);
    }
    return {};
}

std::string unixSockaddrName(const sockaddr* addr, socklen_t len) {
    constexpr size_t offset = offsetof(sockaddr_un, sun_path);
    if (!addr || addr->sa_family != AF_UNIX || len <= offset) return {};
    const auto* un = reinterpret_cast<const sockaddr_un*>(addr);
    size_t n = std::min<size_t>(len - offset, sizeof un->sun_path);
    if (un->sun_path[0] != '\0') return std::string(un->sun_path, ::strnlen(un->sun_path, n));
    // Abstract: every byte after the leading NUL is the name, NULs included.
    std::string name = "@";
    for (size_t i = 1; i < n; ++i) {
        const auto c = static_cast<unsigned char>(un->sun_path[i]);
        if (c >= 0x21 && c < 0x7f && c != '\\') {
            name += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            name += buf;
        }
    }
    return name;
}

std::string sockoptName(int level, int name) {
    if (level == SOL_SOCKET) {
        switch (name) {
            case SO_REUSEADDR:
                return "SOL_SOCKET, SO_REUSEADDR";
            case SO_REUSEPORT:
                return "SOL_SOCKET, SO_REUSEPORT";
            case SO_KEEPALIVE:
                return "SOL_SOCKET, SO_KEEPALIVE";
            case SO_RCVBUF:
                return "SOL_SOCKET, SO_RCVBUF";
            case SO_SNDBUF:
                return "SOL_SOCKET, SO_SNDBUF";
            case SO_RCVTIMEO:
                return "SOL_SOCKET, SO_RCVTIMEO";
            case SO_SNDTIMEO:
                return "SOL_SOCKET, SO_SNDTIMEO";
            case SO_ERROR:
                return "SOL_SOCKET, SO_ERROR";
            case SO_LINGER:
                return "SOL_SOCKET, SO_LINGER";
            case SO_TYPE:
                return "SOL_SOCKET, SO_TYPE";
            case SO_BROADCAST:
                return "SOL_SOCKET, SO_BROADCAST";
            default:
                return "SOL_SOCKET, " + num(name);
        }
    }
    if (level == IPPROTO_TCP && name == TCP_NODELAY) return "IPPROTO_TCP, TCP_NODELAY";
    if (level == IPPROTO_TCP && name == TCP_KEEPIDLE) return "IPPROTO_TCP, TCP_KEEPIDLE";
    if (level == IPPROTO_TCP && name == TCP_KEEPINTVL) return "IPPROTO_TCP, TCP_KEEPINTVL";
    if (level == IPPROTO_TCP && name == TCP_KEEPCNT) return "IPPROTO_TCP, TCP_KEEPCNT";
    if (level == IPPROTO_IP && name == IP_TTL) return "IPPROTO_IP, IP_TTL";
    if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY) return "IPPROTO_IPV6, IPV6_V6ONLY";
    if (level == IPPROTO_IPV6 && name == IPV6_UNICAST_HOPS)
        return "IPPROTO_IPV6, IPV6_UNICAST_HOPS";
    return num(level) + ", " + num(name);
}

std::string msgFlagsText(int flags) {
    if (flags == 0) return "0";
    std::string s;
    auto add = [&](int bit, const char* n) {
        if (flags & bit) {
            if (!s.empty()) s += '|';
            s += n;
            flags &= ~bit;
        }
    };
    add(MSG_NOSIGNAL, "MSG_NOSIGNAL");
    add(MSG_DONTWAIT, "MSG_DONTWAIT");
    add(MSG_PEEK, "MSG_PEEK");
    add(MSG_TRUNC, "MSG_TRUNC");
    add(MSG_WAITALL, "MSG_WAITALL");
    if (flags) {
        if (!s.empty()) s += '|';
        s += num(flags);
    }
    return s;
}

std::string dataPreview(const void* data, size_t len, size_t maxBytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::string s = "\"";
    size_t n = len < maxBytes ? len : maxBytes;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = p[i];
        if (c == '\n')
            s += "\\n";
        else if (c == '\r')
            s += "\\r";
        else if (c == '\t')
            s += "\\t";
        else if (c == '"')
            s += "\\\"";
        else if (c == '\\')
            s += "\\\\";
        else if (c >= 0x20 && c < 0x7f)
            s += static_cast<char>(c);
        else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            s += buf;
        }
    }
    s += '"';
    if (len > maxBytes) s += "...";
    return s;
}

std::string sockoptValue(int level, int name, const void* value, size_t len) {
    if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO) &&
        len == sizeof(timeval)) {
        timeval tv;
        std::memcpy(&tv, value, sizeof tv);
        return "{tv_sec=" + std::to_string(tv.tv_sec) + ", tv_usec=" + std::to_string(tv.tv_usec) +
               "}";
    }
    if (level == SOL_SOCKET && name == SO_LINGER && len == sizeof(linger)) {
        linger l;
        std::memcpy(&l, value, sizeof l);
        return "{l_onoff=" + std::to_string(l.l_onoff) +
               ", l_linger=" + std::to_string(l.l_linger) + "}";
    }
    if (len == sizeof(int)) {
        int v;
        std::memcpy(&v, value, sizeof v);
        return "[" + std::to_string(v) + "]";
    }
    return {};
}

}  // namespace sockwb::sys
