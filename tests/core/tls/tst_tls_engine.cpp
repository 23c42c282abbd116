// The sans-IO TLS engine, client and server back to back in memory
// (support/tlsenginepair.h) with the certificates of the test PKI: the
// handshake in TLS 1.3 and 1.2, ALPN, SNI as the server sees it, data both
// ways (1 byte, 1 MiB), close_notify, and the records named as the trace
// and the sequence view show them. (The session's details and resumption:
// tst_tls_session.)

#include <openssl/x509_vfy.h>

#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "core/net/error.h"
#include "core/net/trace.h"
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

// "→ ClientHello" / "← Finished" for each handshake message, in order.
QStringList handshakeFlow(const std::vector<RecordEvent>& records) {
    QStringList out;
    for (const RecordEvent& r : records)
        if (r.handshake)
            out << QString::fromUtf8(r.outgoing ? "→ " : "← ") + QString::fromStdString(r.what);
    return out;
}

int countRecords(const std::vector<RecordEvent>& records, const std::string& what, bool outgoing) {
    int n = 0;
    for (const RecordEvent& r : records)
        if (r.what == what && r.outgoing == outgoing) ++n;
    return n;
}

class NoteCollector : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        if (e.call == "tls") notes.push_back(e);
    }
    std::vector<TraceEvent> notes;
};

}  // namespace

class tst_TlsEngine : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void handshake_data();
    void handshake();
    void sniNotSentForAnAddress();
    void alpn_data();
    void alpn();
    void dataBothWays_data();
    void dataBothWays();
    void writtenBeforeTheHandshake();
    void closeNotify();
    void recordsNamed_data();
    void recordsNamed();
    void traceNotes();

private:
    std::shared_ptr<Context> clientContext(Version min = Version::Tls12,
                                           Version max = Version::Tls13) {
        ClientOptions o;
        o.caFile = pki_->caFile();
        o.minVersion = min;
        o.maxVersion = max;
        return Context::client(o);
    }
    std::shared_ptr<Context> serverContext(Version min = Version::Tls12,
                                           Version max = Version::Tls13) {
        ServerOptions o;
        o.certFile = pki_->good().certFile;
        o.keyFile = pki_->good().keyFile;
        o.minVersion = min;
        o.maxVersion = max;
        return Context::server(o);
    }
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_TlsEngine::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_TlsEngine::handshake_data() {
    QTest::addColumn<Version>("version");
    QTest::addColumn<QString>("name");
    QTest::newRow("TLS 1.3") << Version::Tls13 << "TLSv1.3";
    QTest::newRow("TLS 1.2") << Version::Tls12 << "TLSv1.2";
}

void tst_TlsEngine::handshake() {
    QFETCH(Version, version);
    QFETCH(QString, name);
    TlsEnginePair p(clientContext(Version::Tls12, version), serverContext());
    QVERIFY(!p.client->handshakeDone());
    QVERIFY(p.handshake());
    QVERIFY(p.client->takeHandshakeCompleted());
    QVERIFY(!p.client->takeHandshakeCompleted());  // once
    QVERIFY(p.server->takeHandshakeCompleted());
    const SessionInfo c = p.client->info();
    const SessionInfo s = p.server->info();
    QCOMPARE(QString::fromStdString(c.version), name);
    QCOMPARE(QString::fromStdString(s.version), name);
    QVERIFY(!c.cipher.empty());
    QCOMPARE(c.cipher, s.cipher);
    QCOMPARE(QString::fromStdString(c.summary()), name + " " + QString::fromStdString(c.cipher));
    QCOMPARE(QString::fromStdString(c.alpn), QStringLiteral("http/1.1"));
    QCOMPARE(QString::fromStdString(s.alpn), QStringLiteral("http/1.1"));
    QCOMPARE(QString::fromStdString(c.serverName), QStringLiteral("localhost"));
    QCOMPARE(QString::fromStdString(s.serverName), QStringLiteral("localhost"));
    QVERIFY(c.verified);
    QCOMPARE(c.verifyResult, long(X509_V_OK));
    QVERIFY(!c.resumed);
    QVERIFY(s.chain.empty());  // no client certificate asked for
    QVERIFY(p.clientPlain.empty() && p.serverPlain.empty());
    QVERIFY(!p.client->hasOutput() && !p.server->hasOutput());
}

