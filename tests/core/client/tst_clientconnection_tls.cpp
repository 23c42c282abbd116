// ClientConnection with ClientConfig::tls against a TLS echo server made of
// the workbench's own engine (tests/support/tlsechoserver.h) and a test PKI
// (tests/support/testpki.h), once per I/O mode (blocking, poll): the
// handshake reported, plaintext echoed both ways (1 MiB too), close_notify
// sent before SHUT_WR, each certificate error made for real, --insecure
// going on, a plain server, a silent one (the handshake's timeout), TLS
// over UDP refused, resumption with a shared context, the trace's "tls"
// notes, and no fd or thread left after many cycles.

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "core/server/server.h"
#include "core/tls/tlscontext.h"
#include "support/clientrecorder.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsechoserver.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

using test::CallRecorder;
using test::countThreads;
using test::Recorder;
using test::TlsEchoServer;

class TlsRecorder : public Recorder {
public:
    void onTlsHandshake(const tls::SessionInfo& info) override {
        std::lock_guard lock(m);
        sessions.push_back(info);
    }
    size_t handshakes() {
        std::lock_guard lock(m);
        return sessions.size();
    }
    std::vector<tls::SessionInfo> sessions;
};

}  // namespace

class tst_ClientConnectionTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void handshakeThenEchoBothWays_data();
    void handshakeThenEchoBothWays();
    void shutdownWriteSendsCloseNotifyFirst();
    void certificateErrors_data();
    void certificateErrors();
    void insecureGoesOnAndReportsTheResult();
    void plainServerIsATlsError();
    void silentServerTimesOutTheHandshake();
    void tlsOverUdpIsRefused();
    void unreadableCaFileIsReported();
    void sharedContextResumesTheSession();
    void traceShowsTheRecords();
    void noLeakAfterCycles();

private:
    ClientConfig target(uint16_t port) const;
    QTemporaryDir dir_;
    std::unique_ptr<test::TestPki> pki_;
};

void tst_ClientConnectionTls::initTestCase_data() {
    QTest::addColumn<ClientIo>("io");
    QTest::newRow("blocking") << ClientIo::Blocking;
    QTest::newRow("poll") << ClientIo::Poll;
}

void tst_ClientConnectionTls::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<test::TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

// 127.0.0.1 with SNI "localhost", trusting the test CA.
ClientConfig tst_ClientConnectionTls::target(uint16_t port) const {
    QFETCH_GLOBAL(ClientIo, io);
    ClientConfig c = test::clientTarget(port, Protocol::Tcp, io);
    c.tls = true;
    c.tlsServerName = "localhost";
    c.tlsOptions.caFile = pki_->caFile();
    c.tlsOptions.alpn.clear();
    return c;
}

void tst_ClientConnectionTls::handshakeThenEchoBothWays_data() {
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("line") << QByteArray("Bonjour\n");
    QTest::newRow("binary with NULs") << QByteArray("\x00\x01\xff\x00zz", 6);
    QTest::newRow("1 MiB") << QByteArray(1 << 20, 'x');
}

void tst_ClientConnectionTls::handshakeThenEchoBothWays() {
    QFETCH(QByteArray, payload);
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    TlsRecorder rec;
    ClientConnection c(target(server.port()), &rec);
    c.start();
    QTRY_COMPARE_WITH_TIMEOUT(rec.handshakes(), size_t(1), 5000);
    {
        std::lock_guard lock(rec.m);
        const tls::SessionInfo& info = rec.sessions.front();
        QVERIFY(rec.connected);  // the TCP connection was reported first
        QVERIFY2(info.version == "TLSv1.3" || info.version == "TLSv1.2", info.version.c_str());
        QVERIFY(!info.cipher.empty());
        QVERIFY(info.verified);
        QCOMPARE(info.verifyResult, 0L);
        QCOMPARE(info.serverName, std::string("localhost"));
        QVERIFY(!info.chain.empty());
        QVERIFY2(info.chain.front().subject.find("CN=localhost") != std::string::npos,
                 info.chain.front().subject.c_str());
        QCOMPARE(info.chain.front().sha256, tls::describeFile(good.certFile).sha256);
    }
    const std::string bytes(payload.constData(), static_cast<size_t>(payload.size()));
    c.send(bytes);
    QTRY_VERIFY_WITH_TIMEOUT(rec.received().size() == bytes.size(), 10000);
    QVERIFY(rec.received() == bytes);     // plaintext for the observer
    QVERIFY(server.received() == bytes);  // plaintext for the server: it was encrypted
    QCOMPARE(c.bytesIn(), static_cast<uint64_t>(bytes.size()));
    // Counted once send() returned: the echo may come back before that.
    QTRY_COMPARE(c.bytesOut(), static_cast<uint64_t>(bytes.size()));
    QTRY_COMPARE(rec.sent, bytes.size());
    c.disconnect();
    QTRY_VERIFY(rec.isClosed());
    QCOMPARE(rec.reason, CloseReason::Local);
    QVERIFY(rec.errors.empty());
}

