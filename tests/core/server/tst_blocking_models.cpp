// The blocking models (iterative, fork, thread, pool) under IoMode::Blocking,
// the default: the trace reads like the course's program (accept and recv
// wait in the kernel, no poll; nanosleep between the clock's ticks), stop
// wakes a thread blocked in accept, recv or a sleep and leaves no fd, thread
// or child behind, the iterative UDP server serves one request at a time,
// a chat client that does not read is disconnected, the idle timeout ends a
// send to a client that does not read, and IoMode::Poll still waits in poll().

#include <dirent.h>
#include <sys/syscall.h>

#include <QtTest>
#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

int countThreads() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return -1;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

// Direct children of this process (zombies included).
int countChildren() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return -1;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::string path = std::string("/proc/self/task/") + e->d_name + "/children";
        if (FILE* f = std::fopen(path.c_str(), "r")) {
            int c, prev = ' ';
            while ((c = std::fgetc(f)) != EOF) {
                if (c != ' ' && c != '\n' && (prev == ' ' || prev == '\n')) ++n;
                prev = c;
            }
            std::fclose(f);
        }
    }
    ::closedir(d);
    return n;
}

// True when a thread of this process is inside system call nr right now
// (/proc/self/task/*/syscall starts with its number).
bool someThreadIn(long nr) {
    bool found = false;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return false;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::string path = std::string("/proc/self/task/") + e->d_name + "/syscall";
        if (FILE* f = std::fopen(path.c_str(), "r")) {
            long got = -1;
            if (std::fscanf(f, "%ld", &got) == 1 && got == nr) found = true;
            std::fclose(f);
        }
    }
    ::closedir(d);
    return found;
}

class Collect final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard l(m_);
        events_.push_back(e);
    }
    std::vector<TraceEvent> events() {
        std::lock_guard l(m_);
        return events_;
    }
    int count(const std::string& call, int err = -1) {
        int n = 0;
        for (const auto& e : events())
            if (e.call == call && (err < 0 || e.err == err)) ++n;
        return n;
    }

private:
    std::mutex m_;
    std::vector<TraceEvent> events_;
};

class Logs final : public ServerObserver {
public:
    void onLog(const std::string& text) override {
        std::lock_guard l(m);
        lines.push_back(text);
    }
    bool contains(const std::string& s) {
        std::lock_guard l(m);
        return std::any_of(lines.begin(), lines.end(),
                           [&](const auto& x) { return x.find(s) != std::string::npos; });
    }
    std::mutex m;
    std::vector<std::string> lines;
};

ServerConfig configFor(const std::string& model, const std::string& service) {
    ServerConfig c;
    c.model = model;
    c.listeners = {ListenerConfig{service, Protocol::Tcp, "127.0.0.1", 0}};
    c.poolSize = 2;
    return c;
}

std::string readUntil(Socket& s, std::string_view marker) {
    std::string out;
    for (int i = 0; i < 100000 && out.find(marker) == std::string::npos; ++i) {
        try {
            if (s.recvSome(out, 65536, Millis(5000)).status != IoResult::Ok) break;
        } catch (const Error&) {
            break;
        }
    }
    return out;
}

// Stops the server on another thread: a stop that hangs fails the QTRY
// instead of hanging the test (the thread is then left behind).
bool stopsPromptly(const std::shared_ptr<Server>& server) {
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::thread t([server, done] {
        server->stop();
        done->store(true);
    });
    if (!QTest::qWaitFor([&] { return done->load(); }, 10000)) {
        t.detach();
        return false;
    }
    t.join();
    return true;
}

}  // namespace

class tst_BlockingModels : public QObject {
    Q_OBJECT

private slots:
    void ioModeNames();
    void iterativeAcceptBlocks();
    void clockSleepsBetweenTicks();
    void stopWakesBlockedCalls_data();
    void stopWakesBlockedCalls();
    void udpIterativeOneAtATime();
    void chatDisconnectsClientThatDoesNotRead();
    void pollOptionStillPolls();
    void idleTimeoutEndsBlockedSend();
};

void tst_BlockingModels::ioModeNames() {
    QCOMPARE(QByteArray(ioModeName(IoMode::Blocking)), QByteArray("blocking"));
    QCOMPARE(QByteArray(ioModeName(IoMode::Poll)), QByteArray("poll"));
    QVERIFY(ioModeFromName("poll") == IoMode::Poll);
    QVERIFY(ioModeFromName("blocking") == IoMode::Blocking);
    QVERIFY(!ioModeFromName("epoll"));
    ServerConfig c;
    QVERIFY(c.io == IoMode::Blocking);  // the course's way by default
    c.model = "thread";
    QVERIFY(usesBlockingCalls(c));
    c.model = "epoll";  // event loops ignore io
    QVERIFY(!usesBlockingCalls(c));
    c.model = "pool";
    c.io = IoMode::Poll;
    QVERIFY(!usesBlockingCalls(c));
}

