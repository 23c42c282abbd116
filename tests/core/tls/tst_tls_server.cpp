// TLS for every TCP service under every concurrency model (and again for
// iterative, fork, thread and pool with IoMode::Poll): echo with a client
// Engine over a Socket, http with curl --cacert, daytime (the server speaks
// first, after the handshake), clock (timers), chat between three clients,
// a plain-text client closed with a log line while the server goes on,
// ConnectionInfo::tls and onConnectionTls filled, nothing left after stop.
// The certificates come from the test PKI (tests/support/testpki.h).

#include <dirent.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsengine.h"
#include "support/blockingtlsclient.h"
#include "support/servermodelrows.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using Clock = std::chrono::steady_clock;
using TlsClient = sockwb::test::BlockingTlsClient;

namespace {

int countEntries(const char* dir) {
    int n = 0;
    DIR* d = ::opendir(dir);
    if (!d) return -1;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

// Children of every thread of this process (zombies included).
int countChildren() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    if (!d) return -1;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        const std::string path = std::string("/proc/self/task/") + e->d_name + "/children";
        if (FILE* f = std::fopen(path.c_str(), "r")) {
            int c;
            bool inWord = false;
            while ((c = std::fgetc(f)) != EOF) {
                const bool space = c == ' ' || c == '\n';
                if (!space && !inWord) ++n;
                inWord = !space;
            }
            std::fclose(f);
        }
    }
    ::closedir(d);
    return n;
}

// Collects what a server reports; called from the server's threads.
class Recorder final : public ServerObserver {
public:
    void onLog(const std::string& text) override {
        std::lock_guard l(m);
        logs.push_back(text);
    }
    void onConnectionTls(uint64_t, const std::string& summary) override {
        std::lock_guard l(m);
        tls.push_back(summary);
    }
    void onConnectionClosed(const ConnectionInfo&) override { ++closed; }
    bool logContains(const std::string& s) {
        std::lock_guard l(m);
        for (auto& x : logs)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }
    size_t tlsCount() {
        std::lock_guard l(m);
        return tls.size();
    }
    std::string firstTls() {
        std::lock_guard l(m);
        return tls.empty() ? std::string() : tls.front();
    }
    std::mutex m;
    std::vector<std::string> logs, tls;
    std::atomic<int> closed{0};
};

// The server's trace notes about TLS records ("← ClientHello (517 B)"),
// with the fd each names; called from the server's threads.
class TlsNotes final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        if (e.call != "tls") return;
        std::lock_guard l(m);
        notes.push_back(std::to_string(e.fd) + " " + e.args);
    }
    bool contains(const std::string& s) {
        std::lock_guard l(m);
        for (auto& x : notes)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }
    std::mutex m;
    std::vector<std::string> notes;
};

}  // namespace

class tst_TlsServer : public QObject {
    Q_OBJECT

    ServerConfig config(const std::string& service = "echo") const {
        ServerConfig c = row_.config(service);
        c.tls = true;
        c.tlsOptions.certFile = pem_.certFile;
        c.tlsOptions.keyFile = pem_.keyFile;
        return c;
    }
    std::shared_ptr<const tls::Context> clientContext() const {
        tls::ClientOptions o;
        o.caFile = pki_->caFile();
        return tls::Context::client(o);
    }
    bool isFork() const { return row_.model == "fork"; }

    test::ServerModelRow row_;
    QTemporaryDir dir_;
    std::unique_ptr<test::TestPki> pki_;
    test::PemFiles pem_;

private slots:
    void initTestCase_data() { test::addServerModelRows(); }
    void initTestCase();
    void init();
    void echo();
    void http();
    void daytimeSpeaksFirst();
    void clockTimers();
    void chat();
    void plainClientClosed();
    void badCertificateFile();
    void nothingLeftAfterStop();
};

void tst_TlsServer::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<test::TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
    pem_ = pki_->good();
    QVERIFY(!pem_.certFile.empty());
}

