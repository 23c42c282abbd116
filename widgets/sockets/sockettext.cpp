#include "widgets/sockets/sockettext.h"

#include <sys/socket.h>

#include <QStringList>

namespace sockwb {

namespace {
// "42 s" from 42000 ms; below a second, "200 ms".
QString duration(uint32_t ms) {
    if (ms >= 1000) return SocketText::tr("%1 s").arg((ms + 500) / 1000);
    return SocketText::tr("%1 ms").arg(ms);
}
bool isListener(const SocketEntry& e) { return e.state == 10; }  // TCP_LISTEN
}  // namespace

QString SocketText::columnTitle(int column) {
    switch (column) {
        case Netid:
            return tr("Netid");
        case State:
            return tr("State");
        case RecvQ:
            return tr("Recv-Q");
        case SendQ:
            return tr("Send-Q");
        case Local:
            return tr("Local address:port");
        case Peer:
            return tr("Peer address:port");
        case Process:
            return tr("Process");
        case Timer:
            return tr("Timer");
        case Uid:
            return tr("uid");
        case Inode:
            return tr("inode");
        default:
            return {};
    }
}

QString SocketText::columnToolTip(int column) {
    switch (column) {
        case Netid:
            return tr(
                "The kind of socket: tcp, udp, or a Unix socket: u_str (SOCK_STREAM), "
                "u_dgr (SOCK_DGRAM), u_seq (SOCK_SEQPACKET)");
        case State:
            return tr(
                "The socket's state as the kernel keeps it: LISTEN, SYN-SENT, SYN-RECV, "
                "ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, LAST-ACK, CLOSING, TIME-WAIT; "
                "UNCONN for a UDP or Unix socket with no peer");
        case RecvQ:
            return tr(
                "For a LISTEN socket: the accept queue, the connections the kernel has "
                "completed (handshake done) that wait for the program to call accept().\n"
                "For a connection: the bytes received that the program has not read yet "
                "(recv() would return them at once).");
        case SendQ:
            return tr(
                "For a LISTEN socket: the backlog, the most connections the accept queue "
                "may hold (the argument of listen(), capped by net.core.somaxconn).\n"
                "For a connection: the bytes sent that the peer has not acknowledged yet "
                "(TCP), or not yet sent.");
        case Local:
            return tr(
                "The address and port the socket is bound to (0.0.0.0 or [::] = every "
                "interface); for a Unix socket its path, @name when abstract, * when none");
        case Peer:
            return tr("The address and port of the other end; * when not connected");
        case Process:
            return tr(
                "The processes holding the socket open (command, pid, file descriptor), "
                "where /proc lets you see them: your own processes, all of them as root. "
                "Empty for a TIME-WAIT socket: no program holds it any more.");
        case Timer:
            return tr(
                "The kernel's timer on the socket: on = retransmission (with the "
                "retransmissions so far), keepalive, timewait (how long the TIME-WAIT "
                "entry remains), persist = zero window probe; and when it expires");
        case Uid:
            return tr("The user id the socket belongs to");
        case Inode:
            return tr(
                "The socket's inode number, as in /proc/PID/fd (socket:[inode]); 0 for a "
                "TIME-WAIT socket, which no file refers to any more");
        default:
            return {};
    }
}

QString SocketText::netid(const SocketEntry& e) { return QString::fromStdString(socketNetid(e)); }

QString SocketText::state(const SocketEntry& e) {
    return QString::fromStdString(tcpStateName(e.state, e.protocol != SocketEntry::Protocol::Tcp));
}

QString SocketText::timer(const SocketEntry& e) {
    switch (e.timer) {
        case 1:
            return tr("on %1 (retrans %2)").arg(duration(e.timerExpiresMs)).arg(e.timerRetransmits);
        case 2:
            return tr("keepalive %1").arg(duration(e.timerExpiresMs));
        case 3:
            return tr("timewait %1").arg(duration(e.timerExpiresMs));
        case 4:
            return tr("persist %1").arg(duration(e.timerExpiresMs));
        default:
            return {};
    }
}

QString SocketText::process(const SocketEntry& e) {
    QStringList parts;
    for (const SocketOwner& o : e.owners)
        parts
            << tr("%1 (pid %2, fd %3)").arg(QString::fromStdString(o.command)).arg(o.pid).arg(o.fd);
    return parts.join(QStringLiteral(", "));
}

QString SocketText::cell(const SocketEntry& e, int column) {
    switch (column) {
        case Netid:
            return netid(e);
        case State:
            return state(e);
        case RecvQ:
            return QString::number(e.recvQ);
        case SendQ:
            return QString::number(e.sendQ);
        case Local:
            return QString::fromStdString(e.local);
        case Peer:
            return QString::fromStdString(e.peer);
        case Process:
            return process(e);
        case Timer:
            return timer(e);
        case Uid:
            return QString::number(e.uid);
        case Inode:
            return QString::number(e.inode);
        default:
            return {};
    }
}

QString SocketText::cellToolTip(const SocketEntry& e, int column) {
    const bool stream = e.protocol == SocketEntry::Protocol::Tcp ||
                        (e.protocol == SocketEntry::Protocol::Unix && e.sockType != SOCK_DGRAM);
    switch (column) {
        case RecvQ:
            if (isListener(e) && stream)
                return tr("%n connection(s) completed, waiting for accept()", nullptr,
                          int(e.recvQ));
            return tr("%n byte(s) received, not yet read by the program", nullptr, int(e.recvQ));
        case SendQ:
            if (isListener(e) && stream)
                return tr("Backlog: at most %n connection(s) may wait for accept()", nullptr,
                          int(e.sendQ));
            if (e.protocol == SocketEntry::Protocol::Tcp)
                return tr("%n byte(s) sent, not yet acknowledged by the peer", nullptr,
                          int(e.sendQ));
            return tr("%n byte(s) waiting to be sent", nullptr, int(e.sendQ));
        case Local:
        case Peer:
        case Process:
        case Timer:
            return cell(e, column);
        default:
            return {};
    }
}

bool SocketText::isNumeric(int column) {
    return column == RecvQ || column == SendQ || column == Uid || column == Inode;
}

QStringList SocketText::stateNames() {
    QStringList names;
    for (int s = 1; s <= 11; ++s) names << QString::fromStdString(tcpStateName(s));
    names << QString::fromStdString(tcpStateName(7, true));  // UNCONN
    return names;
}

}  // namespace sockwb
