// The HTTP client over TLS against nginx (tests/support/nginxtls.h) with
// certificates made by the test (testpki.h): TLS 1.3 and 1.2, keep-alive
// reuse of one handshake, resumption on a new connection, --resolve, each
// verification error made for real, -k, client certificates, redirects
// between http and https, and the ciphertext moving through the traced
// send/recv. Skipped when nginx is not installed.

#include <sys/socket.h>

#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <mutex>
#include <thread>

#include "core/http/client.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/tls/certificateinfo.h"
#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb;
using namespace sockwb::http;
using sockwb::test::NginxTls;
using sockwb::test::PemFiles;
using sockwb::test::TestPki;

Q_DECLARE_METATYPE(sockwb::TlsProblem)

namespace {

// Keeps the trace events of the thread it is attached to.
class TraceLog final : public TraceObserver {
public:
    void onTrace(const TraceEvent& event) override {
        std::lock_guard<std::mutex> lock(mutex_);
        events_.push_back(event);
    }
    std::vector<TraceEvent> events() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return events_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<TraceEvent> events_;
};

// A plain HTTP server on a thread: for each connection, reads what comes
// first and answers by the path of its request line (routes), "400" when
// there is none (a ClientHello), then closes. Stopped and joined by the
// destructor (shutdown() wakes its accept()).
class PlainServer {
public:
    PlainServer() : listener_(tcpListen(Address::fromIp("127.0.0.1", 0))) {
        thread_ = std::thread([this] { run(); });
    }
    ~PlainServer() {
        ::shutdown(listener_.fd(), SHUT_RDWR);
        thread_.join();
    }
    uint16_t port() const { return listener_.localAddress().port(); }
    // Adds a route: its answer is the head without its blank line.
    void route(const std::string& path, std::string answer) {
        std::lock_guard<std::mutex> lock(mutex_);
        routes_[path] = std::move(answer);
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port()); }

private:
    void run() {
        for (;;) {
            try {
                Socket::Accepted a = listener_.accept();
                std::string in;
                a.socket.recvSome(in, 65536, Millis(5000));
                std::string answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n";
                const auto sp = in.find(' ');
                if (in.rfind("GET ", 0) == 0 && sp != std::string::npos) {
                    const std::string path = in.substr(sp + 1, in.find(' ', sp + 1) - sp - 1);
                    std::lock_guard<std::mutex> lock(mutex_);
                    auto it = routes_.find(path);
                    if (it != routes_.end()) answer = it->second;
                }
                a.socket.sendAll(answer + "Connection: close\r\n\r\n" +
                                 (answer.rfind("HTTP/1.1 200", 0) == 0 ? "plain again" : ""));
            } catch (const Error&) {
                return;  // shut down
            }
        }
    }
    Socket listener_;
    std::mutex mutex_;
    std::map<std::string, std::string> routes_;
    std::thread thread_;
};

