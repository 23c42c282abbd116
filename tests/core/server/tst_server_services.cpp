// The services under each of the eight concurrency models, and again for
// iterative, fork, thread and pool with IoMode::Poll
// (test::addServerModelRows): which service and protocol each refuses and
// why (the Refusal code and its English sentence), multi-service,
// EADDRINUSE, the clock served concurrently (or one after the other by the
// iterative server), the UDP clock for three peers, chat, and the trace
// seeing every thread the server starts. The engine's lifecycle and limits are in
// tst_server_models.

#include <QtTest>
#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/servermodelrows.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using sockwb::test::Clock;
using sockwb::test::echoRoundTrip;
using sockwb::test::msSince;
using sockwb::test::readToEof;
using sockwb::test::readUntil;

class tst_ServerServices : public QObject {
    Q_OBJECT

private:
    ServerConfig config(const std::string& service = "echo") const { return row_.config(service); }
    test::ServerModelRow row_;

private slots:
    void initTestCase_data() { test::addServerModelRows(); }
    void init() { row_.fetch(); }
    void refusals();
    void refusalReasons();
    void multiService();
    void addressInUse();
    void clockConcurrency();
    void udpClockThreePeers();
    void chatRelaysToOthers();
    void traceSeesEveryThread();
};

void tst_ServerServices::refusals() {
    QCOMPARE(QString::fromStdString(whyRefused(row_.model, "echo", Protocol::Tcp)), QString());
    QVERIFY(!whyRefused(row_.model, "chat", Protocol::Udp).empty());
    const std::string chat = whyRefused(row_.model, "chat", Protocol::Tcp);
    if (row_.model == "fork")
        QVERIFY(chat.find("own process") != std::string::npos);
    else if (row_.model == "iterative")
        QVERIFY(chat.find("one client at a time") != std::string::npos);
    else
        QVERIFY2(chat.empty(), chat.c_str());
    const bool udpOk = row_.model != "thread" && row_.model != "pool" && row_.model != "fork";
    QCOMPARE(whyRefused(row_.model, "clock", Protocol::Udp).empty(), udpOk);
    QVERIFY(whyRefused("threads", "echo", Protocol::Tcp).find("epoll") != std::string::npos);
    QVERIFY(whyRefused(row_.model, "nope", Protocol::Tcp).find("echo") != std::string::npos);
    ServerConfig c = config("chat");
    c.listeners[0].protocol = Protocol::Udp;
    QVERIFY_THROWS_EXCEPTION(Error, Server{c});
}

void tst_ServerServices::refusalReasons() {
    using R = Refusal::Reason;
    QVERIFY(!refusalOf(row_.model, "echo", Protocol::Tcp));
    // Chat over UDP: refused under every model, for the same reason.
    const auto udpChat = refusalOf(row_.model, "chat", Protocol::Udp);
    QVERIFY(udpChat);
    QCOMPARE(int(udpChat->reason), int(R::RelayNeedsConnections));
    QCOMPARE(udpChat->service, std::string("chat"));
    QCOMPARE(englishSentence(*udpChat), whyRefused(row_.model, "chat", Protocol::Udp));
    const auto chat = refusalOf(row_.model, "chat", Protocol::Tcp);
    if (row_.model == "fork")
        QCOMPARE(int(chat.value().reason), int(R::RelayUnderFork));
    else if (row_.model == "iterative")
        QCOMPARE(int(chat.value().reason), int(R::RelayUnderIterative));
    else
        QVERIFY(!chat);
    const auto udp = refusalOf(row_.model, "echo", Protocol::Udp);
    if (row_.model == "fork")
        QCOMPARE(int(udp.value().reason), int(R::UdpUnderFork));
    else if (row_.model == "thread" || row_.model == "pool")
        QCOMPARE(int(udp.value().reason), int(R::UdpUnderThreads));
    else
        QVERIFY(!udp);
    // UDP among several listeners: only the event-driven models take it,
    // while several TCP listeners are fine under every model.
    const auto mixed = refusalOf(row_.model, "echo", Protocol::Udp, 2);
    QCOMPARE(!mixed, row_.model == "select" || row_.model == "poll" || row_.model == "epoll" ||
                         row_.model == "io_uring");
    if (row_.model == "iterative") QCOMPARE(int(mixed->reason), int(R::IterativeOneUdp));
    QVERIFY(!refusalOf(row_.model, "echo", Protocol::Tcp, 3));
    const auto unknownModel = refusalOf("threads", "echo", Protocol::Tcp);
    QCOMPARE(int(unknownModel.value().reason), int(R::UnknownModel));
    QCOMPARE(unknownModel->model, std::string("threads"));
    const auto unknownService = refusalOf(row_.model, "nope", Protocol::Tcp);
    QCOMPARE(int(unknownService.value().reason), int(R::UnknownService));
    QCOMPARE(unknownService->service, std::string("nope"));
    // The English sentence is what makeService() says of an unknown name.
    try {
        (void)makeService("nope");
        QFAIL("makeService accepted an unknown name");
    } catch (const Error& e) {
        QCOMPARE(englishSentence(*unknownService), std::string(e.what()));
    }
}

