#include "core/lessons/timewaitlesson.h"

#include <netinet/tcp.h>

#include <memory>

#include "core/net/socket.h"
#include "core/server/server.h"

namespace sockwb {

namespace {
constexpr Millis kIoTimeout{2000};

int serverSideIn(const std::vector<SocketEntry>& rows, uint16_t port, int state) {
    int n = 0;
    for (const SocketEntry& e : rows)
        if (e.localPort == port && e.state == state) ++n;
    return n;
}
}  // namespace

void TimeWaitLesson::serveThenStop(LessonRun& run) {
    ServerConfig config;
    config.model = "epoll";
    config.listeners.front().service = "echo";
    auto server = std::make_unique<Server>(config);
    server->start();
    const Address at = server->addresses().front();
    const uint16_t port = at.port();
    run.result().port = port;
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStarted;
        s.backlog = config.backlog;
        run.report(std::move(s));
    }

    std::vector<Socket> clients;
    for (int i = 0; i < kClients; ++i) {
        Socket c = tcpConnect(at, kIoTimeout);
        c.sendAll("hello\n", kIoTimeout);
        char buf[16];
        size_t got = 0;
        while (got < 6) {
            IoResult r = c.recv(buf, sizeof buf, kIoTimeout);
            if (!r.ok() || r.bytes == 0) break;
            got += r.bytes;
        }
        clients.push_back(std::move(c));
    }
    {
        std::vector<SocketEntry> rows = LessonRun::tcpSockets(port);
        LessonStep s;
        s.kind = LessonStepKind::ClientsServed;
        s.clients = kClients;
        s.established = serverSideIn(rows, port, TCP_ESTABLISHED);
        s.sockets = std::move(rows);
        run.report(std::move(s));
    }

    // The server goes first: its close() sends the FINs.
    server->stop();
    server.reset();
    int peerClosed = 0;
    for (Socket& c : clients) {
        char buf[64];
        for (;;) {
            IoResult r = c.recv(buf, sizeof buf, kIoTimeout);
            if (r.eof()) ++peerClosed;
            if (!r.ok()) break;
        }
    }
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStopped;
        s.clients = kClients;
        s.peerClosed = peerClosed;
        run.report(std::move(s));
    }
    // Then the clients close: their FIN is the last, and the side that
    // closed first (the server's) waits in TIME-WAIT.
    clients.clear();
    std::vector<SocketEntry> rows;
    run.waitUntil(
        [&] {
            rows = LessonRun::tcpSockets(port);
            return serverSideIn(rows, port, TCP_TIME_WAIT) >= kClients;
        },
        Millis(1000));
    LessonStep s;
    s.kind = LessonStepKind::TimeWaitObserved;
    s.clients = kClients;
    s.timeWait = serverSideIn(rows, port, TCP_TIME_WAIT);
    s.sockets = std::move(rows);
    run.report(std::move(s));
}

}  // namespace sockwb
