// The relay's UDP engine (makeUdpRelay) on loopback: the engine is built on
// its own EventLoop thread around a bound socket, as the Relay does, with a
// RelayContext the test reads. Plain relaying (byte-exact, one flow per
// client, every poller), then each fault measured: loss rate over 10,000
// datagrams, duplicates and reordering counted and seen, delay, a live
// change, idle flows closed, maxConnections, a target that refuses, the
// trace, and no descriptor left once the engine is gone; last, the same
// engine behind the Relay API (start, live faults, stop). Seeded: the same
// run every time. The harness (udprelayharness.h) sends in bounded bursts.

#include <QtTest>
#include <algorithm>
#include <map>
#include <set>

#include "core/net/error.h"
#include "core/relay/relay.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"
#include "udprelayharness.h"

using namespace sockwb;
using namespace sockwb::test;

Q_DECLARE_METATYPE(RelayDirection)

namespace {

void addDirections() {
    QTest::addColumn<RelayDirection>("direction");
    QTest::newRow("up") << RelayDirection::Up;
    QTest::newRow("down") << RelayDirection::Down;
}

std::unique_ptr<Server> udpEcho() {
    ServerConfig cfg;
    cfg.listeners[0].protocol = Protocol::Udp;
    cfg.model = "epoll";
    cfg.udpRepliesPerSecond = 0;
    auto s = std::make_unique<Server>(cfg);
    s->start();
    return s;
}

}  // namespace

class tst_RelayUdp : public QObject {
    Q_OBJECT

private slots:
    void echoesByteExact_data();
    void echoesByteExact();
    void lossRate_data();
    void lossRate();
    void duplicates_data();
    void duplicates();
    void reorders_data();
    void reorders();
    void delayAddsLatency();
    void jitterReordersByDelay();
    void liveChange();
    void idleFlowClosed();
    void maxConnections();
    void targetRefuses();
    void noFdLeak();
    void throughRelay();
};

void tst_RelayUdp::echoesByteExact_data() {
    QTest::addColumn<QString>("backend");
    for (const char* b : {"epoll", "poll", "select"}) QTest::newRow(b) << QString(b);
}

void tst_RelayUdp::echoesByteExact() {
    QFETCH(QString, backend);
    auto echo = udpEcho();
    Harness h(seeded(), echo->addresses().front(), backend.toStdString(), true);
    // Several clients, each with datagrams of every size up to the largest.
    // The small ones are sent by every client before any answer is read;
    // the large ones one at a time (four 64 KiB datagrams at once would
    // overflow a default socket buffer on the way, relay or not).
    std::vector<Socket> clients;
    for (int c = 0; c < 4; ++c) clients.push_back(udpSocket(AF_INET));
    const std::vector<size_t> sizes{0, 1, 1000, 9000, 65507};
    uint64_t bytes = 0;
    std::string buf(65536, '\0');
    auto answer = [&](size_t c, const std::string& sent) {
        auto got = clients[c].recvFrom(buf.data(), buf.size(), Millis(5000));
        QVERIFY2(got, qPrintable(QString("no answer to %1 bytes").arg(sent.size())));
        QCOMPARE(got->from.toString(), h.address.toString());
        QVERIFY(buf.substr(0, got->size) == sent);
    };
    for (size_t k = 0; k < sizes.size(); ++k) {
        const bool together = sizes[k] <= 1000;
        std::vector<std::string> sent;
        for (size_t c = 0; c < clients.size(); ++c) {
            sent.push_back(test::randomBytes(sizes[k], unsigned(c * 100 + k)));
            clients[c].sendTo(sent.back(), h.address);
            bytes += sizes[k];
            if (!together) answer(c, sent.back());
            if (QTest::currentTestFailed()) return;
        }
        for (size_t c = 0; together && c < clients.size(); ++c) {
            answer(c, sent[c]);
            if (QTest::currentTestFailed()) return;
        }
    }
    QTRY_COMPARE(h.stats().down.bytes, bytes);
    const RelayStats s = h.stats();
    QCOMPARE(s.accepted, uint64_t(4));
    QCOMPARE(s.active, uint64_t(4));
    QCOMPARE(s.up.chunks, uint64_t(4 * sizes.size()));
    QCOMPARE(s.down.chunks, uint64_t(4 * sizes.size()));
    QCOMPARE(s.up.bytes, bytes);
    QCOMPARE(s.up.dropped + s.up.duplicated + s.up.reordered + s.up.delayed, uint64_t(0));
    QCOMPARE(h.recorder.linesWith("flow opened"), 4);
    // The relay's own calls are traced on its thread.
    std::lock_guard lock(h.recorder.mutex);
    for (const char* call : {"socket", "connect", "recvfrom", "send", "recv", "sendto"})
        QVERIFY2(h.recorder.calls.count(call), call);
}

