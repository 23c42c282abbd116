// UDP reflection loops (core/server/reflectionguard.h): the policy alone
// (service ports, the listener's own address, a token bucket per peer
// address, bounded), then real loops on loopback. Two workbench echo
// servers A and B (port 0) are made to ping-pong: a spoofing socket bound
// to B's address too (both set SO_REUSEADDR) but connected elsewhere, so
// that A's echo goes to B, sends one datagram to A with B's address as
// its source. Without the guard the datagram bounces between A and B for
// ever; with it A stops answering once B's bucket is empty and the loop
// ends. Same for a datagram "from" A itself.

#include <QtTest/QtTest>
#include <mutex>

#include "core/net/socket.h"
#include "core/server/reflectionguard.h"
#include "core/server/server.h"
#include "support/testmain.h"

using namespace sockwb;
using Clock = ReflectionGuard::Clock;
using Drop = ReflectionGuard::Drop;

namespace {

class Logs final : public ServerObserver {
public:
    void onLog(const std::string& text) override {
        std::lock_guard l(m_);
        lines_.push_back(text);
    }
    bool contains(const std::string& s) {
        std::lock_guard l(m_);
        for (const auto& x : lines_)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }

private:
    std::mutex m_;
    std::vector<std::string> lines_;
};

std::unique_ptr<Server> udpServer(const std::string& service, const std::string& model,
                                  Logs* logs = nullptr) {
    ServerConfig cfg;
    cfg.listeners[0].service = service;
    cfg.listeners[0].protocol = Protocol::Udp;
    cfg.model = model;
    auto s = std::make_unique<Server>(cfg);
    if (logs) s->setObserver(logs);
    s->start();
    return s;
}

// Sends payload to `to` with `source` as the source address, from a socket
// that will not receive the answer (connected to `elsewhere`).
void sendSpoofed(const Address& source, const Address& to, const Address& elsewhere,
                 std::string_view payload) {
    Socket s = udpSocket(AF_INET);
    s.setReuseAddr(true);
    s.bind(source);
    s.connect(elsewhere);
    s.sendTo(payload, to);
}

// Waits until the server's datagram count stops moving for 200 ms; false
// when it still moves after `bound` ms. The count when it stopped in `at`.
bool settles(const Server& server, int bound, uint64_t& at) {
    QElapsedTimer t;
    t.start();
    uint64_t last = server.stats().datagramsIn;
    QElapsedTimer still;
    still.start();
    while (t.elapsed() < bound) {
        QTest::qWait(20);
        const uint64_t now = server.stats().datagramsIn;
        if (now != last) {
            last = now;
            still.restart();
        } else if (still.elapsed() >= 200) {
            at = now;
            return true;
        }
    }
    at = last;
    return false;
}

}  // namespace

class tst_Reflection : public QObject {
    Q_OBJECT

private slots:
    void servicePortsAndOwnAddress() {
        const ReflectionGuard g(Address::fromIp("127.0.0.1", 5000), 100);
        for (uint16_t p : {0, 7, 9, 13, 17, 19, 37})
            QCOMPARE(g.checkSource(Address::fromIp("127.0.0.1", p)), Drop::ServicePort);
        QCOMPARE(g.checkSource(Address::fromIp("127.0.0.1", 40000)), Drop::None);
        QCOMPARE(g.checkSource(Address::fromIp("127.0.0.1", 5000)), Drop::OwnAddress);
        QCOMPARE(g.checkSource(Address::fromIp("127.0.0.2", 5000)), Drop::None);  // another host
        const ReflectionGuard any(Address::fromIp("0.0.0.0", 5000), 100);
        QCOMPARE(any.checkSource(Address::fromIp("192.0.2.1", 5000)), Drop::OwnAddress);
        const ReflectionGuard unix(Address::unixPath("/tmp/r.sock"), 100);
        QCOMPARE(unix.checkSource(Address::unixPath("/tmp/r.sock")), Drop::OwnAddress);
        QCOMPARE(unix.checkSource(Address::unixPath("/tmp/client.sock")), Drop::None);
    }

    void tokenBucketPerAddress() {
        ReflectionGuard g(Address::fromIp("127.0.0.1", 5000), 100);
        const auto t0 = Clock::now();
        const Address a = Address::fromIp("127.0.0.1", 40000);
        int answered = 0;
        for (int i = 0; i < 1000; ++i) answered += g.checkReply(a, t0) == Drop::None;
        QCOMPARE(answered, 200);  // the burst, then nothing
        // Another port of the same address shares the bucket; another address has its own.
        QCOMPARE(g.checkReply(Address::fromIp("127.0.0.1", 40001), t0), Drop::RateLimit);
        QCOMPARE(g.checkReply(Address::fromIp("127.0.0.2", 40000), t0), Drop::None);
        // 100 a second come back.
        answered = 0;
        for (int i = 0; i < 1000; ++i)
            answered += g.checkReply(a, t0 + std::chrono::milliseconds(500)) == Drop::None;
        QCOMPARE(answered, 50);
        ReflectionGuard off(Address::fromIp("127.0.0.1", 5000), 0);
        for (int i = 0; i < 1000; ++i) QCOMPARE(off.checkReply(a, t0), Drop::None);
    }

