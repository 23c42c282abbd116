// The TCP relay on loopback, in front of a real echo server: a plain relay
// is byte-exact, each fault does what it says (latency, bandwidth, slicer,
// reset, close, stall) and is counted, faults change live, the bounds hold
// (maxConnections, a refusing target), stop() leaves nothing behind, and a
// TraceObserver sees the relay's own calls.

#include <dirent.h>
#include <poll.h>

#include <QtTest>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "core/net/framing.h"
#include "core/net/socket.h"
#include "core/relay/relay.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using Clock = std::chrono::steady_clock;

namespace {

class Logs final : public RelayObserver {
public:
    void onLog(const std::string& line) override {
        std::lock_guard l(m);
        lines.push_back(line);
    }
    void onError(const ErrorInfo& e) override {
        std::lock_guard l(m);
        errors.push_back(e);
    }
    bool has(const std::string& s) {
        std::lock_guard l(m);
        for (const auto& x : lines)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }
    size_t errorCount() {
        std::lock_guard l(m);
        return errors.size();
    }
    std::mutex m;
    std::vector<std::string> lines;
    std::vector<ErrorInfo> errors;
};

class Calls final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard l(m);
        names.insert(e.call);
        if (e.call == "accept4" && e.result >= 0) acceptPeer = e.peer;
    }
    bool has(const std::string& call) {
        std::lock_guard l(m);
        return names.count(call) > 0;
    }
    std::mutex m;
    std::set<std::string> names;
    std::string acceptPeer;
};

ServerConfig echoConfig() {
    ServerConfig c;
    c.model = "epoll";
    c.listeners = {ListenerConfig{"echo", Protocol::Tcp, "127.0.0.1", 0}};
    return c;
}

RelayConfig relayTo(const Address& target) {
    RelayConfig c;
    c.targetHost = "127.0.0.1";
    c.targetPort = target.port();
    c.seed = 16;
    return c;
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Sends msg and reads as many bytes back; the milliseconds it took.
double roundTrip(Socket& s, const std::string& msg) {
    const auto t0 = Clock::now();
    s.sendAll(msg);
    std::string got(msg.size(), '\0');
    s.recvExact(got.data(), got.size(), Millis(5000));
    if (got != msg) throw Error::invalid("round trip", "the echo differs");
    return msSince(t0);
}

// Reads until end of stream or an error; the errno of the error (0: EOF).
int readToEnd(Socket& s, std::string& got) {
    char buf[4096];
    try {
        for (;;) {
            IoResult r = s.recv(buf, sizeof buf, Millis(5000));
            if (r.status == IoResult::TimedOut) return ETIMEDOUT;
            if (r.eof()) return 0;
            got.append(buf, r.bytes);
        }
    } catch (const Error& e) {
        return e.err();
    }
}

int countThreads() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return -1;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

}  // namespace

class tst_RelayTcp : public QObject {
    Q_OBJECT

private slots:
    void init() {
        echo_ = std::make_unique<Server>(echoConfig());
        echo_->start();
        target_ = echo_->addresses()[0];
    }
    void cleanup() { echo_.reset(); }

    void plainRelayIsByteExact();
    void latencyDelaysEachChunk();
    void bandwidthCapsTheRate();
    void slicerSplitsMessages();
    void resetAfterBytesResetsTheClient();
    void resetAfterMillis();
    void limitWithProbabilityZeroNeverFires();
    void closeAfterBytesEndsCleanly();
    void halfCloseFollowsTheHeldBytes();
    void stallHoldsTheData();
    void stallBoundsTheHeldBytes();
    void liveFaultsApply();
    void refusesOverMaxConnections();
    void refusingTargetClosesTheClient();
    void bindFailureNamesTheCall();
    void stopLeavesNothing();
    void traceSeesTheRelaysCalls();

private:
    std::unique_ptr<Server> echo_;
    Address target_;
};

void tst_RelayTcp::plainRelayIsByteExact() {
    Logs logs;
    Relay relay(relayTo(target_));
    relay.setObserver(&logs);
    relay.start();
    QVERIFY(relay.running());
    QVERIFY(relay.address().port() != 0);
    Socket c = tcpConnect(relay.address());
    const std::string data = test::randomBytes(1 << 20);
    std::thread sender([&] { c.sendAll(data); });
    std::string got(data.size(), '\0');
    c.recvExact(got.data(), got.size(), Millis(10000));
    sender.join();
    QVERIFY(got == data);
    QTRY_COMPARE(relay.stats().down.bytes, uint64_t(data.size()));
    RelayStats s = relay.stats();
    QCOMPARE(s.up.bytes, uint64_t(data.size()));
    QCOMPARE(s.accepted, uint64_t(1));
    QCOMPARE(s.active, uint64_t(1));
    QVERIFY(s.up.chunks >= 1 && s.up.writes >= 1 && s.down.writes >= 1);
    QCOMPARE(s.up.delayed + s.up.sliced + s.up.throttled + s.up.resets + s.up.closes, uint64_t(0));
    QVERIFY(logs.has(c.localAddress().toString() + " ⇄ " + target_.toString() + ": opened"));
    c.close();
    QTRY_COMPARE(relay.stats().active, uint64_t(0));
    QTRY_VERIFY(logs.has(": closed"));
    QCOMPARE(relay.stats().errors, uint64_t(0));
}