void tst_TlsServer::init() {
    row_.fetch();
#ifdef SOCKWB_SANITIZED
    // GCC 12's AddressSanitizer malloc has no fork handlers: a fork child
    // of a multi-threaded test can hang on an allocator lock held at fork
    // time (tests/support/servermodelrows.h). The default build
    // runs these rows.
    if (isFork()) QSKIP("fork under AddressSanitizer: its malloc is not fork-safe");
#endif
}

void tst_TlsServer::echo() {
    Recorder rec;
    TlsNotes notes;
    Server server(config("echo"));
    server.setObserver(&rec);
    server.setTraceObserver(&notes);
    server.start();
    QVERIFY(!server.tlsCertificate().sha256.empty());
    QCOMPARE(server.tlsCertFile(), pem_.certFile);

    TlsClient client(clientContext(), server.addresses().front());
    QVERIFY(client.handshake());
    const tls::SessionInfo info = client.engine().info();
    QVERIFY(info.verified);
    QCOMPARE(info.chain.front().sha256, server.tlsCertificate().sha256);
    // Binary, NULs included, more than one record.
    const std::string payload = test::randomBytes(40000);
    client.send(payload);
    QCOMPARE(client.readUntil(payload.substr(payload.size() - 64)), payload);

    // The connections table and the observer know the version and cipher.
    QTRY_COMPARE(rec.tlsCount(), size_t(1));
    QCOMPARE(rec.firstTls(), info.summary());
    const auto conns = server.connections();
    QCOMPARE(conns.size(), size_t(1));
    QCOMPARE(conns.front().tls, info.summary());
    QTRY_VERIFY(rec.logContains("TLS: " + info.version + " " + info.cipher + ", ALPN http/1.1, "));
    // The trace names the records on the connection's fd (a fork child's too:
    // its rows come through the fork channel, after the echo, in any number
    // of reads, so each is waited for).
    const std::string fd = std::to_string(conns.front().fd) + " ";
    QTRY_VERIFY(notes.contains(fd + "← ClientHello"));
    QTRY_VERIFY(notes.contains(fd + "→ ServerHello"));
    QTRY_VERIFY(notes.contains(fd + "← application data"));
    server.stop();
}

void tst_TlsServer::http() {
    const QString curl = QStandardPaths::findExecutable("curl");
    if (curl.isEmpty()) QSKIP("curl is not installed");
    Server server(config("http"));
    server.start();
    const QString url = QString("https://localhost:%1/echo").arg(server.addresses().front().port());
    QProcess p;
    p.start(curl, {"-sS", "--max-time", "10", "--cacert", pki_->ca().qCertFile(), "--resolve",
                   QString("localhost:%1:127.0.0.1").arg(server.addresses().front().port()), "-w",
                   "\n%{http_code} %{ssl_verify_result}", url});
    QVERIFY(p.waitForFinished(15000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + p.readAllStandardError()));
    QVERIFY2(out.contains("\"target\":\"/echo\""), qPrintable(out));
    QVERIFY2(out.endsWith("\n200 0"), qPrintable(out));
    server.stop();
}

void tst_TlsServer::daytimeSpeaksFirst() {
    Server server(config("daytime"));
    server.start();
    TlsClient client(clientContext(), server.addresses().front());
    QVERIFY(client.handshake());
    // The date, encrypted, then close_notify and the close.
    const std::string got = client.readToEof();
    QVERIFY2(got.size() > 10 && got.substr(got.size() - 2) == "\r\n", got.c_str());
    QVERIFY(client.closeNotifySeen());
    server.stop();
}

void tst_TlsServer::clockTimers() {
    ServerConfig c = config("clock");
    c.serviceOptions.ticks = 3;
    c.serviceOptions.intervalMs = 20;
    Server server(c);
    server.start();
    TlsClient client(clientContext(), server.addresses().front());
    QVERIFY(client.handshake());
    client.send("time?\n");
    const std::string got = client.readUntil("Au Revoir");
    QVERIFY2(got.find("Au Revoir") != std::string::npos, got.c_str());
    server.stop();
}