// The course's iterative server: accept() waits (its duration is the wait),
// no poll anywhere, blocking recv/send; stop shuts the listener down and
// the blocked accept fails with EINVAL.
void tst_BlockingModels::iterativeAcceptBlocks() {
    Collect trace;
    Server server(configFor("iterative", "echo"));
    server.setTraceObserver(&trace);
    server.start();
    Socket s = tcpConnect(server.addresses()[0]);
    s.sendAll("hi");
    char b[2];
    s.recvExact(b, 2, Millis(5000));
    s.close();
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    server.stop();
    const auto events = trace.events();
    auto accepted = std::find_if(events.begin(), events.end(), [](const auto& e) {
        return e.call == "accept4" && e.result >= 0;
    });
    QVERIFY(accepted != events.end());
    QVERIFY(accepted->durationNs > 0);
    QCOMPARE(trace.count("poll"), 0);
    QCOMPARE(trace.count("fcntl"), 0);  // nothing made non-blocking
    QVERIFY(trace.count("recv") >= 2);  // "hi", then the end of stream
    QVERIFY(trace.count("shutdown") >= 1);
    QCOMPARE(trace.count("accept4", EINVAL), 1);  // woken by stop's shutdown
}

// The thread model's clock: send, nanosleep, send... on the client's thread.
void tst_BlockingModels::clockSleepsBetweenTicks() {
    Collect trace;
    ServerConfig c = configFor("thread", "clock");
    c.serviceOptions.ticks = 3;
    c.serviceOptions.intervalMs = 20;
    Server server(c);
    server.setTraceObserver(&trace);
    server.start();
    Socket s = tcpConnect(server.addresses()[0]);
    s.sendAll("Bonjour\n");
    QVERIFY(readUntil(s, "Au Revoir").find("Au Revoir") != std::string::npos);
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    server.stop();
    std::string sequence;
    for (const auto& e : trace.events())
        if (e.call == "send" || e.call == "nanosleep") sequence += e.call == "send" ? 'S' : 'Z';
    // Three ticks, a sleep after each, then the goodbye.
    QVERIFY2(sequence.find("SZSZSZS") != std::string::npos, sequence.c_str());
    QCOMPARE(trace.count("poll"), 0);
}

void tst_BlockingModels::stopWakesBlockedCalls_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("where");
    for (const char* m : {"iterative", "fork", "thread", "pool"})
        for (const char* w : {"accept", "recv", "sleep"})
            QTest::newRow(qPrintable(QString("%1 in %2").arg(m, w))) << m << w;
}

// Stop while the server's threads wait in accept, in recv or in a sleep of
// a minute: stop returns, and no fd, thread or child is left.
void tst_BlockingModels::stopWakesBlockedCalls() {
    QFETCH(QString, model);
    QFETCH(QString, where);
    const int fds0 = test::countOpenFds();
    const int threads0 = countThreads();
    Collect trace;
    {
        const bool sleep = where == "sleep";
        ServerConfig c = configFor(model.toStdString(), sleep ? "clock" : "echo");
        c.serviceOptions.ticks = 2;
        c.serviceOptions.intervalMs = 60000;
        c.serviceOptions.terminator = Terminator::Lf;  // the test reads up to the first '\n'
        auto server = std::make_shared<Server>(c);
        server->setTraceObserver(&trace);
        server->start();
        std::optional<Socket> client;
        if (where != "accept") {
            client = tcpConnect(server->addresses()[0]);
            client->sendAll(sleep ? "Bonjour\n" : "x");
            // The first tick (or the echo) came back: the server now sleeps
            // (or waits in recv).
            QVERIFY(!readUntil(*client, sleep ? "\n" : "x").empty());
        }
        // In-process models: stop once the thread is really inside its sleep
        // (it may still be on its way there when the tick arrives).
        if (sleep && model != "fork") QTRY_VERIFY(someThreadIn(SYS_clock_nanosleep));
        QVERIFY(stopsPromptly(server));
        QCOMPARE(server->stats().active, uint64_t(0));
        if (sleep && model != "fork")  // a fork child is stopped by SIGTERM
            QCOMPARE(trace.count("nanosleep", EINTR), 1);
        if (where == "recv" && model != "fork") QVERIFY(trace.count("shutdown") >= 2);
    }
    QTRY_COMPARE(countChildren(), 0);
    QTRY_COMPARE(countThreads(), threads0);
    QTRY_COMPARE(test::countOpenFds(), fds0);
}