void tst_TlsEngine::sniNotSentForAnAddress() {
    TlsEnginePair p(clientContext(), serverContext(), "127.0.0.1");
    QVERIFY(p.handshake());
    QVERIFY(p.server->info().serverName.empty());
    // The address is checked against the certificate's IP SANs instead.
    QVERIFY(p.client->info().verified);
    TlsEnginePair v6(clientContext(), serverContext(), "::1");
    QVERIFY(v6.handshake());
    QVERIFY(v6.client->info().verified);
}

void tst_TlsEngine::alpn_data() {
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QStringList>("accepted");
    QTest::addColumn<QString>("agreed");
    QTest::newRow("http/1.1") << QStringList{"http/1.1"} << QStringList{"http/1.1"} << "http/1.1";
    QTest::newRow("server's preference")
        << QStringList{"http/1.1", "h2"} << QStringList{"h2", "http/1.1"} << "h2";
    QTest::newRow("the one in common")
        << QStringList{"h2", "http/1.1"} << QStringList{"http/1.1"} << "http/1.1";
    // As nginx: no protocol in common, the handshake goes on without ALPN.
    QTest::newRow("none in common") << QStringList{"h2"} << QStringList{"http/1.1"} << "";
    QTest::newRow("client offers none") << QStringList{} << QStringList{"http/1.1"} << "";
}

void tst_TlsEngine::alpn() {
    QFETCH(QStringList, offered);
    QFETCH(QStringList, accepted);
    QFETCH(QString, agreed);
    ClientOptions co;
    co.caFile = pki_->caFile();
    co.alpn.clear();
    for (const QString& a : offered) co.alpn.push_back(a.toStdString());
    ServerOptions so;
    so.certFile = pki_->good().certFile;
    so.keyFile = pki_->good().keyFile;
    so.alpn.clear();
    for (const QString& a : accepted) so.alpn.push_back(a.toStdString());
    TlsEnginePair p(Context::client(co), Context::server(so));
    QVERIFY(p.handshake());
    QCOMPARE(QString::fromStdString(p.client->info().alpn), agreed);
    QCOMPARE(QString::fromStdString(p.server->info().alpn), agreed);
}

void tst_TlsEngine::dataBothWays_data() {
    QTest::addColumn<Version>("version");
    QTest::addColumn<int>("size");
    QTest::newRow("TLS 1.3, 1 byte") << Version::Tls13 << 1;
    QTest::newRow("TLS 1.3, 1 MiB") << Version::Tls13 << (1 << 20);
    QTest::newRow("TLS 1.2, 1 byte") << Version::Tls12 << 1;
    QTest::newRow("TLS 1.2, 1 MiB") << Version::Tls12 << (1 << 20);
}

void tst_TlsEngine::dataBothWays() {
    QFETCH(Version, version);
    QFETCH(int, size);
    TlsEnginePair p(clientContext(Version::Tls12, version), serverContext());
    QVERIFY(p.handshake());
    std::string up(static_cast<size_t>(size), '\0');
    for (size_t i = 0; i < up.size(); ++i) up[i] = char(i * 131 % 256);
    std::string down = up;
    std::reverse(down.begin(), down.end());
    p.client->write(up);
    std::string wire;
    QVERIFY(p.client->takeOutput(wire));
    QVERIFY(wire.size() > up.size());  // encrypted: record headers and tags added
    QVERIFY(wire.find(up.size() > 64 ? up.substr(1000, 64) : up) == std::string::npos ||
            up.size() == 1);
    p.server->receive(wire);
    p.server->read(p.serverPlain);
    p.server->write(down);
    p.pump();
    QVERIFY(p.ok());
    QCOMPARE(p.serverPlain.size(), up.size());
    QVERIFY(p.serverPlain == up);
    QCOMPARE(p.clientPlain.size(), down.size());
    QVERIFY(p.clientPlain == down);
}

