#include "widgets/common/tcptext.h"

#include <QLocale>

namespace sockwb {

namespace {
constexpr uint32_t kInfiniteSsthresh = 0x7fffffff;  // TCP_INFINITE_SSTHRESH
}

QString TcpText::name(Field field) {
    switch (field) {
        case State:
            return tr("TCP state");
        case Rtt:
            return tr("RTT");
        case Cwnd:
            return tr("cwnd");
        case Ssthresh:
            return tr("ssthresh");
        case Retransmits:
            return tr("Retrans");
        case Unacked:
            return tr("Unacked");
        case RecvQ:
            return tr("Recv-Q");
        case SendQ:
            return tr("Send-Q");
        case BytesAcked:
            return tr("Bytes acked");
        case BytesReceived:
            return tr("Bytes received");
        case FieldCount:
            break;
    }
    return {};
}

QString TcpText::explanation(Field field) {
    switch (field) {
        case State:
            return tr(
                "Where the connection is in TCP's state machine, as the kernel keeps it: "
                "ESTABLISHED while data flows both ways; FIN-WAIT-1 then FIN-WAIT-2 after "
                "this side's close() or shutdown(SHUT_WR); CLOSE-WAIT once the peer has "
                "closed (recv() returned 0) until this side closes too; LAST-ACK, CLOSING, "
                "and TIME-WAIT for about a minute on the side that closed first.");
        case Rtt:
            return tr(
                "Smoothed round-trip time ± its mean deviation (tcpi_rtt, tcpi_rttvar): how "
                "long a segment waits for its acknowledgement, as the kernel measures it. "
                "The retransmission timeout is computed from both.");
        case Cwnd:
            return tr(
                "Congestion window (tcpi_snd_cwnd), in segments: how many segments this "
                "side may have in flight without an acknowledgement. It grows while "
                "acknowledgements come back and shrinks after a loss.");
        case Ssthresh:
            return tr(
                "Slow-start threshold (tcpi_snd_ssthresh), in segments: below it the "
                "congestion window doubles every round trip (slow start), above it it "
                "grows by about one segment per round trip. ∞ until the first loss.");
        case Retransmits:
            return tr(
                "Segments sent again over the connection's life (tcpi_total_retrans); in "
                "brackets, the retransmissions of the segment unacknowledged now "
                "(tcpi_retransmits).");
        case Unacked:
            return tr("Segments sent and not yet acknowledged by the peer (tcpi_unacked).");
        case RecvQ:
            return tr(
                "Bytes the kernel has received that the program has not read yet (ioctl "
                "SIOCINQ). They wait in the socket's receive buffer until recv() takes "
                "them; when the buffer is full the window closes and the peer must stop "
                "sending.");
        case SendQ:
            return tr(
                "Bytes send() has handed to the kernel that the peer has not acknowledged "
                "yet (ioctl SIOCOUTQ). It grows when the peer does not read: its window "
                "closes and send() blocks once the send buffer is full.");
        case BytesAcked:
            return tr("Bytes sent that the peer has acknowledged (tcpi_bytes_acked).");
        case BytesReceived:
            return tr("Bytes received from the peer, in order (tcpi_bytes_received).");
        case FieldCount:
            break;
    }
    return {};
}

QString TcpText::rtt(uint32_t rttUs, uint32_t rttVarUs) {
    return tr("%1 ± %2 ms").arg(rttUs / 1000.0, 0, 'f', 2).arg(rttVarUs / 1000.0, 0, 'f', 2);
}

QString TcpText::value(Field field, const TcpWatchSample& sample) {
    const TcpSample& t = sample.tcp;
    const QLocale locale;
    switch (field) {
        case State:
            return QString::fromStdString(tcpStateName(t.state));
        case RecvQ:
            return locale.toString(t.inQueue);
        case SendQ:
            return locale.toString(t.outQueue);
        default:
            break;
    }
    if (!sample.hasInfo) return {};
    switch (field) {
        case Rtt:
            return rtt(t.rttUs, t.rttVarUs);
        case Cwnd:
            return locale.toString(t.cwnd);
        case Ssthresh:
            return t.ssthresh >= kInfiniteSsthresh ? QStringLiteral("∞")
                                                   : locale.toString(t.ssthresh);
        case Retransmits:
            if (t.retransmits > 0)
                return tr("%1 (%2)").arg(locale.toString(t.totalRetransmits),
                                         locale.toString(t.retransmits));
            return locale.toString(t.totalRetransmits);
        case Unacked:
            return locale.toString(t.unacked);
        case BytesAcked:
            return locale.toString(qulonglong(t.bytesAcked));
        case BytesReceived:
            return locale.toString(qulonglong(t.bytesReceived));
        default:
            break;
    }
    return {};
}

}  // namespace sockwb
