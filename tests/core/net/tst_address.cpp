// Address: parsing and printing round trips, name resolution, port checks
// and the messages bad input gets.

#include <arpa/inet.h>
#include <net/if.h>

#include <QtTest>

#include "core/net/address.h"
#include "core/net/error.h"
#include "support/testmain.h"

using namespace sockwb;

class tst_Address : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void resolvesLocalhost();
    void resolveList();
    void badInput_data();
    void badInput();
    void parsePort_data();
    void parsePort();
    void fromIp();
    void fromRawSockaddr();
    void equality();
    void loopback_data();
    void loopback();
    void invalidAddress();
    void scopedLinkLocal();
    void zoneOnAnyAddress();
};

void tst_Address::roundTrip_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << "127.0.0.1:8080" << int(AF_INET) << "127.0.0.1" << 8080;
    QTest::newRow("v4 any, port 0") << "0.0.0.0:0" << int(AF_INET) << "0.0.0.0" << 0;
    QTest::newRow("v4 max port") << "10.1.2.3:65535" << int(AF_INET) << "10.1.2.3" << 65535;
    QTest::newRow("v6 loopback") << "[::1]:8080" << int(AF_INET6) << "::1" << 8080;
    QTest::newRow("v6 any") << "[::]:0" << int(AF_INET6) << "::" << 0;
    QTest::newRow("v6 full") << "[2001:db8::42]:443" << int(AF_INET6) << "2001:db8::42" << 443;
    QTest::newRow("v4-mapped") << "[::ffff:127.0.0.1]:7" << int(AF_INET6) << "::ffff:127.0.0.1"
                               << 7;
}

void tst_Address::roundTrip() {
    QFETCH(QString, text);
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(int, port);
    const Address a = Address::parse(text.toStdString());
    QVERIFY(a.isValid());
    QCOMPARE(a.family(), family);
    QCOMPARE(QString::fromStdString(a.host()), host);
    QCOMPARE(int(a.port()), port);
    QCOMPARE(QString::fromStdString(a.toString()), text);
    QCOMPARE(Address::parse(a.toString()), a);
    QCOMPARE(a.isV6(), family == AF_INET6);
    QCOMPARE(a.length(), socklen_t(family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6)));
}

void tst_Address::resolvesLocalhost() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    const Address a = Address::parse("localhost:80");
    QVERIFY(a.isValid());
    QCOMPARE(int(a.port()), 80);
    QVERIFY2(a.isLoopback(), a.toString().c_str());
    // UDP too, and the printed form parses back to the same address.
    const Address u = Address::parse("localhost:53", SOCK_DGRAM);
    QVERIFY(u.isLoopback());
    QCOMPARE(Address::parse(u.toString()), u);
}

void tst_Address::resolveList() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    auto v4 = Address::resolve("localhost", "8080", SOCK_STREAM, AF_INET);
    QVERIFY(!v4.empty());
    for (const auto& a : v4) {
        QCOMPARE(a.family(), int(AF_INET));
        QCOMPARE(int(a.port()), 8080);
        QVERIFY(a.isLoopback());
    }
    // Duplicates (one per socket type) are folded.
    auto all = Address::resolve("127.0.0.1", "9", 0);
    QCOMPARE(all.size(), size_t(1));
    QCOMPARE(all.front().toString(), std::string("127.0.0.1:9"));
    // Brackets are accepted around a v6 host.
    auto v6 = Address::resolve("[::1]", "9");
    QCOMPARE(v6.size(), size_t(1));
    QCOMPARE(v6.front().toString(), std::string("[::1]:9"));
}

