// AddressDissect: the byte layout of sockaddr_in / sockaddr_in6 for several
// addresses (htons made visible), inet_pton's verdict on invalid literals
// (which never reach getaddrinfo), getaddrinfo's results and failures, and
// bad ports.

#include <arpa/inet.h>
#include <netdb.h>

#include <QtTest>

#include "core/net/addressdissect.h"
#include "core/net/error.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {
QString hexOf(const SockaddrField& f) { return QString::fromStdString(hexBytes(f.bytes)); }
}  // namespace

class tst_AddressDissect : public QObject {
    Q_OBJECT

private slots:
    void ipv4Layout_data();
    void ipv4Layout();
    void ipv6Layout_data();
    void ipv6Layout();
    void verdicts_data();
    void verdicts();
    void invalidLiteralSkipsResolver();
    void numericResolvesWithoutDns();
    void localhostName();
    void unknownName();
    void badInput_data();
    void badInput();
    void splitHostPort_data();
    void splitHostPort();
    void names();
};

void tst_AddressDissect::ipv4Layout_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("portBytes");
    QTest::addColumn<QString>("addrBytes");
    QTest::addColumn<quint64>("addrValue");
    QTest::newRow("loopback 8080") << "127.0.0.1"
                                   << "8080"
                                   << "1f 90"
                                   << "7f 00 00 01" << quint64(0x7f000001);
    QTest::newRow("any 0") << "0.0.0.0"
                           << ""
                           << "00 00"
                           << "00 00 00 00" << quint64(0);
    QTest::newRow("private 80") << "192.168.1.10"
                                << "80"
                                << "00 50"
                                << "c0 a8 01 0a" << quint64(0xc0a8010a);
    QTest::newRow("broadcast 65535") << "255.255.255.255"
                                     << "65535"
                                     << "ff ff"
                                     << "ff ff ff ff" << quint64(0xffffffff);
}

void tst_AddressDissect::ipv4Layout() {
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, portBytes);
    QFETCH(QString, addrBytes);
    QFETCH(quint64, addrValue);
    const AddressDissection d = dissectAddress(host.toStdString(), port.toStdString());
    QCOMPARE(d.verdict, AddressVerdict::Ipv4);
    QCOMPARE(d.ptonV4, 1);
    const SockaddrLayout& l = d.manual;
    QCOMPARE(l.structName, std::string("sockaddr_in"));
    QCOMPARE(l.size, sizeof(sockaddr_in));
    QCOMPARE(int(l.fields.size()), 4);
    // sin_family: AF_INET = 2 in host order (little-endian here: 02 00).
    QCOMPARE(l.fields[0].offset, size_t(0));
    QCOMPARE(l.fields[0].value, quint64(AF_INET));
    QCOMPARE(l.fields[0].text, std::string("AF_INET"));
    QCOMPARE(l.fields[1].name, std::string("sin_port"));
    QCOMPARE(l.fields[1].offset, size_t(2));
    QCOMPARE(hexOf(l.fields[1]), portBytes);
    QCOMPARE(l.fields[1].value, quint64(port.toUInt()));
    // Without ntohs the same bytes read as another number on this CPU.
    QCOMPARE(l.fields[1].rawValue, quint64(htons(static_cast<uint16_t>(port.toUInt()))));
    QCOMPARE(l.fields[2].offset, size_t(4));
    QCOMPARE(hexOf(l.fields[2]), addrBytes);
    QCOMPARE(l.fields[2].value, addrValue);
    QCOMPARE(QString::fromStdString(l.fields[2].text), host);
    QCOMPARE(l.fields[3].name, std::string("sin_zero"));
    QCOMPARE(hexOf(l.fields[3]), QStringLiteral("00 00 00 00 00 00 00 00"));
}

void tst_AddressDissect::ipv6Layout_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("addrBytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("loopback") << "::1"
                              << "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01"
                              << "::1";
    QTest::newRow("bracketed doc") << "[2001:db8::42]"
                                   << "20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 42"
                                   << "2001:db8::42";
    QTest::newRow("v4-mapped") << "::ffff:127.0.0.1"
                               << "00 00 00 00 00 00 00 00 00 00 ff ff 7f 00 00 01"
                               << "::ffff:127.0.0.1";
}

