// What the engine says about a session once the handshake is done, client
// and server back to back in memory (support/tlsenginepair.h): the peer's
// chain in SessionInfo (subject, issuer, SANs, key, signature, validity,
// the SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints
// it), certificate files described, resumption on the next connection
// with the same host:port (and not with resumeSessions off or another
// key), and a client certificate as the server sees it.

#include <openssl/ssl.h>

#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "core/net/error.h"
#include "core/tls/certificateinfo.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsengine.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsenginepair.h"

using namespace sockwb;
using namespace sockwb::tls;
using namespace sockwb::test;

Q_DECLARE_METATYPE(sockwb::tls::Version)

namespace {

int countRecords(const std::vector<RecordEvent>& records, const std::string& what, bool outgoing) {
    int n = 0;
    for (const RecordEvent& r : records)
        if (r.what == what && r.outgoing == outgoing) ++n;
    return n;
}

}  // namespace

class tst_TlsSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sessionInfoOfTheChain();
    void describeFiles();
    void resumption_data();
    void resumption();
    void clientCertificateSeenByTheServer();

private:
    std::shared_ptr<Context> clientContext() {
        ClientOptions o;
        o.caFile = pki_->caFile();
        return Context::client(o);
    }
    std::shared_ptr<Context> serverContext() {
        ServerOptions o;
        o.certFile = pki_->good().certFile;
        o.keyFile = pki_->good().keyFile;
        return Context::server(o);
    }
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_TlsSession::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_TlsSession::sessionInfoOfTheChain() {
    TlsEnginePair p(clientContext(), serverContext());
    QVERIFY(p.handshake());
    const SessionInfo info = p.client->info();
    QCOMPARE(int(info.chain.size()), 1);  // the server sends its leaf only
    const CertificateInfo& leaf = info.chain.front();
    QVERIFY2(leaf.subject.find("CN=localhost") != std::string::npos, leaf.subject.c_str());
    QVERIFY2(leaf.issuer.find("CN=sockwb test CA") != std::string::npos, leaf.issuer.c_str());
    QCOMPARE(leaf.sans, (std::vector<std::string>{"DNS:localhost", "IP:127.0.0.1", "IP:::1"}));
    QCOMPARE(QString::fromStdString(leaf.key), QStringLiteral("EC P-256"));
    QCOMPARE(QString::fromStdString(leaf.signature), QStringLiteral("ecdsa-with-SHA256"));
    QVERIFY(!leaf.selfSigned);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(leaf.notBeforeEpoch < now && now < leaf.notAfterEpoch);
    QVERIFY(QString::fromStdString(leaf.notAfter).endsWith(QStringLiteral(" UTC")));
    QCOMPARE(leaf.sha256.size(), size_t(32 * 3 - 1));
    // The same fingerprint as OpenSSL's own command prints.
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("the openssl command is not installed");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"x509", "-noout", "-fingerprint", "-sha256", "-in", pki_->good().qCertFile()});
    QVERIFY(openssl.waitForFinished(10000));
    const QString line = QString::fromUtf8(openssl.readAllStandardOutput()).trimmed();
    QVERIFY2(line.contains('='), qPrintable(line));
    QCOMPARE(QString::fromStdString(leaf.sha256), line.section('=', 1));
}

void tst_TlsSession::describeFiles() {
    const CertificateInfo ca = describeFile(pki_->caFile());
    QVERIFY(ca.selfSigned);
    QCOMPARE(ca.subject, ca.issuer);
    QVERIFY(describeFile(pki_->selfSigned().certFile).selfSigned);
    QVERIFY(!describeFile(pki_->good().certFile).selfSigned);
    const CertificateInfo expired = describeFile(pki_->expired().certFile);
    QVERIFY(expired.notAfterEpoch < QDateTime::currentSecsSinceEpoch());
    QVERIFY(!expired.sha256.empty());
    try {
        describeFile("/no/such.crt");
        QFAIL("a missing file was described");
    } catch (const Error& e) {
        QCOMPARE(e.info().tls, TlsProblem::CertificateFile);
        QVERIFY2(e.info().detail.find("/no/such.crt") != std::string::npos, e.what());
    }
}