QString text(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

class tst_HttpTls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void getHello_data();
    void getHello();
    void bigBody();
    void keepAlive();
    void resumption();
    void noResumption();
    void resolveOverride();
    void parseResolveForms();
    void verifyErrors_data();
    void verifyErrors();
    void protocolVersion();
    void insecureAcceptsExpired();
    void clientCertificate();
    void badCaFile();
    void notTls();
    void handshakeTimeout();
    void redirectsAcrossSchemes();
    void traceShowsRecords();

private:
    // Starts nginx with these files (and options); the client trusts the CA.
    ClientOptions trusting() const {
        ClientOptions o;
        o.tls.caFile = pki_->caFile();
        o.timeout = Millis(10000);
        return o;
    }
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_HttpTls::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_HttpTls::getHello_data() {
    QTest::addColumn<QString>("protocols");
    QTest::addColumn<QString>("version");
    QTest::newRow("tls1.3") << "TLSv1.2 TLSv1.3"
                            << "TLSv1.3";
    QTest::newRow("tls1.2") << "TLSv1.2"
                            << "TLSv1.2";
}

void tst_HttpTls::getHello() {
    QFETCH(QString, protocols);
    QFETCH(QString, version);
    NginxTls::Options o;
    const PemFiles good = pki_->good();
    o.certFile = good.certFile;
    o.keyFile = good.keyFile;
    o.protocols = protocols.toStdString();
    SOCKWB_START_NGINX_TLS(nginx, o);

    Client client(trusting());
    const Result r = client.fetch("GET", nginx.url("/hello"));
    QCOMPARE(r.hops.size(), size_t(1));
    const Exchange& ex = r.final();
    QCOMPARE(ex.response.status, 200);
    QCOMPARE(text(ex.response.body), QString("hello over tls"));
    // What the user reads stays plaintext; the wire carries more (records, handshake).
    QVERIFY(ex.requestBytes.rfind("GET /hello HTTP/1.1\r\n", 0) == 0);
    QVERIFY(ex.requestBytes.find("Host: localhost:" + std::to_string(nginx.port())) !=
            std::string::npos);
    QVERIFY(ex.raw.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    QVERIFY(ex.bytesReceived > ex.raw.size());
    QVERIFY(ex.bytesSent > ex.requestBytes.size());
    QVERIFY(ex.timings.tls > 0);
    QVERIFY(ex.timings.connect > 0);
    QVERIFY(ex.timings.total >= ex.timings.connect + ex.timings.tls);

    QVERIFY(ex.tls.has_value());
    QCOMPARE(text(ex.tls->version), version);
    QVERIFY(!ex.tls->cipher.empty());
    QCOMPARE(text(ex.tls->alpn), QString("http/1.1"));
    QCOMPARE(text(ex.tls->serverName), QString("localhost"));
    QVERIFY(!ex.tls->resumed);
    QVERIFY(ex.tls->verified);
    QCOMPARE(ex.tls->verifyResult, 0L);
    QVERIFY(!ex.tls->chain.empty());
    const tls::CertificateInfo leaf = tls::describeFile(good.certFile);
    QCOMPARE(text(ex.tls->chain.front().sha256), text(leaf.sha256));
    QVERIFY(text(ex.tls->chain.front().subject).contains("CN=localhost"));

    // nginx saw SNI "localhost" and the same version and cipher.
    const Result s = client.fetch("GET", nginx.url("/session"));
    const QStringList words = text(s.final().response.body).split(' ');
    QCOMPARE(words.size(), 4);
    QCOMPARE(words[0], version);
    QCOMPARE(words[3], QString("localhost"));
}

void tst_HttpTls::bigBody() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    Client client(trusting());
    const Result r = client.fetch("GET", nginx.url("/big"));
    QCOMPARE(r.final().response.status, 200);
    QVERIFY(r.final().response.body == NginxTls::bigBody());
    QVERIFY(r.final().bytesReceived > NginxTls::bigBody().size());
}

void tst_HttpTls::keepAlive() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    Client client(trusting());
    const Exchange first = client.fetch("GET", nginx.url("/hello")).final();
    const Exchange second = client.fetch("GET", nginx.url("/hello")).final();
    QCOMPARE(second.response.status, 200);
    QVERIFY(!first.reusedConnection);
    QVERIFY(second.reusedConnection);
    QCOMPARE(second.local.port(), first.local.port());  // one connection
    // One handshake: none on the reused connection, whose values are the first's.
    QVERIFY(first.timings.tls > 0);
    QCOMPARE(second.timings.tls, 0.0);
    QVERIFY(second.tls.has_value());
    QCOMPARE(text(second.tls->cipher), text(first.tls->cipher));
    QCOMPARE(text(second.tls->chain.front().sha256), text(first.tls->chain.front().sha256));
    // The request alone went out: no handshake bytes this time.
    QVERIFY(second.bytesSent < first.bytesSent);
}

void tst_HttpTls::resumption() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    Client client(trusting());
    const Exchange first = client.fetch("GET", nginx.url("/session")).final();
    QVERIFY(!first.tls->resumed);
    client.disconnect();
    const Exchange second = client.fetch("GET", nginx.url("/session")).final();
    QVERIFY(!second.reusedConnection);
    QVERIFY(second.local.port() != first.local.port());  // a new connection
    QVERIFY(second.timings.tls > 0);                     // with a handshake
    QVERIFY(second.tls->resumed);                        // resuming the session
    // nginx agrees: $ssl_session_reused is "r".
    QCOMPARE(text(second.response.body).split(' ').value(2), QString("r"));
    QCOMPARE(text(first.response.body).split(' ').value(2), QString("."));
}

