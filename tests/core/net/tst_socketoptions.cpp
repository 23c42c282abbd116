// Socket as an owner: options set and read back, move semantics that close
// the descriptor exactly once, SOCK_CLOEXEC on every descriptor created.

#include <fcntl.h>

#include <QtTest>

#include "core/net/error.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {
bool fdOpen(int fd) { return ::fcntl(fd, F_GETFD) >= 0; }

enum Option {
    ReuseAddr,
    ReusePort,
    KeepAlive,
    NoDelay,
    RecvBuf,
    SendBuf,
    RecvTimeo,
    SendTimeo,
    NonBlocking
};

// Sets the option to value and returns what reading it back gives.
int setAndRead(Socket& s, Option o, int value) {
    switch (o) {
        case ReuseAddr:
            s.setReuseAddr(value);
            return s.reuseAddr();
        case ReusePort:
            s.setReusePort(value);
            return s.reusePort();
        case KeepAlive:
            s.setKeepAlive(value);
            return s.keepAlive();
        case NoDelay:
            s.setNoDelay(value);
            return s.noDelay();
        case RecvBuf:
            s.setRecvBufferSize(value);
            return s.recvBufferSize();
        case SendBuf:
            s.setSendBufferSize(value);
            return s.sendBufferSize();
        case RecvTimeo:
            s.setRecvTimeout(Millis(value));
            return int(s.recvTimeout().count());
        case SendTimeo:
            s.setSendTimeout(Millis(value));
            return int(s.sendTimeout().count());
        case NonBlocking:
            s.setNonBlocking(value);
            return s.isNonBlocking();
    }
    return -1;
}
}  // namespace

class tst_SocketOptions : public QObject {
    Q_OBJECT

private slots:
    void options_data();
    void options();
    void listenOptions();
    void optionOnClosedSocket();
    void moveConstruct();
    void moveAssign();
    void releaseAndClose();
    void cloexec();
};

void tst_SocketOptions::options_data() {
    QTest::addColumn<int>("option");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("readBack");
    QTest::newRow("reuseaddr on") << int(ReuseAddr) << 1 << 1;
    QTest::newRow("reuseaddr off") << int(ReuseAddr) << 0 << 0;
    QTest::newRow("reuseport on") << int(ReusePort) << 1 << 1;
    QTest::newRow("reuseport off") << int(ReusePort) << 0 << 0;
    QTest::newRow("keepalive on") << int(KeepAlive) << 1 << 1;
    QTest::newRow("keepalive off") << int(KeepAlive) << 0 << 0;
    QTest::newRow("nodelay on") << int(NoDelay) << 1 << 1;
    QTest::newRow("nodelay off") << int(NoDelay) << 0 << 0;
    // Linux doubles the size asked for (bookkeeping overhead included).
    QTest::newRow("rcvbuf 8192") << int(RecvBuf) << 8192 << 16384;
    QTest::newRow("rcvbuf 20000") << int(RecvBuf) << 20000 << 40000;
    QTest::newRow("sndbuf 8192") << int(SendBuf) << 8192 << 16384;
    QTest::newRow("sndbuf 30000") << int(SendBuf) << 30000 << 60000;
    QTest::newRow("rcvtimeo 1500 ms") << int(RecvTimeo) << 1500 << 1500;
    QTest::newRow("rcvtimeo 0 (none)") << int(RecvTimeo) << 0 << 0;
    // The kernel keeps timeouts in jiffies: whole multiples of 500 ms are
    // exact for every HZ.
    QTest::newRow("sndtimeo 500 ms") << int(SendTimeo) << 500 << 500;
    QTest::newRow("sndtimeo 3000 ms") << int(SendTimeo) << 3000 << 3000;
    QTest::newRow("non-blocking on") << int(NonBlocking) << 1 << 1;
    QTest::newRow("non-blocking off") << int(NonBlocking) << 0 << 0;
}

void tst_SocketOptions::options() {
    QFETCH(int, option);
    QFETCH(int, value);
    QFETCH(int, readBack);
    Socket s = Socket::create(AF_INET, SOCK_STREAM);
    // Start from the opposite state so that "off" really turns something off.
    if (value == 0 && option != RecvTimeo && option != SendTimeo) setAndRead(s, Option(option), 1);
    if (value == 0 && (option == RecvTimeo || option == SendTimeo))
        setAndRead(s, Option(option), 700);
    QCOMPARE(setAndRead(s, Option(option), value), readBack);
}