void tst_Address::badInput_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");  // the offending text or the hint
    QTest::addColumn<QString>("hint");
    QTest::newRow("port x") << "127.0.0.1:x"
                            << "'x'"
                            << "0 to 65535";
    QTest::newRow("port 70000") << "127.0.0.1:70000"
                                << "70000"
                                << "0 to 65535";
    QTest::newRow("port 65536") << "127.0.0.1:65536"
                                << "65536"
                                << "out of range";
    QTest::newRow("port -1") << "127.0.0.1:-1"
                             << "'-1'"
                             << "0 to 65535";
    QTest::newRow("port 8080x") << "127.0.0.1:8080x"
                                << "'8080x'"
                                << "0 to 65535";
    QTest::newRow("port too long") << "127.0.0.1:0000080"
                                   << "0000080"
                                   << "0 to 65535";
    QTest::newRow("empty port") << "127.0.0.1:"
                                << "''"
                                << "0 to 65535";
    QTest::newRow("missing port") << "127.0.0.1"
                                  << "127.0.0.1"
                                  << "host:port";
    QTest::newRow("missing host") << ":80"
                                  << "missing host"
                                  << "host:port";
    QTest::newRow("empty") << ""
                           << "''"
                           << "host:port";
    QTest::newRow("unbracketed v6") << "::1:8080"
                                    << "::1:8080"
                                    << "[::1]:8080";
    QTest::newRow("unbracketed v6 no port") << "::1"
                                            << "::1"
                                            << "brackets";
    QTest::newRow("unclosed bracket") << "[::1:80"
                                      << "[::1:80"
                                      << "[::1]:8080";
    QTest::newRow("bracket no port") << "[::1]"
                                     << "[::1]"
                                     << "[::1]:8080";
    QTest::newRow("unknown zone") << "[fe80::1%nosuchif0]:80"
                                  << "nosuchif0"
                                  << "interface";
    QTest::newRow("empty zone") << "[::1%]:80"
                                << "after '%'"
                                << "interface";
    QTest::newRow("bracket empty port") << "[::1]:"
                                        << "''"
                                        << "0 to 65535";
}

void tst_Address::badInput() {
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QFETCH(QString, hint);
    try {
        Address a = Address::parse(text.toStdString());
        QFAIL(qPrintable("parsed as " + QString::fromStdString(a.toString())));
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(mentions), qPrintable(what));
        QVERIFY2(what.contains(hint), qPrintable(what));
    }
}

void tst_Address::parsePort_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("port");  // -1: refused
    QTest::newRow("0") << "0" << 0;
    QTest::newRow("80") << "80" << 80;
    QTest::newRow("65535") << "65535" << 65535;
    QTest::newRow("leading zero") << "080" << 80;
    QTest::newRow("65536") << "65536" << -1;
    QTest::newRow("99999") << "99999" << -1;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("space") << " 80" << -1;
    QTest::newRow("plus") << "+80" << -1;
    QTest::newRow("minus") << "-1" << -1;
    QTest::newRow("hex") << "0x50" << -1;
    QTest::newRow("name") << "http" << -1;
}

void tst_Address::parsePort() {
    QFETCH(QString, text);
    QFETCH(int, port);
    if (port >= 0) {
        QCOMPARE(int(Address::parsePort(text.toStdString())), port);
        return;
    }
    try {
        Address::parsePort(text.toStdString());
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QVERIFY2(std::string(e.what()).find("65535") != std::string::npos, e.what());
    }
}

void tst_Address::fromIp() {
    QCOMPARE(Address::fromIp("127.0.0.1", 7).toString(), std::string("127.0.0.1:7"));
    QCOMPARE(Address::fromIp("::1", 7).toString(), std::string("[::1]:7"));
    QCOMPARE(Address::fromIp("[::1]", 7).toString(), std::string("[::1]:7"));
    // No DNS: a name is refused, with a hint.
    try {
        Address::fromIp("localhost", 7);
        QFAIL("a name was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QVERIFY2(
            std::string(e.what()).find("'localhost' is not an IP address") != std::string::npos,
            e.what());
    }
    Address a = Address::fromIp("10.0.0.1", 1);
    a.setPort(4242);
    QCOMPARE(a.toString(), std::string("10.0.0.1:4242"));
    Address b = Address::fromIp("::", 1);
    b.setPort(65535);
    QCOMPARE(b.toString(), std::string("[::]:65535"));
}

