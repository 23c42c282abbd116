// The Unix-domain side of Address and of the trace's words: "unix:PATH" and
// "unixgram:PATH" parsed into one sockaddr_un, printed back, the abstract and
// unnamed forms, equality, the sun_path limit, and sockaddrText's
// "[unix:/tmp/x.sock]" for the trace (the same text for an accepted client
// with no name: "[unix:(unnamed)]").

#include <sys/un.h>

#include <QtTest>
#include <cstddef>

#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/protocol.h"
#include "core/net/systext.h"
#include "support/testmain.h"

using namespace sockwb;

class tst_UnixAddress : public QObject {
    Q_OBJECT

private slots:
    void parseAndPrint_data();
    void parseAndPrint();
    void unnamed();
    void equality();
    void limits();
    void fromKernelLengths();
    void traceText();
    void protocols();
};

void tst_UnixAddress::parseAndPrint_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed");
    QTest::addColumn<bool>("pathName");
    QTest::newRow("path") << "unix:/tmp/x.sock"
                          << "unix:/tmp/x.sock" << true;
    QTest::newRow("unixgram prefix") << "unixgram:/tmp/y.sock"
                                     << "unix:/tmp/y.sock" << true;
    QTest::newRow("relative") << "unix:run/x.sock"
                              << "unix:run/x.sock" << true;
    QTest::newRow("colon in path") << "unix:/tmp/a:b"
                                   << "unix:/tmp/a:b" << true;
    QTest::newRow("abstract") << "unix:@sockwb"
                              << "unix:@sockwb" << false;
}

void tst_UnixAddress::parseAndPrint() {
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QFETCH(bool, pathName);
    const Address a = Address::parse(text.toStdString());
    QVERIFY(a.isUnix());
    QCOMPARE(a.family(), int(AF_UNIX));
    QCOMPARE(a.port(), uint16_t(0));
    QCOMPARE(QString::fromStdString(a.toString()), printed);
    QCOMPARE(a.isUnixPathName(), pathName);
    QCOMPARE(QString::fromStdString(a.host()), printed.mid(5));
    // The text prints back to the same address.
    QVERIFY(Address::parse(a.toString()) == a);
}

void tst_UnixAddress::unnamed() {
    const Address a = Address::unixUnnamed();
    QVERIFY(a.isValid());
    QVERIFY(a.isUnix());
    QCOMPARE(a.length(), socklen_t(sizeof(sa_family_t)));
    QCOMPARE(QString::fromStdString(a.toString()), QStringLiteral("unix:(unnamed)"));
    QVERIFY(!a.isUnixPathName());
}

void tst_UnixAddress::equality() {
    QVERIFY(Address::unixPath("/tmp/a") == Address::unixPath("/tmp/a"));
    QVERIFY(!(Address::unixPath("/tmp/a") == Address::unixPath("/tmp/b")));
    QVERIFY(!(Address::unixPath("/tmp/a") == Address::unixPath("@/tmp/a")));
    QVERIFY(!(Address::unixPath("/tmp/a") == Address::fromIp("127.0.0.1", 0)));
}

void tst_UnixAddress::limits() {
    const std::string longest(Address::kMaxUnixName, 'p');
    QCOMPARE(Address::unixPath(longest).unixName(), longest);
    QCOMPARE(Address::unixPath("@" + longest).unixName(), "@" + longest);
    try {
        Address::unixPath(longest + "p");
        QFAIL("108 bytes do not fit with the NUL");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QCOMPARE(e.info().detailCode, DetailCode::BytesOverLimit);
        QCOMPARE(e.info().detailN, uint64_t(108));
        QVERIFY2(QString::fromUtf8(e.what()).contains("108 bytes, limit 107"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, Address::unixPath(""));
    QVERIFY_THROWS_EXCEPTION(Error, Address::parse("unix:"));
}

void tst_UnixAddress::fromKernelLengths() {
    // accept/getsockname may count the path's NUL or not: the same name.
    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    std::strcpy(un.sun_path, "/tmp/k.sock");
    const auto base = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path));
    const Address withNul(reinterpret_cast<sockaddr*>(&un), base + 12);
    const Address without(reinterpret_cast<sockaddr*>(&un), base + 11);
    const Address whole(reinterpret_cast<sockaddr*>(&un), sizeof un);
    for (const Address* a : {&withNul, &without, &whole})
        QCOMPARE(QString::fromStdString(a->toString()), QStringLiteral("unix:/tmp/k.sock"));
    // Linux's autobind name: a NUL then five hex digits.
    sockaddr_un autobound{};
    autobound.sun_family = AF_UNIX;
    std::memcpy(autobound.sun_path,
                "\0"
                "0001f",
                6);
    const Address a(reinterpret_cast<sockaddr*>(&autobound), base + 6);
    QCOMPARE(QString::fromStdString(a.toString()), QStringLiteral("unix:@0001f"));
}

void tst_UnixAddress::traceText() {
    const Address path = Address::unixPath("/tmp/x.sock");
    QCOMPARE(QString::fromStdString(sys::sockaddrText(path.sockaddrPtr(), path.length())),
             QStringLiteral("[unix:/tmp/x.sock]"));
    const Address none = Address::unixUnnamed();
    QCOMPARE(QString::fromStdString(sys::sockaddrText(none.sockaddrPtr(), none.length())),
             QStringLiteral("[unix:(unnamed)]"));
    const Address odd = Address::unixPath("@a b");  // a space is shown as a byte
    QCOMPARE(QString::fromStdString(sys::sockaddrText(odd.sockaddrPtr(), odd.length())),
             QStringLiteral("[unix:@a\\x20b]"));
}

void tst_UnixAddress::protocols() {
    QCOMPARE(parseProtocol("unix"), Protocol::Unix);
    QCOMPARE(parseProtocol("unixgram"), Protocol::UnixDgram);
    QCOMPARE(QString(protocolName(Protocol::Unix)), QStringLiteral("unix"));
    QCOMPARE(QString(protocolName(Protocol::UnixDgram)), QStringLiteral("unixgram"));
    QVERIFY(isStream(Protocol::Unix) && isStream(Protocol::Tcp));
    QVERIFY(isDatagram(Protocol::UnixDgram) && isDatagram(Protocol::Udp));
    QVERIFY(isUnixDomain(Protocol::UnixDgram) && !isUnixDomain(Protocol::Udp));
    QCOMPARE(Address::unixPrefixLength("unixgram:/x"), size_t(9));
    QCOMPARE(Address::unixPrefixLength("unix:/x"), size_t(5));
    QCOMPARE(Address::unixPrefixLength("127.0.0.1:7"), size_t(0));
}

SOCKWB_TEST_GUILESS_MAIN(tst_UnixAddress)
#include "tst_unix_address.moc"