void tst_AddressDissect::ipv6Layout() {
    QFETCH(QString, host);
    QFETCH(QString, addrBytes);
    QFETCH(QString, text);
    const AddressDissection d = dissectAddress(host.toStdString(), "443");
    QCOMPARE(d.verdict, AddressVerdict::Ipv6);
    QCOMPARE(d.ptonV4, 0);
    QCOMPARE(d.ptonV6, 1);
    const SockaddrLayout& l = d.manual;
    QCOMPARE(l.structName, std::string("sockaddr_in6"));
    QCOMPARE(l.size, sizeof(sockaddr_in6));
    QCOMPARE(int(l.fields.size()), 5);
    QCOMPARE(l.fields[0].value, quint64(AF_INET6));
    QCOMPARE(hexOf(l.fields[1]), QStringLiteral("01 bb"));
    QCOMPARE(l.fields[1].value, quint64(443));
    QCOMPARE(l.fields[2].name, std::string("sin6_flowinfo"));
    QCOMPARE(l.fields[2].offset, size_t(4));
    QCOMPARE(l.fields[3].offset, size_t(8));
    QCOMPARE(hexOf(l.fields[3]), addrBytes);
    QCOMPARE(QString::fromStdString(l.fields[3].text), text);
    QCOMPARE(l.fields[4].name, std::string("sin6_scope_id"));
    QCOMPARE(l.fields[4].offset, size_t(24));
}

void tst_AddressDissect::verdicts_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("ptonV4");
    QTest::addColumn<int>("ptonV6");
    QTest::newRow("999.1.1.1") << "999.1.1.1" << int(AddressVerdict::InvalidIpv4) << 0 << 0;
    QTest::newRow("three parts") << "1.2.3" << int(AddressVerdict::InvalidIpv4) << 0 << 0;
    QTest::newRow("bad v6") << "1::2::3" << int(AddressVerdict::InvalidIpv6) << 0 << 0;
    QTest::newRow("v6 bad digit") << "fe80::g" << int(AddressVerdict::InvalidIpv6) << 0 << 0;
    QTest::newRow("name") << "no-such-host.invalid" << int(AddressVerdict::Name) << 0 << 0;
    QTest::newRow("v4") << "10.0.0.1" << int(AddressVerdict::Ipv4) << 1 << 0;
    QTest::newRow("v6") << "::" << int(AddressVerdict::Ipv6) << 0 << 1;
}

void tst_AddressDissect::verdicts() {
    QFETCH(QString, host);
    QFETCH(int, verdict);
    QFETCH(int, ptonV4);
    QFETCH(int, ptonV6);
    const AddressDissection d = dissectAddress(host.toStdString(), "");
    QCOMPARE(int(d.verdict), verdict);
    QCOMPARE(d.ptonV4, ptonV4);
    QCOMPARE(d.ptonV6, ptonV6);
}

void tst_AddressDissect::invalidLiteralSkipsResolver() {
    // "999.1.1.1" is a bad address, not an unknown host: no getaddrinfo.
    const AddressDissection d = dissectAddress("999.1.1.1", "80");
    QVERIFY(!d.resolverCalled);
    QCOMPARE(d.gaiCode, 0);
    QVERIFY(d.results.empty());
    QVERIFY(d.manual.fields.empty());
}

void tst_AddressDissect::numericResolvesWithoutDns() {
    const AddressDissection d = dissectAddress("127.0.0.1", "8080");
    QVERIFY(d.resolverCalled);
    QCOMPARE(d.gaiCode, 0);
    QVERIFY(!d.results.empty());
    bool stream = false, dgram = false;
    for (const AddrInfoEntry& e : d.results) {
        QCOMPARE(e.family, int(AF_INET));
        QCOMPARE(hexOf(e.layout.fields[1]), QStringLiteral("1f 90"));
        QCOMPARE(e.layout.fields[2].text, std::string("127.0.0.1"));
        stream = stream || (e.socktype == SOCK_STREAM && e.protocol == IPPROTO_TCP);
        dgram = dgram || (e.socktype == SOCK_DGRAM && e.protocol == IPPROTO_UDP);
    }
    QVERIFY2(stream && dgram, "socktype 0 in the hints lists TCP and UDP");
}

