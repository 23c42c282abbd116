// Every TlsProblem made for real, engine against engine in memory: the
// certificates of the test PKI that fail verification (expired, not yet
// valid, self-signed, unknown CA, wrong name), no version in common, no
// cipher or group in common, plain bytes where TLS was expected, an alert
// from the peer, and certificate files that cannot be used. Each asserts
// the problem, the OpenSSL step named as the call, that the detail carries
// OpenSSL's reason, and what the other side saw. And -k: an expired
// certificate passes but is still reported. (Their English words:
// tst_tls_errorwords.)

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "core/net/error.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsengine.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsenginepair.h"

using namespace sockwb;
using namespace sockwb::tls;
using namespace sockwb::test;

Q_DECLARE_METATYPE(sockwb::TlsProblem)

namespace {

QString whatOf(const std::optional<Error>& e) {
    return e ? QString::fromUtf8(e->what()) : QStringLiteral("(no error)");
}

}  // namespace

class tst_TlsErrors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void verificationFails_data();
    void verificationFails();
    void insecureStillReports();
    void protocolVersion();
    void noCipherInCommon();
    void noGroupInCommon();
    void plainBytesToAServer();
    void plainBytesToAClient();
    void alertFromThePeer();
    void certificateFiles_data();
    void certificateFiles();

