// `sockwb load https://` as a user runs it, against nginx with TLS
// (tests/support/nginxtls.h) and certificates made by the test: the --json
// tls object (handshakes, resumed, handshakes/s), --no-keepalive and
// --no-resume, the text report's tls line, -k/--insecure and --cacert, a
// certificate the client refuses counted as TLS errors (exit 1, no hang),
// and the TLS options refused on a plain target (exit 2).

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runLoad(const QStringList& args, int timeoutMs = 30000) {
    QProcess p;
    p.start(QStringLiteral(SOCKWB_BINARY), QStringList{"load"} + args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString url(const test::NginxTls& nginx) { return QString::fromStdString(nginx.url("/hello")); }

}  // namespace

class tst_LoadTlsCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void helpNamesTlsOptions();
    void tlsOptionsNeedHttps_data();
    void tlsOptionsNeedHttps();
    void jsonKeepAlive();
    void noKeepAliveNoResume();
    void resumedByDefault();
    void textReport();
    void untrustedIsTlsErrorThenInsecure();
    void missingCaFile();
};

void tst_LoadTlsCli::initTestCase() { SOCKWB_REQUIRE_RESOLVES("localhost"); }

void tst_LoadTlsCli::helpNamesTlsOptions() {
    const Run r = runLoad({"--help"});
    QCOMPARE(r.code, 0);
    for (const char* o : {"https://", "--insecure", "--cacert", "--no-resume"})
        QVERIFY2(r.out.contains(o), o);
}

void tst_LoadTlsCli::tlsOptionsNeedHttps_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("-k") << QStringList{"-k"};
    QTest::newRow("--cacert") << QStringList{"--cacert", "/tmp/ca.pem"};
    QTest::newRow("--no-resume") << QStringList{"--no-resume"};
}

void tst_LoadTlsCli::tlsOptionsNeedHttps() {
    QFETCH(QStringList, extra);
    const Run r = runLoad(QStringList{"http://127.0.0.1:7/", "-n", "1"} + extra);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("https://"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_LoadTlsCli::jsonKeepAlive() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const Run r = runLoad({url(nginx), "--cacert", QString::fromStdString(pki.caFile()), "-n",
                           "100", "-c", "4", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(!j.isEmpty(), r.out.constData());
    QCOMPARE(j["requests"].toInt(), 100);
    QCOMPARE(j["errors"].toObject()["total"].toInt(), 0);
    QCOMPARE(j["non_2xx"].toInt(), 0);
    const QJsonObject t = j["tls"].toObject();
    QCOMPARE(t["handshakes"].toInt(), 4);
    QVERIFY(t.contains("resumed"));
    QVERIFY(t["handshakes_per_sec"].toDouble() > 0);
    QVERIFY(t["handshake_ms_mean"].toDouble() > 0);
}

void tst_LoadTlsCli::noKeepAliveNoResume() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const Run r = runLoad({url(nginx), "--cacert", QString::fromStdString(pki.caFile()), "-n", "30",
                           "-c", "2", "--no-keepalive", "--no-resume", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["requests"].toInt(), 30);
    QCOMPARE(j["connections_opened"].toInt(), 30);
    QCOMPARE(j["tls"].toObject()["handshakes"].toInt(), 30);
    QCOMPARE(j["tls"].toObject()["resumed"].toInt(), 0);
}

void tst_LoadTlsCli::resumedByDefault() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const Run r = runLoad({url(nginx), "--cacert", QString::fromStdString(pki.caFile()), "-n", "30",
                           "-c", "1", "--no-keepalive", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject t = QJsonDocument::fromJson(r.out).object()["tls"].toObject();
    QCOMPARE(t["handshakes"].toInt(), 30);
    // One connection at a time: every one after the first resumes.
    QCOMPARE(t["resumed"].toInt(), 29);
}

void tst_LoadTlsCli::textReport() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const Run r = runLoad({url(nginx), "--cacert", QString::fromStdString(pki.caFile()), "-n", "10",
                           "-c", "1", "--no-keepalive"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("https"), r.out.constData());
    QVERIFY2(r.out.contains("10 handshakes") && r.out.contains("handshakes/s"), r.out.constData());
    QVERIFY(r.out.contains("errors        0"));
}

void tst_LoadTlsCli::untrustedIsTlsErrorThenInsecure() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.unknownCa().certFile;
    o.keyFile = pki.unknownCa().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const Run bad = runLoad({url(nginx), "--cacert", QString::fromStdString(pki.caFile()), "-n",
                             "4", "-c", "2", "--json"});
    QCOMPARE(bad.code, 1);  // nothing completed
    const QJsonObject j = QJsonDocument::fromJson(bad.out).object();
    QCOMPARE(j["requests"].toInt(), 0);
    QCOMPARE(j["errors"].toObject()["tls"].toInt(), 4);
    QCOMPARE(j["errors"].toObject()["total"].toInt(), 4);
    QVERIFY2(j["first_error"].toString().startsWith("tls: "), bad.out.constData());

    const Run ok = runLoad({url(nginx), "-k", "-n", "4", "-c", "2", "--json"});
    QCOMPARE(ok.code, 0);
    QCOMPARE(QJsonDocument::fromJson(ok.out).object()["requests"].toInt(), 4);
}

void tst_LoadTlsCli::missingCaFile() {
    const Run r = runLoad({"https://localhost:1/", "--cacert", "/nonexistent/ca.pem", "-n", "1"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("/nonexistent/ca.pem"), r.err.constData());
    QVERIFY(!r.out.contains("requests/s"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_LoadTlsCli)
#include "tst_load_tls_cli.moc"