void tst_Address::fromRawSockaddr() {
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_port = htons(9999);
    ::inet_pton(AF_INET, "192.168.1.2", &in.sin_addr);
    Address a(reinterpret_cast<sockaddr*>(&in), sizeof in);
    QCOMPARE(a.toString(), std::string("192.168.1.2:9999"));
    QCOMPARE(std::memcmp(a.sockaddrPtr(), &in, sizeof in), 0);
    // A length larger than any sockaddr is refused, not copied.
    Address bad(reinterpret_cast<sockaddr*>(&in), sizeof(sockaddr_storage) + 1);
    QVERIFY(!bad.isValid());
    Address none(nullptr, 16);
    QVERIFY(!none.isValid());
}

void tst_Address::equality() {
    QVERIFY(Address::fromIp("127.0.0.1", 80) == Address::fromIp("127.0.0.1", 80));
    QVERIFY(!(Address::fromIp("127.0.0.1", 80) == Address::fromIp("127.0.0.1", 81)));
    QVERIFY(!(Address::fromIp("127.0.0.1", 80) == Address::fromIp("127.0.0.2", 80)));
    QVERIFY(!(Address::fromIp("::1", 80) == Address::fromIp("127.0.0.1", 80)));
    QVERIFY(Address::fromIp("::1", 80) == Address::parse("[0:0::1]:80"));
    QVERIFY(Address() == Address());
}

void tst_Address::loopback_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1:1" << true;
    QTest::newRow("127.1.2.3") << "127.1.2.3:1" << true;
    QTest::newRow("::1") << "[::1]:1" << true;
    QTest::newRow("10.0.0.1") << "10.0.0.1:1" << false;
    QTest::newRow("::") << "[::]:1" << false;
    QTest::newRow("128.0.0.1") << "128.0.0.1:1" << false;
}

void tst_Address::loopback() {
    QFETCH(QString, text);
    QFETCH(bool, loopback);
    QCOMPARE(Address::parse(text.toStdString()).isLoopback(), loopback);
}

void tst_Address::invalidAddress() {
    Address a;
    QVERIFY(!a.isValid());
    QCOMPARE(a.toString(), std::string());
    QCOMPARE(int(a.port()), 0);
    QCOMPARE(a.host(), std::string());
    QVERIFY(!a.isLoopback());
}

void tst_Address::scopedLinkLocal() {
    // A link-local v6 address needs its interface; printed back with it.
    const unsigned lo = ::if_nametoindex("lo");
    if (lo == 0) QSKIP("no interface named lo");
    const Address a = Address::parse("[fe80::1%lo]:80");
    QCOMPARE(reinterpret_cast<const sockaddr_in6*>(a.sockaddrPtr())->sin6_scope_id, uint32_t(lo));
    QCOMPARE(a.toString(), std::string("[fe80::1%lo]:80"));
    QCOMPARE(Address::parse(a.toString()), a);
}

void tst_Address::zoneOnAnyAddress() {
    // getaddrinfo takes interface names on link-local addresses only; the
    // zone id is taken on any IPv6 address, as a name or an index.
    const unsigned lo = ::if_nametoindex("lo");
    if (lo == 0) QSKIP("no interface named lo");
    const auto scope = [](const Address& a) {
        return reinterpret_cast<const sockaddr_in6*>(a.sockaddrPtr())->sin6_scope_id;
    };
    QCOMPARE(scope(Address::parse("[::1%lo]:80")), uint32_t(lo));
    QCOMPARE(scope(Address::resolve("::1%lo", "80").front()), uint32_t(lo));
    QCOMPARE(scope(Address::fromIp("fe80::1%" + std::to_string(lo), 80)), uint32_t(lo));
    QCOMPARE(Address::parse("[fe80::1%lo]:80").toString(), std::string("[fe80::1%lo]:80"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_Address)
#include "tst_address.moc"