void tst_RelayUdp::lossRate_data() { addDirections(); }

void tst_RelayUdp::lossRate() {
    QFETCH(RelayDirection, direction);
    RelayConfig c = seeded();
    c.faults(direction).dropP = 0.3;
    Path path;
    Harness h(c, path.target.localAddress());
    path.open(h, direction);
    constexpr uint32_t n = 10000;
    std::vector<uint32_t> got;
    QVERIFY(pump(h, path, direction, n, got));
    const RelayDirectionStats s = h.stats(direction);
    QCOMPARE(s.chunks, uint64_t(n));
    QCOMPARE(s.dropped, uint64_t(n - got.size()));
    QCOMPARE(s.bytes, uint64_t(got.size() * kSize));
    const double loss = double(n - got.size()) / n;
    QVERIFY2(loss > 0.27 && loss < 0.33, qPrintable(QString::number(loss)));
    QVERIFY(std::is_sorted(got.begin(), got.end()));  // lost, never reordered
    QVERIFY(std::adjacent_find(got.begin(), got.end()) == got.end());
    const RelayDirectionStats other =
        h.stats(direction == RelayDirection::Up ? RelayDirection::Down : RelayDirection::Up);
    QCOMPARE(other.dropped, uint64_t(0));
}

void tst_RelayUdp::duplicates_data() { addDirections(); }

void tst_RelayUdp::duplicates() {
    QFETCH(RelayDirection, direction);
    RelayConfig c = seeded();
    c.faults(direction).duplicateP = 0.2;
    Path path;
    Harness h(c, path.target.localAddress());
    path.open(h, direction);
    constexpr uint32_t n = 2000;
    std::vector<uint32_t> got;
    QVERIFY(pump(h, path, direction, n, got));
    const RelayDirectionStats s = h.stats(direction);
    QCOMPARE(s.chunks, uint64_t(n));
    QVERIFY(got.size() > n);  // the receiver got more than was sent
    QCOMPARE(s.duplicated, uint64_t(got.size() - n));
    QVERIFY2(s.duplicated > n * 15 / 100 && s.duplicated < n * 25 / 100,
             qPrintable(QString::number(s.duplicated)));
    std::map<uint32_t, int> seen;
    for (uint32_t v : got) ++seen[v];
    QCOMPARE(seen.size(), size_t(n));
    uint64_t twice = 0;
    for (const auto& [v, k] : seen) {
        QVERIFY(k == 1 || k == 2);
        twice += k == 2;
    }
    QCOMPARE(twice, s.duplicated);
    QVERIFY(std::is_sorted(got.begin(), got.end()));  // the copies come back to back
}

void tst_RelayUdp::reorders_data() { addDirections(); }

void tst_RelayUdp::reorders() {
    QFETCH(RelayDirection, direction);
    RelayConfig c = seeded();
    c.faults(direction).reorderP = 0.2;
    Path path;
    Harness h(c, path.target.localAddress());
    path.open(h, direction);
    constexpr uint32_t n = 2000;
    std::vector<uint32_t> got;
    QVERIFY(pump(h, path, direction, n, got));
    // The last one may be held: it leaves after kReorderWaitMs, in order.
    QVERIFY(readUntil(path.sink(direction), got, [&] { return got.size() >= n; }));
    QCOMPARE(got.size(), size_t(n));
    uint64_t descents = 0;
    for (size_t i = 1; i < got.size(); ++i) descents += got[i] < got[i - 1];
    const RelayDirectionStats s = h.stats(direction);
    QVERIFY2(descents > n / 10, qPrintable(QString::number(descents)));
    QCOMPARE(s.reordered, descents);
    QCOMPARE(std::set<uint32_t>(got.begin(), got.end()).size(), size_t(n));
    QCOMPARE(s.dropped + s.duplicated, uint64_t(0));
}