void tst_HttpTls::noResumption() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    ClientOptions options = trusting();
    options.tls.resumeSessions = false;
    options.keepAlive = false;
    Client client(options);
    QVERIFY(!client.fetch("GET", nginx.url("/session")).final().tls->resumed);
    const Exchange second = client.fetch("GET", nginx.url("/session")).final();
    QVERIFY(!second.reusedConnection);
    QVERIFY(!second.tls->resumed);
    QCOMPARE(text(second.response.body).split(' ').value(2), QString("."));
}

void tst_HttpTls::resolveOverride() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    const std::string port = std::to_string(nginx.port());
    // A name no resolver knows reaches 127.0.0.1 and keeps its name for
    // Host, SNI and the name check.
    ClientOptions options = trusting();
    options.resolve.push_back(parseResolve("localhost:" + port + ":127.0.0.1"));
    options.resolve.push_back(parseResolve("sockwb-test.invalid:" + port + ":127.0.0.1"));
    Client client(options);
    const Exchange ex = client.fetch("GET", nginx.url("/session")).final();
    QCOMPARE(text(ex.peer.toString()), QString("127.0.0.1:" + text(port)));
    QCOMPARE(text(ex.response.body).split(' ').value(3), QString("localhost"));
    try {
        client.fetch("GET", nginx.url("/hello", "sockwb-test.invalid"));
        QFAIL("the certificate does not name sockwb-test.invalid");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QCOMPARE(e.info().tls, TlsProblem::NameMismatch);
        QCOMPARE(text(e.info().address), QString("sockwb-test.invalid:" + text(port)));
    }
    // Another port is not overridden.
    ClientOptions other = trusting();
    other.resolve.push_back(parseResolve("sockwb-test.invalid:1:127.0.0.1"));
    Client unresolved(other);
    try {
        unresolved.fetch("GET", nginx.url("/hello", "sockwb-test.invalid"));
        QFAIL("sockwb-test.invalid resolved without an override");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Resolve);
    }
}

void tst_HttpTls::parseResolveForms() {
    auto r = parseResolve("Example.COM:443:127.0.0.1");
    QCOMPARE(text(r.host), QString("example.com"));
    QCOMPARE(r.port, uint16_t(443));
    QCOMPARE(text(r.address), QString("127.0.0.1"));
    r = parseResolve("localhost:8443:[::1]");
    QCOMPARE(text(r.address), QString("::1"));
    r = parseResolve("localhost:8443:::1");
    QCOMPARE(text(r.address), QString("::1"));
    r = parseResolve("[::1]:80:127.0.0.1");
    QCOMPARE(text(r.host), QString("::1"));
    for (const char* bad : {"", "localhost", "localhost:443", "localhost:443:", ":443:127.0.0.1",
                            "h:0:127.0.0.1", "h:65536:127.0.0.1", "h:x:127.0.0.1", "[::1:80:a"}) {
        try {
            parseResolve(bad);
            QFAIL(qPrintable(QString("accepted '%1'").arg(bad)));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidInput);
            QVERIFY2(QString(e.what()).contains("--resolve"), e.what());
        }
    }
}

void tst_HttpTls::verifyErrors_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<sockwb::TlsProblem>("problem");
    QTest::newRow("expired") << "expired" << true << TlsProblem::Expired;
    QTest::newRow("not_yet_valid") << "notYetValid" << true << TlsProblem::NotYetValid;
    QTest::newRow("self_signed") << "selfSigned" << true << TlsProblem::SelfSigned;
    QTest::newRow("unknown_ca") << "unknownCa" << true << TlsProblem::UnknownCa;
    QTest::newRow("no_cacert") << "good" << false << TlsProblem::UnknownCa;
    QTest::newRow("name_mismatch") << "wrongName" << true << TlsProblem::NameMismatch;
}

