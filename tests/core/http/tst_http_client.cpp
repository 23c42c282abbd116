// The HTTP client against a scripted loopback server (keep-alive reuse,
// redirects, chunked, gzip, timeout, cancel), against a real nginx and
// against python3's http.server (HTTP/1.0, close-delimited).

#include <zlib.h>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <functional>
#include <thread>

#include "core/http/client.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::http;

namespace {

// A one-thread loopback server: for each accepted connection, it reads a
// request head and answers with handler(requestHead, connectionIndex,
// requestIndexOnConnection); an empty answer closes the connection.
class ScriptedServer {
public:
    using Handler = std::function<std::string(const std::string&, int, int)>;
    explicit ScriptedServer(Handler h) : handler_(std::move(h)) {
        listener_ = tcpListen(Address::fromIp("127.0.0.1", 0));
        port_ = listener_.localAddress().port();
        thread_ = std::thread([this] { run(); });
    }
    ~ScriptedServer() {
        stop_ = true;
        listener_.shutdown(SHUT_RDWR);
        thread_.join();
    }
    uint16_t port() const { return port_; }
    int connections() const { return connections_; }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

private:
    void run() {
        int conn = 0;
        while (!stop_) {
            Socket::Accepted a;
            try {
                a = listener_.accept();
            } catch (const Error&) {
                return;
            }
            ++connections_;
            std::string buf;
            int index = 0;
            try {
                for (;;) {
                    size_t end;
                    while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
                        IoResult r = a.socket.recvSome(buf, 4096, Millis(5000));
                        if (!r.ok()) break;
                    }
                    if (end == std::string::npos) break;
                    std::string head = buf.substr(0, end + 4);
                    buf.erase(0, end + 4);
                    std::string answer = handler_(head, conn, index++);
                    if (answer.empty()) break;
                    a.socket.sendAll(answer);
                    if (answer.find("Connection: close") != std::string::npos) break;
                }
            } catch (const Error&) {
            }
            ++conn;
        }
    }
    Handler handler_;
    Socket listener_;
    uint16_t port_ = 0;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
};

std::string ok(const std::string& body, const std::string& extra = {}) {
    return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra +
           "\r\n" + body;
}

std::string gzip(const std::string& data) {
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(data.size() + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

uint16_t freePort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

bool canConnect(uint16_t port) {
    try {
        tcpConnect(Address::fromIp("127.0.0.1", port), Millis(200));
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

class tst_HttpClient : public QObject {
    Q_OBJECT
private slots:
    void prepareAddsDefaultHeaders();
    void keepAliveReuse();
    void chunkedRawKept();
    void redirectsFollowed();
    void redirectLimit();
    void gzipDecoded();
    void timeoutReported();
    void cancelReturnsAtOnce();
    void connectionRefused();
    void brokenFramingIsError();
    void againstNginx();
    void againstPythonHttpServer();
};

void tst_HttpClient::prepareAddsDefaultHeaders() {
    auto url = Url::parse("http://example.test:8080/a?b=1");
    QVERIFY(url);
    Headers h;
    h.add("X-Custom", "1");
    Request r = Client::prepare("POST", *url, h, "abc", ClientOptions{});
    QCOMPARE(QString::fromStdString(r.target), QStringLiteral("/a?b=1"));
    QCOMPARE(QString::fromStdString(std::string(*r.headers.get("Host"))),
             QStringLiteral("example.test:8080"));
    QVERIFY(r.headers.contains("User-Agent"));
    QCOMPARE(QString::fromStdString(std::string(*r.headers.get("Accept"))), QStringLiteral("*/*"));
    QCOMPARE(QString::fromStdString(std::string(*r.headers.get("Content-Length"))),
             QStringLiteral("3"));
    QCOMPARE(QString::fromStdString(std::string(*r.headers.get("X-Custom"))), QStringLiteral("1"));
    const std::string wire = r.serialize();
    QVERIFY(wire.rfind("POST /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\n", 0) == 0);
    QVERIFY(wire.size() > 3 && wire.substr(wire.size() - 7) == "\r\n\r\nabc");
}

void tst_HttpClient::keepAliveReuse() {
    ScriptedServer server([](const std::string&, int conn, int index) {
        return ok("conn " + std::to_string(conn) + " req " + std::to_string(index));
    });
    Client client;
    auto r1 = client.fetch("GET", server.url("/1"));
    auto r2 = client.fetch("GET", server.url("/2"));
    QCOMPARE(QString::fromStdString(r1.final().response.body), QStringLiteral("conn 0 req 0"));
    QCOMPARE(QString::fromStdString(r2.final().response.body), QStringLiteral("conn 0 req 1"));
    QVERIFY(!r1.final().reusedConnection);
    QVERIFY(r2.final().reusedConnection);
    QCOMPARE(server.connections(), 1);
    QVERIFY(r1.final().timings.total >= r1.final().timings.wait);
    QVERIFY(r1.final().bytesReceived == r1.final().raw.size());
}

void tst_HttpClient::chunkedRawKept() {
    const std::string wire =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n "
        "world\r\n0\r\n\r\n";
    ScriptedServer server([&](const std::string&, int, int) { return wire; });
    Client client;
    auto r = client.fetch("GET", server.url("/"));
    QCOMPARE(QString::fromStdString(r.final().response.body), QStringLiteral("hello world"));
    QCOMPARE(r.final().raw, wire);
}

void tst_HttpClient::redirectsFollowed() {
    ScriptedServer server([](const std::string& head, int, int) -> std::string {
        if (head.rfind("GET /start", 0) == 0)
            return "HTTP/1.1 302 Found\r\nLocation: /middle\r\nContent-Length: 0\r\n\r\n";
        if (head.rfind("GET /middle", 0) == 0)
            return "HTTP/1.1 301 Moved\r\nLocation: end?x=1\r\nContent-Length: 0\r\n\r\n";
        if (head.rfind("GET /end?x=1", 0) == 0) return ok("arrived");
        return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
    });
    ClientOptions o;
    o.followRedirects = true;
    Client client(o);
    auto r = client.fetch("GET", server.url("/start"));
    QCOMPARE(int(r.hops.size()), 3);
    QCOMPARE(r.hops[0].response.status, 302);
    QCOMPARE(r.hops[1].response.status, 301);
    QCOMPARE(QString::fromStdString(r.final().response.body), QStringLiteral("arrived"));
    // Without -L the 302 is the answer.
    Client plain;
    auto p = plain.fetch("GET", server.url("/start"));
    QCOMPARE(int(p.hops.size()), 1);
    QCOMPARE(p.final().response.status, 302);
}

void tst_HttpClient::redirectLimit() {
    ScriptedServer server([](const std::string&, int, int) {
        return std::string("HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n");
    });
    ClientOptions o;
    o.followRedirects = true;
    o.maxRedirects = 3;
    Client client(o);
    try {
        client.fetch("GET", server.url("/"));
        QFAIL("no error after too many redirects");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Protocol));
        QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("more than 3 redirects")));
        QCOMPARE(int(e.info().detailCode), int(DetailCode::TooManyRedirects));
        QCOMPARE(e.info().detailN, uint64_t(3));
    }
}