void tst_ClientConnectionTls::shutdownWriteSendsCloseNotifyFirst() {
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    TlsRecorder rec;
    ClientConnection c(target(server.port()), &rec);
    c.start();
    c.send("abc");
    c.send("def");
    c.shutdownWrite();
    // The server reads close_notify, then end of stream, and closes.
    QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
    QCOMPARE(rec.received(), std::string("abcdef"));
    QCOMPARE(rec.reason, CloseReason::PeerClosed);
    QCOMPARE(server.closeNotifies(), 1);
    QCOMPARE(rec.shutdowns, std::vector<int>{SHUT_WR});
    QVERIFY(rec.errors.empty());
}

void tst_ClientConnectionTls::certificateErrors_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<int>("problem");
    QTest::newRow("self-signed") << "self-signed" << int(TlsProblem::SelfSigned);
    QTest::newRow("expired") << "expired" << int(TlsProblem::Expired);
    QTest::newRow("not yet valid") << "not-yet-valid" << int(TlsProblem::NotYetValid);
    QTest::newRow("wrong name") << "wrong-name" << int(TlsProblem::NameMismatch);
    QTest::newRow("unknown CA") << "unknown-ca" << int(TlsProblem::UnknownCa);
}

void tst_ClientConnectionTls::certificateErrors() {
    QFETCH(QString, which);
    QFETCH(int, problem);
    const test::PemFiles cert = which == "self-signed"     ? pki_->selfSigned()
                                : which == "expired"       ? pki_->expired()
                                : which == "not-yet-valid" ? pki_->notYetValid()
                                : which == "wrong-name"    ? pki_->wrongName()
                                                           : pki_->unknownCa();
    TlsEchoServer server(cert.certFile, cert.keyFile);
    TlsRecorder rec;
    ClientConnection c(target(server.port()), &rec);
    c.start();
    c.send("never sent in clear");
    QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
    QCOMPARE(rec.reason, CloseReason::Error);
    QCOMPARE(rec.errorCount(), size_t(1));
    const ErrorInfo& e = rec.errors.front();
    QCOMPARE(int(e.kind), int(ErrorKind::Tls));
    QCOMPARE(int(e.tls), problem);
    QCOMPARE(e.address, "127.0.0.1:" + std::to_string(server.port()));
    QCOMPARE(rec.handshakes(), size_t(0));
    QVERIFY(rec.received().empty());
    // The client's alert told the server why; it saw no data.
    QTRY_COMPARE(server.connectionsEnded(), 1);
    QVERIFY(server.received().empty());
    QVERIFY2(!server.lastError().empty(), "the server saw the alert");
}

void tst_ClientConnectionTls::insecureGoesOnAndReportsTheResult() {
    const auto self = pki_->selfSigned();
    TlsEchoServer server(self.certFile, self.keyFile);
    TlsRecorder rec;
    ClientConfig config = target(server.port());
    config.tlsOptions.insecure = true;
    ClientConnection c(config, &rec);
    c.start();
    c.send("ping\n");
    QTRY_COMPARE_WITH_TIMEOUT(rec.received(), std::string("ping\n"), 5000);
    std::lock_guard lock(rec.m);
    QCOMPARE(rec.sessions.size(), size_t(1));
    QVERIFY(!rec.sessions[0].verified);
    QVERIFY(rec.sessions[0].verifyResult != 0);
    QVERIFY(!rec.sessions[0].verifyText.empty());
    QVERIFY(rec.errors.empty());
}

void tst_ClientConnectionTls::plainServerIsATlsError() {
    ServerConfig sc;
    sc.listeners[0].service = "echo";
    sc.model = "epoll";
    Server plain(sc);
    plain.start();
    TlsRecorder rec;
    ClientConnection c(target(plain.addresses()[0].port()), &rec);
    c.start();
    // The echo server sends the ClientHello back: no ServerHello comes.
    QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
    QCOMPARE(rec.reason, CloseReason::Error);
    QVERIFY(rec.errorCount() >= 1);
    QCOMPARE(int(rec.errors.front().kind), int(ErrorKind::Tls));
    QCOMPARE(rec.handshakes(), size_t(0));
}

void tst_ClientConnectionTls::silentServerTimesOutTheHandshake() {
    // Listening, never accepting: the TCP connect completes from the
    // backlog and no ServerHello ever comes.
    Socket silent = tcpListen(Address::fromIp("127.0.0.1", 0));
    TlsRecorder rec;
    ClientConfig config = target(silent.localAddress().port());
    config.connectTimeout = Millis(300);
    ClientConnection c(config, &rec);
    c.start();
    QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
    QVERIFY(rec.connected);
    QCOMPARE(rec.reason, CloseReason::Error);
    QCOMPARE(rec.errorCount(), size_t(1));
    QCOMPARE(int(rec.errors[0].kind), int(ErrorKind::Timeout));
    QCOMPARE(rec.errors[0].call, std::string("SSL_connect"));
    QCOMPARE(rec.errors[0].detailCode, DetailCode::GaveUpAfterMs);
    QCOMPARE(rec.errors[0].detailN, uint64_t(300));
}

