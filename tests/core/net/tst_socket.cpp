// TCP through Socket: the stream realities (partial sends, several sends in
// one recv, one send over several recvs), half-close, end of stream,
// timeouts, port 0 and IPv6 loopback. Servers listen on port 0, loopback only.

#include <fcntl.h>
#include <poll.h>

#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "core/net/error.h"
#include "core/net/trace.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using test::makeTcpPair;
using test::randomBytes;

namespace {

// Counts successful recv calls made on the thread it is attached to.
class RecvCounter : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        if (e.call == "recv" && e.result > 0) count.fetch_add(1);
    }
    std::atomic<int> count{0};
};

// Reads until end of stream. Throws Error.
std::string readToEof(Socket& s, size_t chunk = 65536) {
    std::string out;
    for (;;) {
        IoResult r = s.recvSome(out, chunk, Millis(10000));
        if (r.status == IoResult::Eof) return out;
        if (r.status == IoResult::TimedOut) throw std::runtime_error("no data for 10 s");
    }
}

}  // namespace

class tst_Socket : public QObject {
    Q_OBJECT

private slots:
    void roundTrip1MiB_data();
    void roundTrip1MiB();
    void partialSends();
    void sendAllTimesOut();
    void halfClose();
    void localAddressPort0();
    void recvTimeout();
    void recvTimeoutOption();
    void recvExactAcrossSends();
    void recvExactEndOfStream();
    void recvExactTimeout();
    void endOfStream();
    void tryAccept();
    void connectKeepsBlockingMode();
    void connectByName();
};

void tst_Socket::roundTrip1MiB_data() {
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << "127.0.0.1";
    QTest::newRow("IPv6") << "::1";
}

// The client sends 1 MiB with NULs, half-closes; the server (a std::thread)
// reads to end of stream, sends it all back and closes.
void tst_Socket::roundTrip1MiB() {
    QFETCH(QString, host);
    Socket listener;
    try {
        listener = tcpListen(Address::fromIp(host.toStdString(), 0));
    } catch (const Error& e) {
        if (host == "::1" && (e.err() == EADDRNOTAVAIL || e.err() == EAFNOSUPPORT))
            QSKIP("::1 cannot be bound on this machine");
        throw;
    }
    const Address addr = listener.localAddress();
    QVERIFY(addr.port() != 0);
    std::string serverError;
    size_t serverGot = 0;
    std::thread server([&] {
        try {
            Socket s = listener.accept().socket;
            std::string data = readToEof(s);
            serverGot = data.size();
            s.sendAll(data);
        } catch (const std::exception& e) {
            serverError = e.what();
        }
    });
    const std::string payload = randomBytes(1 << 20);
    QVERIFY(payload.find('\0') != std::string::npos);
    std::string back;
    try {
        Socket c = tcpConnect(addr, Millis(5000));
        c.sendAll(payload);
        c.shutdownWrite();
        back = readToEof(c);
    } catch (const std::exception& e) {
        server.join();
        QFAIL(e.what());
    }
    server.join();
    QVERIFY2(serverError.empty(), serverError.c_str());
    QCOMPARE(serverGot, payload.size());
    QCOMPARE(back.size(), payload.size());
    QVERIFY(back == payload);
}

void tst_Socket::partialSends() {
    // Small buffers on both ends (the accepted socket inherits the
    // listener's SO_RCVBUF) so that 1 MiB cannot fit in flight.
    Socket listener = Socket::create(AF_INET, SOCK_STREAM);
    listener.setRecvBufferSize(4096);
    listener.bind(Address::fromIp("127.0.0.1", 0));
    listener.listen(4);
    Socket client = Socket::create(AF_INET, SOCK_STREAM);
    client.setSendBufferSize(4096);
    client.connect(listener.localAddress(), Millis(5000));
    Socket server = listener.accept().socket;
    client.setNonBlocking(true);

    const std::string payload = randomBytes(1 << 20, 99);
    // Nobody reads yet: a single send takes only what fits.
    IoResult first = client.send(payload);
    QCOMPARE(first.status, IoResult::Ok);
    QVERIFY2(first.bytes > 0 && first.bytes < payload.size(),
             qPrintable(QString::number(first.bytes)));
    // Once full, the next send would block.
    size_t sent = first.bytes;
    IoResult r;
    while ((r = client.send(std::string_view(payload).substr(sent))).status == IoResult::Ok)
        sent += r.bytes;
    QCOMPARE(r.status, IoResult::WouldBlock);
    QVERIFY(sent < payload.size());

    // A slow reader (small reads) on a thread; sendAll delivers the rest.
    std::string got, readerError;
    std::thread reader([&] {
        try {
            got = readToEof(server, 1000);
        } catch (const std::exception& e) {
            readerError = e.what();
        }
    });
    try {
        client.sendAll(std::string_view(payload).substr(sent), Millis(20000));
        client.shutdownWrite();
    } catch (const std::exception& e) {
        server.shutdown(SHUT_RDWR);
        reader.join();
        QFAIL(e.what());
    }
    reader.join();
    QVERIFY2(readerError.empty(), readerError.c_str());
    QCOMPARE(got.size(), payload.size());
    QVERIFY(got == payload);
}

