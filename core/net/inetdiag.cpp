// inet_diag answers (TCP and UDP over IPv4 and IPv6) into SocketEntry, and
// endpoints spelt as `ss -n` spells them. See sockdiagparse.h.

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

#include "core/net/sockdiagparse.h"

namespace sockwb::diag {

namespace {

constexpr int kTcpSynRecv = 3;
constexpr int kTcpNewSynRecv = 12;  // a request socket; ss shows it SYN-RECV

bool isAny6(const unsigned char* addr) {
    static const unsigned char zero[16] = {};
    return std::memcmp(addr, zero, 16) == 0;
}

}  // namespace

void forEachAttribute(const unsigned char* bytes, size_t length,
                      const std::function<void(int, const unsigned char*, size_t)>& visit) {
    size_t at = 0;
    while (length - at >= sizeof(rtattr)) {
        rtattr attr;
        std::memcpy(&attr, bytes + at, sizeof attr);
        if (attr.rta_len < sizeof(rtattr) || attr.rta_len > length - at) return;
        visit(attr.rta_type, bytes + at + RTA_LENGTH(0), attr.rta_len - RTA_LENGTH(0));
        const size_t step = RTA_ALIGN(attr.rta_len);
        if (step >= length - at) return;
        at += step;
    }
}

std::string inetEndpoint(int family, const unsigned char* addr, uint16_t port, bool v6only,
                         uint32_t ifindex) {
    std::string host;
    char text[INET6_ADDRSTRLEN] = {};
    if (family == AF_INET) {
        host = ::inet_ntop(AF_INET, addr, text, sizeof text) ? text : "?";
    } else if (!v6only && isAny6(addr)) {
        host = "*";  // a dual-stack socket bound to the any address
    } else {
        host = ::inet_ntop(AF_INET6, addr, text, sizeof text) ? text : "?";
        host = "[" + host + "]";
    }
    if (ifindex != 0) {
        char name[IF_NAMESIZE] = {};
        host += "%";
        host += ::if_indextoname(ifindex, name) ? name : std::to_string(ifindex);
    }
    return host + ":" + (port == 0 ? std::string("*") : std::to_string(port));
}

std::optional<SocketEntry> parseInetMessage(const void* payload, size_t length, int protocol) {
    if (length < sizeof(inet_diag_msg)) return std::nullopt;
    inet_diag_msg m;
    std::memcpy(&m, payload, sizeof m);
    if (m.idiag_family != AF_INET && m.idiag_family != AF_INET6) return std::nullopt;
    SocketEntry e;
    e.protocol = protocol == IPPROTO_UDP ? SocketEntry::Protocol::Udp : SocketEntry::Protocol::Tcp;
    e.family = m.idiag_family;
    e.sockType = protocol == IPPROTO_UDP ? SOCK_DGRAM : SOCK_STREAM;
    e.state = m.idiag_state == kTcpNewSynRecv ? kTcpSynRecv : m.idiag_state;
    e.localPort = ntohs(m.id.idiag_sport);
    e.peerPort = ntohs(m.id.idiag_dport);
    e.recvQ = m.idiag_rqueue;
    e.sendQ = m.idiag_wqueue;
    e.inode = m.idiag_inode;
    e.uid = m.idiag_uid;
    e.timer = m.idiag_timer;
    e.timerExpiresMs = m.idiag_expires;
    e.timerRetransmits = m.idiag_retrans;

    const auto* bytes = static_cast<const unsigned char*>(payload);
    const size_t start = NLMSG_ALIGN(sizeof(inet_diag_msg));
    if (length > start) {
        forEachAttribute(bytes + start, length - start,
                         [&](int type, const unsigned char* data, size_t size) {
                             if (type == INET_DIAG_SKV6ONLY && size >= 1) {
                                 e.v6only = data[0] != 0;
                             } else if (type == INET_DIAG_SHUTDOWN && size >= 1) {
                                 e.shutdown = data[0] & 3;
                             } else if (type == INET_DIAG_INFO && protocol == IPPROTO_TCP) {
                                 e.tcp = tcpSampleFromInfo(data, size);
                                 e.tcp->inQueue = e.recvQ;
                                 e.tcp->outQueue = e.sendQ;
                             }
                         });
    }
    unsigned char src[16];
    unsigned char dst[16];
    std::memcpy(src, m.id.idiag_src, sizeof src);
    std::memcpy(dst, m.id.idiag_dst, sizeof dst);
    e.local = inetEndpoint(e.family, src, e.localPort, e.v6only, m.id.idiag_if);
    e.peer = inetEndpoint(e.family, dst, e.peerPort, e.v6only);
    return e;
}

}  // namespace sockwb::diag
