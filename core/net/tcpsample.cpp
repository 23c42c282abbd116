// struct tcp_info into TcpSample (shared by INET_DIAG_INFO and
// getsockopt(TCP_INFO)), and readTcpSample on a socket the caller holds.

#include <linux/sockios.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/net/sockdiag.h"
#include "core/net/sockdiagparse.h"

namespace sockwb {

namespace diag {

namespace {
constexpr int kTcpListen = 10;  // TCP_LISTEN: netinet/tcp.h, which clashes with linux/tcp.h
}  // namespace

TcpSample tcpSampleFromInfo(const void* info, size_t length) {
    // A kernel older than these headers sends a shorter struct (fields it
    // lacks stay 0); a newer one a longer struct (the tail is ignored).
    tcp_info t;
    std::memset(&t, 0, sizeof t);
    std::memcpy(&t, info, std::min(length, sizeof t));
    TcpSample s;
    s.state = t.tcpi_state;
    s.rttUs = t.tcpi_rtt;
    s.rttVarUs = t.tcpi_rttvar;
    s.cwnd = t.tcpi_snd_cwnd;
    s.ssthresh = t.tcpi_snd_ssthresh;
    s.retransmits = t.tcpi_retransmits;
    s.totalRetransmits = t.tcpi_total_retrans;
    s.unacked = t.tcpi_unacked;
    s.mss = t.tcpi_snd_mss;
    s.bytesAcked = t.tcpi_bytes_acked;
    s.bytesReceived = t.tcpi_bytes_received;
    s.dataSegsOut = t.tcpi_data_segs_out;
    // For a listener the kernel puts the accept queue in tcpi_unacked and
    // the backlog in tcpi_sacked: the queues ss shows for it.
    if (t.tcpi_state == kTcpListen) {
        s.inQueue = t.tcpi_unacked;
        s.outQueue = t.tcpi_sacked;
    }
    return s;
}

}  // namespace diag

std::optional<TcpSample> readTcpSample(int fd) {
    tcp_info info;
    std::memset(&info, 0, sizeof info);
    socklen_t length = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0) return std::nullopt;
    TcpSample s = diag::tcpSampleFromInfo(&info, length);
    if (s.state == diag::kTcpListen) return s;  // SIOCINQ refuses a listener (EINVAL)
    int inQueue = 0;
    int outQueue = 0;
    if (::ioctl(fd, SIOCINQ, &inQueue) != 0 || ::ioctl(fd, SIOCOUTQ, &outQueue) != 0)
        return std::nullopt;
    s.inQueue = static_cast<uint32_t>(std::max(inQueue, 0));
    s.outQueue = static_cast<uint32_t>(std::max(outQueue, 0));
    return s;
}

}  // namespace sockwb
