// ServerConfig::loops (`--loops N`): N event loops on N threads, each with
// its own SO_REUSEPORT copy of every TCP listener. Checked for epoll and
// io_uring (initTestCase_data; io_uring skipped where the kernel refuses it):
// the copies listen on one port, many connections spread over both loops
// (the records' tid), echo, http, clock and chat work across loops (a chat
// line from a client on one loop reaches a client on the other), everything
// the user sees names the configured listener, stop joins every thread and
// closes every fd, and loops > 1 is refused for the other models and for a
// unix stream listener, with the sentence the CLI and the GUI show.

#include <dirent.h>

#include <QtTest>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sockopt.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

using sockwb::test::readUntil;

namespace {

using Clock = std::chrono::steady_clock;

// Sockets in LISTEN state on this TCP port (IPv4), from /proc/net/tcp.
int listeningOn(uint16_t port) {
    std::ifstream in("/proc/net/tcp");
    std::string line;
    std::getline(in, line);  // header
    int n = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state;
        fields >> slot >> local >> remote >> state;
        const auto colon = local.find(':');
        if (colon == std::string::npos) continue;
        if (std::stoul(local.substr(colon + 1), nullptr, 16) == port && state == "0A") ++n;
    }
    return n;
}

int threadCount() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return -1;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

// The roles of the threads the server started, and its listening lines.
class Seen final : public TraceObserver, public ServerObserver {
public:
    void onTrace(const TraceEvent& e) override {
        if (e.call != "thread_start") return;
        std::lock_guard lock(mutex);
        roles.push_back(e.args);
    }
    void onListening(const std::string& listener, const Address& address) override {
        std::lock_guard lock(mutex);
        listening.push_back(listener + " " + address.toString());
    }
    std::mutex mutex;
    std::vector<std::string> roles, listening;
};

}  // namespace

class tst_ServerLoops : public QObject {
    Q_OBJECT

    ServerConfig config(const std::string& service = "echo", int loops = 2) const {
        ServerConfig c;
        c.model = model_;
        c.loops = loops;
        c.listeners = {ListenerConfig{service, Protocol::Tcp, "127.0.0.1", 0}};
        return c;
    }
    // Connects until clients sit on two loops; returns them by tid.
    std::map<int, std::vector<Socket>> clientsOnEachLoop(Server& server, size_t clients) {
        const Address to = server.addresses().at(0);
        std::map<uint16_t, Socket> byPort;
        for (size_t i = 0; i < clients; ++i) {
            Socket s = tcpConnect(to, Millis(5000));
            const uint16_t port = s.localAddress().port();
            byPort.emplace(port, std::move(s));
        }
        std::map<int, std::vector<Socket>> out;
        if (!QTest::qWaitFor([&] { return server.connections().size() == clients; }, 5000))
            return out;
        for (const ConnectionInfo& info : server.connections()) {
            auto it = byPort.find(info.peer.port());
            if (it != byPort.end()) out[info.tid].push_back(std::move(it->second));
        }
        return out;
    }
    std::string model_;

private slots:
    void initTestCase_data();
    void init();
    void copiesShareOnePort();
    void connectionsSpreadOverLoops();
    void echoHttpClockAcrossLoops();
    void chatAcrossLoops();
    void severalListenersAndUdp();
    void stopJoinsAndClosesEverything();
    void sockoptsOnEveryCopyReadBackOnce();
    void refusedCombinations();
    void oneLoopUnchanged();
};

void tst_ServerLoops::initTestCase_data() {
    QTest::addColumn<QString>("model");
    QTest::newRow("epoll") << QStringLiteral("epoll");
    QTest::newRow("io_uring") << QStringLiteral("io_uring");
}

void tst_ServerLoops::init() {
    QFETCH_GLOBAL(QString, model);
    model_ = model.toStdString();
    const std::string why = modelUnavailableReason(model_);
    if (!why.empty()) QSKIP(why.c_str());
}

#define START_OR_SKIP(server) server.start()  // init() skipped a model the kernel refuses

void tst_ServerLoops::copiesShareOnePort() {
    Seen seen;
    Server server(config("echo", 3));
    server.setObserver(&seen);
    server.setTraceObserver(&seen);
    START_OR_SKIP(server);
    QCOMPARE(server.addresses().size(), size_t(1));
    const uint16_t port = server.addresses()[0].port();
    QVERIFY(port != 0);
    QCOMPARE(listeningOn(port), 3);
    {
        std::lock_guard lock(seen.mutex);
        QCOMPARE(seen.listening.size(), size_t(1));  // one line per configured listener
    }
    if (model_ == "epoll") {
        // Each loop's thread names itself in the trace.
        QTRY_COMPARE(([&] {
                         std::lock_guard lock(seen.mutex);
                         return seen.roles.size();
                     }()),
                     size_t(3));
        std::lock_guard lock(seen.mutex);
        for (int k = 0; k < 3; ++k) {
            const std::string role = "epoll loop " + std::to_string(k);
            QVERIFY2(std::any_of(seen.roles.begin(), seen.roles.end(),
                                 [&](const std::string& r) { return r.starts_with(role); }),
                     role.c_str());
        }
    }
    server.stop();
    QCOMPARE(listeningOn(port), 0);
}

