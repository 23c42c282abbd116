#include "widgets/lessons/lessonwords.h"

#include "widgets/common/errortext.h"

namespace sockwb {

QString LessonWords::title(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return tr("The accept queue fills up");
        case LessonId::TimeWait:
            return tr("Stopping a server leaves TIME-WAIT");
        case LessonId::ReuseAddr:
            return tr("SO_REUSEADDR and EADDRINUSE");
    }
    return {};
}

QString LessonWords::explanation(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return tr(
                "The kernel completes TCP handshakes by itself and keeps the new "
                "connections in the listening socket's accept queue until the program "
                "calls accept(). listen(fd, backlog) bounds that queue. An iterative server "
                "busy with one client does not call accept(): here an echo server with a "
                "backlog of 5 waits for its first client's data while 20 clients connect "
                "at once, each with a 3 s timeout. For a listener, Recv-Q is the accept "
                "queue and Send-Q its bound.");
        case LessonId::TimeWait:
            return tr(
                "The side of a TCP connection that closes first keeps it in TIME-WAIT for "
                "twice the maximum segment lifetime (60 s on Linux), so that a late "
                "segment of this connection cannot be taken for one of the next. Here an "
                "echo server serves 3 clients and then stops while they are connected: "
                "its close() sends the first FIN.");
        case LessonId::ReuseAddr:
            return tr(
                "A port whose old connections are in TIME-WAIT is still in use for "
                "bind(): a server restarted at once on the same port fails, unless it "
                "sets SO_REUSEADDR before bind(). Here a server stops with 3 clients, then "
                "starts again on the same port, first without SO_REUSEADDR, then with it.");
    }
    return {};
}

QString LessonWords::question(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return tr(
                "Of the 20 clients, how many connect() calls succeed, and what happens to "
                "the others?");
        case LessonId::TimeWait:
            return tr(
                "After the server has stopped and the clients have closed, which sockets "
                "are left on the server's port, and in which state?");
        case LessonId::ReuseAddr:
            return tr("Does the restart without SO_REUSEADDR work? With it?");
    }
    return {};
}

QString LessonWords::sentence(const LessonStep& s) {
    switch (s.kind) {
        case LessonStepKind::ServerStarted:
            return tr("The server listens on 127.0.0.1:%1 (backlog %2).")
                .arg(s.port)
                .arg(s.backlog);
        case LessonStepKind::ClientsStarted:
            return tr("%n client(s) call connect() on non-blocking sockets.", nullptr, s.clients);
        case LessonStepKind::QueueObserved:
            return tr("The listener's accept queue holds %1 of %2 (Recv-Q / Send-Q): it is full. "
                      "%3 client(s) ESTABLISHED, %4 still in SYN-SENT: the kernel drops their "
                      "SYNs while the queue is full.")
                .arg(s.acceptQueue)
                .arg(s.acceptQueueMax)
                .arg(s.established)
                .arg(s.synSent);
        case LessonStepKind::ConnectsSettled:
            return tr("After %1 ms: %2 connect(s) succeeded (%3 waiting in the accept queue, one "
                      "being served), %4 timed out (%5 still SYN-SENT).")
                .arg(s.timeoutMs)
                .arg(s.connected)
                .arg(s.acceptQueue)
                .arg(s.timedOut)
                .arg(s.synSent);
        case LessonStepKind::ClientsServed:
            return tr("%1 client(s) connected and got their echo (%2 ESTABLISHED on the server's "
                      "side).")
                .arg(s.clients)
                .arg(s.established);
        case LessonStepKind::ServerStopped:
            return tr("The server stopped first: %1 of %2 client(s) read end of stream (recv() "
                      "returned 0), then closed.")
                .arg(s.peerClosed)
                .arg(s.clients);
        case LessonStepKind::TimeWaitObserved:
            return tr("%1 socket(s) in TIME-WAIT on port %2: the server's side of each "
                      "connection, although the server is gone.")
                .arg(s.timeWait)
                .arg(s.port);
        case LessonStepKind::RestartRefused:
            if (s.error)
                return tr("Restart without SO_REUSEADDR: %1 %2 TIME-WAIT entr(ies) still hold "
                          "port %3.")
                    .arg(ErrorText::sentence(*s.error))
                    .arg(s.timeWait)
                    .arg(s.port);
            return tr("Restart without SO_REUSEADDR: it started (no TIME-WAIT entry held port %1 "
                      "any more).")
                .arg(s.port);
        case LessonStepKind::RestartSucceeded:
            return tr("Restart with SO_REUSEADDR: the server listens on port %1 again, next to "
                      "the TIME-WAIT entries.")
                .arg(s.port);
    }
    return {};
}

}  // namespace sockwb
