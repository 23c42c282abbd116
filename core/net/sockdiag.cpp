// querySockets and the state names: see sockdiag.h. The netlink socket is
// NetlinkDump's, the parsing sockdiagparse.h's, the owners socketowners.h's.

#include "core/net/sockdiag.h"

#include <linux/inet_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/net/netlinkdump.h"
#include "core/net/sockdiagparse.h"
#include "core/net/socketowners.h"

namespace sockwb {

namespace {

constexpr int kSynRecv = 3;
constexpr int kNewSynRecv = 12;
constexpr int kClose = 7;

// Indexed by the kernel's state number (include/net/tcp_states.h).
constexpr std::array<const char*, 12> kNames = {
    "UNKNOWN",   "ESTABLISHED", "SYN-SENT",   "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",
    "TIME-WAIT", "CLOSE",       "CLOSE-WAIT", "LAST-ACK", "LISTEN",     "CLOSING"};
// ss's State column.
constexpr std::array<const char*, 12> kSsNames = {
    "UNKNOWN",   "ESTAB",  "SYN-SENT",   "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",
    "TIME-WAIT", "UNCONN", "CLOSE-WAIT", "LAST-ACK", "LISTEN",     "CLOSING"};
// ss's state filter words (`ss state listening`).
constexpr std::array<const char*, 12> kFilterNames = {
    "",          "established", "syn-sent",   "syn-recv", "fin-wait-1", "fin-wait-2",
    "time-wait", "closed",      "close-wait", "last-ack", "listening",  "closing"};

std::string normalized(const std::string& name) {
    std::string n;
    for (char c : name)
        n += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return n;
}

uint32_t kernelStates(uint32_t mask) {
    // A request socket (NEW_SYN_RECV) is what ss and the table call SYN-RECV.
    if (mask & (1u << kSynRecv)) mask |= 1u << kNewSynRecv;
    return mask;
}

void dumpInet(diag::NetlinkDump& netlink, int family, int protocol, const SocketQuery& q,
              std::vector<SocketEntry>* out) {
    inet_diag_req_v2 request{};
    request.sdiag_family = static_cast<uint8_t>(family);
    request.sdiag_protocol = static_cast<uint8_t>(protocol);
    request.idiag_states = kernelStates(q.stateMask);
    if (q.tcpInfo && protocol == IPPROTO_TCP) request.idiag_ext = 1u << (INET_DIAG_INFO - 1);
    const char* what = family == AF_INET
                           ? (protocol == IPPROTO_TCP ? "AF_INET TCP" : "AF_INET UDP")
                           : (protocol == IPPROTO_TCP ? "AF_INET6 TCP" : "AF_INET6 UDP");
    netlink.dump(&request, sizeof request, what, [&](const void* payload, size_t length) {
        if (auto e = diag::parseInetMessage(payload, length, protocol)) out->push_back(*e);
    });
}

void dumpUnix(diag::NetlinkDump& netlink, const SocketQuery& q, std::vector<SocketEntry>* out) {
    unix_diag_req request{};
    request.sdiag_family = AF_UNIX;
    request.udiag_states = q.stateMask;
    request.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN | UDIAG_SHOW_UID;
    netlink.dump(&request, sizeof request, "AF_UNIX", [&](const void* payload, size_t length) {
        if (auto e = diag::parseUnixMessage(payload, length)) out->push_back(*e);
    });
}

bool kept(const SocketEntry& e, const SocketQuery& q) {
    if (e.state < 0 || e.state > 31 || !(q.stateMask & (1u << e.state))) return false;
    const bool inet = e.protocol != SocketEntry::Protocol::Unix;
    if (q.port >= 0 && !(inet && (e.localPort == q.port || e.peerPort == q.port))) return false;
    if (q.localPort >= 0 && !(inet && e.localPort == q.localPort)) return false;
    return true;
}

}  // namespace

std::string tcpStateName(int state, bool datagram) {
    if (datagram && state == kClose) return "UNCONN";
    if (state == kNewSynRecv) state = kSynRecv;
    if (state <= 0 || state >= static_cast<int>(kNames.size())) return "UNKNOWN";
    return kNames[static_cast<size_t>(state)];
}

std::string ssStateName(int state) {
    if (state == kNewSynRecv) state = kSynRecv;
    if (state <= 0 || state >= static_cast<int>(kSsNames.size())) return "UNKNOWN";
    return kSsNames[static_cast<size_t>(state)];
}

std::vector<std::string> tcpStateNames() { return {kFilterNames.begin() + 1, kFilterNames.end()}; }

int tcpStateFromName(const std::string& name) {
    const std::string n = normalized(name);
    if (n.empty()) return -1;
    for (size_t s = 1; s < kNames.size(); ++s) {
        if (n == normalized(kNames[s]) || n == normalized(kSsNames[s]) || n == kFilterNames[s])
            return static_cast<int>(s);
    }
    if (n == "established" || n == "estab") return 1;
    if (n == "close" || n == "closed" || n == "unconn") return kClose;
    if (n == "syn-recv" || n == "syn-received") return kSynRecv;
    return -1;
}

std::string socketNetid(const SocketEntry& e) {
    switch (e.protocol) {
        case SocketEntry::Protocol::Tcp:
            return "tcp";
        case SocketEntry::Protocol::Udp:
            return "udp";
        case SocketEntry::Protocol::Unix:
            break;
    }
    switch (e.sockType) {
        case SOCK_STREAM:
            return "u_str";
        case SOCK_DGRAM:
            return "u_dgr";
        case SOCK_SEQPACKET:
            return "u_seq";
        default:
            return "unix";
    }
}

std::vector<SocketEntry> querySockets(const SocketQuery& query) {
    std::vector<SocketEntry> entries;
    diag::NetlinkDump netlink;
    if (query.unixSockets) dumpUnix(netlink, query, &entries);
    for (int protocol : {IPPROTO_UDP, IPPROTO_TCP}) {
        if (protocol == IPPROTO_UDP ? !query.udp : !query.tcp) continue;
        for (int family : {AF_INET, AF_INET6}) dumpInet(netlink, family, protocol, query, &entries);
    }
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const SocketEntry& e) { return !kept(e, query); }),
                  entries.end());
    if (query.owners) {
        std::set<uint64_t> inodes;
        for (const SocketEntry& e : entries)
            if (e.inode != 0) inodes.insert(e.inode);
        auto owners = diag::findSocketOwners(inodes);
        for (SocketEntry& e : entries) {
            auto it = owners.find(e.inode);
            if (it != owners.end()) e.owners = it->second;
        }
    }
    return entries;
}

}  // namespace sockwb