void tst_HttpClient::gzipDecoded() {
    const std::string text(5000, 'z');
    ScriptedServer server([&](const std::string& head, int, int) {
        if (head.find("Accept-Encoding: gzip") == std::string::npos) return ok(text);
        return ok(gzip(text), "Content-Encoding: gzip\r\n");
    });
    ClientOptions o;
    o.compressed = true;
    Client client(o);
    auto r = client.fetch("GET", server.url("/"));
    QCOMPARE(r.final().response.body.size(), text.size());
    QCOMPARE(r.final().response.body, text);
    QVERIFY(r.final().raw.size() < text.size());  // what crossed the wire was compressed
}

void tst_HttpClient::timeoutReported() {
    ScriptedServer server([](const std::string&, int, int) {
        std::this_thread::sleep_for(std::chrono::milliseconds(600));  // the slow server under test
        return ok("late");
    });
    ClientOptions o;
    o.timeout = Millis(150);
    Client client(o);
    try {
        client.fetch("GET", server.url("/"));
        QFAIL("no timeout");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Timeout));
        QCOMPARE(QString::fromStdString(errnoName(e.err())), QStringLiteral("ETIMEDOUT"));
        // Typed for the GUI, in English for the CLI: the same timeout.
        QCOMPARE(int(e.info().detailCode), int(DetailCode::GaveUpAfterMs));
        QCOMPARE(e.info().detailN, uint64_t(150));
        QVERIFY2(std::string(e.what()).find("gave up after 150 ms") != std::string::npos, e.what());
    }
}

void tst_HttpClient::cancelReturnsAtOnce() {
    std::atomic<bool> arrived{false};
    ScriptedServer server([&](const std::string&, int, int) {
        arrived = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a slow server
        return ok("late");
    });
    Client client;
    std::atomic<bool> done{false};
    std::atomic<int> kind{-1};
    std::atomic<int> code{-1};
    std::thread t([&] {
        try {
            client.fetch("GET", server.url("/"));
        } catch (const Error& e) {
            code = int(e.info().detailCode);
            kind = int(e.kind());
        }
        done = true;
    });
    QTRY_VERIFY(arrived.load());  // the request is at the server: the client waits for the answer
    QElapsedTimer timer;
    timer.start();
    client.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 1000);
    t.join();
    QCOMPARE(kind.load(), int(ErrorKind::Cancelled));
    QCOMPARE(code.load(), int(DetailCode::ByTheUser));
    QVERIFY(timer.elapsed() < 1000);
}

