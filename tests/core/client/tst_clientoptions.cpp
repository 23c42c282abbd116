// ClientConnection's options against sockets the test holds itself (port 0,
// loopback): the blocking connect's trace (no EINPROGRESS, no poll) next to
// the poll mode's, the connect timeout, a close while blocked in recv, a UDP
// reply from another port shown with its sender, a client-side bind seen by
// the server, one send() per message, the recv size, and each shutdown mode.

#include <sys/syscall.h>

#include <QtTest/QtTest>

#include "support/clientrecorder.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using test::CallRecorder;
using test::Recorder;

namespace {

ClientConfig target(uint16_t port, Protocol protocol = Protocol::Tcp) {
    QFETCH_GLOBAL(ClientIo, io);
    return test::clientTarget(port, protocol, io);
}

bool blockingMode() {
    QFETCH_GLOBAL(ClientIo, io);
    return io == ClientIo::Blocking;
}

// A port nobody uses right now (bound, read, released).
uint16_t freePort(int type) {
    Socket s = Socket::create(AF_INET, type);
    s.bind(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

// The server side of one TCP connection: listens on port 0, accepts once.
struct Peer {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    Socket conn;
    uint16_t port() const { return listener.localAddress().port(); }
    void accept() { conn = std::move(listener.accept().socket); }
    // Everything the client sends until it shuts down or closes.
    std::string readToEof() {
        std::string all;
        for (int i = 0; i < 100; ++i) {
            char buf[256];
            const IoResult r = conn.recv(buf, sizeof buf, Millis(3000));
            if (!r.ok()) break;
            all.append(buf, r.bytes);
        }
        return all;
    }
};

// True when one of this process's threads sits in recvfrom(2) (recv is
// recvfrom on x86-64 and arm64): /proc/self/task/TID/syscall starts with
// the number of the call a blocked thread is in.
bool aThreadIsBlockedInRecv() {
#if defined(SYS_recvfrom)
    QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/syscall")));
        if (!f.open(QIODevice::ReadOnly)) continue;
        if (f.readAll().split(' ').value(0).toLong() == SYS_recvfrom) return true;
    }
    return false;
#else
    return true;
#endif
}

}  // namespace

class tst_ClientOptions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void connectTraceMatchesTheMode();
    void connectTimeoutGivesUp();
    void closeWhileBlockedInRecvIsPrompt();
    void udpReplyFromAnotherPortShowsItsSender();
    void bindToAFixedPortIsSeenByTheServer();
    void bindToAPortInUseSaysEaddrinuse();
    void eachSendIsItsOwnCall();
    void recvSizeSplitsAMessage();
    void shutdownWriteGivesThePeerEof();
    void shutdownReadThenRecvReturnsZero();
    void shutdownBothWays();
};

void tst_ClientOptions::initTestCase_data() {
    QTest::addColumn<ClientIo>("io");
    QTest::newRow("blocking") << ClientIo::Blocking;
    QTest::newRow("poll") << ClientIo::Poll;
}

void tst_ClientOptions::connectTraceMatchesTheMode() {
    Peer peer;
    Recorder rec;
    CallRecorder trace;
    ClientConnection c(target(peer.port()), &rec, &trace);
    c.start();
    peer.accept();
    QTRY_VERIFY(rec.isConnected());
    const auto connects = trace.of("connect");
    QCOMPARE(connects.size(), size_t(1));
    if (blockingMode()) {
        // As the course's client: connect(3, [127.0.0.1:PORT], 16) = 0, then recv blocks.
        QCOMPARE(connects[0].result, int64_t(0));
        QCOMPARE(connects[0].err, 0);
        QVERIFY(trace.of("poll").empty());
    } else {
        QCOMPARE(connects[0].result, int64_t(-1));
        QCOMPARE(connects[0].errName(), std::string("EINPROGRESS"));
        QVERIFY(!trace.of("poll").empty());
    }
    c.stop();
}

