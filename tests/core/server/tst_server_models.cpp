// The server engine under each of the eight concurrency models, and again
// for iterative, fork, thread and pool with IoMode::Poll
// (test::addServerModelRows): start/stop, binary echo with concurrent clients, prompt stop with
// clients connected, no leaked fd/thread/child after 1,000 connections, max connections, idle
// timeout and select's FD_SETSIZE refusal. What each model serves and
// refuses is in tst_server_services.

#include <dirent.h>
#include <sys/resource.h>

#include <QtTest>
#include <algorithm>
#include <atomic>
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

namespace {

int countEntries(const char* dir) {
    int n = 0;
    DIR* d = ::opendir(dir);
    if (!d) return -1;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

int countThreads() { return countEntries("/proc/self/task"); }

// Children of every thread of this process (zombies included).
int countChildren() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return -1;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::string path = std::string("/proc/self/task/") + e->d_name + "/children";
        if (FILE* f = std::fopen(path.c_str(), "r")) {
            int c;
            bool inWord = false;
            while ((c = std::fgetc(f)) != EOF) {
                if (c == ' ' || c == '\n')
                    inWord = false;
                else if (!inWord) {
                    inWord = true;
                    ++n;
                }
            }
            std::fclose(f);
        }
    }
    ::closedir(d);
    return n;
}

// Collects what a server reports; called from the server's threads.
class Recorder final : public ServerObserver {
public:
    void onLog(const std::string& text) override {
        std::lock_guard l(m);
        logs.push_back(text);
    }
    void onError(const ErrorInfo& e) override {
        std::lock_guard l(m);
        errors.push_back(e.call + ": " + explain(e));
    }
    void onConnectionOpened(const ConnectionInfo&) override { ++opened; }
    void onConnectionClosed(const ConnectionInfo&) override { ++closed; }
    bool logContains(const std::string& s) {
        std::lock_guard l(m);
        for (auto& x : logs)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }
    bool errorContains(const std::string& s) {
        std::lock_guard l(m);
        for (auto& x : errors)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }
    std::mutex m;
    std::vector<std::string> logs, errors;
    std::atomic<int> opened{0}, closed{0};
};

}  // namespace

class tst_ServerModels : public QObject {
    Q_OBJECT

private:
    ServerConfig config(const std::string& service = "echo") const { return row_.config(service); }
    test::ServerModelRow row_;

private slots:
    void initTestCase_data() { test::addServerModelRows(); }
    void init() { row_.fetch(); }
    void startStop();
    void connectionStateNames();
    void echoBinaryConcurrent();
    void stopWithClientsConnected();
    void noGrowthAfterThousandConnections();
    void maxConnections();
    void idleTimeout();
    void selectRefusesFdAboveSetSize();
};

void tst_ServerModels::startStop() {
    const int fds0 = test::countOpenFds();
    Recorder rec;
    Server server(config());
    server.setObserver(&rec);
    QCOMPARE(server.modelName(), row_.model);
    server.start();
    QVERIFY(server.isRunning());
    const auto addrs = server.addresses();
    QCOMPARE(addrs.size(), size_t(1));
    QVERIFY(addrs[0].port() != 0);
    QCOMPARE(QByteArray::fromStdString(echoRoundTrip(addrs[0], "Bonjour\n")),
             QByteArray("Bonjour\n"));
    server.stop();
    QVERIFY(!server.isRunning());
    server.stop();  // idempotent
    QCOMPARE(test::countOpenFds(), fds0);
    // The port is free again: a fresh listener can take it at once.
    Socket again = tcpListen(addrs[0]);
    QVERIFY(again.isValid());
}

void tst_ServerModels::connectionStateNames() {
    // The English names the CLI and logs print; the GUI words the code.
    QCOMPARE(connectionStateName(ConnectionState::Open), "open");
    QCOMPARE(connectionStateName(ConnectionState::Closing), "closing");
    QCOMPARE(connectionStateName(ConnectionState::Closed), "closed");
}

