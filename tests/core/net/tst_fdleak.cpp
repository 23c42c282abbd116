// No descriptor leaks: /proc/self/fd is counted before and after a
// thousand cycles of each path, successful and failing.

#include <QtTest>

#include "core/net/error.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using test::countOpenFds;

namespace {
constexpr int kCycles = 1000;
}

class tst_FdLeak : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listenConnectAcceptClose();
    void failingConnects();
    void failingListens();
    void failingConnectByName();
    void udpCycles();
    void movesAndReleases();
};

void tst_FdLeak::initTestCase() { QVERIFY(countOpenFds() > 0); }

void tst_FdLeak::listenConnectAcceptClose() {
    const int before = countOpenFds();
    for (int i = 0; i < kCycles; ++i) {
        Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), 4);
        Socket client = tcpConnect(listener.localAddress(), Millis(5000));
        auto acc = listener.accept();
        client.sendAll("x");
        char c;
        acc.socket.recvExact(&c, 1);
        if (i % 2) acc.socket.close();  // either side may close first
    }
    QCOMPARE(countOpenFds(), before);
}

void tst_FdLeak::failingConnects() {
    Address closed;
    {
        Socket l = tcpListen(Address::fromIp("127.0.0.1", 0));
        closed = l.localAddress();
    }
    const int before = countOpenFds();
    int refused = 0;
    for (int i = 0; i < kCycles; ++i) {
        try {
            // Alternate the blocking and the timed (non-blocking) paths.
            tcpConnect(closed, i % 2 ? Millis(5000) : Millis(-1));
        } catch (const Error& e) {
            if (e.err() == ECONNREFUSED) ++refused;
        }
    }
    QCOMPARE(refused, kCycles);
    QCOMPARE(countOpenFds(), before);
}

void tst_FdLeak::failingListens() {
    Socket taken = tcpListen(Address::fromIp("127.0.0.1", 0));
    ListenOptions noReuse;
    noReuse.reuseAddr = false;
    const int before = countOpenFds();
    int failed = 0;
    for (int i = 0; i < kCycles; ++i) {
        try {
            if (i % 2)
                tcpListen(taken.localAddress(), 4, noReuse);  // EADDRINUSE
            else
                tcpListen(Address::fromIp("192.0.2.1", 0));  // EADDRNOTAVAIL
        } catch (const Error&) {
            ++failed;
        }
        try {
            udpBind(Address::fromIp("192.0.2.1", 0));
        } catch (const Error&) {
            ++failed;
        }
    }
    QCOMPARE(failed, 2 * kCycles);
    QCOMPARE(countOpenFds(), before);
}

void tst_FdLeak::failingConnectByName() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    Address closed;
    {
        Socket l = tcpListen(Address::fromIp("127.0.0.1", 0));
        closed = l.localAddress();
    }
    const std::string port = std::to_string(closed.port());
    const int before = countOpenFds();
    for (int i = 0; i < 100; ++i) {
        // localhost may give both ::1 and 127.0.0.1: each failed try closes.
        QVERIFY_THROWS_EXCEPTION(Error, tcpConnect("localhost", port, Millis(2000)));
        QVERIFY_THROWS_EXCEPTION(Error, tcpConnect("no-such-host.invalid", port));
    }
    QCOMPARE(countOpenFds(), before);
}

void tst_FdLeak::udpCycles() {
    const int before = countOpenFds();
    for (int i = 0; i < kCycles; ++i) {
        Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
        Socket client = udpSocket(AF_INET);
        client.sendTo("x", server.localAddress());
        char buf[4];
        QVERIFY(server.recvFrom(buf, sizeof buf, Millis(5000)).has_value());
    }
    QCOMPARE(countOpenFds(), before);
}

void tst_FdLeak::movesAndReleases() {
    const int before = countOpenFds();
    for (int i = 0; i < kCycles; ++i) {
        Socket a = Socket::create(AF_INET, SOCK_STREAM);
        Socket b = std::move(a);
        Socket c;
        c = std::move(b);
        c = Socket::create(AF_INET, SOCK_DGRAM);  // the first one is closed here
        Socket d(c.release());
    }
    QCOMPARE(countOpenFds(), before);
}

SOCKWB_TEST_GUILESS_MAIN(tst_FdLeak)
#include "tst_fdleak.moc"
