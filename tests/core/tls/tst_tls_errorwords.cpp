// The English words of each TlsProblem (core/net/error.cpp): what()
// names the OpenSSL step, the address, the problem's short name, then a
// sentence that says what happened, OpenSSL's reason in brackets, and what
// to do; the side (client or server) changes the words. Then the words of
// a failure made for real (an expired certificate).

#include <QTemporaryDir>
#include <QtTest>

#include "core/net/error.h"
#include "core/tls/tlscontext.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsenginepair.h"

using namespace sockwb;
using namespace sockwb::tls;
using namespace sockwb::test;

Q_DECLARE_METATYPE(sockwb::TlsProblem)

class tst_TlsErrorWords : public QObject {
    Q_OBJECT
private slots:
    void words_data();
    void words();
    void wordsOfARealFailure();
};

void tst_TlsErrorWords::words_data() {
    QTest::addColumn<QString>("call");
    QTest::addColumn<TlsProblem>("problem");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("what");
    QTest::newRow("expired")
        << "SSL_connect" << TlsProblem::Expired << "certificate has expired"
        << "localhost:8443"
        << "SSL_connect(localhost:8443): certificate expired — the certificate of localhost has "
           "expired (TLS verification failed: certificate has expired): it must be renewed, or "
           "-k to skip verification";
    QTest::newRow("expired, no address")
        << "SSL_connect" << TlsProblem::Expired << "certificate has expired"
        << ""
        << "SSL_connect: certificate expired — the server's certificate has expired (TLS "
           "verification failed: certificate has expired): it must be renewed, or -k to skip "
           "verification";
    QTest::newRow("expired client certificate")
        << "SSL_accept" << TlsProblem::Expired << "certificate has expired"
        << ""
        << "SSL_accept: certificate expired — the client's certificate has expired (TLS "
           "verification failed: certificate has expired): it must be renewed";
    QTest::newRow("not yet valid")
        << "SSL_connect" << TlsProblem::NotYetValid << "certificate is not yet valid"
        << "127.0.0.1:443"
        << "SSL_connect(127.0.0.1:443): certificate not yet valid — the certificate of "
           "127.0.0.1 is not valid yet (TLS verification failed: certificate is not yet valid): "
           "check the clock of both machines, or -k to skip verification";
    QTest::newRow("self-signed")
        << "SSL_connect" << TlsProblem::SelfSigned << "self-signed certificate"
        << "[::1]:443"
        << "SSL_connect([::1]:443): self-signed certificate — the certificate of ::1 is "
           "self-signed and nothing here trusts it (TLS verification failed: self-signed "
           "certificate): use --cacert FILE with that certificate to trust it, or -k to skip "
           "verification";
    QTest::newRow("unknown CA")
        << "SSL_connect" << TlsProblem::UnknownCa << "unable to get local issuer certificate"
        << "example.org:443"
        << "SSL_connect(example.org:443): unknown CA — the certificate of example.org was issued "
           "by a CA this side does not trust (TLS verification failed: unable to get local "
           "issuer certificate): use --cacert FILE to trust this CA, or -k to skip verification";
    QTest::newRow("name mismatch")
        << "SSL_connect" << TlsProblem::NameMismatch << "hostname mismatch"
        << "127.0.0.1:8443"
        << "SSL_connect(127.0.0.1:8443): name mismatch — the certificate of 127.0.0.1 does not "
           "name the host asked for (TLS verification failed: hostname mismatch): connect with a "
           "name it lists (--resolve NAME:PORT:ADDR sends that name to another address), or -k "
           "to skip verification";
    QTest::newRow("protocol version")
        << "SSL_connect" << TlsProblem::ProtocolVersion << "tlsv1 alert protocol version"
        << "127.0.0.1:8443"
        << "SSL_connect(127.0.0.1:8443): protocol version — the two sides have no TLS version in "
           "common (tlsv1 alert protocol version): one accepts only versions the other refuses "
           "(TLS 1.2, 1.3); widen the range on one side";
    QTest::newRow("handshake failure")
        << "SSL_connect" << TlsProblem::HandshakeFailure << "sslv3 alert handshake failure"
        << "127.0.0.1:8443"
        << "SSL_connect(127.0.0.1:8443): handshake failure — the TLS handshake with 127.0.0.1 "
           "failed (sslv3 alert handshake failure): no cipher, key group or signature algorithm "
           "in common, or the peer refused the offer";
    QTest::newRow("peer alert")
        << "SSL_read" << TlsProblem::PeerAlert << "tlsv13 alert certificate required"
        << "localhost:8443"
        << "SSL_read(localhost:8443): alert from the peer — localhost ended the TLS handshake "
           "with an alert (tlsv13 alert certificate required): its log says why (it may require "
           "a client certificate: --cert/--key)";
    QTest::newRow("not TLS, client")
        << "SSL_connect" << TlsProblem::NotTls << "wrong version number"
        << "127.0.0.1:80"
        << "SSL_connect(127.0.0.1:80): not TLS — 127.0.0.1 does not speak TLS (wrong version "
           "number): it answered in plain text (use http://, or leave out --tls)";
    QTest::newRow("not TLS, server")
        << "SSL_accept" << TlsProblem::NotTls << "http request"
        << "127.0.0.1:51000"
        << "SSL_accept(127.0.0.1:51000): not TLS — the client does not speak TLS (http request): "
           "it sent plain bytes to a TLS port (http:// instead of https://?)";
    QTest::newRow("certificate file")
        << "SSL_CTX_use_PrivateKey_file" << TlsProblem::CertificateFile
        << "/tmp/k.pem: key values mismatch"
        << ""
        << "SSL_CTX_use_PrivateKey_file: certificate file — a certificate, key or CA file cannot "
           "be used: /tmp/k.pem: key values mismatch (check the path, that it is PEM, and that "
           "the key belongs to the certificate)";
    QTest::newRow("other") << "SSL_write" << TlsProblem::Other << "bad length"
                           << ""
                           << "SSL_write: TLS error — TLS failed: bad length";
}

void tst_TlsErrorWords::words() {
    QFETCH(QString, call);
    QFETCH(TlsProblem, problem);
    QFETCH(QString, detail);
    QFETCH(QString, address);
    QFETCH(QString, what);
    const Error e =
        Error::tlsFailure(call.toStdString(), problem, detail.toStdString(), address.toStdString());
    QCOMPARE(QString::fromUtf8(e.what()), what);
    QVERIFY(QString::fromUtf8(e.what()).endsWith(QString::fromStdString(e.explanation())));
}

void tst_TlsErrorWords::wordsOfARealFailure() {
    SOCKWB_TEST_PKI(pki, dir);
    ClientOptions co;
    co.caFile = pki.caFile();
    ServerOptions so;
    so.certFile = pki.expired().certFile;
    so.keyFile = pki.expired().keyFile;
    TlsEnginePair p(Context::client(co), Context::server(so));
    QVERIFY(!p.handshake());
    QVERIFY(p.clientError);
    QCOMPARE(QString::fromUtf8(p.clientError->what()),
             QStringLiteral("SSL_connect: certificate expired — the server's certificate has "
                            "expired (TLS verification failed: certificate has expired): it must "
                            "be renewed, or -k to skip verification"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_TlsErrorWords)
#include "tst_tls_errorwords.moc"
