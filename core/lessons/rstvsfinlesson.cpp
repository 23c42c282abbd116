#include "core/lessons/rstvsfinlesson.h"

#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>

#include "core/net/socket.h"
#include "core/net/sockopt.h"

namespace sockwb {

namespace {
constexpr Millis kIoTimeout{2000};
constexpr Millis kTimeWaitLimit{1000};  // for the kernel to move the FIN side to TIME-WAIT
constexpr int kBacklog = 4;

// SO_LINGER on the socket (-1 off, N on with N seconds) through the named
// options; returns what getsockopt reads back in the same form.
int setLinger(const Socket& s, int seconds) {
    const std::vector<SockoptReadback> done =
        applySockopts(s.fd(), {{"SO_LINGER", seconds}}, SockoptStage::Connected);
    if (done.size() == 1 && done.front().error) throw Error(*done.front().error);
    if (done.size() != 1 || !done.front().readBack)
        throw Error::invalid("SO_LINGER", "not read back");
    return *done.front().readBack;
}

int timeWaitOf(const std::vector<SocketEntry>& rows, uint16_t clientPort) {
    int n = 0;
    for (const SocketEntry& e : rows)
        if (e.localPort == clientPort && e.state == TCP_TIME_WAIT) ++n;
    return n;
}
}  // namespace

void RstVsFinLesson::steps(LessonRun& run) {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), kBacklog);
    const uint16_t port = listener.localAddress().port();
    run.result().port = port;
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStarted;
        s.backlog = kBacklog;
        run.report(std::move(s));
    }
    // -1: a normal close (FIN); 0: SO_LINGER on, 0 s (RST).
    for (int linger : {-1, 0}) {
        run.checkStop();
        Socket client = tcpConnect(listener.localAddress(), kIoTimeout);
        Socket server = listener.accept().socket;
        LessonStep s;
        s.kind = LessonStepKind::CloseObserved;
        s.lingerSeconds = setLinger(client, linger);
        const uint16_t clientPort = client.localAddress().port();
        client.close();
        char buf[64];
        try {
            const IoResult r = server.recv(buf, sizeof buf, kIoTimeout);
            s.peerEof = r.eof();
        } catch (const Error& e) {
            s.recvErrno = e.info().err;
        }
        server.close();  // the server's FIN (or nothing after a RST)
        std::vector<SocketEntry> rows;
        if (linger < 0)
            run.waitUntil(
                [&] {
                    rows = LessonRun::tcpSockets(port);
                    return timeWaitOf(rows, clientPort) > 0;
                },
                kTimeWaitLimit);
        else
            rows = LessonRun::tcpSockets(port);
        s.timeWait = timeWaitOf(rows, clientPort);
        s.sockets = std::move(rows);
        run.report(std::move(s));
    }
}

}  // namespace sockwb
