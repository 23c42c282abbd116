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
        case LessonId::PartialReads:
            return "One send is not one recv: partial reads";
        case LessonId::Nagle:
            return "Nagle's algorithm and TCP_NODELAY";
        case LessonId::RstVsFin:
            return "Closing with FIN or with RST";
        case LessonId::UdpLoss:
            return "UDP loses datagrams and says nothing";
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
                   "SO_REUSEADDR, then with it. By hand: stop a server with clients connected "
                   "and start it again with --sockopt SO_REUSEADDR=0.";
        case LessonId::PartialReads:
            return "TCP carries a stream of bytes, not messages: one send() can arrive in "
                   "several pieces, and recv() returns whatever has arrived. Here an echo server "
                   "sits behind a relay whose slicer writes what comes back in slices of "
                   "100±50 bytes, 5 ms apart (sockwb relay --slice 100±50). A client sends one "
                   "2,000-byte message of 40 lines and calls recv() once; a second client reads "
                   "through a line framing decoder until every line is whole.";
        case LessonId::Nagle:
            return "Nagle's algorithm holds a small write back while an earlier segment is "
                   "unacknowledged, so that many small writes leave as one segment; TCP_NODELAY "
                   "turns it off. On loopback the ACK comes back at once, so here the server "
                   "delays its ACKs (TCP_QUICKACK off), as a peer across a network does. A "
                   "client makes 100 writes of 10 bytes, 2 ms apart, first with Nagle (the "
                   "default), then with TCP_NODELAY (--sockopt TCP_NODELAY=1); the lesson counts "
                   "the segments sent (TCP_INFO) and the server's recv() calls.";
        case LessonId::RstVsFin:
            return "close() normally sends a FIN after the data: the peer's recv() returns 0 "
                   "(end of stream), and the side that closed first waits in TIME-WAIT. With "
                   "SO_LINGER on and a 0 s timeout (--sockopt SO_LINGER=0), close() aborts the "
                   "connection instead: it sends a RST, unsent data is thrown away, the peer's "
                   "recv() fails with ECONNRESET and nothing stays in TIME-WAIT. Here a client "
                   "connects and closes twice, once each way.";
        case LessonId::UdpLoss:
            return "UDP neither acknowledges nor retransmits: a lost datagram is simply gone, "
                   "and nobody is told. Here a UDP echo server sits behind a relay that drops "
                   "10 % of the datagrams in each direction (sockwb relay --protocol udp --drop "
                   "0.1). A naive client sends 200 numbered datagrams, one at a time, and waits "
                   "50 ms for each echo; the lesson compares what it lost with the relay's drop "
                   "counters.";
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
        case LessonId::PartialReads:
            return "Predict: how many of the 2,000 bytes does the single recv() return? How many "
                   "recv() calls does the framed client need?";
        case LessonId::Nagle:
            return "Predict: about how many recv() calls does the server need for the 100 "
                   "writes, with Nagle and with TCP_NODELAY?";
        case LessonId::RstVsFin:
            return "Predict: what does the server's recv() return after each close, and which "
                   "close leaves a TIME-WAIT entry?";
        case LessonId::UdpLoss:
            return "Predict: how many of the 200 datagrams get no answer? Can the client tell "
                   "whether the request or the answer was lost?";
    }
    return {};
}

std::string englishSentence(const LessonStep& s) {
    const std::string port = std::to_string(s.port);
    switch (s.kind) {
        case LessonStepKind::ServerStarted:
            if (s.backlog == 0)  // UDP: bound, no listen()
                return "The UDP server waits for datagrams on 127.0.0.1:" + port + ".";
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
        case LessonStepKind::RelayStarted:
            if (s.dropPercent > 0)
                return "A relay on 127.0.0.1:" + num(s.relayPort) + " forwards UDP to port " +
                       port + ", dropping " + num(s.dropPercent) +
                       " % of the datagrams in each direction.";
            return "A relay on 127.0.0.1:" + num(s.relayPort) + " forwards to port " + port +
                   " and writes what the server sends back in slices of " + num(s.sliceAvg) + "±" +
                   num(s.sliceVar) + " bytes, " + num(s.sliceDelayMs) + " ms apart.";
        case LessonStepKind::SingleRecv:
            return "One recv() returned " + num(s.gotBytes) + " of the " + num(s.expectedBytes) +
                   " bytes the server sent back: the rest was still on its way.";
        case LessonStepKind::FramedRecv:
            return "With line framing: " + num(s.complete) + " of " + num(s.messages) +
                   " lines whole, from " + num(s.gotBytes) + " bytes in " +
                   plural(s.recvs, "recv() call", "recv() calls") + " (pieces).";
        case LessonStepKind::WritesCounted:
            return std::string(s.noDelay == 1 ? "TCP_NODELAY on" : "Nagle on (TCP_NODELAY off)") +
                   ": " + plural(s.sends, "write", "writes") + " of " +
                   num(s.sends ? s.expectedBytes / s.sends : 0) + " bytes left in " +
                   plural(s.segments, "segment", "segments") + "; the server needed " +
                   plural(s.recvs, "recv() call", "recv() calls") + " (" + num(s.gotBytes) +
                   " bytes, " + num(s.recvs ? s.gotBytes / s.recvs : 0) + " per recv on average).";
        case LessonStepKind::CloseObserved: {
            std::string out = s.lingerSeconds == 0
                                  ? "close() with SO_LINGER on, 0 s: the client sent a RST"
                                  : "A normal close() (SO_LINGER off): the client sent a FIN";
            out += "; the server's recv() ";
            if (s.peerEof)
                out += "returned 0 (end of stream)";
            else if (s.recvErrno != 0)
                out += "failed with " + errnoName(s.recvErrno);
            else
                out += "got nothing";
            return out + "; " + plural(s.timeWait, "TIME-WAIT entry", "TIME-WAIT entries") +
                   " on the client's side.";
        }
        case LessonStepKind::DatagramsCounted:
            return plural(s.sends, "datagram", "datagrams") + " sent: " + num(s.answered) +
                   " answered, " + num(s.lost) + " lost (no echo within " + num(s.timeoutMs) +
                   " ms); the relay dropped " + num(s.dropped) + " (requests and answers).";
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
