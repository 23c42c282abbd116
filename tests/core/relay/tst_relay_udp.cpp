// The relay's UDP engine (makeUdpRelay) on loopback: the engine is built on
// its own EventLoop thread around a bound socket, as the Relay does, with a
// RelayContext the test reads. Plain relaying (byte-exact, one flow per
// client, every poller), then each fault measured: loss rate over 10,000
// datagrams, duplicates and reordering counted and seen, delay, a live
// change, idle flows closed, maxConnections, a target that refuses, the
// trace, and no descriptor left once the engine is gone. Seeded: the same
// run every time. Datagrams go in bounded bursts and the test waits for the
// relay to have handled each one, so no socket buffer overflows and every
// counter can be matched with what arrived.

#include <QtTest>
#include <chrono>
#include <cstring>
#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/wakeup.h"
#include "core/reactor/eventloop.h"
#include "core/relay/relaycontext.h"
#include "core/relay/udplane.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using Clock = std::chrono::steady_clock;

Q_DECLARE_METATYPE(RelayDirection)

namespace {

constexpr size_t kSize = 32;  // bytes of a numbered datagram

struct Recorder : RelayObserver, TraceObserver {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::vector<ErrorInfo> errors;
    std::set<std::string> calls;
    void onLog(const std::string& line) override {
        std::lock_guard lock(mutex);
        lines.push_back(line);
    }
    void onError(const ErrorInfo& e) override {
        std::lock_guard lock(mutex);
        errors.push_back(e);
    }
    void onTrace(const TraceEvent& e) override {
        std::lock_guard lock(mutex);
        calls.insert(e.call);
    }
    int linesWith(const std::string& a, const std::string& b = {}) {
        std::lock_guard lock(mutex);
        int n = 0;
        for (const auto& l : lines)
            if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) ++n;
        return n;
    }
};

// A UDP engine on its own loop thread, as Relay runs it.
class Harness {
public:
    // trace: the loop thread reports its calls to the recorder.
    Harness(const RelayConfig& config, const Address& target, const std::string& backend = "epoll",
            bool trace = false)
        : context(config) {
        context.observer = &recorder;
        Socket bound = udpBind(Address::fromIp("127.0.0.1", 0));
        bound.setNonBlocking(true);
        bound.setRecvBufferSize(1 << 20);  // room for a burst (capped at rmem_max)
        address = bound.localAddress();
        loop_ = std::make_unique<EventLoop>(makePoller(backend), wakeup_.fd());
        std::promise<void> started;
        auto ready = started.get_future();
        thread_ = std::thread([this, b = std::move(bound), target, trace,
                               started = std::move(started)]() mutable {
            TraceScope scope(trace ? &recorder : nullptr);
            std::unique_ptr<RelayEngine> engine;
            try {
                engine = makeUdpRelay(context, *loop_, std::move(b), target);
                started.set_value();
            } catch (...) {
                started.set_exception(std::current_exception());
                return;
            }
            loop_->run();
            engine.reset();  // on the loop thread, as the Relay does
        });
        try {
            ready.get();
        } catch (...) {
            thread_.join();
            throw;
        }
    }
    ~Harness() {
        wakeup_.notify();
        thread_.join();
    }
    RelayStats stats() const { return context.stats(); }
    RelayDirectionStats stats(RelayDirection d) const {
        RelayStats s = context.stats();
        return RelayContext::of(s, d);
    }

    Recorder recorder;
    RelayContext context;
    Address address;

private:
    Wakeup wakeup_;
    std::unique_ptr<EventLoop> loop_;
    std::thread thread_;
};

RelayConfig seeded() {
    RelayConfig c;
    c.protocol = Protocol::Udp;
    c.seed = 1616;
    return c;
}

std::string numbered(uint32_t n) {
    std::string s(kSize, 'x');
    std::memcpy(s.data(), &n, sizeof n);
    return s;
}

uint32_t numberOf(const char* p) {
    uint32_t n;
    std::memcpy(&n, p, sizeof n);
    return n;
}

// Reads what is there (waiting up to waitMs for the first) into got.
void drain(Socket& sink, std::vector<uint32_t>& got, int waitMs) {
    char buf[2048];
    while (auto d = sink.recvFrom(buf, sizeof buf, Millis(waitMs))) {
        if (d->size == kSize) got.push_back(numberOf(buf));
        waitMs = 0;
    }
}

// Until done() holds, reads sink; fails after 10 s.
template <class Done>
bool readUntil(Socket& sink, std::vector<uint32_t>& got, Done done) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (!done()) {
        if (Clock::now() > deadline) return false;
        drain(sink, got, 1);
    }
    return true;
}

// A sender, a receiver, and the way from one to the other through the
// relay in direction d. Up: client → relay → target. Down: the target
// answers the flow the client opened.
struct Path {
    Socket client = udpSocket(AF_INET);
    Socket target = udpBind(Address::fromIp("127.0.0.1", 0));
    Address flow;  // the relay's socket towards the target (down only)

    Path() {
        // Room for a burst and its duplicates (the kernel caps it at rmem_max).
        client.setRecvBufferSize(1 << 20);
        target.setRecvBufferSize(1 << 20);
    }

    void open(Harness& h, RelayDirection d) {
        if (d == RelayDirection::Up) return;
        client.sendTo("hello", h.address);
        char buf[64];
        auto got = target.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(got && got->size == 5);
        flow = got->from;
    }
    void send(Harness& h, RelayDirection d, const std::string& data) {
        if (d == RelayDirection::Up)
            client.sendTo(data, h.address);
        else
            target.sendTo(data, flow);
    }
    Socket& sink(RelayDirection d) { return d == RelayDirection::Up ? target : client; }
};

// Sends 0..n-1 in bursts of `burst`, each time waiting until the relay has
// read the burst and all it sent has arrived; got: the numbers received.
// False (with a warning) when the relay did not get through a burst.
bool pump(Harness& h, Path& path, RelayDirection d, uint32_t n, std::vector<uint32_t>& got,
          uint32_t burst = 128) {
    const RelayDirectionStats base = h.stats(d);
    const size_t before = got.size();
    for (uint32_t i = 0; i < n;) {
        const uint32_t end = std::min(n, i + burst);
        for (; i < end; ++i) path.send(h, d, numbered(i));
        const bool ok = readUntil(path.sink(d), got, [&] {
            const RelayDirectionStats s = h.stats(d);
            return s.chunks - base.chunks == end &&
                   s.bytes - base.bytes == (got.size() - before) * kSize;
        });
        if (!ok) {
            qWarning("burst ending at %u: %zu received, %llu read by the relay", end,
                     got.size() - before, (unsigned long long)(h.stats(d).chunks - base.chunks));
            return false;
        }
    }
    return true;
}

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

SOCKWB_TEST_GUILESS_MAIN(tst_RelayUdp)
#include "tst_relay_udp.moc"