void tst_ServerLoops::connectionsSpreadOverLoops() {
    Server server(config("echo"));
    START_OR_SKIP(server);
    auto byLoop = clientsOnEachLoop(server, 64);
    // The kernel hashes each connection to one copy: 64 on one loop of two
    // would be a 1 in 2^63 chance.
    QCOMPARE(byLoop.size(), size_t(2));
    for (const ConnectionInfo& info : server.connections()) {
        QCOMPARE(info.listenerIndex, size_t(0));
        QCOMPARE(info.listener, std::string("echo/tcp"));
    }
    int n = 0;
    for (auto& [tid, sockets] : byLoop)
        for (auto& s : sockets) {
            const std::string line = "line " + std::to_string(n++) + "\n";
            s.sendAll(line, Millis(5000));
            QCOMPARE(readUntil(s, "\n"), line);
        }
    QCOMPARE(n, 64);
    QCOMPARE(server.stats().accepted, uint64_t(64));
}

void tst_ServerLoops::echoHttpClockAcrossLoops() {
    ServerConfig c = config("http");
    c.listeners.push_back(ListenerConfig{"clock", Protocol::Tcp, "127.0.0.1", 0});
    c.serviceOptions.ticks = 2;
    c.serviceOptions.intervalMs = 10;
    c.serviceOptions.terminator = Terminator::Lf;
    Server server(c);
    START_OR_SKIP(server);
    QCOMPARE(server.addresses().size(), size_t(2));
    std::set<int> httpTids, clockTids;
    for (int i = 0; i < 24; ++i) {
        Socket s = tcpConnect(server.addresses()[0], Millis(5000));
        s.sendAll("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Millis(5000));
        const std::string answer = readUntil(s, "</html>");
        QVERIFY2(answer.starts_with("HTTP/1.1 200"), answer.c_str());
        Socket t = tcpConnect(server.addresses()[1], Millis(5000));
        t.sendAll("Bonjour\n", Millis(5000));
        const std::string ticks = readUntil(t, "Au Revoir\n");
        QVERIFY2(ticks.ends_with("Au Revoir\n"), ticks.c_str());
    }
    QCOMPARE(server.stats().accepted, uint64_t(48));
    QTRY_COMPARE(server.stats().active, uint64_t(0));
}

void tst_ServerLoops::chatAcrossLoops() {
    Server server(config("chat"));
    START_OR_SKIP(server);
    auto byLoop = clientsOnEachLoop(server, 16);
    QCOMPARE(byLoop.size(), size_t(2));
    auto first = byLoop.begin();
    auto second = std::next(first);
    Socket& a = first->second.front();
    Socket& b = second->second.front();
    // From loop A to loop B, and back.
    a.sendAll("salut de A\n", Millis(5000));
    QVERIFY(readUntil(b, "salut de A\n").ends_with("salut de A\n"));
    b.sendAll("bonjour de B\n", Millis(5000));
    const std::string atA = readUntil(a, "bonjour de B\n");
    QVERIFY2(atA.ends_with("bonjour de B\n") && atA.find("salut") == std::string::npos,
             atA.c_str());
    // Everyone else got both lines, on either loop. Not always in that
    // order: A's line reaches B's loop one post per client, so B's answer
    // can overtake it on the way to a third client of B's loop (as under
    // the thread model, where A's thread writes to one client after another).
    for (auto& [tid, sockets] : byLoop)
        for (auto& s : sockets) {
            if (&s == &a || &s == &b) continue;
            std::string got = readUntil(s, "bonjour de B\n");
            if (got.find("salut de A\n") == std::string::npos) got += readUntil(s, "salut de A\n");
            QVERIFY2(got.find("salut de A\n") != std::string::npos &&
                         got.find("bonjour de B\n") != std::string::npos,
                     got.c_str());
        }
}

void tst_ServerLoops::severalListenersAndUdp() {
    Seen seen;
    ServerConfig c = config("echo", 2);
    c.listeners.push_back(ListenerConfig{"daytime", Protocol::Udp, "127.0.0.1", 0});
    c.listeners.push_back(ListenerConfig{"chargen", Protocol::Tcp, "127.0.0.1", 0});
    Server server(c);
    server.setObserver(&seen);
    START_OR_SKIP(server);
    const auto at = server.addresses();
    QCOMPARE(at.size(), size_t(3));
    {
        std::lock_guard lock(seen.mutex);
        QCOMPARE(seen.listening.size(), size_t(3));
    }
    QCOMPARE(listeningOn(at[0].port()), 2);
    QCOMPARE(listeningOn(at[2].port()), 2);
    // The UDP listener is served once, by loop 0.
    Socket u = udpSocket(AF_INET);
    u.sendTo("x", at[1]);
    char reply[512];
    const auto d = u.recvFrom(reply, sizeof reply, Millis(5000));
    QVERIFY(d.has_value());
    QVERIFY(d->size > 0);
    // A chargen client is shown on its configured listener, index 2.
    Socket g = tcpConnect(at[2], Millis(5000));
    QVERIFY(!readUntil(g, "\n").empty());
    QTRY_COMPARE(server.connections().size(), size_t(1));
    QCOMPARE(server.connections()[0].listenerIndex, size_t(2));
    QCOMPARE(server.connections()[0].listener, std::string("chargen/tcp"));
}

void tst_ServerLoops::stopJoinsAndClosesEverything() {
    const int fds0 = test::countOpenFds();
    const int threads0 = threadCount();
    {
        Server server(config("chat", 4));
        START_OR_SKIP(server);
        QCOMPARE(threadCount(), threads0 + 4);
        auto byLoop = clientsOnEachLoop(server, 32);
        QVERIFY(byLoop.size() >= 2);
        // A line in flight between loops while they stop.
        byLoop.begin()->second.front().sendAll("bye\n", Millis(5000));
        server.stop();
        QCOMPARE(threadCount(), threads0);
        QCOMPARE(server.connections().size(), size_t(0));
    }
    QCOMPARE(test::countOpenFds(), fds0);
}

void tst_ServerLoops::sockoptsOnEveryCopyReadBackOnce() {
    ServerConfig c = config("echo", 3);
    c.sockopts = {parseSockopt("SO_RCVBUF=8192")};
    Server server(c);
    START_OR_SKIP(server);
    const auto readback = server.sockoptReadback();
    QCOMPARE(readback.size(), size_t(1));  // one listener configured, not three
    QCOMPARE(readback[0].socket, std::string("echo/tcp"));
    QVERIFY(readback[0].readBack.has_value());
}

void tst_ServerLoops::refusedCombinations() {
    const std::string sentence =
        "--loops 2 needs the epoll or io_uring model (thread and pool already use several "
        "threads)";
    for (const char* other : {"thread", "pool", "select", "poll", "iterative", "fork"}) {
        ServerConfig c = config("echo", 2);
        c.model = other;
        try {
            Server s(c);
            QFAIL(other);
        } catch (const Error& e) {
            QCOMPARE(int(e.info().kind), int(ErrorKind::InvalidInput));
            QCOMPARE(e.info().call, std::string("loops"));
            QCOMPARE(e.info().detail, sentence);
        }
    }
    for (int bad : {0, -1, 65}) {
        try {
            Server s(config("echo", bad));
            QFAIL("out of range");
        } catch (const Error& e) {
            QCOMPARE(e.info().call, std::string("loops"));
            QCOMPARE(e.info().detail, std::string("must be between 1 and 64"));
        }
    }
    ServerConfig unix = config("echo", 2);
    unix.listeners = {ListenerConfig{"echo", Protocol::Unix, "/tmp/sockwb-loops-never.sock", 0}};
    try {
        Server s(unix);
        QFAIL("unix stream with loops 2");
    } catch (const Error& e) {
        QCOMPARE(e.info().call, std::string("loops"));
        QVERIFY2(e.info().detail.find("unix stream listener") != std::string::npos,
                 e.info().detail.c_str());
    }
    // 64 is the most, and 1 always goes.
    ServerConfig most = config("echo", 64);
    Server fine(most);
    ServerConfig one = config("echo", 1);
    one.model = "thread";
    Server alsoFine(one);
}

void tst_ServerLoops::oneLoopUnchanged() {
    Server server(config("echo", 1));
    START_OR_SKIP(server);
    QCOMPARE(listeningOn(server.addresses()[0].port()), 1);
    Socket s = tcpConnect(server.addresses()[0], Millis(5000));
    s.sendAll("x\n", Millis(5000));
    QCOMPARE(readUntil(s, "\n"), std::string("x\n"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ServerLoops)
#include "tst_server_loops.moc"