void tst_ServerModels::echoBinaryConcurrent() {
    SOCKWB_SKIP_BUSY_FORK(row_.model == "fork");
    Recorder rec;
    Server server(config());
    server.setObserver(&rec);
    server.start();
    const Address to = server.addresses()[0];
    constexpr int kClients = 8;
    constexpr size_t kSize = 1 << 20;
    std::vector<std::string> sent(kClients), got(kClients);
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
        sent[i] = test::randomBytes(kSize, unsigned(100 + i));
        clients.emplace_back([&, i] {
            try {
                got[i] = echoRoundTrip(to, sent[i]);
            } catch (const std::exception& e) {
                got[i] = std::string("error: ") + e.what();
            }
        });
    }
    for (auto& t : clients) t.join();
    for (int i = 0; i < kClients; ++i) {
        if (got[i].size() != kSize) {
            // What the server said, to tell a refused fork from a dead child.
            std::lock_guard l(rec.m);
            std::string why =
                "client " + std::to_string(i) + " got " + std::to_string(got[i].size()) + " bytes;";
            for (auto& e : rec.errors) why += " error: " + e + ";";
            for (auto& x : rec.logs) why += " log: " + x + ";";
            QFAIL(why.c_str());
        }
        QVERIFY(got[i] == sent[i]);
    }
    // The fork children's counts arrive through the pipe, a little later.
    QTRY_COMPARE(server.stats().bytesIn, uint64_t(kClients) * kSize);
    QTRY_COMPARE(server.stats().bytesOut, uint64_t(kClients) * kSize);
    QCOMPARE(server.stats().accepted, uint64_t(kClients));
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    QVERIFY(server.connections().empty());
}

void tst_ServerModels::stopWithClientsConnected() {
    SOCKWB_SKIP_BUSY_FORK(row_.model == "fork");
    const int fds0 = test::countOpenFds();
    const int threads0 = countThreads();
    {
        Server server(config());
        server.start();
        const Address to = server.addresses()[0];
        std::vector<Socket> clients;
        for (int i = 0; i < 4; ++i) clients.push_back(tcpConnect(to, Millis(5000)));
        // One client mid-transfer: 4 MiB sent, nothing read back, so the
        // server holds unsent output and the kernel buffers are full.
        Socket& busy = clients[0];
        busy.setNonBlocking(true);
        const std::string big = test::randomBytes(4 << 20, 7);
        size_t off = 0;
        const auto until = Clock::now() + Millis(2000);
        while (off < big.size() && Clock::now() < until) {
            auto r = busy.send(std::string_view(big).substr(off));
            if (r.ok())
                off += r.bytes;
            else if (server.stats().bytesIn > 0 && row_.model == "iterative")
                break;
        }
        // The others are served (or, iterative, wait in the backlog) and
        // their server side is blocked waiting for data.
        QTRY_VERIFY(server.stats().active >= 1);
        const auto t0 = Clock::now();
        server.stop();
        const long ms = msSince(t0);
        QVERIFY2(ms < 1000, qPrintable(QString("stop took %1 ms").arg(ms)));
        for (size_t i = 1; i < clients.size(); ++i) {
            char b;
            // The server side is gone: end of stream or a reset.
            try {
                auto r = clients[i].recv(&b, 1, Millis(2000));
                QVERIFY(r.status == IoResult::Eof);
            } catch (const Error& e) {
                QVERIFY(e.err() == ECONNRESET);
            }
        }
    }
    QCOMPARE(test::countOpenFds(), fds0);
    QTRY_COMPARE(countThreads(), threads0);
    QTRY_COMPARE(countChildren(), 0);
}

