#pragma once
// SocketText: the words of the socket table (Workbench > Sockets on this
// machine...): column titles and their tooltips, and a SocketEntry's cells
// worded as `ss -tuanp` shows them (netid, state, timer, owners), translated.
// The core hands over numbers and codes only; the sentences are made here.
// Pure functions: thread-safe.

#include <QCoreApplication>
#include <QString>

#include "core/net/sockdiag.h"

namespace sockwb {

class SocketText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::SocketText)
public:
    // The table's columns, in order.
    enum Column {
        Netid,
        State,
        RecvQ,
        SendQ,
        Local,
        Peer,
        Process,
        Timer,
        Uid,
        Inode,
        ColumnCount
    };

    static QString columnTitle(int column);
    // What a column means (the Recv-Q/Send-Q ones say what they are for a
    // listener and for a connection).
    static QString columnToolTip(int column);

    // "tcp", "udp", "u_str", "u_dgr", "u_seq" (ss's netid).
    static QString netid(const SocketEntry& e);
    // "LISTEN", "ESTABLISHED", "TIME-WAIT", "UNCONN"... (tcpStateName's spelling).
    static QString state(const SocketEntry& e);
    // "timewait 42 s", "keepalive 7199 s", "on 200 ms (retrans 2)",
    // "persist 400 ms"; empty without a timer.
    static QString timer(const SocketEntry& e);
    // "nc (pid 1234, fd 3)" for each owner, joined; empty when none is visible.
    static QString process(const SocketEntry& e);
    // The cell's text.
    static QString cell(const SocketEntry& e, int column);
    // A cell's own tooltip (the queues of this socket in words); empty when
    // the column's tooltip says it all.
    static QString cellToolTip(const SocketEntry& e, int column);
    // True for the columns holding numbers (right-aligned, sorted as numbers).
    static bool isNumeric(int column);
    // The state names the filter offers, as tcpStateName spells them.
    static QStringList stateNames();
};

}  // namespace sockwb
