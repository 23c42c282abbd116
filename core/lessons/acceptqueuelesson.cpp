#include "core/lessons/acceptqueuelesson.h"

#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <memory>

#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/server/server.h"

namespace sockwb {

namespace {
// A connect() started on a non-blocking socket; the handshake goes on in the
// kernel. Throws Error when the socket cannot be made or connect fails at
// once with anything but EINPROGRESS.
Socket startConnect(const Address& to) {
    Socket s = Socket::create(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
    if (sys::connect(s.fd(), to.sockaddrPtr(), to.length()) != 0 && errno != EINPROGRESS)
        throw Error::fromErrno("connect", errno, to.toString());
    return s;
}

// How many clients (peer port = port) are in `state`.
int clientsIn(const std::vector<SocketEntry>& rows, uint16_t port, int state) {
    int n = 0;
    for (const SocketEntry& e : rows)
        if (e.peerPort == port && e.state == state) ++n;
    return n;
}

const SocketEntry* listenerOf(const std::vector<SocketEntry>& rows, uint16_t port) {
    for (const SocketEntry& e : rows)
        if (e.localPort == port && e.state == TCP_LISTEN) return &e;
    return nullptr;
}
}  // namespace

void AcceptQueueLesson::steps(LessonRun& run) {
    ServerConfig config;
    config.model = "iterative";
    config.listeners.front().service = "echo";
    config.backlog = kBacklog;
    auto server = std::make_unique<Server>(config);
    server->start();
    const Address at = server->addresses().front();
    run.result().port = at.port();
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStarted;
        s.backlog = kBacklog;
        run.report(std::move(s));
    }

    // The first client is accepted and keeps the server busy (echo waits for
    // its data, which never comes). Only then do the others connect, all at
    // once: with a free slot in the queue, SYNs retransmitted together would
    // all be answered, and their connects would succeed while the server
    // holds them in SYN-RECV; with the queue full, every SYN is dropped.
    const auto started = std::chrono::steady_clock::now();
    std::vector<Socket> clients;
    clients.reserve(kClients);
    clients.push_back(startConnect(at));
    run.waitUntil([&] { return server->stats().active >= 1; }, Millis(1000));
    for (int i = 1; i < kClients; ++i) clients.push_back(startConnect(at));
    {
        LessonStep s;
        s.kind = LessonStepKind::ClientsStarted;
        s.clients = kClients;
        run.report(std::move(s));
    }

    // The queue fills in a moment on loopback: watch it reach the backlog.
    std::vector<SocketEntry> rows;
    const uint16_t port = at.port();
    run.waitUntil(
        [&] {
            rows = LessonRun::tcpSockets(port);
            const SocketEntry* l = listenerOf(rows, port);
            return l && l->recvQ >= l->sendQ && clientsIn(rows, port, TCP_SYN_SENT) > 0;
        },
        Millis(1000));
    {
        LessonStep s;
        s.kind = LessonStepKind::QueueObserved;
        s.backlog = kBacklog;
        if (const SocketEntry* l = listenerOf(rows, port)) {
            s.acceptQueue = static_cast<int>(l->recvQ);
            s.acceptQueueMax = static_cast<int>(l->sendQ);
        }
        s.synSent = clientsIn(rows, port, TCP_SYN_SENT);
        s.established = clientsIn(rows, port, TCP_ESTABLISHED);
        s.clients = kClients;
        s.sockets = std::move(rows);
        run.report(std::move(s));
    }

    // Each connect gets kConnectTimeoutMs from its start: writable with
    // SO_ERROR 0 is connected; still pending at the deadline timed out.
    std::vector<pollfd> fds;
    for (const Socket& c : clients) fds.push_back({c.fd(), POLLOUT, 0});
    std::vector<int> outcome(clients.size(), 0);  // 0 pending, 1 connected, -1 failed
    const auto deadline = started + Millis(kConnectTimeoutMs);
    for (;;) {
        run.checkStop();
        const auto left =
            std::chrono::duration_cast<Millis>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        for (size_t i = 0; i < fds.size(); ++i) fds[i].fd = outcome[i] == 0 ? clients[i].fd() : -1;
        // At most 100 ms per wait, so a stop is seen promptly.
        const int n = sys::poll(fds.data(), fds.size(),
                                static_cast<int>(std::min<long long>(left.count(), 100)));
        if (n < 0 && errno != EINTR) throw Error::fromErrno("poll", errno);
        for (size_t i = 0; i < fds.size(); ++i) {
            if (outcome[i] != 0 || fds[i].revents == 0) continue;
            int err = 0;
            socklen_t len = sizeof err;
            sys::getsockopt(clients[i].fd(), SOL_SOCKET, SO_ERROR, &err, &len);
            outcome[i] = err == 0 ? 1 : -1;
        }
    }
    rows = LessonRun::tcpSockets(port);
    {
        LessonStep s;
        s.kind = LessonStepKind::ConnectsSettled;
        s.clients = kClients;
        s.timeoutMs = kConnectTimeoutMs;
        for (int o : outcome) {
            if (o == 1) ++s.connected;
            if (o == 0) ++s.timedOut;
        }
        s.synSent = clientsIn(rows, port, TCP_SYN_SENT);
        s.established = clientsIn(rows, port, TCP_ESTABLISHED);
        if (const SocketEntry* l = listenerOf(rows, port)) {
            s.acceptQueue = static_cast<int>(l->recvQ);
            s.acceptQueueMax = static_cast<int>(l->sendQ);
        }
        s.sockets = std::move(rows);
        run.report(std::move(s));
    }
    // The clients close (the pending ones give up), then the server stops.
    clients.clear();
    server->stop();
}

}  // namespace sockwb