void tst_RelayTcp::latencyDelaysEachChunk() {
    RelayConfig config = relayTo(target_);
    config.down.latencyMs = Spread{100, 0};
    Relay relay(config);
    relay.start();
    Socket c = tcpConnect(relay.address());
    const double ms = roundTrip(c, "ping\n");
    QVERIFY2(ms >= 100 && ms < 1000, qPrintable(QString::number(ms)));
    QCOMPARE(relay.stats().down.delayed, uint64_t(1));
    QCOMPARE(relay.stats().up.delayed, uint64_t(0));
}

// 512 KiB up at 256 KiB/s: two seconds, within 10 %.
void tst_RelayTcp::bandwidthCapsTheRate() {
    RelayConfig config = relayTo(target_);
    config.up.bandwidthKBps = 256;
    Relay relay(config);
    relay.start();
    Socket c = tcpConnect(relay.address());
    const std::string data = test::randomBytes(512 * 1024);
    const auto t0 = Clock::now();
    std::thread sender([&] { c.sendAll(data); });
    std::string got(data.size(), '\0');
    c.recvExact(got.data(), got.size(), Millis(10000));
    const double ms = msSince(t0);
    sender.join();
    QVERIFY(got == data);
    QVERIFY2(ms >= 1800 && ms <= 2200, qPrintable(QString::number(ms)));
    QVERIFY(relay.stats().up.throttled > 0);
    QCOMPARE(relay.stats().down.throttled, uint64_t(0));
}

// One-byte slices 3 ms apart: a client that takes one recv for a message
// gets a piece; a line-framing loop still gets each line whole.
void tst_RelayTcp::slicerSplitsMessages() {
    RelayConfig config = relayTo(target_);
    config.down.sliceBytes = Spread{1, 0};
    config.down.sliceDelayMs = 3;
    Relay relay(config);
    relay.start();
    Socket naive = tcpConnect(relay.address());
    const std::string message = "hello through the relay\n";
    naive.sendAll(message);
    char buf[256];
    IoResult r = naive.recv(buf, sizeof buf, Millis(5000));
    QVERIFY(r.ok());
    QVERIFY2(r.bytes < message.size(), qPrintable(QString::number(r.bytes)));

    Socket framed = tcpConnect(relay.address());
    framed.sendAll("first line\nsecond line\n");
    FrameDecoder decoder(Framing::Line);
    std::vector<std::string> lines;
    while (lines.size() < 2) {
        IoResult got = framed.recv(buf, sizeof buf, Millis(5000));
        QVERIFY(got.ok());
        decoder.feed(std::string_view(buf, got.bytes));
        while (auto line = decoder.next()) lines.push_back(*line);
    }
    QCOMPARE(lines, (std::vector<std::string>{"first line", "second line"}));
    QTRY_VERIFY(relay.stats().down.sliced >= 2);
    QVERIFY(relay.stats().down.writes > relay.stats().down.chunks);
}

void tst_RelayTcp::resetAfterBytesResetsTheClient() {
    RelayConfig config = relayTo(target_);
    config.up.resetAfter = FaultLimit{FaultLimit::Unit::Bytes, 100};
    Logs logs;
    Relay relay(config);
    relay.setObserver(&logs);
    relay.start();
    Socket c = tcpConnect(relay.address());
    c.sendAll(std::string(200, 'r'));
    std::string got;
    QCOMPARE(readToEnd(c, got), ECONNRESET);
    QVERIFY(got.size() <= 100);
    QTRY_COMPARE(relay.stats().up.resets, uint64_t(1));
    QCOMPARE(relay.stats().up.bytes, uint64_t(100));
    QTRY_COMPARE(relay.stats().active, uint64_t(0));
    QVERIFY(logs.has("reset after 100 bytes (up)"));
}

