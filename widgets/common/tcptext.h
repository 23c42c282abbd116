#pragma once
// TcpText: the live TCP numbers of a connection (TcpWatchSample) in words,
// for the server's connections table and the client window's TCP box: one
// short name, one explanation in the course's words (for tooltips) and the
// value as shown, per field. States keep ss's spelling (ESTABLISHED,
// CLOSE-WAIT...): the names a student looks up are not translated.
// Pure functions: thread-safe (the words need the application's translator).

#include <QCoreApplication>
#include <QString>

#include "core/net/tcpwatch.h"

namespace sockwb {

class TcpText {
    Q_DECLARE_TR_FUNCTIONS(sockwb::TcpText)
public:
    enum Field {
        State,
        Rtt,
        Cwnd,
        Ssthresh,
        Retransmits,
        Unacked,
        RecvQ,
        SendQ,
        BytesAcked,
        BytesReceived,
        FieldCount
    };

    // "TCP state", "RTT", "cwnd", "ssthresh", "Retrans", "Unacked",
    // "Recv-Q", "Send-Q", "Bytes acked", "Bytes received".
    static QString name(Field field);
    // What the number means and where the kernel keeps it.
    static QString explanation(Field field);
    // The value: "ESTABLISHED", "0.05 ± 0.02 ms", "∞", "12,345"... Empty for
    // the TCP_INFO fields of a socket without it (TIME-WAIT).
    static QString value(Field field, const TcpWatchSample& sample);
    // "0.05 ± 0.02 ms" from microseconds.
    static QString rtt(uint32_t rttUs, uint32_t rttVarUs);
};

}  // namespace sockwb