private:
    PemFiles pem(const QString& which) {
        if (which == "expired") return pki_->expired();
        if (which == "notYetValid") return pki_->notYetValid();
        if (which == "selfSigned") return pki_->selfSigned();
        if (which == "unknownCa") return pki_->unknownCa();
        if (which == "wrongName") return pki_->wrongName();
        return pki_->good();
    }
    std::shared_ptr<Context> serverWith(const PemFiles& f) {
        ServerOptions o;
        o.certFile = f.certFile;
        o.keyFile = f.keyFile;
        return Context::server(o);
    }
    std::shared_ptr<Context> trustingClient(bool insecure = false) {
        ClientOptions o;
        o.caFile = pki_->caFile();
        o.insecure = insecure;
        return Context::client(o);
    }
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_TlsErrors::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_TlsErrors::verificationFails_data() {
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("host");
    QTest::addColumn<TlsProblem>("problem");
    QTest::addColumn<long>("verifyResult");
    QTest::addColumn<QString>("reason");  // OpenSSL's, in the client's detail
    QTest::addColumn<QString>("alert");   // the alert the server received
    QTest::newRow("expired") << "expired"
                             << "localhost" << TlsProblem::Expired
                             << long(X509_V_ERR_CERT_HAS_EXPIRED) << "certificate has expired"
                             << "certificate expired";
    QTest::newRow("not yet valid")
        << "notYetValid"
        << "localhost" << TlsProblem::NotYetValid << long(X509_V_ERR_CERT_NOT_YET_VALID)
        << "certificate is not yet valid"
        << "bad certificate";
    QTest::newRow("self-signed") << "selfSigned"
                                 << "localhost" << TlsProblem::SelfSigned
                                 << long(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT)
                                 << "self-signed certificate"
                                 << "unknown ca";
    QTest::newRow("unknown CA") << "unknownCa"
                                << "localhost" << TlsProblem::UnknownCa
                                << long(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
                                << "unable to get local issuer certificate"
                                << "unknown ca";
    QTest::newRow("name mismatch") << "wrongName"
                                   << "localhost" << TlsProblem::NameMismatch
                                   << long(X509_V_ERR_HOSTNAME_MISMATCH) << "hostname mismatch"
                                   << "bad certificate";
    QTest::newRow("address mismatch")
        << "wrongName"
        << "127.0.0.1" << TlsProblem::NameMismatch << long(X509_V_ERR_IP_ADDRESS_MISMATCH)
        << "IP address mismatch"
        << "bad certificate";
}

void tst_TlsErrors::verificationFails() {
    QFETCH(QString, certificate);
    QFETCH(QString, host);
    QFETCH(TlsProblem, problem);
    QFETCH(long, verifyResult);
    QFETCH(QString, reason);
    QFETCH(QString, alert);
    TlsEnginePair p(trustingClient(), serverWith(pem(certificate)), host.toStdString());
    QVERIFY(!p.handshake());
    QVERIFY2(p.clientError, "the client accepted the certificate");
    const ErrorInfo& c = p.clientError->info();
    QCOMPARE(c.kind, ErrorKind::Tls);
    QCOMPARE(c.tls, problem);
    QCOMPARE(QString::fromStdString(c.call), QStringLiteral("SSL_connect"));
    QVERIFY2(QString::fromStdString(c.detail).contains(reason, Qt::CaseInsensitive),
             c.detail.c_str());
    QCOMPARE(SSL_get_verify_result(p.client->native()), verifyResult);
    QVERIFY(!p.client->handshakeDone());
    // The client told the server why, in an alert.
    QVERIFY2(p.serverError, "the server did not see the client's alert");
    const ErrorInfo& s = p.serverError->info();
    QCOMPARE(s.tls, TlsProblem::PeerAlert);
    QCOMPARE(QString::fromStdString(s.call), QStringLiteral("SSL_accept"));
    QVERIFY2(QString::fromStdString(s.detail).contains(alert, Qt::CaseInsensitive),
             s.detail.c_str());
}

void tst_TlsErrors::insecureStillReports() {
    TlsEnginePair p(trustingClient(true), serverWith(pki_->expired()));
    QVERIFY2(p.handshake(), qPrintable(whatOf(p.clientError)));
    const SessionInfo info = p.client->info();
    QCOMPARE(info.verifyResult, long(X509_V_ERR_CERT_HAS_EXPIRED));
    QCOMPARE(QString::fromStdString(info.verifyText), QStringLiteral("certificate has expired"));
    QVERIFY(!info.verified);
    QCOMPARE(int(info.chain.size()), 1);
    // And a certificate that verifies is verified even with -k... but not
    // reported as "verified": nobody asked.
    TlsEnginePair good(trustingClient(true), serverWith(pki_->good()));
    QVERIFY(good.handshake());
    QCOMPARE(good.client->info().verifyResult, long(X509_V_OK));
    QVERIFY(!good.client->info().verified);
}

void tst_TlsErrors::protocolVersion() {
    ClientOptions co;
    co.caFile = pki_->caFile();
    co.maxVersion = Version::Tls12;
    ServerOptions so;
    so.certFile = pki_->good().certFile;
    so.keyFile = pki_->good().keyFile;
    so.minVersion = Version::Tls13;
    TlsEnginePair p(Context::client(co), Context::server(so));
    QVERIFY(!p.handshake());
    QVERIFY2(p.serverError, "the server accepted TLS 1.2");
    QCOMPARE(p.serverError->info().tls, TlsProblem::ProtocolVersion);
    QCOMPARE(p.serverError->info().call, std::string("SSL_accept"));
    QVERIFY2(p.serverError->info().detail.find("protocol") != std::string::npos,
             p.serverError->info().detail.c_str());
    QVERIFY2(p.clientError, "the client did not see the server's alert");
    QCOMPARE(p.clientError->info().tls, TlsProblem::ProtocolVersion);
    QCOMPARE(p.clientError->info().call, std::string("SSL_connect"));
    QVERIFY2(p.clientError->info().detail.find("protocol version") != std::string::npos,
             p.clientError->info().detail.c_str());
}

void tst_TlsErrors::noCipherInCommon() {
    // TLS 1.2, where the cipher list decides: ServerOptions and
    // ClientOptions do not choose ciphers, so set them on the contexts.
    ClientOptions co;
    co.caFile = pki_->caFile();
    co.maxVersion = Version::Tls12;
    auto client = Context::client(co);
    QCOMPARE(SSL_CTX_set_cipher_list(client->native(), "ECDHE-ECDSA-AES128-GCM-SHA256"), 1);
    auto server = serverWith(pki_->good());
    QCOMPARE(SSL_CTX_set_cipher_list(server->native(), "ECDHE-ECDSA-CHACHA20-POLY1305"), 1);
    TlsEnginePair p(client, server);
    QVERIFY(!p.handshake());
    QVERIFY2(p.serverError, "the server found a cipher");
    QCOMPARE(p.serverError->info().tls, TlsProblem::HandshakeFailure);
    QVERIFY2(p.serverError->info().detail.find("no shared cipher") != std::string::npos,
             p.serverError->info().detail.c_str());
    QVERIFY2(p.clientError, "the client did not see the server's alert");
    QCOMPARE(p.clientError->info().tls, TlsProblem::HandshakeFailure);
    QVERIFY2(p.clientError->info().detail.find("handshake failure") != std::string::npos,
             p.clientError->info().detail.c_str());
}

void tst_TlsErrors::noGroupInCommon() {
    // TLS 1.3: the key exchange groups.
    auto client = trustingClient();
    QCOMPARE(SSL_CTX_set1_groups_list(client->native(), "X25519"), 1);
    auto server = serverWith(pki_->good());
    QCOMPARE(SSL_CTX_set1_groups_list(server->native(), "P-384"), 1);
    TlsEnginePair p(client, server);
    QVERIFY(!p.handshake());
    QVERIFY2(p.serverError, "the server found a group");
    QCOMPARE(p.serverError->info().tls, TlsProblem::HandshakeFailure);
    QVERIFY2(p.serverError->info().detail.find("no suitable key share") != std::string::npos,
             p.serverError->info().detail.c_str());
    QVERIFY2(p.clientError, "the client did not see the server's alert");
    QCOMPARE(p.clientError->info().tls, TlsProblem::HandshakeFailure);
}

void tst_TlsErrors::plainBytesToAServer() {
    Engine server(serverWith(pki_->good()));
    server.receive("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    std::string plain;
    try {
        server.read(plain);
        QFAIL("plain HTTP was taken for TLS");
    } catch (const Error& e) {
        QCOMPARE(e.info().kind, ErrorKind::Tls);
        QCOMPARE(e.info().tls, TlsProblem::NotTls);
        QCOMPARE(e.info().call, std::string("SSL_accept"));
        QVERIFY2(e.info().detail.find("http request") != std::string::npos,
                 e.info().detail.c_str());
    }
    QVERIFY(plain.empty());
    QVERIFY(!server.handshakeDone());
}

void tst_TlsErrors::plainBytesToAClient() {
    // A plain HTTP server on the port answers the ClientHello with text.
    Engine client(trustingClient(), "localhost", "localhost:80");
    client.start();
    std::string hello;
    QVERIFY(client.takeOutput(hello));
    client.receive("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    std::string plain;
    try {
        client.read(plain);
        QFAIL("plain HTTP was taken for TLS");
    } catch (const Error& e) {
        QCOMPARE(e.info().tls, TlsProblem::NotTls);
        QCOMPARE(e.info().call, std::string("SSL_connect"));
        QVERIFY(!e.info().detail.empty());
    }
}

void tst_TlsErrors::alertFromThePeer() {
    // The server requires a client certificate (as nginx's ssl_verify_client
    // on) and the client has none: TLS 1.3 finishes the client's handshake
    // first, so the alert arrives on its first read.
    auto server = serverWith(pki_->good());
    SSL_CTX_set_verify(server->native(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT,
                       nullptr);
    QCOMPARE(SSL_CTX_load_verify_locations(server->native(), pki_->caFile().c_str(), nullptr), 1);
    TlsEnginePair p(trustingClient(), server);
    QVERIFY(!p.handshake());
    QVERIFY2(p.serverError, "the server accepted no certificate");
    QCOMPARE(p.serverError->info().call, std::string("SSL_accept"));
    QVERIFY2(p.serverError->info().detail.find("certificate") != std::string::npos,
             p.serverError->info().detail.c_str());
    QVERIFY2(p.clientError, "the client did not see the server's alert");
    QCOMPARE(p.clientError->info().tls, TlsProblem::PeerAlert);
    QCOMPARE(p.clientError->info().call, std::string("SSL_read"));
    QVERIFY2(p.clientError->info().detail.find("certificate required") != std::string::npos,
             p.clientError->info().detail.c_str());
    bool alertRecord = false;
    for (const RecordEvent& r : p.client->takeRecords())
        alertRecord =
            alertRecord || (!r.outgoing && r.what == "alert: certificate_required (fatal)");
    QVERIFY(alertRecord);
}

void tst_TlsErrors::certificateFiles_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("inDetail");
    QTest::newRow("certificate missing") << "cert"
                                         << "SSL_CTX_use_certificate_chain_file"
                                         << "/no/such.crt";
    QTest::newRow("key missing") << "key"
                                 << "SSL_CTX_use_PrivateKey_file"
                                 << "/no/such.key";
    QTest::newRow("key of another certificate") << "mismatch"
                                                << "SSL_CTX_use_PrivateKey_file"
                                                << "key values mismatch";
    QTest::newRow("key is a certificate") << "notakey"
                                          << "SSL_CTX_use_PrivateKey_file"
                                          << "localhost.crt";
    QTest::newRow("CA file missing") << "ca"
                                     << "SSL_CTX_load_verify_locations"
                                     << "/no/such-ca.crt";
    QTest::newRow("client key of another certificate") << "clientmismatch"
                                                       << "SSL_CTX_use_PrivateKey_file"
                                                       << "key values mismatch";
}

void tst_TlsErrors::certificateFiles() {
    QFETCH(QString, which);
    QFETCH(QString, call);
    QFETCH(QString, inDetail);
    ServerOptions so;
    so.certFile = pki_->good().certFile;
    so.keyFile = pki_->good().keyFile;
    ClientOptions co;
    bool client = false;
    if (which == "cert") so.certFile = "/no/such.crt";
    if (which == "key") so.keyFile = "/no/such.key";
    if (which == "mismatch") so.keyFile = pki_->expired().keyFile;
    if (which == "notakey") so.keyFile = pki_->good().certFile;
    if (which == "ca") {
        client = true;
        co.caFile = "/no/such-ca.crt";
    }
    if (which == "clientmismatch") {
        client = true;
        co.certFile = pki_->client().certFile;
        co.keyFile = pki_->good().keyFile;
    }
    try {
        if (client)
            Context::client(co);
        else
            Context::server(so);
        QFAIL("the context was made");
    } catch (const Error& e) {
        QCOMPARE(e.info().kind, ErrorKind::Tls);
        QCOMPARE(e.info().tls, TlsProblem::CertificateFile);
        QCOMPARE(QString::fromStdString(e.info().call), call);
        QVERIFY2(QString::fromStdString(e.info().detail).contains(inDetail), e.what());
        // The file named, and OpenSSL's reason after it.
        QVERIFY2(e.info().detail.find(": ") != std::string::npos, e.what());
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_TlsErrors)
#include "tst_tls_errors.moc"
