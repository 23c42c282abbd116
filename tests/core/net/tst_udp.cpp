// UDP through Socket: round trip with the sender's address, truncation
// reported (never silently cut), receive timeout, IPv6 loopback.

#include <QtTest>

#include "core/net/error.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

class tst_Udp : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void truncation();
    void exactFit();
    void emptyDatagram();
    void receiveTimeout();
    void nonBlockingNothing();
    void messageTooLarge();
};

void tst_Udp::roundTrip_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << "127.0.0.1" << int(AF_INET);
    QTest::newRow("IPv6") << "::1" << int(AF_INET6);
}

void tst_Udp::roundTrip() {
    QFETCH(QString, host);
    QFETCH(int, family);
    Socket server;
    try {
        server = udpBind(Address::fromIp(host.toStdString(), 0));
    } catch (const Error& e) {
        if (family == AF_INET6 && (e.err() == EADDRNOTAVAIL || e.err() == EAFNOSUPPORT))
            QSKIP("::1 cannot be bound on this machine");
        throw;
    }
    const Address serverAddr = server.localAddress();
    QVERIFY(serverAddr.port() != 0);
    QCOMPARE(server.socketType(), int(SOCK_DGRAM));
    QVERIFY(test::hasCloexec(server.fd()));

    Socket client = udpSocket(family);
    const std::string question("ping\0with\0NULs\xff", 15);
    QCOMPARE(client.sendTo(question, serverAddr), question.size());

    char buf[2048];
    auto d = server.recvFrom(buf, sizeof buf, Millis(5000));
    QVERIFY(d.has_value());
    QCOMPARE(std::string(buf, d->size), question);
    QCOMPARE(d->wireSize, question.size());
    QVERIFY(!d->truncated);
    // The kernel bound the client (to the wildcard address and a free
    // port) on its first send: recvFrom names that port, on loopback.
    QCOMPARE(d->from.port(), client.localAddress().port());
    QVERIFY(d->from.port() != 0);
    QCOMPARE(d->from.host(), host.toStdString());

    const std::string answer("pong\0", 5);
    QCOMPARE(server.sendTo(answer, d->from), answer.size());
    auto r = client.recvFrom(buf, sizeof buf, Millis(5000));
    QVERIFY(r.has_value());
    QCOMPARE(std::string(buf, r->size), answer);
    QCOMPARE(r->from, serverAddr);
}

void tst_Udp::truncation() {
    Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket client = udpSocket(AF_INET);
    const std::string big = test::randomBytes(2000, 7);
    client.sendTo(big, server.localAddress());
    client.sendTo("next", server.localAddress());

    char small[100];
    auto d = server.recvFrom(small, sizeof small, Millis(5000));
    QVERIFY(d.has_value());
    QVERIFY(d->truncated);
    QCOMPARE(d->wireSize, size_t(2000));
    QCOMPARE(d->size, size_t(100));
    QCOMPARE(std::string(small, 100), big.substr(0, 100));
    QCOMPARE(d->from.port(), client.localAddress().port());
    // The rest of the cut datagram is gone; the next one comes whole.
    auto n = server.recvFrom(small, sizeof small, Millis(5000));
    QVERIFY(n.has_value());
    QVERIFY(!n->truncated);
    QCOMPARE(std::string(small, n->size), std::string("next"));
}

void tst_Udp::exactFit() {
    Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket client = udpSocket(AF_INET);
    client.sendTo(std::string(100, 'z'), server.localAddress());
    char buf[100];
    auto d = server.recvFrom(buf, sizeof buf, Millis(5000));
    QVERIFY(d.has_value());
    QVERIFY(!d->truncated);
    QCOMPARE(d->size, size_t(100));
    QCOMPARE(d->wireSize, size_t(100));
}

void tst_Udp::emptyDatagram() {
    // A zero-length datagram is a datagram, not end of stream.
    Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket client = udpSocket(AF_INET);
    QCOMPARE(client.sendTo({}, server.localAddress()), size_t(0));
    char buf[16];
    auto d = server.recvFrom(buf, sizeof buf, Millis(5000));
    QVERIFY(d.has_value());
    QCOMPARE(d->size, size_t(0));
    QVERIFY(!d->truncated);
}

void tst_Udp::receiveTimeout() {
    Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
    char buf[16];
    const auto t0 = std::chrono::steady_clock::now();
    QVERIFY(!server.recvFrom(buf, sizeof buf, Millis(100)).has_value());
    QVERIFY(std::chrono::steady_clock::now() - t0 >= Millis(95));
}

void tst_Udp::nonBlockingNothing() {
    Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
    server.setNonBlocking(true);
    char buf[16];
    QVERIFY(!server.recvFrom(buf, sizeof buf).has_value());
}

void tst_Udp::messageTooLarge() {
    Socket client = udpSocket(AF_INET);
    try {
        client.sendTo(std::string(70000, 'x'), Address::fromIp("127.0.0.1", 9));
        QFAIL("a 70000-byte datagram was sent");
    } catch (const Error& e) {
        QCOMPARE(e.err(), EMSGSIZE);
        QCOMPARE(e.call(), std::string("sendto"));
        QVERIFY2(std::string(e.what()).find("too large") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("127.0.0.1:9") != std::string::npos, e.what());
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_Udp)
#include "tst_udp.moc"
