// tls::TlsStream over a real connected Socket against nginx with TLS:
// on a blocking socket (the raw client's blocking mode) and on a
// non-blocking one waiting through pollWait; the peer's close_notify read
// as the end; a silent peer timing out, and the cancel fd stopping it.

#include <QTemporaryDir>
#include <QtTest>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/wakeup.h"
#include "core/tls/tlsstream.h"
#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb;
using sockwb::test::NginxTls;
using sockwb::test::TestPki;

class tst_TlsStream : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void requestOverStream_data();
    void requestOverStream();
    void silentPeerTimesOut();
    void cancelStopsHandshake();

private:
    std::shared_ptr<const tls::Context> clientContext() const {
        tls::ClientOptions o;
        o.caFile = pki_->caFile();
        return tls::Context::client(o);
    }
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_TlsStream::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_TlsStream::requestOverStream_data() {
    QTest::addColumn<bool>("blocking");
    QTest::newRow("blocking") << true;
    QTest::newRow("non_blocking") << false;
}

void tst_TlsStream::requestOverStream() {
    QFETCH(bool, blocking);
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    Socket s = tcpConnect(Address::fromIp("127.0.0.1", nginx.port()));
    s.setNonBlocking(!blocking);
    tls::TlsStream stream(s, clientContext(), "localhost", "localhost:443", "localhost",
                          tls::TlsStream::pollWait(s.fd(), Millis(10000)));
    const tls::SessionInfo& info = stream.handshake();
    QVERIFY(stream.handshakeDone());
    QCOMPARE(QString::fromStdString(info.version), QString("TLSv1.3"));
    QVERIFY(info.verified);
    QVERIFY(stream.wireSent() > 0);
    const std::string request = "GET /big HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    stream.write(request);
    std::string response;
    IoResult r;
    do {
        r = stream.read(response);
    } while (r.ok());
    QCOMPARE(r.status, IoResult::Eof);
    QVERIFY(stream.peerClosed());  // nginx said close_notify before its FIN
    QVERIFY(response.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    const auto bodyAt = response.find("\r\n\r\n");
    QVERIFY(bodyAt != std::string::npos);
    QVERIFY(response.substr(bodyAt + 4) == NginxTls::bigBody());
    QVERIFY(stream.wireReceived() > response.size());
    QVERIFY(stream.wireSent() > request.size());
    stream.close();
}

void tst_TlsStream::silentPeerTimesOut() {
    Socket silent = tcpListen(Address::fromIp("127.0.0.1", 0));
    Socket s = tcpConnect(silent.localAddress());
    s.setNonBlocking(true);
    tls::TlsStream stream(s, clientContext(), "localhost", {}, "here",
                          tls::TlsStream::pollWait(s.fd(), Millis(100), -1, "here"));
    try {
        stream.handshake();
        QFAIL("a silent peer finished a handshake");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Timeout);
        QCOMPARE(QString::fromStdString(e.call()), QString("SSL_connect"));
        QCOMPARE(QString::fromStdString(e.info().address), QString("here"));
    }
    // The ClientHello went out through the socket before the wait.
    QVERIFY(stream.wireSent() > 0);
    QVERIFY(!stream.handshakeDone());
}

void tst_TlsStream::cancelStopsHandshake() {
    Socket silent = tcpListen(Address::fromIp("127.0.0.1", 0));
    Socket s = tcpConnect(silent.localAddress());
    s.setNonBlocking(true);
    Wakeup cancel;
    cancel.notify();  // already cancelled: the first wait stops
    tls::TlsStream stream(s, clientContext(), "localhost", {}, {},
                          tls::TlsStream::pollWait(s.fd(), Millis(-1), cancel.fd()));
    try {
        stream.handshake();
        QFAIL("not cancelled");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Cancelled);
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_TlsStream)
#include "tst_tls_stream.moc"