void tst_HttpTls::verifyErrors() {
    QFETCH(QString, which);
    QFETCH(bool, trustCa);
    QFETCH(sockwb::TlsProblem, problem);
    const PemFiles pem = which == "expired"       ? pki_->expired()
                         : which == "notYetValid" ? pki_->notYetValid()
                         : which == "selfSigned"  ? pki_->selfSigned()
                         : which == "unknownCa"   ? pki_->unknownCa()
                         : which == "wrongName"   ? pki_->wrongName()
                                                  : pki_->good();
    NginxTls::Options o;
    o.certFile = pem.certFile;
    o.keyFile = pem.keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    ClientOptions options = trusting();
    if (!trustCa) options.tls.caFile.clear();  // the system store
    Client client(options);
    try {
        client.fetch("GET", nginx.url("/hello"));
        QFAIL("the request went through");
    } catch (const PartialResponseError&) {
        QFAIL("a partial response instead of a TLS error");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QCOMPARE(e.info().tls, problem);
        QCOMPARE(text(e.call()), QString("SSL_connect"));
        QCOMPARE(text(e.info().address), QString("localhost:%1").arg(nginx.port()));
        QVERIFY2(!e.info().detail.empty(), e.what());  // OpenSSL's words
    }
    // Nothing kept: the next request connects again (and fails the same way).
    try {
        client.fetch("GET", nginx.url("/hello"));
        QFAIL("the second request went through");
    } catch (const Error& e) {
        QCOMPARE(e.info().tls, problem);
    }
}

void tst_HttpTls::protocolVersion() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    o.protocols = "TLSv1.3";
    SOCKWB_START_NGINX_TLS(nginx, o);
    ClientOptions options = trusting();
    options.tls.maxVersion = tls::Version::Tls12;
    Client client(options);
    try {
        client.fetch("GET", nginx.url("/hello"));
        QFAIL("TLS 1.2 was accepted by a TLS 1.3 only server");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QCOMPARE(e.info().tls, TlsProblem::ProtocolVersion);
    }
    // The same server with TLS 1.3 allowed again.
    options.tls.maxVersion = tls::Version::Tls13;
    client.setOptions(options);
    QCOMPARE(client.fetch("GET", nginx.url("/hello")).final().response.status, 200);
}

void tst_HttpTls::insecureAcceptsExpired() {
    NginxTls::Options o;
    o.certFile = pki_->expired().certFile;
    o.keyFile = pki_->expired().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    ClientOptions options = trusting();
    options.tls.insecure = true;
    Client client(options);
    const Exchange ex = client.fetch("GET", nginx.url("/hello")).final();
    QCOMPARE(ex.response.status, 200);
    QVERIFY(!ex.tls->verified);
    QCOMPARE(ex.tls->verifyResult, 10L);  // X509_V_ERR_CERT_HAS_EXPIRED, still reported
    QVERIFY2(text(ex.tls->verifyText).contains("expired"), ex.tls->verifyText.c_str());
}

void tst_HttpTls::clientCertificate() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    o.verifyClient = "on";
    o.clientCaFile = pki_->caFile();
    SOCKWB_START_NGINX_TLS(nginx, o);
    {
        // nginx completes the handshake and answers 400 without a certificate.
        Client client(trusting());
        const Exchange ex = client.fetch("GET", nginx.url("/client")).final();
        QCOMPARE(ex.response.status, 400);
        QVERIFY2(text(ex.response.body).contains("No required SSL certificate"),
                 ex.response.body.c_str());
    }
    ClientOptions options = trusting();
    options.tls.certFile = pki_->client().certFile;
    options.tls.keyFile = pki_->client().keyFile;
    Client client(options);
    const Exchange ex = client.fetch("GET", nginx.url("/client")).final();
    QCOMPARE(ex.response.status, 200);
    QVERIFY2(text(ex.response.body).startsWith("SUCCESS"), ex.response.body.c_str());
    QVERIFY2(text(ex.response.body).contains("CN=sockwb test client"), ex.response.body.c_str());
}

void tst_HttpTls::badCaFile() {
    ClientOptions options = trusting();
    options.tls.caFile = dir_.filePath("missing.pem").toStdString();
    Client client(options);
    try {
        client.fetch("GET", "https://localhost:1/");
        QFAIL("a missing CA file was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QCOMPARE(e.info().tls, TlsProblem::CertificateFile);
    }
}

void tst_HttpTls::notTls() {
    // A plain http server on the port the https URL names: it answers the
    // ClientHello with "HTTP/1.1 400".
    PlainServer plain;
    Client client(trusting());
    try {
        client.fetch("GET", "https://localhost:" + std::to_string(plain.port()) + "/");
        QFAIL("plain http was taken for TLS");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QCOMPARE(e.info().tls, TlsProblem::NotTls);
    }
}

void tst_HttpTls::handshakeTimeout() {
    // A listener that never accepts: the kernel completes the TCP
    // handshake, nobody answers the ClientHello.
    Socket silent = tcpListen(Address::fromIp("127.0.0.1", 0));
    ClientOptions options = trusting();
    options.timeout = Millis(150);
    Client client(options);
    try {
        client.fetch("GET", "https://127.0.0.1:" + std::to_string(silent.localAddress().port()));
        QFAIL("no timeout");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Timeout);
        QCOMPARE(text(e.call()), QString("SSL_connect"));
    }
}