void tst_SocketOptions::listenOptions() {
    Socket a = tcpListen(Address::fromIp("127.0.0.1", 0));
    QVERIFY(a.reuseAddr());  // on by default
    QVERIFY(!a.reusePort());
    QVERIFY(!a.isNonBlocking());
    QCOMPARE(a.socketType(), int(SOCK_STREAM));
    ListenOptions o;
    o.reuseAddr = false;
    o.reusePort = true;
    o.nonBlocking = true;
    Socket b = tcpListen(Address::fromIp("127.0.0.1", 0), 4, o);
    QVERIFY(!b.reuseAddr());
    QVERIFY(b.reusePort());
    QVERIFY(b.isNonBlocking());
    // Two listeners that both set SO_REUSEPORT share a port.
    Socket c = tcpListen(b.localAddress(), 4, o);
    QCOMPARE(c.localAddress(), b.localAddress());
    QCOMPARE(a.pendingError(), 0);
}

void tst_SocketOptions::optionOnClosedSocket() {
    Socket s;
    QVERIFY(!s.isValid());
    QVERIFY(!s);
    try {
        s.setNoDelay(true);
        QFAIL("an option was set on no socket");
    } catch (const Error& e) {
        QCOMPARE(e.err(), EBADF);
        QCOMPARE(e.call(), std::string("setsockopt"));
        // The message names the option.
        QVERIFY2(std::string(e.what()).rfind("setsockopt(TCP_NODELAY): EBADF — ", 0) == 0,
                 e.what());
    }
}

void tst_SocketOptions::moveConstruct() {
    int fd;
    Socket b;
    {
        Socket a = Socket::create(AF_INET, SOCK_STREAM);
        fd = a.fd();
        QVERIFY(fd >= 0);
        b = Socket(std::move(a));
        QCOMPARE(a.fd(), -1);  // NOLINT(bugprone-use-after-move): checked on purpose
        QVERIFY(!a.isValid());
        QCOMPARE(b.fd(), fd);
    }  // a's destructor runs here: it must not close fd
    QVERIFY(fdOpen(fd));
    {
        Socket c(std::move(b));
        QCOMPARE(c.fd(), fd);
    }  // c closes it, once
    QVERIFY(!fdOpen(fd));
    QCOMPARE(errno, EBADF);
    // The number is free again: the next descriptor may reuse it, and the
    // moved-from b must not close that newcomer when it dies.
    int reused = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    QCOMPARE(reused, fd);
    b.close();
    b = Socket();
    QVERIFY(fdOpen(reused));
    ::close(reused);
}

void tst_SocketOptions::moveAssign() {
    Socket x = Socket::create(AF_INET, SOCK_STREAM);
    Socket y = Socket::create(AF_INET, SOCK_DGRAM);
    const int fx = x.fd(), fy = y.fd();
    x = std::move(y);  // x's old fd is closed, y's moves over
    QVERIFY(!fdOpen(fx));
    QVERIFY(fdOpen(fy));
    QCOMPARE(x.fd(), fy);
    QCOMPARE(y.fd(), -1);  // NOLINT(bugprone-use-after-move)
    QCOMPARE(x.socketType(), int(SOCK_DGRAM));
    // Self-move leaves it alone.
    Socket& alias = x;
    x = std::move(alias);
    QCOMPARE(x.fd(), fy);
    QVERIFY(fdOpen(fy));
}

void tst_SocketOptions::releaseAndClose() {
    Socket s = Socket::create(AF_INET, SOCK_STREAM);
    const int fd = s.fd();
    QCOMPARE(s.release(), fd);
    QCOMPARE(s.fd(), -1);
    s.close();  // nothing to close
    QVERIFY(fdOpen(fd));
    Socket again(fd);
    again.close();
    QVERIFY(!fdOpen(fd));
    again.close();  // a second close does nothing (and never throws)
    QCOMPARE(again.fd(), -1);
}

void tst_SocketOptions::cloexec() {
    Socket created = Socket::create(AF_INET, SOCK_STREAM);
    QVERIFY(test::hasCloexec(created.fd()));
    Socket dgram = udpSocket(AF_INET);
    QVERIFY(test::hasCloexec(dgram.fd()));
    Socket bound = udpBind(Address::fromIp("127.0.0.1", 0));
    QVERIFY(test::hasCloexec(bound.fd()));
    auto p = test::makeTcpPair();
    QVERIFY(test::hasCloexec(p.listener.fd()));
    QVERIFY(test::hasCloexec(p.client.fd()));
    QVERIFY(test::hasCloexec(p.server.fd()));  // accept4 adds SOCK_CLOEXEC
    Socket::Accepted nb;
    Socket c = tcpConnect(p.listener.localAddress(), Millis(5000));
    nb = p.listener.accept(SOCK_NONBLOCK);
    QVERIFY(test::hasCloexec(nb.socket.fd()));
    QVERIFY(nb.socket.isNonBlocking());
}

SOCKWB_TEST_GUILESS_MAIN(tst_SocketOptions)
#include "tst_socketoptions.moc"