void tst_ClientConnectionTls::tlsOverUdpIsRefused() {
    TlsRecorder rec;
    ClientConfig config = target(9);
    config.protocol = Protocol::Udp;
    CallRecorder trace;
    ClientConnection c(config, &rec, &trace);
    c.start();
    QTRY_VERIFY(rec.isClosed());
    QCOMPARE(rec.reason, CloseReason::Error);
    QCOMPARE(rec.errorCount(), size_t(1));
    QCOMPARE(int(rec.errors[0].kind), int(ErrorKind::InvalidInput));
    QVERIFY(trace.of("socket").empty());  // refused before any socket
}

void tst_ClientConnectionTls::unreadableCaFileIsReported() {
    TlsRecorder rec;
    ClientConfig config = target(9);
    config.tlsOptions.caFile = dir_.filePath("missing.pem").toStdString();
    ClientConnection c(config, &rec);
    c.start();
    QTRY_VERIFY(rec.isClosed());
    QCOMPARE(rec.errorCount(), size_t(1));
    QCOMPARE(int(rec.errors[0].kind), int(ErrorKind::Tls));
    QCOMPARE(int(rec.errors[0].tls), int(TlsProblem::CertificateFile));
    QVERIFY(!rec.connected);
}

void tst_ClientConnectionTls::sharedContextResumesTheSession() {
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    ClientConfig config = target(server.port());
    config.tlsContext = tls::Context::client(config.tlsOptions);
    for (int i = 0; i < 2; ++i) {
        TlsRecorder rec;
        ClientConnection c(config, &rec);
        c.start();
        // A round trip: TLS 1.3 tickets come after the handshake, with the data.
        c.send("again");
        QTRY_COMPARE_WITH_TIMEOUT(rec.received(), std::string("again"), 5000);
        c.shutdownWrite();
        QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
        std::lock_guard lock(rec.m);
        QCOMPARE(rec.sessions.size(), size_t(1));
        QCOMPARE(rec.sessions[0].resumed, i == 1);
    }
    QCOMPARE(server.resumed(), 1);
}

void tst_ClientConnectionTls::traceShowsTheRecords() {
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    TlsRecorder rec;
    CallRecorder trace;
    {
        ClientConnection c(target(server.port()), &rec, &trace);
        c.start();
        c.send("secret");
        QTRY_COMPARE_WITH_TIMEOUT(rec.received(), std::string("secret"), 5000);
        c.shutdownWrite();
        QTRY_VERIFY_WITH_TIMEOUT(rec.isClosed(), 5000);
    }
    const auto notes = trace.of("tls");
    QVERIFY(!notes.empty());
    QStringList lines;
    for (const auto& e : notes) lines << QString::fromStdString(e.toLine());
    const QString all = lines.join('\n');
    QVERIFY2(all.contains("ClientHello"), qPrintable(all));
    QVERIFY2(all.contains("ServerHello"), qPrintable(all));
    QVERIFY2(all.contains("close_notify"), qPrintable(all));
    // The ClientHello note comes before the first send, which carries it.
    const auto events = trace.snapshot();
    size_t hello = events.size(), firstSend = events.size();
    for (size_t i = 0; i < events.size(); ++i) {
        if (hello == events.size() && events[i].call == "tls" &&
            QString::fromStdString(events[i].toLine()).contains("ClientHello"))
            hello = i;
        if (firstSend == events.size() && events[i].call == "send") firstSend = i;
    }
    QVERIFY(hello < firstSend);
    QVERIFY(firstSend < events.size());
}

void tst_ClientConnectionTls::noLeakAfterCycles() {
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    ClientConfig config = target(server.port());
    config.tlsContext = tls::Context::client(config.tlsOptions);
    const int fdsBefore = test::countOpenFds();
    const int threadsBefore = countThreads();
    for (int i = 0; i < 40; ++i) {
        TlsRecorder rec;
        ClientConnection c(config, &rec);
        c.start();
        if (i % 2 == 0) {
            c.send("x");
            QTRY_COMPARE_WITH_TIMEOUT(rec.received(), std::string("x"), 5000);
        }
        c.stop();  // odd cycles stop during the connect or the handshake
        QVERIFY(rec.isClosed());
    }
    // The in-process server closes each connection at its end of stream.
    QTRY_COMPARE(test::countOpenFds(), fdsBefore);
    QTRY_COMPARE(countThreads(), threadsBefore);
}

SOCKWB_TEST_GUILESS_MAIN(tst_ClientConnectionTls)
#include "tst_clientconnection_tls.moc"