void tst_ServerServices::multiService() {
#ifdef SOCKWB_SANITIZED
    // GCC 12's AddressSanitizer malloc has no fork handlers: a fork child of
    // this multi-threaded test can hang on an allocator lock held by another
    // thread at fork time (seen here, never in the default build, where
    // glibc's malloc resets its locks in the child; forkmodel.cpp). This row
    // runs in the default stage.
    if (row_.model == "fork") QSKIP("fork under AddressSanitizer: its malloc is not fork-safe");
#endif
    ServerConfig c = config();
    c.listeners.push_back(ListenerConfig{"daytime", Protocol::Tcp, "127.0.0.1", 0});
    const bool event = row_.model == "select" || row_.model == "poll" || row_.model == "epoll" ||
                       row_.model == "io_uring";
    if (event) c.listeners.push_back(ListenerConfig{"echo", Protocol::Udp, "127.0.0.1", 0});
    Server server(c);
    server.start();
    const auto addrs = server.addresses();
    QCOMPARE(addrs.size(), c.listeners.size());
    QVERIFY(addrs[0].port() != addrs[1].port());
    QCOMPARE(QByteArray::fromStdString(echoRoundTrip(addrs[0], "one")), QByteArray("one"));
    // Under fork, the first child gone and reaped before the next fork: with
    // AddressSanitizer's malloc (no fork handlers) a child forked while the
    // parent's reaper allocated could hang (core/server/models/forkmodel.cpp).
    QTRY_COMPARE_WITH_TIMEOUT(server.connections().size(), size_t(0), 10000);
    Socket d = tcpConnect(addrs[1]);
    const std::string line = readToEof(d);
    QVERIFY2(line.size() > 2 && line.substr(line.size() - 2) == "\r\n", line.c_str());
    if (event) {
        Socket u = udpSocket(AF_INET);
        u.sendTo("ping", addrs[2]);
        char buf[16];
        auto dg = u.recvFrom(buf, sizeof buf, Millis(3000));
        QVERIFY(dg.has_value());
        QCOMPARE(QByteArray(buf, int(dg->size)), QByteArray("ping"));
    }
    ServerConfig mixed = config();
    mixed.listeners.push_back(ListenerConfig{"echo", Protocol::Udp, "127.0.0.1", 0});
    if (!event) QVERIFY_THROWS_EXCEPTION(Error, Server{mixed});
}

void tst_ServerServices::addressInUse() {
    Server first(config());
    first.start();
    ServerConfig c = config();
    c.listeners[0].port = first.addresses()[0].port();
    const int fds0 = test::countOpenFds();
    Server second(c);
    try {
        second.start();
        QFAIL("start on a busy port succeeded");
    } catch (const Error& e) {
        QCOMPARE(e.err(), EADDRINUSE);
        QVERIFY(std::string(e.what()).find(std::to_string(c.listeners[0].port)) !=
                std::string::npos);
        QVERIFY(std::string(e.what()).find("EADDRINUSE") != std::string::npos);
    }
    QVERIFY(!second.isRunning());
    QCOMPARE(test::countOpenFds(), fds0);
}