void tst_AddressDissect::localhostName() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    const AddressDissection d = dissectAddress("localhost", "7");
    QCOMPARE(d.verdict, AddressVerdict::Name);
    QVERIFY(d.resolverCalled);
    QCOMPARE(d.gaiCode, 0);
    QVERIFY(!d.results.empty());
    QCOMPARE(d.results.front().canonname, std::string("localhost"));
    for (const AddrInfoEntry& e : d.results) {
        QVERIFY(e.family == AF_INET || e.family == AF_INET6);
        QCOMPARE(e.layout.fields[1].value, quint64(7));
    }
}

void tst_AddressDissect::unknownName() {
    const AddressDissection d = dissectAddress("no-such-host.invalid", "80");
    QVERIFY(d.resolverCalled);
    QCOMPARE(d.gaiCode, EAI_NONAME);
    QCOMPARE(d.resolveError.kind, ErrorKind::Resolve);
    QCOMPARE(d.resolveError.gaiCode, EAI_NONAME);
    QCOMPARE(d.resolveError.detail, std::string("no-such-host.invalid"));
    QVERIFY(d.results.empty());
}

void tst_AddressDissect::badInput_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("words");
    QTest::newRow("port too big") << "127.0.0.1"
                                  << "65536"
                                  << "out of range";
    QTest::newRow("port not a number") << "127.0.0.1"
                                       << "http"
                                       << "invalid port";
    QTest::newRow("negative port") << "::1"
                                   << "-1"
                                   << "invalid port";
    QTest::newRow("empty host") << ""
                                << "80"
                                << "missing host";
    QTest::newRow("empty brackets") << "[]"
                                    << "80"
                                    << "missing host";
}

void tst_AddressDissect::badInput() {
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, words);
    try {
        dissectAddress(host.toStdString(), port.toStdString());
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QVERIFY2(QString::fromUtf8(e.what()).contains(words), e.what());
    }
}

void tst_AddressDissect::splitHostPort_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::newRow("v4:port") << "127.0.0.1:8080"
                             << "127.0.0.1"
                             << "8080";
    QTest::newRow("v4") << "127.0.0.1"
                        << "127.0.0.1"
                        << "";
    QTest::newRow("[v6]:port") << "[::1]:80"
                               << "::1"
                               << "80";
    QTest::newRow("[v6]") << "[::1]"
                          << "::1"
                          << "";
    QTest::newRow("bare v6") << "fe80::1"
                             << "fe80::1"
                             << "";
    QTest::newRow("name:port") << "localhost:7"
                               << "localhost"
                               << "7";
}

void tst_AddressDissect::splitHostPort() {
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(QString, port);
    std::string h, p;
    sockwb::splitHostPort(text.toStdString(), &h, &p);
    QCOMPARE(QString::fromStdString(h), host);
    QCOMPARE(QString::fromStdString(p), port);
}

void tst_AddressDissect::names() {
    QCOMPARE(gaiCodeName(EAI_NONAME), std::string("EAI_NONAME"));
    QCOMPARE(gaiCodeName(EAI_AGAIN), std::string("EAI_AGAIN"));
    QCOMPARE(familyName(AF_INET6), std::string("AF_INET6"));
    QCOMPARE(socktypeName(SOCK_DGRAM), std::string("SOCK_DGRAM"));
    QCOMPARE(protocolName(IPPROTO_TCP), std::string("IPPROTO_TCP"));
    QCOMPARE(hexBytes({0x1f, 0x90}), std::string("1f 90"));
    QCOMPARE(hexBytes({}), std::string());
}

SOCKWB_TEST_GUILESS_MAIN(tst_AddressDissect)
#include "tst_addressdissect.moc"