void tst_TlsEngine::writtenBeforeTheHandshake() {
    TlsEnginePair p(clientContext(), serverContext());
    // Buffered until the handshake is done, then sent.
    p.client->write("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(p.handshake());
    QCOMPARE(QString::fromStdString(p.serverPlain), QStringLiteral("GET / HTTP/1.1\r\n\r\n"));
}

void tst_TlsEngine::closeNotify() {
    TlsEnginePair p(clientContext(), serverContext());
    QVERIFY(p.handshake());
    p.client->takeRecords();
    p.server->takeRecords();
    QVERIFY(!p.server->peerClosed());
    p.client->close();
    QVERIFY(p.client->hasOutput());
    std::string first;
    p.client->takeOutput(first);
    p.client->close();  // idempotent: no second alert
    QVERIFY(!p.client->hasOutput());
    p.server->receive(first);
    p.server->read(p.serverPlain);
    QVERIFY(p.server->peerClosed());
    QVERIFY(!p.client->peerClosed());
    QCOMPARE(countRecords(p.client->takeRecords(), "alert: close_notify", true), 1);
    QCOMPARE(countRecords(p.server->takeRecords(), "alert: close_notify", false), 1);
    // The server answers with its own close_notify.
    p.server->close();
    p.pump();
    QVERIFY(p.ok());
    QVERIFY(p.client->peerClosed());
}

void tst_TlsEngine::recordsNamed_data() {
    QTest::addColumn<Version>("version");
    QTest::addColumn<QStringList>("clientFlow");
    QTest::addColumn<QStringList>("serverFlow");
    QTest::newRow("TLS 1.3")
        << Version::Tls13
        << QStringList{"→ ClientHello", "← ServerHello",       "← EncryptedExtensions",
                       "← Certificate", "← CertificateVerify", "← Finished",
                       "→ Finished",    "← NewSessionTicket",  "← NewSessionTicket"}
        << QStringList{"← ClientHello", "→ ServerHello",       "→ EncryptedExtensions",
                       "→ Certificate", "→ CertificateVerify", "→ Finished",
                       "← Finished",    "→ NewSessionTicket",  "→ NewSessionTicket"};
    QTest::newRow("TLS 1.2")
        << Version::Tls12
        << QStringList{"→ ClientHello",       "← ServerHello",      "← Certificate",
                       "← ServerKeyExchange", "← ServerHelloDone",  "→ ClientKeyExchange",
                       "→ Finished",          "← NewSessionTicket", "← Finished"}
        << QStringList{"← ClientHello",       "→ ServerHello",      "→ Certificate",
                       "→ ServerKeyExchange", "→ ServerHelloDone",  "← ClientKeyExchange",
                       "← Finished",          "→ NewSessionTicket", "→ Finished"};
}

void tst_TlsEngine::recordsNamed() {
    QFETCH(Version, version);
    QFETCH(QStringList, clientFlow);
    QFETCH(QStringList, serverFlow);
    TlsEnginePair p(clientContext(Version::Tls12, version), serverContext());
    QVERIFY(p.handshake());
    p.client->write("ping");
    p.pump();
    p.server->write("pong!");
    p.pump();
    const auto client = p.client->takeRecords();
    const auto server = p.server->takeRecords();
    QCOMPARE(handshakeFlow(client), clientFlow);
    QCOMPARE(handshakeFlow(server), serverFlow);
    for (const RecordEvent& r : client) QVERIFY2(r.bytes > 0, r.what.c_str());
    // The ClientHello carries at least the random, the ciphers and the extensions.
    QVERIFY(client.front().bytes > 100);
    QCOMPARE(countRecords(client, "ChangeCipherSpec", true), 1);
    // Application data: what was written and read, with its plaintext size.
    bool sent = false, received = false;
    for (const RecordEvent& r : client) {
        if (r.what != "application data") continue;
        QVERIFY(!r.handshake);
        if (r.outgoing) sent = r.bytes == 4;
        if (!r.outgoing) received = r.bytes == 5;
    }
    QVERIFY(sent);
    QVERIFY(received);
    QVERIFY(p.client->takeRecords().empty());  // taken
}

void tst_TlsEngine::traceNotes() {
    NoteCollector notes;
    TraceScope scope(&notes);
    TlsEnginePair p(clientContext(), serverContext());
    p.client->setTraceFd(7);
    p.client->keepRecords(false);
    QVERIFY(p.handshake());
    QVERIFY(p.client->takeRecords().empty());  // not kept when off
    QVERIFY(notes.notes.size() >= 7);
    const TraceEvent& first = notes.notes.front();
    QCOMPARE(first.fd, 7);
    QVERIFY2(first.args.rfind("→ ClientHello (", 0) == 0, first.args.c_str());
    QVERIFY2(first.args.find(" B)") != std::string::npos, first.args.c_str());
    bool serverHello = false;
    for (const TraceEvent& e : notes.notes) {
        QCOMPARE(e.fd, 7);  // the server engine has no trace fd: none of its notes
        serverHello = serverHello || e.args.rfind("← ServerHello (", 0) == 0;
    }
    QVERIFY(serverHello);
}

SOCKWB_TEST_GUILESS_MAIN(tst_TlsEngine)
#include "tst_tls_engine.moc"