void tst_TlsServer::chat() {
    const std::string why = whyRefused(row_.model, "chat", Protocol::Tcp);
    if (!why.empty()) {
        // Refused as without TLS (iterative, fork): said before anything starts.
        QVERIFY_THROWS_EXCEPTION(Error, Server server(config("chat")));
        return;
    }
    Server server(config("chat"));
    server.start();
    const Address to = server.addresses().front();
    TlsClient a(clientContext(), to), b(clientContext(), to), c(clientContext(), to);
    QVERIFY(a.handshake());
    QVERIFY(b.handshake());
    QVERIFY(c.handshake());
    // Every member is registered before the first line.
    QTRY_COMPARE(server.connections().size(), size_t(3));
    QTRY_VERIFY(server.connections().back().tls != "");
    a.send("hello from a\n");
    QVERIFY(b.readUntil("hello from a\n").find("hello from a\n") != std::string::npos);
    QVERIFY(c.readUntil("hello from a\n").find("hello from a\n") != std::string::npos);
    // Lines cross: each relayed record stays in order with the others.
    for (int i = 0; i < 20; ++i) {
        b.send("b" + std::to_string(i) + "\n");
        c.send("c" + std::to_string(i) + "\n");
    }
    // Each sender's lines arrive whole and in order.
    const std::string atA = a.readUntil("c19\n");
    QVERIFY2(atA.find("c0\nc1\n") != std::string::npos || atA.find("c0\n") != std::string::npos,
             atA.c_str());
    QVERIFY(a.readUntil("b19\n").find("b19\n") != std::string::npos);
    QVERIFY(b.readUntil("c19\n").find("c19\n") != std::string::npos);
    QVERIFY(c.readUntil("b19\n").find("b19\n") != std::string::npos);
    server.stop();
}

void tst_TlsServer::plainClientClosed() {
    Recorder rec;
    Server server(config("http"));
    server.setObserver(&rec);
    server.start();
    const Address to = server.addresses().front();
    {
        Socket plain = tcpConnect(to, Millis(5000));
        plain.sendAll("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        // An alert at most, then the close: never an HTTP answer.
        std::string got;
        const auto until = Clock::now() + Millis(5000);
        for (;;) {
            const auto left = std::chrono::duration_cast<Millis>(until - Clock::now());
            if (left.count() <= 0) break;
            if (plain.recvSome(got, 65536, left).status != IoResult::Ok) break;
        }
        QVERIFY(got.find("HTTP/1.1") == std::string::npos);
    }
    QTRY_VERIFY(rec.logContains("TLS with 127.0.0.1:"));
    QTRY_VERIFY(rec.logContains("failed during the handshake"));
    // The server goes on: a TLS client is served next.
    TlsClient client(clientContext(), to);
    QVERIFY(client.handshake());
    client.send("GET /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QVERIFY(client.readToEof().find("200 OK") != std::string::npos);
    server.stop();
}

void tst_TlsServer::badCertificateFile() {
    ServerConfig c = config("echo");
    c.tlsOptions.certFile = (dir_.path() + "/missing.crt").toStdString();
    Server server(c);
    try {
        server.start();
        QFAIL("start() accepted a missing certificate");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QVERIFY2(std::string(e.what()).find("missing.crt") != std::string::npos, e.what());
    }
    QVERIFY(!server.isRunning());
    QVERIFY(server.tlsCertificate().empty());
}

void tst_TlsServer::nothingLeftAfterStop() {
    const int fds0 = test::countOpenFds();
    const int threads0 = countEntries("/proc/self/task");
    {
        Recorder rec;
        Server server(config("echo"));
        server.setObserver(&rec);
        server.start();
        {
            TlsClient a(clientContext(), server.addresses().front());
            QVERIFY(a.handshake());
            a.send("ping");
            QCOMPARE(a.readUntil("ping"), std::string("ping"));
        }
        // A client still connected (idle, mid-handshake) when the server stops.
        Socket idle = tcpConnect(server.addresses().front(), Millis(5000));
        QTRY_VERIFY(rec.closed.load() >= 1);
        server.stop();
    }
    QTRY_COMPARE(test::countOpenFds(), fds0);
    QTRY_COMPARE(countEntries("/proc/self/task"), threads0);
    QTRY_COMPARE(countChildren(), 0);
}

SOCKWB_TEST_GUILESS_MAIN(tst_TlsServer)
#include "tst_tls_server.moc"
