// The HTTP client against a scripted loopback server (keep-alive reuse,
// redirects, chunked, gzip, timeout, cancel). Against real servers (nginx,
// python3's http.server): tst_http_client_servers.cpp.

#include <poll.h>
#include <zlib.h>

#include <QtTest>
#include <atomic>
#include <functional>
#include <thread>

#include "core/http/client.h"
#include "core/http/preparedrequest.h"
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

}  // namespace

class tst_HttpClient : public QObject {
    Q_OBJECT
private slots:
    void prepareAddsDefaultHeaders();
    void preparedWireIsWhatIsSent();
    void keepAliveReuse();
    void chunkedRawKept();
    void redirectsFollowed();
    void redirectLimit();
    void gzipDecoded();
    void timeoutReported();
    void cancelReturnsAtOnce();
    void connectionRefused();
    void brokenFramingIsError();
    void resetAfterPageKeepsPage_data();
    void resetAfterPageKeepsPage();
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

void tst_HttpClient::preparedWireIsWhatIsSent() {
    auto url = Url::parse("http://127.0.0.1/submit?x=1");
    QVERIFY(url);
    Request request = Client::prepare("POST", *url, {}, "a=1&b=2", ClientOptions{});
    request.headers.add("X-Order", "kept");
    // A loopback server on port 0 that records every byte of one request.
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const std::string where = "http://127.0.0.1:" + std::to_string(listener.localAddress().port());
    url = Url::parse(where + "/submit?x=1");
    request.headers.set("Host", url->authority());
    PreparedRequest prepared = PreparedRequest::make(request, *url, ClientOptions{});
    QVERIFY(prepared.wire == prepared.request.serialize());
    std::string received;
    std::thread server([&] {
        Socket::Accepted a = listener.accept();
        while (received.size() < prepared.wire.size())
            if (!a.socket.recvSome(received, 4096, Millis(5000)).ok()) break;
        a.socket.sendAll(ok("done", "Connection: close\r\n"));
    });
    Client client(prepared.options);
    Result result = client.perform(prepared);
    server.join();
    QCOMPARE(QString::fromStdString(result.final().response.body), QStringLiteral("done"));
    QVERIFY(result.final().requestBytes == prepared.wire);
    QCOMPARE(QByteArray::fromStdString(received), QByteArray::fromStdString(prepared.wire));
    QCOMPARE(result.final().bytesSent, uint64_t(prepared.wire.size()));
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

void tst_HttpClient::resetAfterPageKeepsPage_data() {
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<bool>("headComplete");
    QTest::newRow("course's Exercice 1 page")
        << QByteArray("HTTP/1.1 200 OK\n\n<h1>Hello World!</h1>") << true;
    QTest::newRow("half a status line") << QByteArray("HTTP/1.1 20") << false;
}

// The course's "Exercice 1" server writes its page and closes without
// reading the request: the unread bytes make its kernel send an RST, and
// recv() fails with ECONNRESET after the page. The page comes with the error.
void tst_HttpClient::resetAfterPageKeepsPage() {
    QFETCH(QByteArray, sent);
    QFETCH(bool, headComplete);
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const std::string url =
        "http://127.0.0.1:" + std::to_string(listener.localAddress().port()) + "/";
    std::thread server([&] {
        Socket::Accepted a = listener.accept();
        pollfd p{a.socket.fd(), POLLIN, 0};
        ::poll(&p, 1, 5000);  // the request arrived; it stays unread
        a.socket.sendAll(sent.toStdString());
    });  // closing with unread input: RST, not FIN
    Client client;
    try {
        client.fetch("GET", url);
        server.join();
        QFAIL("no error after the reset");
    } catch (const PartialResponseError& e) {
        server.join();
        QCOMPARE(int(e.kind()), int(ErrorKind::System));
        QCOMPARE(e.err(), ECONNRESET);
        QVERIFY2(std::string(e.what()).find("ECONNRESET") != std::string::npos, e.what());
        const Exchange& got = e.received();
        QVERIFY(!got.complete);
        QCOMPARE(got.headComplete, headComplete);
        QCOMPARE(QByteArray::fromStdString(got.raw), sent);
        QCOMPARE(got.bytesReceived, uint64_t(sent.size()));
        if (headComplete) {
            QCOMPARE(got.response.status, 200);
            QCOMPARE(got.response.body, std::string("<h1>Hello World!</h1>"));
        }
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_http_client.moc"