void tst_HttpClient::connectionRefused() {
    const uint16_t port = freePort();
    Client client;
    try {
        client.fetch("GET", "http://127.0.0.1:" + std::to_string(port) + "/");
        QFAIL("connected to a closed port");
    } catch (const Error& e) {
        QCOMPARE(QString::fromStdString(errnoName(e.err())), QStringLiteral("ECONNREFUSED"));
        QVERIFY(QString::fromUtf8(e.what()).contains(QString::number(port)));
    }
}

void tst_HttpClient::brokenFramingIsError() {
    ScriptedServer server([](const std::string&, int, int) {
        return std::string(
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Length: 11\r\n\r\n0123456789");
    });
    Client client;
    try {
        client.fetch("GET", server.url("/"));
        QFAIL("conflicting Content-Length accepted");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Protocol));
    }
}

void tst_HttpClient::againstNginx() {
    const QString nginx = QStringLiteral("/usr/sbin/nginx");
    if (!QFile::exists(nginx)) QSKIP("nginx-light is not installed (scripts/test installs it)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("www"));
    QDir(dir.path()).mkpath(QStringLiteral("logs"));
    std::string big(300000, 'n');
    for (size_t i = 0; i < big.size(); i += 7) big[i] = char('a' + i % 26);
    {
        QFile f(dir.filePath(QStringLiteral("www/big.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(big.data(), qint64(big.size()));
    }
    const uint16_t port = freePort();
    const QString conf =
        QStringLiteral(
            "daemon off; master_process off; worker_processes 1; pid %1/nginx.pid; error_log "
            "%1/logs/error.log;\n"
            "events { worker_connections 64; }\n"
            "http { access_log off; client_body_temp_path %1; proxy_temp_path %1; "
            "fastcgi_temp_path %1;\n"
            "  uwsgi_temp_path %1; scgi_temp_path %1; gzip on; gzip_min_length 10; gzip_types *;\n"
            "  server { listen 127.0.0.1:%2; root %1/www;\n"
            "    location = /hello { return 200 'hello from nginx'; }\n"
            "    location = /moved { return 301 /hello; } } }\n")
            .arg(dir.path())
            .arg(port);
    QFile cf(dir.filePath(QStringLiteral("nginx.conf")));
    QVERIFY(cf.open(QIODevice::WriteOnly));
    cf.write(conf.toUtf8());
    cf.close();
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.start(nginx, {QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), cf.fileName()});
    QVERIFY(proc.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(canConnect(port), 10000);

    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    ClientOptions o;
    o.followRedirects = true;
    Client client(o);
    auto hello = client.fetch("GET", base + "/moved");
    QCOMPARE(int(hello.hops.size()), 2);
    QCOMPARE(QString::fromStdString(hello.final().response.body),
             QStringLiteral("hello from nginx"));
    auto file = client.fetch("GET", base + "/big.bin");
    QCOMPARE(file.final().response.status, 200);
    QVERIFY(file.final().response.body == big);
    QVERIFY(file.final().reusedConnection);
    auto head = client.fetch("HEAD", base + "/big.bin");
    QCOMPARE(head.final().response.status, 200);
    QVERIFY(head.final().response.body.empty());
    auto missing = client.fetch("GET", base + "/nope");
    QCOMPARE(missing.final().response.status, 404);
    ClientOptions z;
    z.compressed = true;
    Client zclient(z);
    auto gz = zclient.fetch("GET", base + "/big.bin");
    QVERIFY(gz.final().response.headers.get("Content-Encoding").has_value());
    QVERIFY(gz.final().response.body == big);
    QVERIFY(gz.final().raw.size() < big.size());

    proc.terminate();
    QVERIFY(proc.waitForFinished(5000));
}

void tst_HttpClient::againstPythonHttpServer() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string data(100000, '\0');
    for (size_t i = 0; i < data.size(); ++i) data[i] = char(i * 7 % 251);
    {
        QFile f(dir.filePath(QStringLiteral("data.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data.data(), qint64(data.size()));
    }
    const uint16_t port = freePort();
    QProcess proc;
    proc.setWorkingDirectory(dir.path());
    proc.start(QStringLiteral("python3"),
               {QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("--bind"),
                QStringLiteral("127.0.0.1"), QString::number(port)});
    if (!proc.waitForStarted()) QSKIP("python3 is not available");
    QTRY_VERIFY_WITH_TIMEOUT(canConnect(port), 10000);
    Client client;
    auto r = client.fetch("GET", "http://127.0.0.1:" + std::to_string(port) + "/data.bin");
    QCOMPARE(r.final().response.status, 200);
    QCOMPARE(QString::fromStdString(r.final().response.version), QStringLiteral("HTTP/1.0"));
    QVERIFY(r.final().response.body == data);
    auto r2 = client.fetch("GET", "http://127.0.0.1:" + std::to_string(port) + "/data.bin");
    QVERIFY(!r2.final().reusedConnection);  // HTTP/1.0 closes
    proc.terminate();
    QVERIFY(proc.waitForFinished(5000));
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_http_client.moc"