    void boundedTable() {
        ReflectionGuard g(Address::fromIp("127.0.0.1", 5000), 1);
        const auto t0 = Clock::now();
        // kMaxPeers + 100 addresses, each empties its bucket (burst 2).
        auto addr = [](size_t i) {
            return Address::fromIp(
                "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1), 1000);
        };
        for (size_t i = 0; i < ReflectionGuard::kMaxPeers + 100; ++i) {
            g.checkReply(addr(i), t0);
            g.checkReply(addr(i), t0);
        }
        // Past the table the newcomers share one bucket: the first two used it up.
        QCOMPARE(g.checkReply(addr(ReflectionGuard::kMaxPeers + 50), t0), Drop::RateLimit);
        // Once the old ones are full again (2 s at 1 a second) they make room.
        QCOMPARE(g.checkReply(Address::fromIp("10.99.0.1", 1000), t0 + std::chrono::seconds(3)),
                 Drop::None);
    }

    void dropLogCountsAndWaits() {
        DropLog log;
        const auto t0 = Clock::now();
        const Address seven = Address::fromIp("127.0.0.1", 7);
        auto lines = log.note(Drop::ServicePort, seven, t0, 100);
        QCOMPARE(lines.size(), size_t(1));  // the first at once
        QVERIFY2(lines[0].find("dropped 1 datagram from 127.0.0.1:7") == 0, lines[0].c_str());
        for (int i = 0; i < 522; ++i)
            QVERIFY(
                log.note(Drop::ServicePort, seven, t0 + std::chrono::milliseconds(i), 100).empty());
        lines = log.note(Drop::ServicePort, seven, t0 + std::chrono::seconds(2), 100);
        QCOMPARE(lines.size(), size_t(1));
        QVERIFY2(lines[0].find("dropped 523 datagrams from 127.0.0.1:7: its source port is a "
                               "well-known service's (a reflection loop)") == 0,
                 lines[0].c_str());
        QVERIFY(log.flush().empty());
    }

    // Echo A <-> echo (or chargen) B: a real loop, under the event loop and
    // the course's blocking iterative loop.
    void pingPong_data() {
        QTest::addColumn<QString>("modelA");
        QTest::addColumn<QString>("serviceB");
        QTest::addColumn<QString>("modelB");
        QTest::newRow("echo epoll/echo epoll") << "epoll"
                                               << "echo"
                                               << "epoll";
        QTest::newRow("echo iterative/echo poll") << "iterative"
                                                  << "echo"
                                                  << "poll";
        QTest::newRow("echo select/chargen iterative") << "select"
                                                       << "chargen"
                                                       << "iterative";
    }
    void pingPong() {
        QFETCH(QString, modelA);
        QFETCH(QString, serviceB);
        QFETCH(QString, modelB);
        // Both servers have the guard: whichever empties its bucket for the
        // other first ends the loop (under load that is sometimes B).
        Logs logsA, logsB;
        auto a = udpServer("echo", modelA.toStdString(), &logsA);
        auto b = udpServer(serviceB.toStdString(), modelB.toStdString(), &logsB);
        Socket elsewhere = udpBind(Address::fromIp("127.0.0.1", 0));
        sendSpoofed(b->addresses().at(0), a->addresses().at(0), elsewhere.localAddress(), "ping");
        uint64_t at = 0;
        QVERIFY2(settles(*a, 3000, at),
                 qPrintable(QString("still bouncing: %1 datagrams").arg(at)));
        QVERIFY2(at >= 100, qPrintable(QString::number(at)));  // it did loop, for the burst
        QVERIFY2(at <= 1000, qPrintable(QString::number(at)));
        const std::string rateLimit = "replies a second to that address (rate limit";
        QTRY_VERIFY(logsA.contains(rateLimit) || logsB.contains(rateLimit));
    }

    // A datagram "from" A's own address: A would answer itself for ever.
    void loopOntoItself() {
        Logs logs;
        auto a = udpServer("echo", "epoll", &logs);
        Socket elsewhere = udpBind(Address::fromIp("127.0.0.1", 0));
        sendSpoofed(a->addresses().at(0), a->addresses().at(0), elsewhere.localAddress(), "me");
        QTRY_VERIFY(logs.contains("from " + a->addresses().at(0).toString() +
                                  ": it comes from this server's own address"));
        uint64_t at = 0;
        QVERIFY(settles(*a, 3000, at));
        QCOMPARE(at, uint64_t(1));
        QCOMPARE(a->stats().datagramsOut, uint64_t(0));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_Reflection)
#include "tst_reflection.moc"