void tst_ServerServices::clockConcurrency() {
    SOCKWB_SKIP_BUSY_FORK(row_.model == "fork");
    ServerConfig c = config("clock");
    c.serviceOptions.ticks = 3;
    c.serviceOptions.intervalMs = 100;
    c.serviceOptions.terminator = Terminator::Lf;  // lines, to read them as lines
    c.poolSize = 4;
    Server server(c);
    server.start();
    const Address to = server.addresses()[0];
    constexpr int kClients = 20;
    std::vector<std::string> got(kClients);
    std::vector<long> firstLineMs(kClients, -1), farewellMs(kClients, -1);
    const auto t0 = Clock::now();
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i)
        clients.emplace_back([&, i] {
            try {
                Socket s = tcpConnect(to);
                s.sendAll("Bonjour\n");
                std::string first = readUntil(s, "\n", Millis(20000));
                firstLineMs[i] = msSince(t0);
                got[i] = first + readUntil(s, "Au Revoir\n", Millis(20000));
                farewellMs[i] = msSince(t0);
            } catch (const std::exception& e) {
                got[i] = e.what();
            }
        });
    for (auto& t : clients) t.join();
    for (int i = 0; i < kClients; ++i) {
        QVERIFY2(got[i].size() >= 3 * 20 + 10, got[i].c_str());
        QVERIFY2(got[i].ends_with("Au Revoir\n"), got[i].c_str());
        QCOMPARE(std::count(got[i].begin(), got[i].end(), '\n'), 4L);
    }
    const long spread = *std::max_element(firstLineMs.begin(), firstLineMs.end()) -
                        *std::min_element(firstLineMs.begin(), firstLineMs.end());
    // How many clients were being served at the same moment: the most
    // [first line, goodbye] intervals that overlap. An order of events, not a
    // duration, so a slow machine cannot fail it.
    int overlap = 0;
    for (int i = 0; i < kClients; ++i) {
        int at = 0;
        for (int j = 0; j < kClients; ++j)
            at += firstLineMs[j] <= firstLineMs[i] && firstLineMs[i] < farewellMs[j];
        overlap = std::max(overlap, at);
    }
    if (row_.model == "iterative") {
        // One client after the other: each needs ~300 ms, so the last one's
        // first line comes about 19 x 300 ms after the first one's.
        QVERIFY2(spread >= 19 * 250, qPrintable(QString("spread %1 ms").arg(spread)));
        QVERIFY2(overlap <= 2, qPrintable(QString("%1 at once").arg(overlap)));
    } else if (row_.model == "pool") {
        // Four workers: four at a time (one more may show while a worker
        // moves from a goodbye to the next client).
        QVERIFY2(overlap >= 2 && overlap <= 5, qPrintable(QString("%1 at once").arg(overlap)));
    } else {
        // Everyone at once (20 sessions of ~300 ms starting together).
        QVERIFY2(overlap >= 8, qPrintable(QString("%1 at once").arg(overlap)));
    }
}

void tst_ServerServices::udpClockThreePeers() {
    ServerConfig c = config("clock");
    c.listeners[0].protocol = Protocol::Udp;
    c.serviceOptions.ticks = 3;
    c.serviceOptions.intervalMs = 100;
    c.serviceOptions.terminator = Terminator::Lf;
    if (row_.model == "thread" || row_.model == "pool" || row_.model == "fork") {
        QVERIFY_THROWS_EXCEPTION(Error, Server{c});
        return;
    }
    Server server(c);
    server.start();
    const Address to = server.addresses()[0];
    std::vector<Socket> peers;
    for (int i = 0; i < 3; ++i) peers.push_back(udpSocket(AF_INET));
    for (auto& p : peers) p.sendTo("Bonjour\n", to);
    std::vector<std::thread> readers;
    std::vector<int> lines(3, 0);
    // char, not bool: vector<bool> packs bits, and the readers write their
    // own element from different threads.
    std::vector<char> goodbye(3, 0);
    std::vector<Clock::time_point> firstTick(3), farewell(3);
    for (int i = 0; i < 3; ++i)
        readers.emplace_back([&, i] {
            char buf[256];
            while (!goodbye[i]) {
                auto dg = peers[i].recvFrom(buf, sizeof buf, Millis(10000));
                if (!dg) break;
                std::string_view d(buf, dg->size);
                if (d == "Au Revoir\n") {
                    goodbye[i] = true;
                    farewell[i] = Clock::now();
                } else if (++lines[i] == 1) {
                    firstTick[i] = Clock::now();
                }
            }
        });
    for (auto& t : readers) t.join();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(lines[i], 3);
        QVERIFY(goodbye[i]);
    }
    // The three peers' ticks interleave in one loop: every peer had its first
    // tick before any peer got its goodbye. Served one after the other, the
    // second peer's first tick would come after the first peer's goodbye,
    // which is what the iterative model does (tst_blocking_models checks it).
    // (An order, not a duration: it holds however slow the machine is.)
    if (row_.model != "iterative" || row_.io == IoMode::Poll)
        QVERIFY(*std::max_element(firstTick.begin(), firstTick.end()) <
                *std::min_element(farewell.begin(), farewell.end()));
    QTRY_COMPARE(server.stats().datagramsOut, uint64_t(12));
    QCOMPARE(server.stats().datagramsIn, uint64_t(3));
}