void tst_RelayTcp::resetAfterMillis() {
    RelayConfig config = relayTo(target_);
    config.up.resetAfter = FaultLimit{FaultLimit::Unit::Millis, 100};
    Logs logs;
    Relay relay(config);
    relay.setObserver(&logs);
    relay.start();
    const auto t0 = Clock::now();
    Socket c = tcpConnect(relay.address());
    roundTrip(c, "quick\n");
    std::string got;
    QCOMPARE(readToEnd(c, got), ECONNRESET);
    QVERIFY(msSince(t0) >= 100);
    QTRY_COMPARE(relay.stats().up.resets, uint64_t(1));
    QVERIFY(logs.has("reset after 100 ms (up)"));
}

void tst_RelayTcp::limitWithProbabilityZeroNeverFires() {
    RelayConfig config = relayTo(target_);
    config.up.resetAfter = FaultLimit{FaultLimit::Unit::Bytes, 10};
    config.up.stall = true;
    config.up.limitP = 0.0;
    Relay relay(config);
    relay.start();
    Socket c = tcpConnect(relay.address());
    roundTrip(c, std::string(1000, 'p'));
    QCOMPARE(relay.stats().up.resets + relay.stats().up.stalls, uint64_t(0));
}

void tst_RelayTcp::closeAfterBytesEndsCleanly() {
    RelayConfig config = relayTo(target_);
    config.down.closeAfter = FaultLimit{FaultLimit::Unit::Bytes, 100};
    Logs logs;
    Relay relay(config);
    relay.setObserver(&logs);
    relay.start();
    Socket c = tcpConnect(relay.address());
    const std::string data = test::randomBytes(200, 7);
    c.sendAll(data);
    std::string got;
    QCOMPARE(readToEnd(c, got), 0);  // end of stream, no reset
    QCOMPARE(got, data.substr(0, 100));
    QTRY_COMPARE(relay.stats().down.closes, uint64_t(1));
    QCOMPARE(relay.stats().down.bytes, uint64_t(100));
    QVERIFY(logs.has("closed after 100 bytes (down)"));
}

// The client's FIN reaches the target only after the bytes the latency
// holds; the target's FIN comes back; then the connection is over.
void tst_RelayTcp::halfCloseFollowsTheHeldBytes() {
    RelayConfig config = relayTo(target_);
    config.up.latencyMs = Spread{50, 0};
    Logs logs;
    Relay relay(config);
    relay.setObserver(&logs);
    relay.start();
    Socket c = tcpConnect(relay.address());
    c.sendAll("last words\n");
    c.shutdownWrite();
    std::string got;
    QCOMPARE(readToEnd(c, got), 0);
    QCOMPARE(got, std::string("last words\n"));
    QTRY_COMPARE(relay.stats().active, uint64_t(0));
    QVERIFY(logs.has(": closed"));
    QCOMPARE(relay.stats().errors, uint64_t(0));
}

void tst_RelayTcp::stallHoldsTheData() {
    RelayConfig config = relayTo(target_);
    config.up.stall = true;
    Relay relay(config);
    relay.start();
    Socket c = tcpConnect(relay.address());
    c.sendAll("anyone there?\n");
    QTRY_COMPARE(relay.stats().up.chunks, uint64_t(1));
    char buf[64];
    QCOMPARE(int(c.recv(buf, sizeof buf, Millis(200)).status), int(IoResult::TimedOut));
    const RelayStats s = relay.stats();
    QCOMPARE(s.up.stalls, uint64_t(1));
    QCOMPARE(s.up.bytes, uint64_t(0));
    QCOMPARE(s.active, uint64_t(1));  // still open: the client just waits
}

// A stalled direction reads up to maxHeldBytes, then stops reading: the
// client's sends block once the kernel's buffers are full, instead of the
// relay swallowing everything.
void tst_RelayTcp::stallBoundsTheHeldBytes() {
    RelayConfig config = relayTo(target_);
    config.up.stall = true;
    config.maxHeldBytes = 64 * 1024;
    Relay relay(config);
    relay.start();
    Socket c = tcpConnect(relay.address());
    c.setNonBlocking(true);
    const std::string chunk(64 * 1024, 's');
    const size_t cap = size_t(64) << 20;  // far over the kernel's buffers
    size_t sent = 0;
    for (;;) {
        IoResult r = c.send(chunk);
        sent += r.bytes;
        if (sent >= cap) break;
        if (r.status != IoResult::WouldBlock) continue;
        pollfd p{c.fd(), POLLOUT, 0};
        if (::poll(&p, 1, 300) == 0) break;  // no room for 300 ms: the relay stopped reading
    }
    QVERIFY2(sent < cap, qPrintable(QString::number(sent)));
    QCOMPARE(relay.stats().up.bytes, uint64_t(0));
    QCOMPARE(relay.stats().active, uint64_t(1));
}

