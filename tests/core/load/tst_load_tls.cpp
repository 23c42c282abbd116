// The load generator over TLS: https:// targets parsed (443, SNI, Host),
// whole runs against nginx with TLS (tests/support/nginxtls.h) and against
// the workbench's own TLS server: every request answered, keep-alive making
// one handshake per connection, Connection: close one per request, resumed
// sessions counted (none with resumeSessions off), and a certificate the
// client must refuse reported as TLS errors, promptly, not as a hang.

#include <QtTest>
#include <string>

#include "core/load/loadgenerator.h"
#include "core/net/error.h"
#include "core/server/server.h"
#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb;
using namespace sockwb::load;
using namespace std::chrono_literals;

namespace {

LoadConfig httpsConfig(const std::string& url, const std::string& caFile) {
    LoadConfig c;
    c.target = LoadTarget::parse(url);
    // The servers listen on 127.0.0.1 only; localhost may resolve to ::1 first.
    c.target.address = Address::fromIp("127.0.0.1", c.target.address.port());
    c.workload = Workload::Http;
    c.tlsOptions.caFile = caFile;
    c.timeout = 5000ms;
    return c;
}

std::uint64_t tlsErrors(const LoadStats& s) { return s.errors[std::size_t(LoadErrorKind::Tls)]; }

}  // namespace

class tst_LoadTls : public QObject {
    Q_OBJECT
private slots:
    void targetParsing_data();
    void targetParsing();
    void plainTargetHasNoTls();
    void badCaFileThrowsAtOnce();
    void keepAliveOneHandshakePerConnection();
    void closeOneHandshakePerRequestResumed();
    void noResumeMakesFullHandshakes();
    void untrustedCertificateIsTlsError_data();
    void untrustedCertificateIsTlsError();
    void plainServerIsTlsError();
    void ownTlsServer_data();
    void ownTlsServer();
};

void tst_LoadTls::targetParsing_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("sni");
    QTest::newRow("default port") << "https://localhost/x?y=1" << 443 << "localhost"
                                  << "/x?y=1"
                                  << "localhost";
    QTest::newRow("443 given") << "https://localhost:443/" << 443 << "localhost"
                               << "/"
                               << "localhost";
    QTest::newRow("other port") << "https://127.0.0.1:8443" << 8443 << "127.0.0.1:8443"
                                << "/"
                                << "127.0.0.1";
    QTest::newRow("port 80 kept") << "https://localhost:80/a" << 80 << "localhost:80"
                                  << "/a"
                                  << "localhost";
    QTest::newRow("ipv6") << "https://[::1]:9443/p" << 9443 << "[::1]:9443"
                          << "/p"
                          << "::1";
}

void tst_LoadTls::targetParsing() {
    QFETCH(QString, url);
    QFETCH(int, port);
    QFETCH(QString, host);
    QFETCH(QString, path);
    QFETCH(QString, sni);
    const LoadTarget t = LoadTarget::parse(url.toStdString());
    QVERIFY(t.tls);
    QVERIFY(t.scheme == LoadTarget::Scheme::Http);
    QCOMPARE(int(t.address.port()), port);
    QCOMPARE(QString::fromStdString(t.hostHeader), host);
    QCOMPARE(QString::fromStdString(t.path), path);
    QCOMPARE(QString::fromStdString(t.serverName), sni);
    QCOMPARE(QString::fromStdString(t.text), url);
}

void tst_LoadTls::plainTargetHasNoTls() {
    const LoadTarget t = LoadTarget::parse("http://127.0.0.1:8080/");
    QVERIFY(!t.tls);
    QVERIFY(t.serverName.empty());
    QCOMPARE(int(t.address.port()), 8080);
    // TLS is for HTTP and TCP echo, not bulk or UDP.
    LoadConfig c;
    c.target = LoadTarget::parse("tcp://127.0.0.1:9");
    c.target.tls = true;
    c.workload = Workload::Bulk;
    c.requests = 1;
    QVERIFY_THROWS_EXCEPTION(Error, c.validate());
}