void tst_HttpTls::redirectsAcrossSchemes() {
    // https://localhost:T/start → http://127.0.0.1:P/to-https →
    // https://localhost:T/relative → /hello (relative: stays https).
    PlainServer plain;
    plain.route("/end", "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n");
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    o.extraServer = "    location = /start { return 302 " + plain.base() + "/to-https; }\n" +
                    "    location = /relative { return 302 /hello; }\n" +
                    "    location = /to-http { return 302 " + plain.base() + "/end; }\n";
    SOCKWB_START_NGINX_TLS(nginx, o);
    plain.route("/to-https", "HTTP/1.1 302 Found\r\nLocation: " + nginx.url("/relative") +
                                 "\r\nContent-Length: 0\r\n");
    ClientOptions options = trusting();
    options.followRedirects = true;
    Client client(options);
    const Result r = client.fetch("GET", nginx.url("/start"));
    QCOMPARE(r.hops.size(), size_t(4));
    QVERIFY(r.hops[0].tls.has_value());
    QVERIFY(!r.hops[1].tls.has_value());  // plain http in between
    QCOMPARE(text(r.hops[1].url), text(plain.base() + "/to-https"));
    QVERIFY(r.hops[2].tls.has_value());
    QVERIFY(!r.hops[2].reusedConnection);  // the first TLS connection was left for http
    QVERIFY(r.hops[2].tls->resumed);       // but its session resumes
    QCOMPARE(text(r.hops[3].url), text(nginx.url("/hello")));
    QVERIFY(r.hops[3].reusedConnection);
    QCOMPARE(text(r.final().response.body), QString("hello over tls"));

    // And from https back to http.
    const Result back = client.fetch("GET", nginx.url("/to-http"));
    QCOMPARE(back.hops.size(), size_t(2));
    QVERIFY(!back.final().tls.has_value());
    QCOMPARE(back.final().response.status, 200);
    QCOMPARE(text(back.final().response.body), QString("plain again"));
}

void tst_HttpTls::traceShowsRecords() {
    NginxTls::Options o;
    o.certFile = pki_->good().certFile;
    o.keyFile = pki_->good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    TraceLog log;
    Client client(trusting());
    {
        TraceScope scope(&log);
        QCOMPARE(client.fetch("GET", nginx.url("/hello")).final().response.status, 200);
    }
    // The ciphertext went through the traced send/recv of one socket, with
    // the TLS records named around them: the ClientHello before the first send.
    int fd = -1;
    int clientHello = -1, firstSend = -1, serverHello = -1, sentData = -1;
    const auto events = log.events();
    for (int i = 0; i < int(events.size()); ++i) {
        const TraceEvent& e = events[size_t(i)];
        if (e.call == "connect") fd = e.fd;
        if (e.fd != fd || fd < 0) continue;
        const QString args = text(e.args);
        if (e.call == "tls" && args.contains("ClientHello") && clientHello < 0) clientHello = i;
        if (e.call == "tls" && args.contains("ServerHello") && serverHello < 0) serverHello = i;
        if (e.call == "tls" && args.contains("application data") && args.startsWith("→"))
            sentData = i;
        if (e.call == "send" && firstSend < 0) firstSend = i;
    }
    QVERIFY(fd >= 0);
    QVERIFY(clientHello >= 0);
    QVERIFY(firstSend > clientHello);
    QVERIFY(serverHello > firstSend);
    QVERIFY(sentData > serverHello);
    // No plaintext on the wire: the request line is in no send.
    for (const TraceEvent& e : events)
        if (e.call == "send") QVERIFY(e.data.find("GET /hello") == std::string::npos);
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpTls)
#include "tst_http_tls.moc"