void tst_ServerModels::noGrowthAfterThousandConnections() {
    SOCKWB_SKIP_BUSY_FORK(row_.model == "fork");
    Server server(config());
    server.start();
    const Address to = server.addresses()[0];
    QCOMPARE(QByteArray::fromStdString(echoRoundTrip(to, "warm")), QByteArray("warm"));
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    QTRY_COMPARE(countChildren(), 0);
    const int fds0 = test::countOpenFds();
    const int threads0 = countThreads();
    for (int i = 0; i < 1000; ++i) {
        Socket s = tcpConnect(to, Millis(5000));
        s.sendAll("ping");
        char buf[4];
        s.recvExact(buf, 4, Millis(5000));
        QVERIFY(std::string_view(buf, 4) == "ping");
    }
    QTRY_COMPARE(server.stats().active, uint64_t(0));
    QCOMPARE(server.stats().accepted, uint64_t(1001));
    QTRY_COMPARE(countChildren(), 0);
    QTRY_VERIFY(countThreads() <= threads0);
    QTRY_COMPARE(test::countOpenFds(), fds0);
}

void tst_ServerModels::maxConnections() {
    if (row_.model == "iterative") QSKIP("one client at a time: never over a limit above 1");
    Recorder rec;
    ServerConfig c = config();
    c.maxConnections = 2;
    Server server(c);
    server.setObserver(&rec);
    server.start();
    const Address to = server.addresses()[0];
    Socket a = tcpConnect(to), b = tcpConnect(to);
    for (Socket* s : {&a, &b}) {
        s->sendAll("hi");
        char buf[2];
        s->recvExact(buf, 2, Millis(5000));
    }
    Socket refused = tcpConnect(to);
    QVERIFY(readToEof(refused, Millis(5000)).empty());
    QCOMPARE(server.stats().refused, uint64_t(1));
    QVERIFY(rec.logContains("2 connections max"));
    a.close();
    QTRY_COMPARE(server.stats().active, uint64_t(1));
    QCOMPARE(QByteArray::fromStdString(echoRoundTrip(to, "again")), QByteArray("again"));
}

void tst_ServerModels::idleTimeout() {
    Recorder rec;
    ServerConfig c = config();
    c.idleTimeoutMs = 200;
    Server server(c);
    server.setObserver(&rec);
    server.start();
    Socket s = tcpConnect(server.addresses()[0]);
    s.sendAll("x");
    char b;
    s.recvExact(&b, 1, Millis(5000));
    const auto t0 = Clock::now();
    QVERIFY(readToEof(s, Millis(5000)).empty());
    const long ms = msSince(t0);
    QVERIFY2(ms >= 150 && ms < 3000, qPrintable(QString("closed after %1 ms").arg(ms)));
    QTRY_VERIFY(rec.logContains("idle"));
}

void tst_ServerModels::selectRefusesFdAboveSetSize() {
    if (row_.model != "select") QSKIP("only select has FD_SETSIZE");
    rlimit rl{};
    ::getrlimit(RLIMIT_NOFILE, &rl);
    const rlimit saved = rl;
    if (rl.rlim_max < FD_SETSIZE + 64) QSKIP("RLIMIT_NOFILE hard limit too low to pass FD_SETSIZE");
    rl.rlim_cur = FD_SETSIZE + 64;
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &rl) == 0);
    Recorder rec;
    Server server(config());
    server.setObserver(&rec);
    server.start();
    const Address to = server.addresses()[0];
    // Fill every descriptor below FD_SETSIZE so the next accept gets one above.
    std::vector<int> fillers;
    for (;;) {
        int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        if (fd >= FD_SETSIZE) {
            ::close(fd);
            break;
        }
        fillers.push_back(fd);
    }
    {
        Socket s = tcpConnect(to);
        QVERIFY(s.fd() >= FD_SETSIZE);
        QVERIFY(readToEof(s, Millis(5000)).empty());
    }
    for (int fd : fillers) ::close(fd);
    QTRY_VERIFY(rec.errorContains("FD_SETSIZE"));
    QVERIFY(server.isRunning());
    QCOMPARE(QByteArray::fromStdString(echoRoundTrip(to, "still here")), QByteArray("still here"));
    server.stop();
    ::setrlimit(RLIMIT_NOFILE, &saved);
}

SOCKWB_TEST_GUILESS_MAIN(tst_ServerModels)
#include "tst_server_models.moc"