void tst_RelayUdp::delayAddsLatency() {
    auto echo = udpEcho();
    RelayConfig c = seeded();
    c.up.latencyMs = {100, 0};
    Harness h(c, echo->addresses().front());
    Socket client = udpSocket(AF_INET);
    for (int i = 0; i < 3; ++i) {
        const auto t0 = Clock::now();
        client.sendTo("ping", h.address);
        char buf[16];
        auto got = client.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(got && got->size == 4);
        const auto took = std::chrono::duration_cast<Millis>(Clock::now() - t0);
        QVERIFY2(took >= Millis(100), qPrintable(QString::number(took.count())));
    }
    QTRY_COMPARE(h.stats().down.chunks, uint64_t(3));
    QCOMPARE(h.stats().up.delayed, uint64_t(3));
    QCOMPARE(h.stats().down.delayed, uint64_t(0));
}

void tst_RelayUdp::jitterReordersByDelay() {
    RelayConfig c = seeded();
    c.up.latencyMs = {30, 25};
    Path path;
    Harness h(c, path.target.localAddress());
    constexpr uint32_t n = 100;
    for (uint32_t i = 0; i < n; ++i) path.client.sendTo(numbered(i), h.address);
    std::vector<uint32_t> got;
    QVERIFY(readUntil(path.target, got, [&] { return got.size() >= n; }));
    QCOMPARE(std::set<uint32_t>(got.begin(), got.end()).size(), size_t(n));
    QVERIFY(!std::is_sorted(got.begin(), got.end()));  // the jitter lets them overtake
    QTRY_COMPARE(h.stats().up.bytes, uint64_t(n * kSize));
    QCOMPARE(h.stats().up.delayed, uint64_t(n));
    QCOMPARE(h.stats().up.reordered, uint64_t(0));  // not the reorder fault
}

void tst_RelayUdp::liveChange() {
    Path path;
    Harness h(seeded(), path.target.localAddress());
    std::vector<uint32_t> got;
    QVERIFY(pump(h, path, RelayDirection::Up, 10, got));
    QCOMPARE(got.size(), size_t(10));
    DirectionFaults drop;
    drop.dropP = 1.0;
    h.context.setFaults(RelayDirection::Up, drop);
    QVERIFY(pump(h, path, RelayDirection::Up, 10, got));
    QCOMPARE(got.size(), size_t(10));  // none of the second ten
    QCOMPARE(h.stats().up.chunks, uint64_t(20));
    QCOMPARE(h.stats().up.dropped, uint64_t(10));
    DirectionFaults twice;
    twice.duplicateP = 1.0;
    h.context.setFaults(RelayDirection::Up, twice);
    QVERIFY(pump(h, path, RelayDirection::Up, 10, got));
    QCOMPARE(got.size(), size_t(30));
    QCOMPARE(h.stats().up.dropped, uint64_t(10));
    QCOMPARE(h.stats().up.duplicated, uint64_t(10));
    QCOMPARE(h.stats().up.bytes, uint64_t(30 * kSize));
}

