// Endpoint text as the sequence builder compares it: IPv4, bracketed IPv6,
// IPv4-mapped IPv6 as IPv4, wildcards that match any host on their port,
// Unix paths, and what is not an endpoint at all.

#include <QtTest>

#include "core/sequence/endpoint.h"
#include "support/testmain.h"

using namespace sockwb::seq;

class TestEndpoint : public QObject {
    Q_OBJECT
private slots:
    void normal_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normal");
        QTest::newRow("ipv4") << "127.0.0.1:8080"
                              << "127.0.0.1:8080";
        QTest::newRow("ipv6") << "[::1]:80"
                              << "[::1]:80";
        QTest::newRow("mapped") << "[::ffff:127.0.0.1]:80"
                                << "127.0.0.1:80";
        QTest::newRow("wildcard6") << "[::]:5000"
                                   << "[::]:5000";
        QTest::newRow("unix") << "unix:/tmp/s"
                              << "unix:/tmp/s";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("NULL") << "NULL"
                              << "";
    }
    void normal() {
        QFETCH(QString, text);
        QFETCH(QString, normal);
        QCOMPARE(QString::fromStdString(normalEndpoint(text.toStdString())), normal);
    }

    void parse() {
        const Endpoint v6 = parseEndpoint("[fe80::1%eth0]:22");
        QCOMPARE(v6.host, std::string("fe80::1%eth0"));
        QCOMPARE(v6.port, std::string("22"));
        QVERIFY(!v6.wildcard);
        QVERIFY(parseEndpoint("0.0.0.0:53").wildcard);
        QVERIFY(parseEndpoint("[::]:53").wildcard);
        const Endpoint u = parseEndpoint("unix:(unnamed)");
        QCOMPARE(u.host, std::string("unix:(unnamed)"));
        QVERIFY(u.port.empty());
        QVERIFY(!parseEndpoint("...").known());
    }

    void match_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("equal") << "127.0.0.1:53"
                               << "127.0.0.1:53" << true;
        QTest::newRow("other port") << "127.0.0.1:53"
                                    << "127.0.0.1:54" << false;
        QTest::newRow("other host") << "127.0.0.1:53"
                                    << "127.0.0.2:53" << false;
        QTest::newRow("wildcard4") << "0.0.0.0:53"
                                   << "127.0.0.1:53" << true;
        QTest::newRow("wildcard6 v4") << "[::]:53"
                                      << "127.0.0.1:53" << true;
        QTest::newRow("wildcard other port") << "0.0.0.0:53"
                                             << "127.0.0.1:54" << false;
        QTest::newRow("mapped") << "[::ffff:10.0.0.1]:7"
                                << "10.0.0.1:7" << true;
        QTest::newRow("v6") << "[::1]:7"
                            << "127.0.0.1:7" << false;
        QTest::newRow("unknown") << ""
                                 << "127.0.0.1:7" << true;
        QTest::newRow("unix") << "unix:/a"
                              << "unix:/a" << true;
        QTest::newRow("unix other") << "unix:/a"
                                    << "unix:/b" << false;
    }
    void match() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const Endpoint ea = parseEndpoint(a.toStdString());
        const Endpoint eb = parseEndpoint(b.toStdString());
        QCOMPARE(endpointsMatch(ea, eb), same);
        QCOMPARE(endpointsMatch(eb, ea), same);
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