void tst_LoadTls::badCaFileThrowsAtOnce() {
    LoadConfig c = httpsConfig("https://127.0.0.1:1/", "/nonexistent/ca.pem");
    c.requests = 1;
    try {
        LoadGenerator gen(c);
        QFAIL("a CA file that does not exist was accepted");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Tls));
        QCOMPARE(int(e.info().tls), int(TlsProblem::CertificateFile));
    }
}

void tst_LoadTls::keepAliveOneHandshakePerConnection() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    LoadConfig c = httpsConfig(nginx.url("/hello"), pki.caFile());
    c.connections = 4;
    c.requests = 200;
    const LoadStats s = LoadGenerator(c).run();
    QVERIFY2(s.errorTotal() == 0, s.firstError.c_str());
    QCOMPARE(s.requests, 200u);
    QCOMPARE(s.non2xx, 0u);
    QCOMPARE(s.connectionsOpened, 4u);
    QCOMPARE(s.tlsHandshakes, 4u);
    QVERIFY(s.tlsHandshakeNs > 0);
    // Ciphertext, not plaintext, was counted: each answer costs more than its 14 bytes.
    QVERIFY(s.bytesReceived > 200u * 14);
    QVERIFY(s.toJson().find("\"tls\":{\"handshakes\":4,") != std::string::npos);
}

void tst_LoadTls::closeOneHandshakePerRequestResumed() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    LoadConfig c = httpsConfig(nginx.url("/hello"), pki.caFile());
    c.connections = 2;
    c.requests = 40;
    c.keepAlive = false;
    const LoadStats s = LoadGenerator(c).run();
    QVERIFY2(s.errorTotal() == 0, s.firstError.c_str());
    QCOMPARE(s.requests, 40u);
    QCOMPARE(s.connectionsOpened, 40u);
    QCOMPARE(s.tlsHandshakes, 40u);
    // The first connections make full handshakes; the ones after them
    // resume a session (ticket) an earlier connection got.
    QVERIFY2(s.tlsResumed >= 40u - 2u * c.connections, qPrintable(QString::number(s.tlsResumed)));
    QVERIFY(s.toText().find("40 handshakes") != std::string::npos);
}

void tst_LoadTls::noResumeMakesFullHandshakes() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    test::NginxTls::Options o;
    o.certFile = pki.good().certFile;
    o.keyFile = pki.good().keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    LoadConfig c = httpsConfig(nginx.url("/hello"), pki.caFile());
    c.connections = 2;
    c.requests = 20;
    c.keepAlive = false;
    c.tlsOptions.resumeSessions = false;
    const LoadStats s = LoadGenerator(c).run();
    QVERIFY2(s.errorTotal() == 0, s.firstError.c_str());
    QCOMPARE(s.requests, 20u);
    QCOMPARE(s.tlsHandshakes, 20u);
    QCOMPARE(s.tlsResumed, 0u);
}

void tst_LoadTls::untrustedCertificateIsTlsError_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<int>("problem");
    QTest::newRow("unknown CA") << "unknownCa" << int(TlsProblem::UnknownCa);
    QTest::newRow("self-signed") << "selfSigned" << int(TlsProblem::SelfSigned);
    QTest::newRow("expired") << "expired" << int(TlsProblem::Expired);
    QTest::newRow("wrong name") << "wrongName" << int(TlsProblem::NameMismatch);
}