void tst_RelayUdp::idleFlowClosed() {
    RelayConfig c = seeded();
    c.udpFlowIdleMs = 150;
    Path path;
    Harness h(c, path.target.localAddress());
    path.open(h, RelayDirection::Down);
    QCOMPARE(h.stats().active, uint64_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(h.stats().active, uint64_t(0), 5000);
    QCOMPARE(h.stats().accepted, uint64_t(1));
    QCOMPARE(h.recorder.linesWith("flow closed", "idle"), 1);
    // The flow's socket is gone: the target's answer to it goes nowhere, and
    // the client's next datagram opens a new flow from another port.
    const Address old = path.flow;
    path.open(h, RelayDirection::Down);
    QCOMPARE(h.stats().accepted, uint64_t(2));
    QCOMPARE(h.stats().active, uint64_t(1));
    QVERIFY(!(path.flow == old));
}

void tst_RelayUdp::maxConnections() {
    RelayConfig c = seeded();
    c.maxConnections = 2;
    Path path;
    Harness h(c, path.target.localAddress());
    Socket a = udpSocket(AF_INET), b = udpSocket(AF_INET), late = udpSocket(AF_INET);
    a.sendTo("a", h.address);
    b.sendTo("b", h.address);
    QTRY_COMPARE(h.stats().active, uint64_t(2));
    late.sendTo("c", h.address);
    late.sendTo("c", h.address);
    QTRY_COMPARE(h.stats().refused, uint64_t(2));
    a.sendTo("a", h.address);
    QTRY_COMPARE(h.stats().up.chunks, uint64_t(3));
    QCOMPARE(h.stats().accepted, uint64_t(2));
    const std::string latePort = ":" + std::to_string(late.localAddress().port()) + ":";
    QCOMPARE(h.recorder.linesWith(latePort, "no flow opened"), 1);  // once per address
    // Only a's and b's datagrams reached the target.
    std::string seen;
    char buf[8];
    while (auto d = path.target.recvFrom(buf, sizeof buf, Millis(0))) seen.append(buf, d->size);
    std::sort(seen.begin(), seen.end());
    QCOMPARE(seen, std::string("aab"));
}

void tst_RelayUdp::targetRefuses() {
    Address closed;
    {
        Socket s = udpBind(Address::fromIp("127.0.0.1", 0));
        closed = s.localAddress();
    }
    Harness h(seeded(), closed);
    Socket client = udpSocket(AF_INET);
    // Each datagram to the closed port brings back "port unreachable".
    for (int i = 0; i < 3; ++i) {
        client.sendTo("x", h.address);
        QTRY_COMPARE(h.stats().up.chunks, uint64_t(i + 1));
    }
    QTRY_VERIFY(h.stats().refused >= 1);
    std::lock_guard lock(h.recorder.mutex);
    QCOMPARE(h.recorder.errors.size(), size_t(1));  // once per flow
    QCOMPARE(h.recorder.errors[0].err, ECONNREFUSED);
    QCOMPARE(h.recorder.errors[0].address, closed.toString());
}

void tst_RelayUdp::noFdLeak() {
    const int before = test::countOpenFds();
    {
        RelayConfig c = seeded();
        c.up.latencyMs = {10000, 0};  // timers still pending when the engine goes
        c.down.reorderP = 1.0;
        Path path;
        Harness h(c, path.target.localAddress());
        std::vector<Socket> clients;
        for (int i = 0; i < 20; ++i) {
            clients.push_back(udpSocket(AF_INET));
            clients.back().sendTo("x", h.address);
        }
        QTRY_COMPARE(h.stats().active, uint64_t(20));
        QCOMPARE(h.stats().up.delayed, uint64_t(20));
        QVERIFY(test::countOpenFds() >= before + 20);
    }
    QCOMPARE(test::countOpenFds(), before);
}

void tst_RelayUdp::throughRelay() {
    auto echo = udpEcho();
    const int before = test::countOpenFds();
    Recorder recorder;
    RelayConfig c = seeded();
    c.targetPort = echo->addresses().front().port();
    {
        Relay relay(c);
        relay.setObserver(&recorder);
        relay.setTraceObserver(&recorder);
        relay.start();
        QVERIFY(relay.running());
        Socket client = udpSocket(AF_INET);
        char buf[16];
        client.sendTo("one", relay.address());
        auto got = client.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(got && std::string(buf, got->size) == "one");
        DirectionFaults drop;
        drop.dropP = 1.0;
        relay.setFaults(RelayDirection::Up, drop);
        QCOMPARE(relay.config().up.dropP, 1.0);
        client.sendTo("two", relay.address());
        QTRY_COMPARE(relay.stats().up.dropped, uint64_t(1));
        relay.setFaults(RelayDirection::Up, DirectionFaults{});
        client.sendTo("three", relay.address());
        got = client.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(got && std::string(buf, got->size) == "three");  // "two" never came
        QTRY_COMPARE(relay.stats().down.chunks, uint64_t(2));
        QCOMPARE(relay.stats().accepted, uint64_t(1));
        QCOMPARE(relay.stats().active, uint64_t(1));
        relay.stop();
        QVERIFY(!relay.running());
        QCOMPARE(relay.stats().active, uint64_t(0));
        relay.stop();  // idempotent
    }
    QCOMPARE(test::countOpenFds(), before);
    QCOMPARE(recorder.linesWith("flow opened"), 1);
    std::lock_guard lock(recorder.mutex);
    QVERIFY(recorder.calls.count("recvfrom") && recorder.calls.count("sendto"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_RelayUdp)
#include "tst_relay_udp.moc"
