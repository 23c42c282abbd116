#pragma once
// The machine's sockets as the kernel lists them over NETLINK_SOCK_DIAG (no
// root needed), as `ss -tuanp` shows them: TCP and UDP over IPv4 and IPv6
// (inet_diag) and Unix sockets (unix_diag), with their state, queues, timer,
// inode and uid, TCP_INFO when asked, and the owning processes where /proc
// lets this user see them. Also the live TCP state of one socket read with
// getsockopt(TCP_INFO) and ioctl(SIOCINQ/SIOCOUTQ). Untraced: these are the
// workbench looking, not the socket API a student is watching. Thread-safe
// (every call opens its own netlink socket).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sockwb {

// The TCP_INFO fields the workbench shows (struct tcp_info, linux/tcp.h),
// plus the queues. Times in microseconds, windows in segments.
struct TcpSample {
    int state = 0;  // TCP_ESTABLISHED (1) ... TCP_CLOSING (11), as the kernel numbers them
    uint32_t rttUs = 0;
    uint32_t rttVarUs = 0;
    uint32_t cwnd = 0;
    uint32_t ssthresh = 0;          // 0x7fffffff (TCP_INFINITE_SSTHRESH) before the first loss
    uint32_t retransmits = 0;       // tcpi_retransmits: unrecovered, now
    uint32_t totalRetransmits = 0;  // tcpi_total_retrans
    uint32_t unacked = 0;           // tcpi_unacked (for a listener: the accept queue)
    uint32_t mss = 0;               // tcpi_snd_mss
    uint64_t bytesAcked = 0;        // tcpi_bytes_acked
    uint64_t bytesReceived = 0;     // tcpi_bytes_received
    uint32_t dataSegsOut = 0;       // tcpi_data_segs_out: segments sent that carried data
    // Bytes waiting in the receive queue (SIOCINQ) and sent but not yet
    // acknowledged (SIOCOUTQ). From a sock_diag answer: idiag_rqueue/wqueue,
    // which are the same numbers for a connected socket.
    uint32_t inQueue = 0;
    uint32_t outQueue = 0;
};

// "ESTABLISHED", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",
// "TIME-WAIT", "CLOSE", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING" (ss's
// spelling); "UNCONN" for an unconnected UDP or Unix socket (state 7 there);
// "UNKNOWN" otherwise. Thread-safe.
std::string tcpStateName(int state, bool datagram = false);
// The state number for a name as tcpStateName spells it (case-insensitive,
// "-" or "_"), also "established"/"listening"/"syn-sent"...; -1 when none.
int tcpStateFromName(const std::string& name);
// The State column of `ss`: "ESTAB", "SYN-SENT", ..., "UNCONN" for state 7
// (TCP CLOSE too, as ss prints it), "UNKNOWN" otherwise. Thread-safe.
std::string ssStateName(int state);
// The names tcpStateFromName accepts, one per state, in ss's filter
// spelling: "established", "syn-sent", ..., "listening", "closing".
std::vector<std::string> tcpStateNames();

// Reads getsockopt(TCP_INFO) and ioctl(SIOCINQ/SIOCOUTQ) on a TCP socket the
// caller owns and keeps open during the call. nullopt (errno set) on failure.
std::optional<TcpSample> readTcpSample(int fd);

struct SocketOwner {
    int pid = 0;
    int fd = -1;
    std::string command;  // /proc/PID/comm
};

struct SocketEntry {
    enum class Protocol { Tcp, Udp, Unix };
    Protocol protocol = Protocol::Tcp;
    int family = 0;    // AF_INET, AF_INET6, AF_UNIX
    int sockType = 0;  // SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET
    int state = 0;     // kernel state number (see tcpStateName)
    // Endpoints as `ss -n` prints them: "127.0.0.1:5000", "[::1]:80",
    // "0.0.0.0:5000", "0.0.0.0:*" for no peer, "[::ffff:127.0.0.1]:80" (an
    // IPv4-mapped address), "[::]:5000" for an IPV6_V6ONLY socket bound to
    // the any address and "*:5000" for a dual-stack one; "%eth0" after the
    // local address of a socket bound to a device. Unix: the path, "@name"
    // (abstract, each NUL byte shown as '@') or "*"; the peer is always "*"
    // as ss prints it (peerInode says which socket it is).
    std::string local;
    std::string peer;
    uint16_t localPort = 0;
    uint16_t peerPort = 0;
    bool v6only = false;     // AF_INET6: IPV6_V6ONLY (INET_DIAG_SKV6ONLY)
    uint64_t peerInode = 0;  // Unix: the peer socket's inode (0 when none)
    // Recv-Q / Send-Q as ss shows them. For a listener: the connections
    // waiting in the accept queue, and the backlog (its maximum).
    uint32_t recvQ = 0;
    uint32_t sendQ = 0;
    uint64_t inode = 0;
    uint32_t uid = 0;
    // idiag_timer: 0 none, 1 retransmit, 2 keep-alive, 3 TIME-WAIT, 4 zero
    // window probe; expires in ms; retransmissions so far.
    int timer = 0;
    uint32_t timerExpiresMs = 0;
    uint32_t timerRetransmits = 0;
    // Unix: UNIX_DIAG_SHUTDOWN; TCP: INET_DIAG_SHUTDOWN. Bit 0 = no more
    // receptions (SHUT_RD), bit 1 = no more sends (SHUT_WR).
    int shutdown = 0;
    std::optional<TcpSample> tcp;     // with SocketQuery::tcpInfo, for TCP
    std::vector<SocketOwner> owners;  // with SocketQuery::owners, where visible
};

struct SocketQuery {
    bool tcp = true;
    bool udp = true;
    bool unixSockets = false;
    bool tcpInfo = false;              // ask INET_DIAG_INFO (TCP_INFO) for TCP sockets
    bool owners = false;               // scan /proc/*/fd for the owners of the inodes
    int port = -1;                     // keep only sockets whose local or peer port is this
    int localPort = -1;                // keep only sockets whose local port is this
    uint32_t stateMask = 0xffffffffu;  // bit (1 << state) set = kept
};

// "tcp", "udp", "u_str", "u_dgr", "u_seq": ss's Netid column. Thread-safe.
std::string socketNetid(const SocketEntry& entry);

// Dumps the sockets: Unix first, then UDP, then TCP, each IPv4 then IPv6
// (the order of `ss -xtuan`). Port filters drop Unix sockets. Throws sockwb::Error (call
// "socket"/"sendmsg"/"recvmsg", with errno) when netlink fails, e.g. EPROTONOSUPPORT without
// sock_diag.
std::vector<SocketEntry> querySockets(const SocketQuery& query);

}  // namespace sockwb