void tst_ServerServices::chatRelaysToOthers() {
    if (row_.model == "fork" || row_.model == "iterative") {
        QVERIFY_THROWS_EXCEPTION(Error, Server{config("chat")});
        return;
    }
    Server server(config("chat"));
    server.start();
    const Address to = server.addresses()[0];
    Socket a = tcpConnect(to), b = tcpConnect(to), c = tcpConnect(to);
    QTRY_COMPARE(server.connections().size(), size_t(3));
    for (const ConnectionInfo& info : server.connections())
        QCOMPARE(int(info.state), int(ConnectionState::Open));  // a code, worded by each front end
    a.sendAll("salut\n");
    QVERIFY(readUntil(b, "\n", Millis(3000)).ends_with("salut\n"));
    QVERIFY(readUntil(c, "\n", Millis(3000)).ends_with("salut\n"));
    // Not echoed to the sender: a second line from b reaches a and c,
    // and a's first data is that line, not its own.
    b.sendAll("bonjour\n");
    const std::string atA = readUntil(a, "\n", Millis(3000));
    QVERIFY2(atA.find("salut") == std::string::npos && atA.ends_with("bonjour\n"), atA.c_str());
}

// Every thread the server starts reports thread_start; a fork child's
// calls reach the parent's observer with the child's pid.
void tst_ServerServices::traceSeesEveryThread() {
    struct Collect final : TraceObserver {
        void onTrace(const TraceEvent& e) override {
            std::lock_guard l(m);
            events.push_back(e);
        }
        int count(const std::string& call, bool otherPid) {
            std::lock_guard l(m);
            int n = 0;
            for (auto& e : events)
                if (e.call == call && (!otherPid || e.pid != ::getpid())) ++n;
            return n;
        }
        std::mutex m;
        std::vector<TraceEvent> events;
    } trace;
    ServerConfig c = config();
    c.poolSize = 3;
    Server server(c);
    server.setTraceObserver(&trace);
    server.start();
    QCOMPARE(QByteArray::fromStdString(echoRoundTrip(server.addresses()[0], "t")), QByteArray("t"));
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    server.stop();
    QVERIFY(trace.count("listen", false) == 1);
    // io_uring: accept and recv are completions of requests, not calls.
    const bool uring = row_.model == "io_uring";
    QVERIFY(trace.count(uring ? "io_uring cqe" : "accept4", false) >= 1);
    // fork: the accept loop and the thread that relays the children's reports.
    const int expectedThreads = row_.model == "pool"                             ? 4
                                : row_.model == "thread" || row_.model == "fork" ? 2
                                                                                 : 1;
    QCOMPARE(trace.count("thread_start", false), expectedThreads);
    if (row_.model == "fork") {
        QVERIFY(trace.count("recv", true) >= 1);          // made by the child, relayed
        QCOMPARE(trace.count("close", true) >= 2, true);  // listener + connection in the child
    } else {
        QVERIFY(trace.count(uring ? "io_uring cqe" : "recv", false) >= 1);
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_ServerServices)
#include "tst_server_services.moc"