void tst_ClientOptions::connectTimeoutGivesUp() {
    // A listener with a full accept queue (backlog 0, one client waiting)
    // drops the next SYN: the connect waits until the timeout.
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), 0);
    Socket first = tcpConnect(listener.localAddress(), Millis(3000));
    Recorder rec;
    ClientConfig config = target(listener.localAddress().port());
    config.connectTimeout = Millis(300);
    QElapsedTimer t;
    t.start();
    ClientConnection c(config, &rec);
    c.start();
    QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(rec.reason, CloseReason::Error);
    QCOMPARE(rec.errors.size(), size_t(1));
    QCOMPARE(rec.errors[0].kind, ErrorKind::Timeout);
    QCOMPARE(rec.errors[0].detailCode, DetailCode::GaveUpAfterMs);
    QCOMPARE(rec.errors[0].detailN, uint64_t(300));
}

void tst_ClientOptions::closeWhileBlockedInRecvIsPrompt() {
    Peer peer;
    Recorder rec;
    CallRecorder trace;
    const int fdsBefore = test::countOpenFds();
    const int threadsBefore = test::countThreads();
    {
        ClientConnection c(target(peer.port()), &rec, &trace);
        c.start();
        peer.accept();
        QTRY_VERIFY(rec.isConnected());
        if (blockingMode()) QTRY_VERIFY(aThreadIsBlockedInRecv());
        QElapsedTimer t;
        t.start();
        c.stop();
        QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(rec.reason, CloseReason::Local);
        QVERIFY(rec.errors.empty());
    }
    if (blockingMode()) {
        // The wake-up is a shutdown(SHUT_RDWR) in the trace; the recv it
        // ended returns 0, and its duration is the wait.
        const auto shutdowns = trace.of("shutdown");
        QCOMPARE(shutdowns.size(), size_t(1));
        QVERIFY(QString::fromStdString(shutdowns[0].args).contains("SHUT_RDWR"));
        const auto recvs = trace.of("recv");
        QCOMPARE(recvs.size(), size_t(1));
        QCOMPARE(recvs[0].result, int64_t(0));
        QVERIFY(recvs[0].timeUs <= shutdowns[0].timeUs);
    }
    QCOMPARE(trace.of("close").size(), size_t(1));
    QCOMPARE(test::countOpenFds(), fdsBefore + 1);  // only the accepted socket is left
    QTRY_COMPARE(test::countThreads(), threadsBefore);
}

void tst_ClientOptions::udpReplyFromAnotherPortShowsItsSender() {
    // A course-style UDP server that answers from a second socket.
    Socket in = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket out = udpBind(Address::fromIp("127.0.0.1", 0));
    Recorder rec;
    ClientConnection c(target(in.localAddress().port(), Protocol::Udp), &rec);
    c.start();
    QTRY_VERIFY(rec.isConnected());
    c.send("time?");
    char buf[64];
    auto d = in.recvFrom(buf, sizeof buf, Millis(3000));
    QVERIFY(d.has_value());
    QCOMPARE(std::string(buf, d->size), std::string("time?"));
    out.sendTo("12:00", d->from);
    QTRY_COMPARE_WITH_TIMEOUT(rec.received(), std::string("12:00"), 3000);
    std::lock_guard lock(rec.m);
    QCOMPARE(rec.senders.size(), size_t(1));
    QCOMPARE(rec.senders[0].toString(), out.localAddress().toString());
    QVERIFY(!(rec.senders[0] == rec.peer));
    QVERIFY(rec.errors.empty());
}

void tst_ClientOptions::bindToAFixedPortIsSeenByTheServer() {
    Peer peer;
    const uint16_t fixed = freePort(SOCK_STREAM);
    Recorder rec;
    ClientConfig config = target(peer.port());
    config.bind = parseClientBind("127.0.0.1:" + std::to_string(fixed));
    ClientConnection c(config, &rec);
    c.start();
    peer.accept();
    QCOMPARE(peer.conn.peerAddress().port(), fixed);  // getpeername on the server's side
    QTRY_VERIFY(rec.isConnected());
    QCOMPARE(rec.local.port(), fixed);
}

void tst_ClientOptions::bindToAPortInUseSaysEaddrinuse() {
    Socket taken = udpBind(Address::fromIp("127.0.0.1", 0));
    Recorder rec;
    ClientConfig config = target(9, Protocol::Udp);
    config.bind = ClientBind{"127.0.0.1", taken.localAddress().port()};
    ClientConnection c(config, &rec);
    c.start();
    QTRY_VERIFY(rec.isClosed());
    QCOMPARE(rec.reason, CloseReason::Error);
    QCOMPARE(rec.errors.size(), size_t(1));
    QCOMPARE(rec.errors[0].call, std::string("bind"));
    QCOMPARE(errnoName(rec.errors[0].err), std::string("EADDRINUSE"));
    QVERIFY(QString::fromStdString(explain(rec.errors[0])).contains("already used"));
}

