#include "core/lessons/lessontext.h"

#include <cstdio>

namespace sockwb {

namespace {
std::string num(int n) { return std::to_string(n); }
std::string plural(int n, const char* one, const char* many) {
    return num(n) + " " + (n == 1 ? one : many);
}
}  // namespace

std::string lessonTitle(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return "The accept queue fills up";
        case LessonId::TimeWait:
            return "Stopping a server leaves TIME-WAIT";
        case LessonId::ReuseAddr:
            return "SO_REUSEADDR and EADDRINUSE";
    }
    return {};
}

std::string lessonExplanation(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return "The kernel completes TCP handshakes by itself and keeps the new connections "
                   "in the listening socket's accept queue until the program calls accept(). "
                   "listen(fd, backlog) bounds that queue. An iterative server busy with one "
                   "client does not call accept(): here one echo server with a backlog of 5 "
                   "waits for its first client's data while 20 clients connect at once, each "
                   "with a 3 s timeout. For a listener, ss shows the queue as Recv-Q and its "
                   "bound as Send-Q.";
        case LessonId::TimeWait:
            return "The side of a TCP connection that closes first keeps it in TIME-WAIT for "
                   "twice the maximum segment lifetime (60 s on Linux), so that a late segment "
                   "of this connection cannot be taken for one of the next. Here an echo server "
                   "serves 3 clients and then stops while they are connected: its close() sends "
                   "the first FIN.";
        case LessonId::ReuseAddr:
            return "A port whose old connections are in TIME-WAIT is still in use for bind(): "
                   "a server restarted at once on the same port fails, unless it sets "
                   "SO_REUSEADDR before bind(). Here a server stops with 3 clients (as in the "
                   "time-wait lesson), then starts again on the same port, first without "
                   "SO_REUSEADDR, then with it.";
    }
    return {};
}

std::string lessonQuestion(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return "Predict: of the 20 clients, how many connect() calls succeed, and what "
                   "happens to the others?";
        case LessonId::TimeWait:
            return "Predict: after the server has stopped and the clients have closed, which "
                   "sockets are left on the server's port, and in which state?";
        case LessonId::ReuseAddr:
            return "Predict: does the restart without SO_REUSEADDR work? With it?";
    }
    return {};
}

std::string englishSentence(const LessonStep& s) {
    const std::string port = std::to_string(s.port);
    switch (s.kind) {
        case LessonStepKind::ServerStarted:
            return "The server listens on 127.0.0.1:" + port + " (backlog " + num(s.backlog) + ").";
        case LessonStepKind::ClientsStarted:
            return plural(s.clients, "client calls", "clients call") +
                   " connect() on non-blocking sockets.";
        case LessonStepKind::QueueObserved:
            return "The listener's accept queue holds " + num(s.acceptQueue) + " of " +
                   num(s.acceptQueueMax) + " (Recv-Q / Send-Q): it is full. " +
                   plural(s.established, "client is", "clients are") + " ESTABLISHED, " +
                   plural(s.synSent, "is", "are") +
                   " still in SYN-SENT: the kernel drops their SYNs while the queue is full.";
        case LessonStepKind::ConnectsSettled:
            return "After " + num(s.timeoutMs) +
                   " ms: " + plural(s.connected, "connect succeeded", "connects succeeded") + " (" +
                   plural(s.acceptQueue, "waits", "wait") +
                   " in the accept queue, one is being served), " +
                   plural(s.timedOut, "timed out", "timed out") + " (" + num(s.synSent) +
                   " still SYN-SENT, their SYNs retransmitted and dropped).";
        case LessonStepKind::ClientsServed:
            return plural(s.clients, "client", "clients") + " connected and got their echo (" +
                   num(s.established) + " ESTABLISHED on the server's side).";
        case LessonStepKind::ServerStopped:
            return "The server stopped first: " + num(s.peerClosed) + " of " + num(s.clients) +
                   " clients read end of stream (recv() returned 0), then closed.";
        case LessonStepKind::TimeWaitObserved:
            return plural(s.timeWait, "socket is", "sockets are") + " in TIME-WAIT on port " +
                   port + ": the server's side of each connection, although the server is gone.";
        case LessonStepKind::RestartRefused:
            if (s.error)
                return "Restart without SO_REUSEADDR: " + s.error->call + " failed with " +
                       errnoName(s.error->err) + " (" + explain(*s.error) + "); " +
                       plural(s.timeWait, "TIME-WAIT entry", "TIME-WAIT entries") +
                       " still hold port " + port + ".";
            return "Restart without SO_REUSEADDR: it started (no TIME-WAIT entry held port " +
                   port + " any more).";
        case LessonStepKind::RestartSucceeded:
            return "Restart with SO_REUSEADDR: the server listens on port " + port +
                   " again, next to the TIME-WAIT entries.";
    }
    return {};
}

std::string socketRowText(const SocketEntry& e) {
    char line[256];
    std::snprintf(line, sizeof line, "%-11s %6u %6u  %-22s %s", tcpStateName(e.state).c_str(),
                  e.recvQ, e.sendQ, e.local.c_str(), e.peer.c_str());
    return line;
}

}  // namespace sockwb
