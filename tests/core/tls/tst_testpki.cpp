// The test PKI and the TLS nginx the other TLS suites stand on: each
// certificate fails (or passes) OpenSSL's own verification for the reason
// its name says, and curl fetches /hello and /big from the nginx helper,
// with and without a client certificate. If these break, every TLS suite
// would fail for a reason that is not the code under test.

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb::test;

namespace {

X509* readCert(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "r");
    if (!f) return nullptr;
    X509* c = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    return c;
}

// OpenSSL's verification of certFile against caFile (for host, when given):
// X509_V_OK or the error; -1 when a file cannot be read.
int verify(const std::string& certFile, const std::string& caFile, const std::string& host = {}) {
    X509* cert = readCert(certFile);
    X509* ca = readCert(caFile);
    int result = -1;
    X509_STORE* store = X509_STORE_new();
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    if (cert && ca && X509_STORE_add_cert(store, ca) == 1 &&
        X509_STORE_CTX_init(ctx, store, cert, nullptr) == 1) {
        X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
        X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx);
        if (host.find_first_not_of("0123456789.:") == std::string::npos)
            X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
        else
            X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
        X509_verify_cert(ctx);
        result = X509_STORE_CTX_get_error(ctx);
    }
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    X509_free(ca);
    X509_free(cert);
    return result;
}

// curl's output (body) for url, or "" with *error set.
QByteArray curl(const QStringList& args, QString* error) {
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{QStringLiteral("-sS")} + args);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        *error = QStringLiteral("curl did not finish");
        return {};
    }
    *error = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

}  // namespace

class tst_TestPki : public QObject {
    Q_OBJECT
private slots:
    void eachCertificateFailsForItsReason_data();
    void eachCertificateFailsForItsReason();
    void madeOnceAndFast();
    void keysArePrivate();
    void nginxServesOverTls();
    void nginxRequiresClientCertificate();
    void nginxNarrowedProtocols();
};