void tst_TlsSession::resumption_data() {
    QTest::addColumn<Version>("version");
    QTest::addColumn<bool>("resume");
    QTest::addColumn<QString>("secondKey");
    QTest::addColumn<bool>("resumed");
    QTest::newRow("TLS 1.3") << Version::Tls13 << true << "localhost:443" << true;
    QTest::newRow("TLS 1.2") << Version::Tls12 << true << "localhost:443" << true;
    QTest::newRow("TLS 1.3, resumeSessions off")
        << Version::Tls13 << false << "localhost:443" << false;
    QTest::newRow("TLS 1.2, resumeSessions off")
        << Version::Tls12 << false << "localhost:443" << false;
    QTest::newRow("another host:port") << Version::Tls13 << true << "localhost:8443" << false;
}

void tst_TlsSession::resumption() {
    QFETCH(Version, version);
    QFETCH(bool, resume);
    QFETCH(QString, secondKey);
    QFETCH(bool, resumed);
    ClientOptions co;
    co.caFile = pki_->caFile();
    co.maxVersion = version;
    co.resumeSessions = resume;
    std::shared_ptr<const Context> client = Context::client(co);
    std::shared_ptr<const Context> server = serverContext();
    {
        TlsEnginePair first(client, server);
        QVERIFY(first.handshake());
        QVERIFY(!first.client->info().resumed);
        first.client->close();
        first.pump();
    }
    TlsEnginePair second(client, server, "localhost", secondKey.toStdString());
    QVERIFY(second.handshake());
    QCOMPARE(second.client->info().resumed, resumed);
    QCOMPARE(second.server->info().resumed, resumed);
    // A resumed session still knows the chain it verified the first time.
    QVERIFY(second.client->info().verified);
    if (resumed) {
        // No Certificate message in a resumed handshake.
        QCOMPARE(countRecords(second.client->takeRecords(), "Certificate", false), 0);
        // And again on a third connection (TLS 1.3 tickets are one use each).
        TlsEnginePair third(client, server);
        QVERIFY(third.handshake());
        QVERIFY(third.client->info().resumed);
    }
}

void tst_TlsSession::clientCertificateSeenByTheServer() {
    ClientOptions co;
    co.caFile = pki_->caFile();
    co.certFile = pki_->client().certFile;
    co.keyFile = pki_->client().keyFile;
    auto client = Context::client(co);
    QVERIFY2(client->ownCertificate().subject.find("CN=sockwb test client") != std::string::npos,
             client->ownCertificate().subject.c_str());
    auto server = serverContext();
    // ServerOptions has no client verification: ask for it as nginx's
    // ssl_verify_client does.
    SSL_CTX_set_verify(server->native(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT,
                       nullptr);
    QCOMPARE(SSL_CTX_load_verify_locations(server->native(), pki_->caFile().c_str(), nullptr), 1);
    TlsEnginePair p(client, server);
    QVERIFY(p.handshake());
    const SessionInfo s = p.server->info();
    // The client completes its chain from its trust store: leaf, then the CA.
    QCOMPARE(int(s.chain.size()), 2);
    QVERIFY2(s.chain.front().subject.find("CN=sockwb test client") != std::string::npos,
             s.chain.front().subject.c_str());
    QVERIFY2(s.chain.back().subject.find("CN=sockwb test CA") != std::string::npos,
             s.chain.back().subject.c_str());
    QVERIFY(s.verified);
    QCOMPARE(countRecords(p.client->takeRecords(), "CertificateRequest", false), 1);
}

SOCKWB_TEST_GUILESS_MAIN(tst_TlsSession)
#include "tst_tls_session.moc"
