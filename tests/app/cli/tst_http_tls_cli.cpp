// `sockwb http https://...` through the real binary against nginx with TLS
// (tests/support/nginxtls.h) and certificates made by the test: -v's TLS
// lines as curl prints them, --json's "tls" object, the timing's TLS phase,
// -k, --cacert, --cert/--key, --resolve, --tlsv1.2/--tls-max, and the exit
// status and words of each failure.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "core/tls/certificateinfo.h"
#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb;
using namespace sockwb::test;

class tst_HttpTlsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verboseLines();
    void tls12();
    void jsonObject();
    void timingPhase();
    void expiredFailsThenInsecure();
    void untrustedFails_data();
    void untrustedFails();
    void resolveKeepsName();
    void clientCertificate();
    void badUsage_data();
    void badUsage();
    void missingCaFile();

private:
    NginxTls::Options serverFiles(const PemFiles& pem) const {
        NginxTls::Options o;
        o.certFile = pem.certFile;
        o.keyFile = pem.keyFile;
        return o;
    }
    QString ca() const { return QString::fromStdString(pki_->caFile()); }
    static QString url(const NginxTls& nginx, const std::string& path) {
        return QString::fromStdString(nginx.url(path));
    }
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_HttpTlsCli::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_HttpTlsCli::verboseLines() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->good()));
    const Result r = run({"http", "-v", "--cacert", ca(), url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("hello over tls"));
    const QString err = QString::fromUtf8(r.err);
    const QString sha = QString::fromStdString(tls::describeFile(pki_->good().certFile).sha256);
    for (const QString& line :
         {QString("* Connected to localhost (127.0.0.1) port %1\n").arg(nginx.port()),
          QString("* SSL connection using TLSv1.3 / TLS_"),
          QString("* ALPN: server accepted http/1.1\n"), QString("* Server certificate:\n"),
          QString("*  subject: "), QString("*  issuer: "),
          QString("*  subjectAltName: DNS:localhost, IP:127.0.0.1"), QString("*  expire date: "),
          "*  SHA-256 fingerprint: " + sha + "\n", QString("*  SSL certificate verify ok.\n"),
          QString("> GET /hello HTTP/1.1\n"), QString("> Host: localhost:%1\n").arg(nginx.port()),
          QString("< HTTP/1.1 200 OK\n")})
        QVERIFY2(err.contains(line), qPrintable(line + " not in:\n" + err));
    QVERIFY(err.contains(QRegularExpression("\\*  subject: [^\\n]*CN=localhost")));
    QVERIFY(err.contains(QRegularExpression("\\*  issuer: [^\\n]*CN=sockwb test CA")));
    // The handshake is printed before the request.
    QVERIFY(err.indexOf("* SSL connection") < err.indexOf("> GET"));
}

void tst_HttpTlsCli::tls12() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->good()));
    Result r = run({"http", "-v", "--cacert", ca(), "--tls-max", "1.2", url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("* SSL connection using TLSv1.2 / "), r.err.constData());
    r = run({"http", "-v", "--cacert", ca(), "--tlsv1.3", url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("* SSL connection using TLSv1.3 / "), r.err.constData());
}

void tst_HttpTlsCli::jsonObject() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->good()));
    const QString body = dir_.filePath("body");
    const Result r = run({"http", "--json", "-o", body, "--cacert", ca(), url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QJsonParseError error;
    const QJsonObject hop = QJsonDocument::fromJson(lines[0], &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, lines[0].constData());
    QCOMPARE(hop["status"].toInt(), 200);
    QCOMPARE(hop["url"].toString(), url(nginx, "/hello"));
    QVERIFY(hop["timings"].toObject()["tls_ms"].toDouble() > 0);
    QVERIFY(hop["bytes_received"].toInteger() > 14);
    const QJsonObject t = hop["tls"].toObject();
    QCOMPARE(t["version"].toString(), QString("TLSv1.3"));
    QCOMPARE(t["alpn"].toString(), QString("http/1.1"));
    QCOMPARE(t["server_name"].toString(), QString("localhost"));
    QCOMPARE(t["verified"].toBool(), true);
    QCOMPARE(t["resumed"].toBool(), false);
    QCOMPARE(t["verify_result"].toInt(), 0);
    const QJsonArray chain = t["chain"].toArray();
    QVERIFY(!chain.isEmpty());
    const tls::CertificateInfo leaf = tls::describeFile(pki_->good().certFile);
    QCOMPARE(chain[0].toObject()["sha256"].toString(), QString::fromStdString(leaf.sha256));
    QVERIFY(chain[0].toObject()["sans"].toArray().contains(QString("DNS:localhost")));

    // A failed request prints no object, only the error in words.
    const Result failed = run({"http", "--json", "-o", body, url(nginx, "/hello")});
    QCOMPARE(failed.exitCode, 1);  // the test CA is not in the system store
    QVERIFY(failed.out.isEmpty());
    QVERIFY(failed.err.startsWith("sockwb http: "));
}

void tst_HttpTlsCli::timingPhase() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->good()));
    const Result r = run({"http", "--timing", "--cacert", ca(), url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 0);
    static const QRegularExpression re(
        QStringLiteral("connect [0-9.]+ ms  tls ([0-9.]+) ms  send [0-9.]+ ms"));
    const auto m = re.match(QString::fromUtf8(r.err));
    QVERIFY2(m.hasMatch(), r.err.constData());
    QVERIFY(m.captured(1).toDouble() > 0);
}