void tst_TestPki::eachCertificateFailsForItsReason_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("expected");
    QTest::newRow("good") << "good"
                          << "localhost" << int(X509_V_OK);
    QTest::newRow("good by IPv4") << "good"
                                  << "127.0.0.1" << int(X509_V_OK);
    QTest::newRow("good by IPv6") << "good"
                                  << "::1" << int(X509_V_OK);
    QTest::newRow("wrong name by IP") << "wrongName"
                                      << "127.0.0.1" << int(X509_V_ERR_IP_ADDRESS_MISMATCH);
    QTest::newRow("expired") << "expired"
                             << "localhost" << int(X509_V_ERR_CERT_HAS_EXPIRED);
    QTest::newRow("not yet valid") << "notYetValid"
                                   << "localhost" << int(X509_V_ERR_CERT_NOT_YET_VALID);
    QTest::newRow("wrong name") << "wrongName"
                                << "localhost" << int(X509_V_ERR_HOSTNAME_MISMATCH);
    QTest::newRow("wrong name, its own") << "wrongName"
                                         << "wrong.example" << int(X509_V_OK);
    QTest::newRow("self-signed") << "selfSigned"
                                 << "localhost" << int(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
    QTest::newRow("unknown CA") << "unknownCa"
                                << "localhost" << int(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

void tst_TestPki::eachCertificateFailsForItsReason() {
    QFETCH(QString, which);
    QFETCH(QString, host);
    QFETCH(int, expected);
    SOCKWB_TEST_PKI(pki, dir);
    PemFiles f;
    if (which == "good") f = pki.good();
    if (which == "expired") f = pki.expired();
    if (which == "notYetValid") f = pki.notYetValid();
    if (which == "wrongName") f = pki.wrongName();
    if (which == "selfSigned") f = pki.selfSigned();
    if (which == "unknownCa") f = pki.unknownCa();
    QVERIFY2(!f.certFile.empty(), pki.error().c_str());
    QCOMPARE(verify(f.certFile, pki.caFile(), host.toStdString()), expected);
}

void tst_TestPki::madeOnceAndFast() {
    QElapsedTimer t;
    t.start();
    SOCKWB_TEST_PKI(pki, dir);
    const PemFiles first = pki.good();
    pki.expired();
    pki.notYetValid();
    pki.wrongName();
    pki.selfSigned();
    pki.unknownCa();
    const PemFiles client = pki.client();
    qInfo("a CA and seven certificates in %lld ms", t.elapsed());
    QCOMPARE(pki.good().certFile, first.certFile);
    QVERIFY(first.certFile != client.certFile);
    QVERIFY(QFile::exists(first.qCertFile()) && QFile::exists(first.qKeyFile()));
    X509* c = readCert(client.certFile);
    QVERIFY(c);
    char cn[128] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(c), NID_commonName, cn, sizeof cn);
    QCOMPARE(QString::fromLatin1(cn), QStringLiteral("sockwb test client"));
    QVERIFY(X509_check_purpose(c, X509_PURPOSE_SSL_CLIENT, 0) == 1);
    X509_free(c);
}

void tst_TestPki::keysArePrivate() {
    SOCKWB_TEST_PKI(pki, dir);
    const auto perms = QFile::permissions(pki.good().qKeyFile());
    QVERIFY(perms & QFile::ReadOwner);
    QVERIFY(!(perms & (QFile::ReadGroup | QFile::ReadOther)));
}

void tst_TestPki::nginxServesOverTls() {
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed");
    SOCKWB_TEST_PKI(pki, dir);
    NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const QString ca = QString::fromStdString(pki.caFile());
    const QString resolve = QStringLiteral("localhost:%1:127.0.0.1").arg(nginx.port());
    QString err;
    QCOMPARE(
        curl({"--cacert", ca, "--resolve", resolve, QString::fromStdString(nginx.url("/hello"))},
             &err),
        QByteArray("hello over tls"));
    const QByteArray big = curl(
        {"--cacert", ca, "--resolve", resolve, QString::fromStdString(nginx.url("/big"))}, &err);
    QCOMPARE(big.size(), qsizetype(NginxTls::bigBody().size()));
    QVERIFY(big.toStdString() == NginxTls::bigBody());
    const QByteArray session = curl({"--cacert", ca, "--resolve", resolve, "--tlsv1.3",
                                     QString::fromStdString(nginx.url("/session"))},
                                    &err);
    QVERIFY2(session.startsWith("TLSv1.3 "), session.constData());
    QVERIFY2(session.endsWith(" localhost"), session.constData());
    // Not trusted without the CA: curl refuses it.
    QVERIFY(
        curl({"--resolve", resolve, QString::fromStdString(nginx.url("/hello"))}, &err).isEmpty());
    QVERIFY2(err.contains(QStringLiteral("certificate")), qPrintable(err));
    nginx.stop();
    QVERIFY(!nginx.running());
}

void tst_TestPki::nginxRequiresClientCertificate() {
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed");
    SOCKWB_TEST_PKI(pki, dir);
    NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    o.verifyClient = "on";
    o.clientCaFile = pki.caFile();
    SOCKWB_START_NGINX_TLS(nginx, o);
    const QString ca = QString::fromStdString(pki.caFile());
    const QString url = QString::fromStdString(nginx.url("/client", "127.0.0.1"));
    QString err;
    const QByteArray withCert = curl(
        {"--cacert", ca, "--cert", pki.client().qCertFile(), "--key", pki.client().qKeyFile(), url},
        &err);
    QVERIFY2(withCert.startsWith("SUCCESS "), qPrintable(err));
    QVERIFY2(withCert.contains("CN=sockwb test client"), withCert.constData());
    // Without one nginx answers 400 ("No required SSL certificate was sent").
    const QByteArray without =
        curl({"--cacert", ca, "-o", "/dev/null", "-w", "%{http_code}", url}, &err);
    QCOMPARE(without, QByteArray("400"));
}

void tst_TestPki::nginxNarrowedProtocols() {
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed");
    SOCKWB_TEST_PKI(pki, dir);
    NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    o.protocols = "TLSv1.3";
    SOCKWB_START_NGINX_TLS(nginx, o);
    const QString url = QString::fromStdString(nginx.url("/hello", "127.0.0.1"));
    const QString ca = QString::fromStdString(pki.caFile());
    QString err;
    QCOMPARE(curl({"--cacert", ca, url}, &err), QByteArray("hello over tls"));
    QVERIFY(curl({"--cacert", ca, "--tls-max", "1.2", url}, &err).isEmpty());
    QVERIFY2(err.contains(QStringLiteral("alert")) || err.contains(QStringLiteral("version")),
             qPrintable(err));
}

SOCKWB_TEST_GUILESS_MAIN(tst_TestPki)
#include "tst_testpki.moc"
