#include "widgets/trace/cheatsheet.h"

#include <QHash>

namespace sockwb {

QVector<CheatSheetEntry> CheatSheet::entries() {
    // The course's order: create, name, listen, accept / connect, talk,
    // close; then the tools for many clients (options, multiplexing, fork).
    return {
        {QStringLiteral("socket"),
         tr("Creates an endpoint and returns its file descriptor: socket(AF_INET, SOCK_STREAM, 0) "
            "for TCP, SOCK_DGRAM for UDP. Nothing is connected or named yet."),
         tr("EAFNOSUPPORT / EPROTONOSUPPORT: family or protocol unknown here; "
            "EMFILE / ENFILE: too many open descriptors (a leak?); EACCES: not allowed.")},
        {QStringLiteral("bind"),
         tr("Gives the socket its local address and port (sockaddr_in with htons(port)). "
            "Port 0 lets the kernel pick a free one; getsockname tells which."),
         tr("EADDRINUSE: another socket already uses that port (or it lingers in TIME_WAIT "
            "without SO_REUSEADDR); EACCES: ports below 1024 need root; "
            "EADDRNOTAVAIL: that IP is not one of this machine's.")},
        {QStringLiteral("listen"),
         tr("Turns a bound TCP socket into a passive one that queues incoming connections; "
            "backlog is the length of that queue."),
         tr("EADDRINUSE: another socket listens on the same port; "
            "EOPNOTSUPP: not a TCP socket (UDP never listens).")},
        {QStringLiteral("accept"),
         tr("Takes the next connection from the queue and returns a NEW descriptor for that "
            "client; the listening socket keeps listening. Blocks while the queue is empty."),
         tr("EAGAIN: nobody waiting (non-blocking socket); EMFILE: out of descriptors; "
            "ECONNABORTED: the client left before we took it; EINTR: a signal arrived.")},
        {QStringLiteral("connect"),
         tr("Client side: opens a TCP connection to a server's address (three-way handshake). "
            "On UDP it only sets the default destination."),
         tr("ECONNREFUSED: nothing listens on that port; ETIMEDOUT: no answer (firewall, wrong "
            "host); ENETUNREACH / EHOSTUNREACH: no route; EINPROGRESS: non-blocking, not done "
            "yet.")},
        {QStringLiteral("send/recv"),
         tr("Write and read bytes on a connected socket. A stream has no messages: send may take "
            "part of the buffer and one recv may return half a line or two lines. recv returns 0 "
            "when the peer closed."),
         tr("EPIPE: the peer closed and we still write (MSG_NOSIGNAL avoids SIGPIPE); "
            "ECONNRESET: the peer reset the connection; EAGAIN: nothing to read yet "
            "(non-blocking).")},
        {QStringLiteral("sendto/recvfrom"),
         tr("UDP: send one datagram to an address / receive one datagram and learn who sent it. "
            "Each call is one whole message; nothing guarantees it arrives."),
         tr("EMSGSIZE: datagram too large; ECONNREFUSED: an ICMP 'port unreachable' came back "
            "from an earlier datagram; a datagram larger than the buffer is truncated "
            "(MSG_TRUNC).")},
        {QStringLiteral("shutdown"),
         tr("Half-closes a connection: SHUT_WR says \"I will send nothing more\" (the peer's recv "
            "returns 0) while we can still read the answer."),
         tr("ENOTCONN: the socket is not connected; EBADF / ENOTSOCK: not a valid socket.")},
        {QStringLiteral("close"),
         tr("Releases the descriptor. The last close of a TCP socket sends FIN; the port may then "
            "wait in TIME_WAIT for a while."),
         tr("EBADF: already closed (closing twice is a bug: the number may belong to another "
            "socket now); EINTR: do not retry on Linux, the fd is gone anyway.")},
        {QStringLiteral("setsockopt"),
         tr("Sets an option: SO_REUSEADDR (rebind a port in TIME_WAIT at once), SO_RCVTIMEO, "
            "TCP_NODELAY, SO_KEEPALIVE, buffer sizes..."),
         tr("ENOPROTOOPT: option unknown at that level; EINVAL: bad value or length.")},
        {QStringLiteral("select/poll/epoll"),
         tr("Wait until one of many descriptors is ready, so one thread can serve many clients "
            "without blocking on any of them. select is limited to FD_SETSIZE (1024); epoll "
            "scales."),
         tr("EINTR: a signal interrupted the wait (loop again); EBADF: a descriptor in the set "
            "was closed; EINVAL: bad size or timeout.")},
        // --- io_uring (issue 19): requests and completions instead of readiness ---
        {QStringLiteral("io_uring_setup/io_uring_enter"),
         tr("io_uring_setup creates a ring: two queues shared with the kernel, one for "
            "submissions (requests) and one for completions (results). io_uring_enter hands the "
            "kernel every request queued since the last call and, in the same call, waits for "
            "completions: one call per loop round however many sockets are served. The trace "
            "shows to_submit (requests handed over) and min_complete (completions waited for)."),
         tr("EPERM: io_uring is disabled (sysctl kernel.io_uring_disabled); ENOSYS: a kernel "
            "built without it; ENOMEM: the locked-memory limit is too low for the ring; ETIME: "
            "the wait's timeout passed (a timer is due), not a failure; EINTR: a signal.")},
        {QStringLiteral("io_uring sqe"),
         tr("A submission queue entry: one request written into the ring (accept on this "
            "listener, recv on this socket, send these bytes), tagged with a number the "
            "completion will carry back. Queuing it costs no system call; the next "
            "io_uring_enter hands over all of them at once."),
         tr("A full submission queue is submitted early; a request on a closed descriptor "
            "completes with EBADF; a request still in flight keeps its socket open until it "
            "completes or is cancelled (IORING_OP_ASYNC_CANCEL).")},
        {QStringLiteral("io_uring cqe"),
         tr("A completion queue entry: the result of one request, as the system call would have "
            "returned it (a new descriptor for accept, a byte count for recv and send, -errno on "
            "failure). With epoll the program is told a socket is ready and then calls recv; "
            "here the bytes have already been received when the completion arrives."),
         tr("A negative result is -errno: ECONNRESET (the peer reset), ENOBUFS (no provided "
            "buffer left: the receive is armed again), ECANCELED (the request was cancelled), "
            "EMFILE on accept (out of descriptors).")},
        {QStringLiteral("multishot"),
         tr("One request that completes many times: a multishot accept posts a completion for "
            "every new client, a multishot recv one for every arrival of bytes, until it ends "
            "(a completion without IORING_CQE_F_MORE), when the program submits it again."),
         tr("It ends on an error, on the peer's close (recv returns 0) or when no provided "
            "buffer is free (ENOBUFS).")},
        {QStringLiteral("provided buffers"),
         tr("A pool of buffers the program registers once (a buffer ring); a receive picks a "
            "free one only when bytes arrive, and its completion names the buffer it used. The "
            "program gives it back once it has consumed the bytes, so idle connections hold no "
            "receive buffer."),
         tr("ENOBUFS: every buffer is in use (the program is slower than the data); the receive "
            "stops until buffers are given back and it is submitted again.")},
        // --- end of the io_uring entries ---
        {QStringLiteral("fork"),
         tr("Duplicates the process: the child gets copies of every descriptor. A forking server "
            "closes the listening socket in the child and the client's socket in the parent."),
         tr("EAGAIN: too many processes; ENOMEM: out of memory. Forget waitpid and the children "
            "stay as zombies.")},
        {QStringLiteral("getsockname"),
         tr("Tells which local address and port a socket really got (after bind to port 0 or "
            "after connect)."),
         tr("EBADF / ENOTSOCK: not a valid socket.")},
        // --- Addresses: byte order, text <-> binary, the special addresses
        // (issue 13; the Addresses tool shows them byte by byte) ---
        {QStringLiteral("htons/ntohs/htonl/ntohl"),
         tr("Convert between host byte order and network byte order (big-endian): htons(8080) "
            "gives the 16-bit value whose bytes in memory are 1f 90, the order sin_port needs; "
            "htonl does the same for 32-bit values such as s_addr. ntohs/ntohl convert back."),
         tr("No error: they never fail. Forgetting them is the error: on a little-endian PC "
            "port 8080 without htons becomes port 36895 (0x901f).")},
        {QStringLiteral("inet_pton/inet_ntop"),
         tr("inet_pton turns the text \"192.168.1.10\" or \"::1\" into the binary address "
            "(in network order) for sin_addr / sin6_addr; inet_ntop writes it back as text. "
            "Numbers only: a host name needs getaddrinfo."),
         tr("inet_pton returns 0 (not -1) when the text is not a valid address of that family "
            "(\"999.1.1.1\", a name); -1 with EAFNOSUPPORT for an unknown family. inet_ntop: "
            "ENOSPC when the buffer is too small (use INET6_ADDRSTRLEN).")},
        {QStringLiteral("INADDR_ANY/INADDR_LOOPBACK"),
         tr("INADDR_ANY (0.0.0.0) binds a server to every interface of the machine; "
            "INADDR_LOOPBACK (127.0.0.1) only to this machine, unreachable from others. In IPv6: "
            "in6addr_any (::) and in6addr_loopback (::1). Both are host-order numbers: "
            "htonl(INADDR_LOOPBACK)."),
         tr("EADDRNOTAVAIL: binding to an address that is not one of this machine's; a server "
            "bound to 127.0.0.1 refuses other machines (ECONNREFUSED for them).")},
        // --- end of the address entries ---
        {QStringLiteral("getaddrinfo"),
         tr("Turns a host name and a port into socket addresses (IPv4 and IPv6), ready for "
            "connect or bind."),
         tr("EAI_NONAME: unknown host; EAI_AGAIN: the name server did not answer (try again).")},
        {QStringLiteral("sleep"),
         tr("sleep(1), usleep(): the thread waits and serves nobody (the kernel's nanosleep). "
            "The course's clock sleeps between two lines; what a client sends meanwhile waits "
            "in the socket's buffer."),
         tr("EINTR: a signal interrupted the sleep. The workbench stops a sleeping server "
            "thread that way (a handler installed without SA_RESTART).")},
        {QStringLiteral("blocking calls"),
         tr("On a blocking socket accept, recv, recvfrom and send wait in the kernel: the call's "
            "duration in the trace is the wait. To wake a thread waiting there, another thread "
            "calls shutdown(fd, SHUT_RDWR): accept then fails with EINVAL, recv and recvfrom "
            "return 0, send fails with EPIPE."),
         tr("EINTR: a signal arrived during the wait; EAGAIN on a blocking socket: the "
            "SO_RCVTIMEO delay passed (an idle timeout); ENOTCONN from shutdown on a UDP "
            "socket: expected, it still wakes recvfrom.")},
    };
}

namespace {
// Maps a traced call name (the kernel's) to the sheet's entry name.
QString sheetKey(const QString& call) {
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("accept4"), QStringLiteral("accept")},
        {QStringLiteral("send"), QStringLiteral("send/recv")},
        {QStringLiteral("recv"), QStringLiteral("send/recv")},
        {QStringLiteral("write"), QStringLiteral("send/recv")},
        {QStringLiteral("read"), QStringLiteral("send/recv")},
        {QStringLiteral("sendto"), QStringLiteral("sendto/recvfrom")},
        {QStringLiteral("recvfrom"), QStringLiteral("sendto/recvfrom")},
        {QStringLiteral("select"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("poll"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("epoll"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("epoll_create"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("epoll_create1"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("epoll_ctl"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("epoll_wait"), QStringLiteral("select/poll/epoll")},
        {QStringLiteral("io_uring_setup"), QStringLiteral("io_uring_setup/io_uring_enter")},
        {QStringLiteral("io_uring_enter"), QStringLiteral("io_uring_setup/io_uring_enter")},
        {QStringLiteral("htons"), QStringLiteral("htons/ntohs/htonl/ntohl")},
        {QStringLiteral("ntohs"), QStringLiteral("htons/ntohs/htonl/ntohl")},
        {QStringLiteral("htonl"), QStringLiteral("htons/ntohs/htonl/ntohl")},
        {QStringLiteral("ntohl"), QStringLiteral("htons/ntohs/htonl/ntohl")},
        {QStringLiteral("inet_pton"), QStringLiteral("inet_pton/inet_ntop")},
        {QStringLiteral("inet_ntop"), QStringLiteral("inet_pton/inet_ntop")},
        {QStringLiteral("INADDR_ANY"), QStringLiteral("INADDR_ANY/INADDR_LOOPBACK")},
        {QStringLiteral("INADDR_LOOPBACK"), QStringLiteral("INADDR_ANY/INADDR_LOOPBACK")},
        {QStringLiteral("getpeername"), QStringLiteral("getsockname")},
        {QStringLiteral("getsockopt"), QStringLiteral("setsockopt")},
        {QStringLiteral("nanosleep"), QStringLiteral("sleep")},
        {QStringLiteral("clock_nanosleep"), QStringLiteral("sleep")},
    };
    return aliases.value(call, call);
}
}  // namespace

CheatSheetEntry CheatSheet::lookup(const QString& call) {
    const QString key = sheetKey(call);
    for (const auto& e : entries())
        if (e.call == key) return e;
    return {};
}

QString CheatSheet::tooltip(const QString& call) {
    const CheatSheetEntry e = lookup(call);
    if (e.call.isEmpty()) return {};
    return QStringLiteral("<b>%1</b><br>%2<br><i>%3</i> %4")
        .arg(e.call.toHtmlEscaped(), e.summary.toHtmlEscaped(), tr("Common errors:"),
             e.errors.toHtmlEscaped());
}

QString CheatSheet::html() {
    QString out =
        QStringLiteral("<h2>%1</h2><table cellspacing=6>").arg(tr("Socket API cheat sheet"));
    for (const auto& e : entries()) {
        out +=
            QStringLiteral(
                "<tr><td valign=top><b><tt>%1</tt></b></td><td>%2<br>"
                "<span style='color:#a33'>%3</span></td></tr>")
                .arg(e.call.toHtmlEscaped(), e.summary.toHtmlEscaped(), e.errors.toHtmlEscaped());
    }
    return out + QStringLiteral("</table>");
}

}  // namespace sockwb