void tst_Socket::sendAllTimesOut() {
    auto p = makeTcpPair();
    // Fixed small buffers on both ends (no autotuning): 8 MiB cannot fit.
    p.client.setSendBufferSize(4096);
    p.server.setRecvBufferSize(4096);
    p.client.setNonBlocking(true);
    const std::string payload(8 << 20, 'x');
    try {
        p.client.sendAll(payload, Millis(200));
        QFAIL("sendAll returned although nobody reads");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Timeout);
        QCOMPARE(e.call(), std::string("send"));
        QCOMPARE(e.err(), ETIMEDOUT);
        QVERIFY2(std::string(e.what()).find("bytes still unsent") != std::string::npos, e.what());
    }
}

void tst_Socket::halfClose() {
    auto p = makeTcpPair();
    p.client.sendAll(std::string("question\0", 9));
    p.client.shutdownWrite();
    // The server reads the data then end of stream...
    QCOMPARE(readToEof(p.server), std::string("question\0", 9));
    // ...and can still answer: only one direction is closed.
    const std::string answer("answer after half-close\0\1", 25);
    p.server.sendAll(answer);
    std::string got(answer.size(), '\0');
    p.client.recvExact(got.data(), got.size(), Millis(5000));
    QCOMPARE(got, answer);
    p.server.close();
    char c;
    QCOMPARE(p.client.recv(&c, 1, Millis(5000)).status, IoResult::Eof);
    // Sending on the half-closed side is refused, not a crash.
    try {
        p.client.send("x");
        QFAIL("send after shutdown(SHUT_WR) succeeded");
    } catch (const Error& e) {
        QCOMPARE(e.err(), EPIPE);
    }
}

void tst_Socket::localAddressPort0() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const Address local = listener.localAddress();
    QCOMPARE(local.host(), std::string("127.0.0.1"));
    QVERIFY(local.port() != 0);
    Socket c = tcpConnect(local, Millis(5000));
    QCOMPARE(c.peerAddress(), local);
    auto acc = listener.accept();
    QCOMPARE(acc.peer, c.localAddress());
    QCOMPARE(acc.socket.peerAddress(), c.localAddress());
    QCOMPARE(acc.socket.localAddress(), local);
    QVERIFY(c.localAddress().port() != 0);
    // An unconnected socket has no peer: an Error, not garbage.
    Socket lone = Socket::create(AF_INET, SOCK_STREAM);
    try {
        lone.peerAddress();
        QFAIL("peerAddress of an unconnected socket");
    } catch (const Error& e) {
        QCOMPARE(e.err(), ENOTCONN);
        QCOMPARE(e.call(), std::string("getpeername"));
    }
}

void tst_Socket::recvTimeout() {
    auto p = makeTcpPair();
    char buf[16];
    const auto t0 = std::chrono::steady_clock::now();
    QCOMPARE(p.client.recv(buf, sizeof buf, Millis(100)).status, IoResult::TimedOut);
    const auto ms =
        std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - t0).count();
    QVERIFY2(ms >= 95 && ms < 3000, qPrintable(QString::number(ms)));
    std::string out = "keep";
    QCOMPARE(p.client.recvSome(out, 100, Millis(50)).status, IoResult::TimedOut);
    QCOMPARE(out, std::string("keep"));
    // Data already waiting is returned at once, even with a zero timeout.
    p.server.sendAll("ab");
    pollfd pf{p.client.fd(), POLLIN, 0};
    QCOMPARE(::poll(&pf, 1, 5000), 1);
    IoResult r = p.client.recvSome(out, 100, Millis(0));
    QCOMPARE(r.status, IoResult::Ok);
    QCOMPARE(r.bytes, size_t(2));
    QCOMPARE(out, std::string("keepab"));
    // Non-blocking without data: WouldBlock, not an error.
    p.client.setNonBlocking(true);
    while (p.client.recv(buf, sizeof buf).status == IoResult::Ok) {
    }
    QCOMPARE(p.client.recv(buf, sizeof buf).status, IoResult::WouldBlock);
}

void tst_Socket::recvTimeoutOption() {
    // SO_RCVTIMEO on a blocking socket: recv gives TimedOut, recvExact a
    // Timeout error instead of waiting forever.
    auto p = makeTcpPair();
    p.client.setRecvTimeout(Millis(100));
    char buf[8];
    QCOMPARE(p.client.recv(buf, sizeof buf).status, IoResult::TimedOut);
    p.server.sendAll("abc");
    try {
        p.client.recvExact(buf, 8);
        QFAIL("recvExact returned with 3 of 8 bytes");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Timeout);
        QVERIFY2(std::string(e.what()).find("got 3 of 8 bytes") != std::string::npos, e.what());
        QCOMPARE(e.info().detailCode, DetailCode::GotOfBytes);
        QCOMPARE(e.info().detailN, uint64_t(3));
        QCOMPARE(e.info().detailM, uint64_t(8));
    }
}