void tst_LoadTls::untrustedCertificateIsTlsError() {
    QFETCH(QString, which);
    QFETCH(int, problem);
    SOCKWB_TEST_PKI(pki, pkiDir);
    const test::PemFiles pem = which == "unknownCa"    ? pki.unknownCa()
                               : which == "selfSigned" ? pki.selfSigned()
                               : which == "expired"    ? pki.expired()
                                                       : pki.wrongName();
    test::NginxTls::Options o;
    o.certFile = pem.certFile;
    o.keyFile = pem.keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);
    LoadConfig c = httpsConfig(nginx.url("/hello"), pki.caFile());
    c.connections = 2;
    c.requests = 6;
    c.duration = 20s;  // a bound far above what the run takes: a hang fails the test
    const auto t0 = std::chrono::steady_clock::now();
    const LoadStats s = LoadGenerator(c).run();
    QVERIFY(std::chrono::steady_clock::now() - t0 < 15s);
    QCOMPARE(s.requests, 0u);
    QCOMPARE(tlsErrors(s), 6u);
    QCOMPARE(s.errorTotal(), 6u);
    QCOMPARE(int(s.firstErrorInfo.kind), int(ErrorKind::Tls));
    QCOMPARE(int(s.firstErrorInfo.tls), problem);
    QVERIFY2(s.firstError.rfind("tls: ", 0) == 0, s.firstError.c_str());

    // --insecure: the same server is loaded without a complaint.
    c.tlsOptions.insecure = true;
    const LoadStats k = LoadGenerator(c).run();
    QVERIFY2(k.errorTotal() == 0, k.firstError.c_str());
    QCOMPARE(k.requests, 6u);
}

void tst_LoadTls::plainServerIsTlsError() {
    // A plain HTTP server on the https:// port: the ClientHello gets an HTTP
    // answer, which is no TLS record.
    ServerConfig cfg;
    cfg.listeners[0].service = "http";
    Server server(cfg);
    server.start();
    LoadConfig c = httpsConfig(
        "https://127.0.0.1:" + std::to_string(server.addresses().at(0).port()) + "/", {});
    c.connections = 1;
    c.requests = 3;
    c.duration = 20s;
    const LoadStats s = LoadGenerator(c).run();
    server.stop();
    QCOMPARE(s.requests, 0u);
    QVERIFY2(tlsErrors(s) >= 1, s.firstError.c_str());
    QCOMPARE(int(s.firstErrorInfo.kind), int(ErrorKind::Tls));
}

void tst_LoadTls::ownTlsServer_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("epoll keep-alive") << "epoll" << true;
    QTest::newRow("epoll close") << "epoll" << false;
    QTest::newRow("thread keep-alive") << "thread" << true;
    QTest::newRow("fork close") << "fork" << false;
}

void tst_LoadTls::ownTlsServer() {
    QFETCH(QString, model);
    QFETCH(bool, keepAlive);
    // A fork child made while this process's load thread holds a lock of
    // OpenSSL's (OpenSSL 3 has no fork handlers) or, under AddressSanitizer,
    // of the allocator, inherits it held and hangs ("no answer within
    // 5000 ms", about 1 run in 6 here). In-process, the row cannot be made
    // reliable; the fork model over TLS is checked from another process by
    // tst_serve_tls_cli (curl against `sockwb serve --tls --model fork`).
    if (model == QLatin1String("fork"))
        QSKIP("fork with a TLS client in the same process: see the comment");
    SOCKWB_TEST_PKI(pki, pkiDir);
    ServerConfig cfg;
    cfg.listeners[0].service = "http";
    cfg.model = model.toStdString();
    cfg.tls = true;
    cfg.tlsOptions.certFile = pki.good().certFile;
    cfg.tlsOptions.keyFile = pki.good().keyFile;
    Server server(cfg);
    server.start();
    LoadConfig c = httpsConfig(
        "https://localhost:" + std::to_string(server.addresses().at(0).port()) + "/", pki.caFile());
    c.connections = 3;
    c.requests = 30;
    c.keepAlive = keepAlive;
    const LoadStats s = LoadGenerator(c).run();
    server.stop();
    QVERIFY2(s.errorTotal() == 0, s.firstError.c_str());
    QCOMPARE(s.requests, 30u);
    QCOMPARE(s.non2xx, 0u);
    QCOMPARE(s.tlsHandshakes, keepAlive ? 3u : 30u);
    if (!keepAlive) QVERIFY(s.tlsResumed > 0);
}

SOCKWB_TEST_GUILESS_MAIN(tst_LoadTls)
#include "tst_load_tls.moc"