void tst_HttpTlsCli::expiredFailsThenInsecure() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->expired()));
    Result r = run({"http", "--cacert", ca(), url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith("sockwb http: "), r.err.constData());
    QVERIFY2(err.contains(QString("SSL_connect(localhost:%1)").arg(nginx.port())),
             r.err.constData());
    QVERIFY2(err.contains("expired"), r.err.constData());
    r = run({"http", "-k", "-v", "--cacert", ca(), url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("hello over tls"));
    QVERIFY2(r.err.contains("*  SSL certificate verify result: certificate has expired (10), "
                            "continuing anyway.\n"),
             r.err.constData());
}

void tst_HttpTlsCli::untrustedFails_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<QString>("words");
    // OpenSSL's reason or the explanation's words.
    QTest::newRow("self_signed") << "self" << true << "self-signed";
    QTest::newRow("system_store") << "good" << false << "issuer|CA";
    QTest::newRow("wrong_name") << "wrong" << true << "localhost";
}

void tst_HttpTlsCli::untrustedFails() {
    QFETCH(QString, which);
    QFETCH(bool, withCa);
    QFETCH(QString, words);
    const PemFiles pem = which == "self"    ? pki_->selfSigned()
                         : which == "wrong" ? pki_->wrongName()
                                            : pki_->good();
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pem));
    QStringList args{"http", url(nginx, "/hello")};
    if (withCa) args << "--cacert" << ca();
    const Result r = run(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("SSL_connect"), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(QRegularExpression(words)), r.err.constData());
    // -k gets through every one of them.
    const Result k = run(args + QStringList{"-k"});
    QCOMPARE(k.exitCode, 0);
    QCOMPARE(k.out, QByteArray("hello over tls"));
}

void tst_HttpTlsCli::resolveKeepsName() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->good()));
    const QString port = QString::number(nginx.port());
    // A name nobody resolves, sent to 127.0.0.1: Host and SNI keep it.
    const Result r =
        run({"http", "-v", "-k", "--resolve", "sockwb-test.invalid:" + port + ":127.0.0.1",
             url(nginx, "/session").replace("localhost", "sockwb-test.invalid")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(" sockwb-test.invalid"), r.out.constData());
    QVERIFY2(r.err.contains("* Connected to sockwb-test.invalid (127.0.0.1) port " + port.toUtf8()),
             r.err.constData());
    QVERIFY2(r.err.contains("> Host: sockwb-test.invalid:" + port.toUtf8()), r.err.constData());
    // Without -k, the certificate does not name it.
    const Result strict =
        run({"http", "--cacert", ca(), "--resolve", "sockwb-test.invalid:" + port + ":127.0.0.1",
             url(nginx, "/hello").replace("localhost", "sockwb-test.invalid")});
    QCOMPARE(strict.exitCode, 1);
    QVERIFY2(strict.err.contains("SSL_connect(sockwb-test.invalid:" + port.toUtf8() + ")"),
             strict.err.constData());
}

void tst_HttpTlsCli::clientCertificate() {
    NginxTls::Options o = serverFiles(pki_->good());
    o.verifyClient = "on";
    o.clientCaFile = pki_->caFile();
    SOCKWB_START_NGINX_TLS(nginx, o);
    Result r = run({"http", "-i", "--cacert", ca(), url(nginx, "/client")});
    QCOMPARE(r.exitCode, 0);  // a response came: 400
    QVERIFY2(r.out.startsWith("HTTP/1.1 400 "), r.out.constData());
    r = run({"http", "--cacert", ca(), "--cert", pki_->client().qCertFile(), "--key",
             pki_->client().qKeyFile(), url(nginx, "/client")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("SUCCESS "), r.out.constData());
    QVERIFY2(r.out.contains("CN=sockwb test client"), r.out.constData());
}

void tst_HttpTlsCli::badUsage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    QTest::newRow("tls_max") << QStringList{"--tls-max", "1.1"} << "--tls-max";
    QTest::newRow("no_version") << QStringList{"--tlsv1.3", "--tls-max", "1.2"} << "no TLS version";
    QTest::newRow("resolve") << QStringList{"--resolve", "localhost:443"} << "--resolve";
    QTest::newRow("key_alone") << QStringList{"--key", "k.pem"} << "--key needs --cert";
    QTest::newRow("cacert_value") << QStringList{"--cacert"} << "--cacert";
}

void tst_HttpTlsCli::badUsage() {
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    const Result r = run(QStringList{"http", "https://localhost:1/"} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(words), r.err.constData());
}

void tst_HttpTlsCli::missingCaFile() {
    SOCKWB_START_NGINX_TLS(nginx, serverFiles(pki_->good()));
    const Result r = run({"http", "--cacert", dir_.filePath("missing.pem"), url(nginx, "/hello")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("missing.pem"), r.err.constData());
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpTlsCli)
#include "tst_http_tls_cli.moc"