void tst_RelayTcp::liveFaultsApply() {
    Relay relay(relayTo(target_));
    relay.start();
    Socket c = tcpConnect(relay.address());
    roundTrip(c, "before\n");
    QCOMPARE(relay.stats().down.delayed, uint64_t(0));
    DirectionFaults slow;
    slow.latencyMs = Spread{150, 0};
    relay.setFaults(RelayDirection::Down, slow);
    QCOMPARE(relay.config().down.latencyMs.value, 150);
    const double ms = roundTrip(c, "after\n");
    QVERIFY2(ms >= 150, qPrintable(QString::number(ms)));
    QCOMPARE(relay.stats().down.delayed, uint64_t(1));
    relay.setFaults(RelayDirection::Down, DirectionFaults{});
    roundTrip(c, "again\n");
    QCOMPARE(relay.stats().down.delayed, uint64_t(1));
}

void tst_RelayTcp::refusesOverMaxConnections() {
    RelayConfig config = relayTo(target_);
    config.maxConnections = 1;
    Logs logs;
    Relay relay(config);
    relay.setObserver(&logs);
    relay.start();
    Socket first = tcpConnect(relay.address());
    roundTrip(first, "one\n");
    Socket second = tcpConnect(relay.address());
    std::string got;
    const int err = readToEnd(second, got);
    QVERIFY2(err == 0 || err == ECONNRESET, qPrintable(QString::number(err)));
    QVERIFY(got.empty());
    QTRY_COMPARE(relay.stats().refused, uint64_t(1));
    QCOMPARE(relay.stats().accepted, uint64_t(1));
    QVERIFY(logs.has("refused (over 1 connections)"));
    roundTrip(first, "still here\n");
}

void tst_RelayTcp::refusingTargetClosesTheClient() {
    // A bound socket that does not listen: its port refuses connections.
    Socket closed = Socket::create(AF_INET, SOCK_STREAM);
    closed.bind(Address::fromIp("127.0.0.1", 0));
    Logs logs;
    Relay relay(relayTo(closed.localAddress()));
    relay.setObserver(&logs);
    relay.start();
    int err = -1;
    try {
        // The reset may come before the connect's own check (SO_ERROR).
        Socket c = tcpConnect(relay.address());
        std::string got;
        err = readToEnd(c, got);
    } catch (const Error& e) {
        err = e.err();
    }
    QVERIFY2(err == 0 || err == ECONNRESET, qPrintable(QString::number(err)));
    QTRY_COMPARE(relay.stats().refused, uint64_t(1));
    QTRY_COMPARE(logs.errorCount(), size_t(1));
    QCOMPARE(logs.errors[0].call, std::string("connect"));
    QCOMPARE(logs.errors[0].err, ECONNREFUSED);
    QCOMPARE(relay.stats().errors, uint64_t(1));
    QTRY_COMPARE(relay.stats().active, uint64_t(0));
}

void tst_RelayTcp::bindFailureNamesTheCall() {
    Relay first(relayTo(target_));
    first.start();
    RelayConfig config = relayTo(target_);
    config.listenPort = first.address().port();
    Relay second(config);
    try {
        second.start();
        QFAIL("start() on a port in use did not throw");
    } catch (const Error& e) {
        QCOMPARE(e.call(), std::string("bind"));
        QCOMPARE(e.err(), EADDRINUSE);
    }
    QVERIFY(!second.running());
    second.stop();
}

void tst_RelayTcp::stopLeavesNothing() {
    const int fds = test::countOpenFds();
    const int threads = countThreads();
    {
        Relay relay(relayTo(target_));
        relay.start();
        QCOMPARE(countThreads(), threads + 1);
        Socket c = tcpConnect(relay.address());
        roundTrip(c, "hello\n");
        const auto t0 = Clock::now();
        relay.stop();
        QVERIFY(msSince(t0) < 1000);
        QVERIFY(!relay.running());
        relay.stop();  // idempotent
        std::string got;
        readToEnd(c, got);  // the relay closed its leg
    }
    QTRY_COMPARE(countThreads(), threads);
    // The echo server closes its side of the relay's leg on its own thread.
    QTRY_COMPARE(test::countOpenFds(), fds);
}

void tst_RelayTcp::traceSeesTheRelaysCalls() {
    Calls calls;
    Relay relay(relayTo(target_));
    relay.setTraceObserver(&calls);
    relay.start();
    QVERIFY(calls.has("listen"));
    Socket c = tcpConnect(relay.address());
    roundTrip(c, "traced\n");
    relay.stop();
    for (const char* call : {"accept4", "connect", "recv", "send"}) QVERIFY2(calls.has(call), call);
    QCOMPARE(calls.acceptPeer, c.localAddress().toString());
}

SOCKWB_TEST_GUILESS_MAIN(tst_RelayTcp)
#include "tst_relay_tcp.moc"