// The course's UDP server: the second request waits in the socket buffer
// until the first one has had its goodbye. Checked on the server's own
// sendto sequence (one thread, in order): every datagram to the first
// client, then every datagram to the second.
void tst_BlockingModels::udpIterativeOneAtATime() {
    Collect trace;
    ServerConfig c = configFor("iterative", "clock");
    c.listeners[0].protocol = Protocol::Udp;
    c.serviceOptions.ticks = 2;
    c.serviceOptions.intervalMs = 30;
    Server server(c);
    server.setTraceObserver(&trace);
    server.start();
    const Address to = server.addresses()[0];
    Socket a = udpSocket(AF_INET), b = udpSocket(AF_INET);
    char buf[256];
    a.sendTo("Bonjour\n", to);
    QVERIFY(a.recvFrom(buf, sizeof buf, Millis(5000)));  // a is being served
    b.sendTo("Bonjour\n", to);
    for (Socket* s : {&a, &b}) {
        int got = s == &a ? 1 : 0;
        bool goodbye = false;
        while (!goodbye && got < 10) {
            auto dg = s->recvFrom(buf, sizeof buf, Millis(5000));
            if (!dg) break;
            ++got;
            goodbye = std::string_view(buf, dg->size).starts_with("Au Revoir");
        }
        QVERIFY(goodbye);
        QCOMPARE(got, 3);
    }
    server.stop();  // the server thread's last trace events are in
    // Unbound sockets: the address is 0.0.0.0:port, the server sees 127.0.0.1:port.
    const std::string aText = ":" + std::to_string(a.localAddress().port()),
                      bText = ":" + std::to_string(b.localAddress().port());
    std::string order;
    for (const auto& e : trace.events())
        if (e.call == "sendto")
            order += e.args.ends_with(aText) ? 'a' : e.args.ends_with(bText) ? 'b' : '?';
    QCOMPARE(QByteArray::fromStdString(order), QByteArray("aaabbb"));
    QVERIFY(trace.count("nanosleep") >= 4);
    QCOMPARE(trace.count("poll"), 0);
}

// Chat under the thread model: the sender's thread writes to the others'
// sockets (MSG_DONTWAIT); one that does not read is disconnected, not
// waited for, and the others still get every line.
void tst_BlockingModels::chatDisconnectsClientThatDoesNotRead() {
    Logs logs;
    Server server(configFor("thread", "chat"));
    server.setObserver(&logs);
    server.start();
    const Address to = server.addresses()[0];
    Socket talker = tcpConnect(to), reader = tcpConnect(to), deaf = tcpConnect(to);
    deaf.setRecvBufferSize(4096);
    QTRY_COMPARE(server.connections().size(), size_t(3));
    std::string atReader;
    std::thread readerThread([&] { atReader = readUntil(reader, "fin\n"); });
    const std::string line = std::string(32000, 'x') + "\n";
    for (int i = 0; i < 1000 && !logs.contains("does not read"); ++i) talker.sendAll(line);
    QVERIFY(logs.contains("does not read"));
    talker.sendAll("fin\n");
    readerThread.join();
    QVERIFY(atReader.ends_with("fin\n"));
    QTRY_COMPARE(server.connections().size(), size_t(2));
}

// IoMode::Poll keeps the previous way: poll before accept, no sleep.
void tst_BlockingModels::pollOptionStillPolls() {
    Collect trace;
    ServerConfig c = configFor("iterative", "clock");
    c.io = IoMode::Poll;
    c.serviceOptions.ticks = 2;
    c.serviceOptions.intervalMs = 20;
    Server server(c);
    server.setTraceObserver(&trace);
    server.start();
    Socket s = tcpConnect(server.addresses()[0]);
    s.sendAll("Bonjour\n");
    QVERIFY(readUntil(s, "Au Revoir").find("Au Revoir") != std::string::npos);
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    server.stop();
    QVERIFY(trace.count("poll") >= 2);
    QCOMPARE(trace.count("nanosleep"), 0);
    QVERIFY(trace.count("fcntl") >= 1);  // the connection made non-blocking
}

// A client that sends to echo and never reads: the server's blocking send
// waits, and the idle timeout (SO_SNDTIMEO) ends it.
void tst_BlockingModels::idleTimeoutEndsBlockedSend() {
    Logs logs;
    ServerConfig c = configFor("thread", "echo");
    c.idleTimeoutMs = 200;
    Server server(c);
    server.setObserver(&logs);
    server.start();
    Socket s = tcpConnect(server.addresses()[0]);
    s.setNonBlocking(true);
    const std::string chunk(65536, 'x');
    try {
        for (int i = 0; i < 2000 && !logs.contains("idle"); ++i)
            if (!s.send(chunk).ok()) QTest::qWait(5);  // our buffer is full: let time pass
    } catch (const Error&) {
        // The server closed first (EPIPE / ECONNRESET): what is checked below.
    }
    QTRY_VERIFY(logs.contains("idle for 200 ms"));
    QTRY_COMPARE(server.stats().active, uint64_t(0));
}

SOCKWB_TEST_GUILESS_MAIN(tst_BlockingModels)
#include "tst_blocking_models.moc"