void tst_Socket::recvExactAcrossSends() {
    auto p = makeTcpPair();
    p.client.setNoDelay(true);
    RecvCounter counter;
    std::string got(12, '?');
    std::string readerError;
    std::thread reader([&] {
        TraceScope scope(&counter);
        try {
            p.server.recvExact(got.data(), got.size(), Millis(10000));
        } catch (const std::exception& e) {
            readerError = e.what();
        }
    });
    // Each piece is sent only after the reader took the previous one, so
    // recvExact has to loop over three recvs.
    p.client.sendAll(std::string("ab\0d", 4));
    QTRY_COMPARE(counter.count.load(), 1);
    p.client.sendAll("efgh");
    QTRY_COMPARE(counter.count.load(), 2);
    p.client.sendAll(std::string("ij\0l", 4));
    reader.join();
    QVERIFY2(readerError.empty(), readerError.c_str());
    QCOMPARE(counter.count.load(), 3);
    QCOMPARE(got, std::string("ab\0defghij\0l", 12));
}

void tst_Socket::recvExactEndOfStream() {
    auto p = makeTcpPair();
    const std::string peer = p.server.localAddress().toString();
    p.server.sendAll("abc");
    p.server.close();
    char buf[10];
    try {
        p.client.recvExact(buf, sizeof buf, Millis(5000));
        QFAIL("recvExact returned");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::EndOfStream);
        QCOMPARE(e.call(), std::string("recv"));
        QVERIFY2(std::string(e.what()).find("got 3 of 10 bytes") != std::string::npos, e.what());
        QCOMPARE(e.info().detailCode, DetailCode::GotOfBytes);
        QCOMPARE(e.info().detailN, uint64_t(3));
        QCOMPARE(e.info().detailM, uint64_t(10));
        QVERIFY2(std::string(e.what()).find("closed the connection") != std::string::npos,
                 e.what());
    }
    QCOMPARE(std::string(buf, 3), std::string("abc"));
}

void tst_Socket::recvExactTimeout() {
    auto p = makeTcpPair();
    p.server.sendAll("abc");
    char buf[10];
    const auto t0 = std::chrono::steady_clock::now();
    try {
        p.client.recvExact(buf, sizeof buf, Millis(150));
        QFAIL("recvExact returned");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Timeout);
        QCOMPARE(e.err(), ETIMEDOUT);
        QVERIFY2(std::string(e.what()).find("got 3 of 10 bytes") != std::string::npos, e.what());
        QVERIFY2(
            std::string(e.what()).find(p.server.localAddress().toString()) != std::string::npos,
            e.what());
    }
    QVERIFY(std::chrono::steady_clock::now() - t0 >= Millis(140));
}

void tst_Socket::endOfStream() {
    auto p = makeTcpPair();
    p.server.close();
    char c;
    QCOMPARE(p.client.recv(&c, 1, Millis(5000)).status, IoResult::Eof);
    QVERIFY(p.client.recv(&c, 1).eof());  // and again: it stays at end
    std::string out;
    QCOMPARE(p.client.recvSome(out).status, IoResult::Eof);
    QVERIFY(out.empty());
}

void tst_Socket::tryAccept() {
    ListenOptions o;
    o.nonBlocking = true;
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), 8, o);
    QVERIFY(listener.isNonBlocking());
    QVERIFY(!listener.tryAccept().has_value());
    Socket c = tcpConnect(listener.localAddress(), Millis(5000));
    // The connection is queued before connect returns on loopback, but poll
    // rather than assume it.
    pollfd pf{listener.fd(), POLLIN, 0};
    QCOMPARE(::poll(&pf, 1, 5000), 1);
    std::optional<Socket::Accepted> acc = listener.tryAccept(SOCK_NONBLOCK);
    QVERIFY(acc.has_value());
    QCOMPARE(acc->peer, c.localAddress());
    QVERIFY(acc->socket.isNonBlocking());
    QVERIFY(test::hasCloexec(acc->socket.fd()));
}

void tst_Socket::connectKeepsBlockingMode() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    Socket a = Socket::create(AF_INET, SOCK_STREAM);
    a.connect(listener.localAddress(), Millis(5000));
    QVERIFY(!a.isNonBlocking());
    Socket b = Socket::create(AF_INET, SOCK_STREAM);
    b.setNonBlocking(true);
    b.connect(listener.localAddress(), Millis(5000));
    QVERIFY(b.isNonBlocking());
    // A failed connect restores it too.
    Address closed = listener.localAddress();
    listener.close();
    Socket c = Socket::create(AF_INET, SOCK_STREAM);
    QVERIFY_THROWS_EXCEPTION(Error, c.connect(closed, Millis(5000)));
    QVERIFY(!c.isNonBlocking());
}

void tst_Socket::connectByName() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const std::string port = std::to_string(listener.localAddress().port());
    Socket c = tcpConnect("localhost", port, Millis(5000));
    // localhost may resolve to ::1 first, where nobody listens: the next
    // address is tried.
    QCOMPARE(c.peerAddress(), listener.localAddress());
}

SOCKWB_TEST_GUILESS_MAIN(tst_Socket)
#include "tst_socket.moc"