void tst_ClientOptions::eachSendIsItsOwnCall() {
    Peer peer;
    Recorder rec;
    CallRecorder trace;
    ClientConnection c(target(peer.port()), &rec, &trace);
    c.start();
    peer.accept();
    c.send("Bonjour\n");
    c.send("Au Revoir");
    c.shutdownWrite();
    QCOMPARE(peer.readToEof(), std::string("Bonjour\nAu Revoir"));
    const auto sends = trace.of("send");
    QCOMPARE(sends.size(), size_t(2));
    QCOMPARE(sends[0].result, int64_t(8));
    QCOMPARE(sends[1].result, int64_t(9));
}

void tst_ClientOptions::recvSizeSplitsAMessage() {
    Peer peer;
    Recorder rec;
    CallRecorder trace;
    ClientConfig config = target(peer.port());
    config.recvSize = 4;
    ClientConnection c(config, &rec, &trace);
    c.start();
    peer.accept();
    peer.conn.sendAll("0123456789");
    QTRY_COMPARE(rec.received(), std::string("0123456789"));
    std::lock_guard lock(rec.m);
    QCOMPARE(rec.chunks, (std::vector<std::string>{"0123", "4567", "89"}));
    int withData = 0;
    for (const auto& e : trace.of("recv"))
        if (e.result > 0) ++withData;
    QCOMPARE(withData, 3);
}

void tst_ClientOptions::shutdownWriteGivesThePeerEof() {
    Peer peer;
    Recorder rec;
    ClientConnection c(target(peer.port()), &rec);
    c.start();
    peer.accept();
    c.send("last words");
    c.shutdown(SHUT_WR);
    QCOMPARE(peer.readToEof(), std::string("last words"));  // ended by EOF, not a timeout
    QTRY_COMPARE(rec.shutdownCount(), size_t(1));
    peer.conn.sendAll("still heard");  // this side can still receive
    QTRY_COMPARE(rec.received(), std::string("still heard"));
    QCOMPARE(c.state(), ClientConnection::State::Connected);
}

void tst_ClientOptions::shutdownReadThenRecvReturnsZero() {
    Peer peer;
    Recorder rec;
    CallRecorder trace;
    ClientConnection c(target(peer.port()), &rec, &trace);
    c.start();
    peer.accept();
    QTRY_VERIFY(rec.isConnected());
    c.shutdown(SHUT_RD);
    QTRY_COMPARE(rec.shutdownCount(), size_t(1));
    if (blockingMode()) {
        // The blocked recv wakes up and returns 0: end of reading.
        QTRY_VERIFY(!trace.of("recv").empty() && trace.of("recv").back().result == 0);
    }
    c.send("sending still works");
    c.shutdown(SHUT_WR);
    QCOMPARE(peer.readToEof(), std::string("sending still works"));
    QCOMPARE(c.state(), ClientConnection::State::Connected);  // until disconnect
    QVERIFY(!rec.isClosed());
    c.stop();
    QCOMPARE(rec.reason, CloseReason::Local);
    QVERIFY(rec.errors.empty());
}

void tst_ClientOptions::shutdownBothWays() {
    Peer peer;
    Recorder rec;
    ClientConnection c(target(peer.port()), &rec);
    c.start();
    peer.accept();
    c.shutdown(SHUT_RDWR);
    QCOMPARE(peer.readToEof(), std::string());
    QTRY_COMPARE(rec.shutdownCount(), size_t(1));
    {
        std::lock_guard lock(rec.m);
        QCOMPARE(rec.shutdowns[0], int(SHUT_RDWR));
    }
    c.send("ignored: the writing side is shut");
    c.stop();
    QCOMPARE(rec.reason, CloseReason::Local);
    QCOMPARE(c.bytesOut(), uint64_t(0));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ClientOptions)
#include "tst_clientoptions.moc"
