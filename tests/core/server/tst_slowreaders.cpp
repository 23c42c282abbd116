// Clients that stop reading, under every model that serves them: a chat
// client that never reads is disconnected once its output limit is passed
// (the server's queue for it stays near the hard limit, the reason is
// logged and counted, the other clients keep receiving); a chargen client
// that stops reading leaves its serving thread asleep (waiting for
// POLLOUT, no timer polling the queue) and gets its stream back when it
// reads again.

#include <QtTest>
#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

class Logs final : public ServerObserver {
public:
    void onLog(const std::string& text) override {
        std::lock_guard l(m);
        lines.push_back(text);
    }
    std::string find(const std::string& s) {
        std::lock_guard l(m);
        for (const auto& x : lines)
            if (x.find(s) != std::string::npos) return x;
        return {};
    }
    std::mutex m;
    std::vector<std::string> lines;
};

ServerConfig configFor(const QString& model, const std::string& service) {
    ServerConfig c;
    QString name = model;
    if (name.endsWith(QLatin1String("-poll"))) {
        c.io = IoMode::Poll;
        name.chop(5);
    }
    c.model = name.toStdString();
    c.listeners = {ListenerConfig{service, Protocol::Tcp, "127.0.0.1", 0}};
    c.poolSize = 4;
    return c;
}

void addModelRows() {
    QTest::addColumn<QString>("model");
    for (const char* m :
         {"io_uring", "epoll", "poll", "select", "thread", "thread-poll", "pool", "pool-poll"})
        QTest::newRow(m) << QString::fromLatin1(m);
}

// How often a thread went to sleep and came back (context switches), and
// its CPU time in ns, from /proc: what a poll loop costs, whatever its period.
struct ThreadCost {
    long long switches = -1;
    long long cpuNs = -1;
};

ThreadCost threadCost(int tid) {
    ThreadCost c;
    const std::string dir = "/proc/self/task/" + std::to_string(tid);
    std::ifstream status(dir + "/status");
    std::string line;
    long long sw = 0;
    int found = 0;
    while (std::getline(status, line)) {
        for (const char* key : {"voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:"})
            if (line.rfind(key, 0) == 0) {
                sw += std::stoll(line.substr(std::strlen(key)));
                ++found;
            }
    }
    if (found == 2) c.switches = sw;
    std::ifstream sched(dir + "/schedstat");
    sched >> c.cpuNs;
    return c;
}

}  // namespace

class tst_SlowReaders : public QObject {
    Q_OBJECT

private slots:
    void chatClosesClientOverOutputLimit_data() { addModelRows(); }
    void chatClosesClientOverOutputLimit();
    void chatSoftLimitClosesAfterItsTime();
    void blockedWriterSleeps_data();
    void blockedWriterSleeps();
};

// One client never reads (small receive buffer), one talks, one reads
// each line as it comes (the talker waits for it: a reader slower than the
// talker would rightly be over the limit too). With a 256 KiB hard limit
// the deaf one is closed: a logged reason, a count, never much more than
// the limit queued for it; the reader keeps getting every line.
void tst_SlowReaders::chatClosesClientOverOutputLimit() {
    QFETCH(QString, model);
    ServerConfig config = configFor(model, "chat");
    config.outputLimit = OutputLimit{256 * 1024, 0, 0};
    Logs logs;
    Server server(config);
    server.setObserver(&logs);
    server.start();
    const Address to = server.addresses()[0];
    Socket deaf = tcpConnect(to);
    deaf.setRecvBufferSize(4096);
    Socket talker = tcpConnect(to), reader = tcpConnect(to);
    QTRY_COMPARE(server.connections().size(), size_t(3));

    const std::string line = std::string(32000, 'x') + "\n";
    std::string got(line.size(), '\0');
    uint64_t maxQueued = 0;
    // Bounded: 2,000 lines are 64 MB, far more than any socket buffers.
    for (int i = 0; i < 2000 && server.stats().slowClosed == 0; ++i) {
        talker.sendAll(line);
        reader.recvExact(got.data(), got.size(), Millis(3000));
        QCOMPARE(got, line);
        for (const auto& c : server.connections()) maxQueued = std::max(maxQueued, c.queued);
    }
    talker.sendAll("after\n");
    std::string after(6, '\0');
    reader.recvExact(after.data(), after.size(), Millis(3000));
    QCOMPARE(after, std::string("after\n"));

    QCOMPARE(server.stats().slowClosed, uint64_t(1));
    const std::string reason = logs.find("does not read");
    QVERIFY2(!reason.empty(), "no log line says why the deaf client was closed");
    QVERIFY2(reason.rfind("client ", 0) == 0, reason.c_str());
    // What waits in the server for it: the limit plus the one relayed piece
    // that crossed it (at most one read of 64 KiB).
    QVERIFY2(maxQueued <= 256 * 1024 + 64 * 1024, std::to_string(maxQueued).c_str());
    QTRY_COMPARE(server.connections().size(), size_t(2));
    server.stop();
}

