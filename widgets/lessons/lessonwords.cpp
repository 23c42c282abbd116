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
        case LessonId::PartialReads:
            return tr("One send is not one recv: partial reads");
        case LessonId::Nagle:
            return tr("Nagle's algorithm and TCP_NODELAY");
        case LessonId::RstVsFin:
            return tr("Closing with FIN or with RST");
        case LessonId::UdpLoss:
            return tr("UDP loses datagrams and says nothing");
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
                "starts again on the same port, first without SO_REUSEADDR, then with it. "
                "By hand: stop a server with clients connected and start it again with the "
                "option SO_REUSEADDR off.");
        case LessonId::PartialReads:
            return tr(
                "TCP carries a stream of bytes, not messages: one send() can arrive in "
                "several pieces, and recv() returns whatever has arrived. Here an echo server "
                "sits behind a relay whose slicer writes what comes back in slices of "
                "100±50 bytes, 5 ms apart. A client sends one 2,000-byte message of 40 "
                "lines and calls recv() once; a second client reads through a line framing "
                "decoder until every line is whole.");
        case LessonId::Nagle:
            return tr(
                "Nagle's algorithm holds a small write back while an earlier segment is "
                "unacknowledged, so that many small writes leave as one segment; TCP_NODELAY "
                "turns it off. On loopback the ACK comes back at once, so here the server "
                "delays its ACKs (TCP_QUICKACK off), as a peer across a network does. A client "
                "makes 100 writes of 10 bytes, 2 ms apart, first with Nagle (the default), "
                "then with TCP_NODELAY; the lesson counts the segments sent (TCP_INFO) and the "
                "server's recv() calls.");
        case LessonId::RstVsFin:
            return tr(
                "close() normally sends a FIN after the data: the peer's recv() returns 0 "
                "(end of stream), and the side that closed first waits in TIME-WAIT. With "
                "SO_LINGER on and a 0 s timeout, close() aborts the connection instead: it "
                "sends a RST, unsent data is thrown away, the peer's recv() fails with "
                "ECONNRESET and nothing stays in TIME-WAIT. Here a client connects and closes "
                "twice, once each way.");
        case LessonId::UdpLoss:
            return tr(
                "UDP neither acknowledges nor retransmits: a lost datagram is simply gone, "
                "and nobody is told. Here a UDP echo server sits behind a relay that drops "
                "10 % of the datagrams in each direction. A naive client sends 200 numbered "
                "datagrams, one at a time, and waits 50 ms for each echo; the lesson compares "
                "what it lost with the relay's drop counters.");
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
        case LessonId::PartialReads:
            return tr(
                "How many of the 2,000 bytes does the single recv() return? How many recv() "
                "calls does the framed client need?");
        case LessonId::Nagle:
            return tr(
                "About how many recv() calls does the server need for the 100 writes, with "
                "Nagle and with TCP_NODELAY?");
        case LessonId::RstVsFin:
            return tr(
                "What does the server's recv() return after each close, and which close "
                "leaves a TIME-WAIT entry?");
        case LessonId::UdpLoss:
            return tr(
                "How many of the 200 datagrams get no answer? Can the client tell whether "
                "the request or the answer was lost?");
    }
    return {};
}

QString LessonWords::sentence(const LessonStep& s) {
    switch (s.kind) {
        case LessonStepKind::ServerStarted:
            if (s.backlog == 0)  // UDP: bound, no listen()
                return tr("The UDP server waits for datagrams on 127.0.0.1:%1.").arg(s.port);
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
        case LessonStepKind::RelayStarted:
            if (s.dropPercent > 0)
                return tr("A relay on 127.0.0.1:%1 forwards UDP to port %2, dropping %3 % of the "
                          "datagrams in each direction.")
                    .arg(s.relayPort)
                    .arg(s.port)
                    .arg(s.dropPercent);
            return tr("A relay on 127.0.0.1:%1 forwards to port %2 and writes what the server "
                      "sends back in slices of %3±%4 bytes, %5 ms apart.")
                .arg(s.relayPort)
                .arg(s.port)
                .arg(s.sliceAvg)
                .arg(s.sliceVar)
                .arg(s.sliceDelayMs);
        case LessonStepKind::SingleRecv:
            return tr("One recv() returned %1 of the %2 bytes the server sent back: the rest was "
                      "still on its way.")
                .arg(s.gotBytes)
                .arg(s.expectedBytes);
        case LessonStepKind::FramedRecv:
            return tr("With line framing: %1 of %2 lines whole, from %3 bytes in %4 recv() "
                      "call(s) (pieces).")
                .arg(s.complete)
                .arg(s.messages)
                .arg(s.gotBytes)
                .arg(s.recvs);
        case LessonStepKind::WritesCounted: {
            const int size = s.sends ? s.expectedBytes / s.sends : 0;
            const int average = s.recvs ? s.gotBytes / s.recvs : 0;
            if (s.noDelay == 1)
                return tr("TCP_NODELAY on: %1 writes of %2 bytes left in %3 segment(s); the "
                          "server needed %4 recv() call(s) (%5 bytes, %6 per recv on average).")
                    .arg(s.sends)
                    .arg(size)
                    .arg(s.segments)
                    .arg(s.recvs)
                    .arg(s.gotBytes)
                    .arg(average);
            return tr("Nagle on (TCP_NODELAY off): %1 writes of %2 bytes left in %3 segment(s); "
                      "the server needed %4 recv() call(s) (%5 bytes, %6 per recv on average).")
                .arg(s.sends)
                .arg(size)
                .arg(s.segments)
                .arg(s.recvs)
                .arg(s.gotBytes)
                .arg(average);
        }
        case LessonStepKind::CloseObserved: {
            QString outcome;
            if (s.peerEof)
                outcome = tr("returned 0 (end of stream)");
            else if (s.recvErrno != 0)
                outcome = tr("failed with %1").arg(QString::fromStdString(errnoName(s.recvErrno)));
            else
                outcome = tr("got nothing");
            if (s.lingerSeconds == 0)
                return tr("close() with SO_LINGER on, 0 s: the client sent a RST; the server's "
                          "recv() %1; %2 TIME-WAIT entr(ies) on the client's side.")
                    .arg(outcome)
                    .arg(s.timeWait);
            return tr("A normal close() (SO_LINGER off): the client sent a FIN; the server's "
                      "recv() %1; %2 TIME-WAIT entr(ies) on the client's side.")
                .arg(outcome)
                .arg(s.timeWait);
        }
        case LessonStepKind::DatagramsCounted:
            return tr("%1 datagrams sent: %2 answered, %3 lost (no echo within %4 ms); the relay "
                      "dropped %5 (requests and answers).")
                .arg(s.sends)
                .arg(s.answered)
                .arg(s.lost)
                .arg(s.timeoutMs)
                .arg(s.dropped);
    }
    return {};
}

}  // namespace sockwb