// Under the soft limit alone (1 s over 64 KiB), the deaf client is closed
// once it has stayed over it that long, with the soft limit in its reason.
void tst_SlowReaders::chatSoftLimitClosesAfterItsTime() {
    ServerConfig config = configFor(QStringLiteral("epoll"), "chat");
    config.outputLimit = OutputLimit{0, 64 * 1024, 1};
    Logs logs;
    Server server(config);
    server.setObserver(&logs);
    server.start();
    const Address to = server.addresses()[0];
    Socket deaf = tcpConnect(to);
    deaf.setRecvBufferSize(4096);
    Socket talker = tcpConnect(to);
    QTRY_COMPARE(server.connections().size(), size_t(2));
    QElapsedTimer clock;
    clock.start();
    const std::string line = std::string(1000, 'y') + "\n";
    // Small lines, as fast as they go, for at most 3 s.
    while (server.stats().slowClosed == 0 && !clock.hasExpired(3000)) talker.sendAll(line);
    QCOMPARE(server.stats().slowClosed, uint64_t(1));
    QVERIFY(clock.elapsed() >= 1000);
    QVERIFY2(!logs.find("output soft limit 64 KiB for 1 s").empty(),
             logs.find("does not read").c_str());
    server.stop();
}

void tst_SlowReaders::blockedWriterSleeps_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("service");
    for (const char* service : {"chargen", "http"})
        for (const char* m :
             {"io_uring", "epoll", "poll", "select", "thread", "thread-poll", "pool", "pool-poll"})
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(service, m)))
                << QString::fromLatin1(m) << QString::fromLatin1(service);
}

// A chargen client, or an http client of /bytes/100000000, that stops
// reading: once its queue is full, its serving thread sleeps until the
// socket is writable again. A 2 or 5 ms back-off timer would wake it 100 to
// 250 times in the 500 ms window; a blocked wait does not.
void tst_SlowReaders::blockedWriterSleeps() {
    QFETCH(QString, model);
    QFETCH(QString, service);
    Server server(configFor(model, service.toStdString()));
    server.start();
    // Default buffers: a tiny receive window would leave TCP itself probing
    // for room (persist timer) when the client reads again.
    Socket client = tcpConnect(server.addresses()[0]);
    if (service == QLatin1String("http"))
        client.sendAll("GET /bytes/100000000 HTTP/1.1\r\nHost: x\r\n\r\n", Millis(3000));
    QTRY_COMPARE(server.connections().size(), size_t(1));
    const int tid = server.connections()[0].tid;
    // Blocked: the bytes sent have not grown for 300 ms (a slow build, e.g.
    // under a sanitizer, may take tens of ms to make the next megabyte: two
    // equal looks in a row would not prove the writer waits).
    uint64_t last = ~uint64_t(0);
    QElapsedTimer sinceChange;
    sinceChange.start();
    auto stalled = [&] {
        const auto conns = server.connections();
        if (conns.empty()) return false;
        const uint64_t now = conns[0].bytesOut;
        if (std::exchange(last, now) != now) sinceChange.restart();
        return now > 0 && sinceChange.hasExpired(300);
    };
    QTRY_VERIFY_WITH_TIMEOUT(stalled(), 5000);

    const ThreadCost before = threadCost(tid);
    if (before.switches < 0 || before.cpuNs < 0)
        QSKIP("no /proc/self/task/TID/status or schedstat");
    // The measuring window itself (no event to wait for: the point is that
    // nothing happens in it).
    QElapsedTimer window;
    window.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.hasExpired(500), 2000);
    const ThreadCost after = threadCost(tid);
    const long long wakeups = after.switches - before.switches;
    const long long cpuMs = (after.cpuNs - before.cpuNs) / 1000000;
    QVERIFY2(wakeups < 10, qPrintable(QStringLiteral("%1 wakeups in 500 ms").arg(wakeups)));
    QVERIFY2(cpuMs < 50, qPrintable(QStringLiteral("%1 ms of CPU in 500 ms").arg(cpuMs)));

    // Reading again brings the stream back (woken by writability).
    std::string got;
    QElapsedTimer reading;
    reading.start();
    while (got.size() < 2 * 1024 * 1024 && !reading.hasExpired(3000))
        if (client.recvSome(got, 65536, Millis(500)).status != IoResult::Ok) break;
    QVERIFY2(got.size() >= 2 * 1024 * 1024, std::to_string(got.size()).c_str());
    server.stop();
}

SOCKWB_TEST_APPLESS_MAIN(tst_SlowReaders)
#include "tst_slowreaders.moc"
