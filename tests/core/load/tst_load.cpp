// The load generator: the latency histogram's arithmetic, the fast response
// scanner cross-checked against the HTTP parser's own cases, and whole runs
// against small servers living on threads of this test (TCP echo, UDP echo,
// a scripted HTTP keep-alive server, a silent one, a closed port).

#include <poll.h>

#include <QtTest>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/load/latencyhistogram.h"
#include "core/load/loadgenerator.h"
#include "core/load/responsescanner.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "fuzz/response_cases.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::load;
using namespace std::chrono_literals;

namespace {

// A TCP server on 127.0.0.1:0: one thread accepts, one thread per client runs
// the handler (which must return once `stop` is set: use short recv timeouts).
class ThreadServer {
public:
    using Handler = std::function<void(Socket&, const std::atomic<bool>& stop)>;
    explicit ThreadServer(Handler handler) : handler_(std::move(handler)) {
        listener_ = tcpListen(Address::fromIp("127.0.0.1", 0), 512);
        port_ = listener_.localAddress().port();
        acceptor_ = std::thread([this] {
            while (!stop_) {
                pollfd p{listener_.fd(), POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                auto acc = listener_.tryAccept();
                if (!acc) continue;
                auto s = std::make_shared<Socket>(std::move(acc->socket));
                std::lock_guard lock(mutex_);
                ++accepted_;
                clients_.emplace_back([this, s] { handler_(*s, stop_); });
            }
        });
    }
    ~ThreadServer() {
        stop_ = true;
        acceptor_.join();
        std::lock_guard lock(mutex_);
        for (auto& t : clients_) t.join();
    }
    uint16_t port() const { return port_; }
    int accepted() {
        std::lock_guard lock(mutex_);
        return accepted_;
    }

private:
    Handler handler_;
    Socket listener_;
    uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<std::thread> clients_;
    int accepted_ = 0;
};

void echoHandler(Socket& s, const std::atomic<bool>& stop) {
    char buf[16384];
    while (!stop) {
        try {
            auto r = s.recv(buf, sizeof buf, 20ms);
            if (r.status == IoResult::TimedOut) continue;
            if (!r.ok()) return;
            s.sendAll(std::string_view(buf, r.bytes), 2000ms);
        } catch (const Error&) {
            return;
        }
    }
}

// Answers each request on a connection in turn: odd ones 200 with
// Content-Length, even ones 404 chunked (and a 100 Continue first, now and
// then). closeEach: "Connection: close" and close after the answer.
struct HttpScript {
    std::atomic<int> responses{0};
    std::atomic<int> notFound{0};
    bool closeEach = false;
    void operator()(Socket& s, const std::atomic<bool>& stop) {
        s.setNoDelay(true);  // the answer goes in two sends: no Nagle wait on the second
        std::string in;
        int n = 0;
        char buf[4096];
        while (!stop) {
            try {
                auto r = s.recv(buf, sizeof buf, 20ms);
                if (r.status == IoResult::TimedOut) continue;
                if (!r.ok()) return;
                in.append(buf, r.bytes);
                size_t end;
                while ((end = in.find("\r\n\r\n")) != std::string::npos) {
                    in.erase(0, end + 4);
                    ++n;
                    const std::string conn = closeEach ? "Connection: close\r\n" : "";
                    std::string out;
                    if (n % 2) {
                        out = "HTTP/1.1 200 OK\r\n" + conn + "Content-Length: 5\r\n\r\nhello";
                    } else {
                        if (n % 4 == 0) out = "HTTP/1.1 100 Continue\r\n\r\n";
                        out += "HTTP/1.1 404 Not Found\r\n" + conn +
                               "Transfer-Encoding: chunked\r\n\r\n3\r\nnot\r\n6\r\n "
                               "found\r\n0\r\n\r\n";
                        ++notFound;
                    }
                    // Split the answer to exercise partial reads in the scanner.
                    s.sendAll(std::string_view(out).substr(0, out.size() / 2), 2000ms);
                    s.sendAll(std::string_view(out).substr(out.size() / 2), 2000ms);
                    ++responses;
                    if (closeEach) return;
                }
            } catch (const Error&) {
                return;
            }
        }
    }
};

LoadConfig httpConfig(uint16_t port) {
    LoadConfig c;
    c.target = LoadTarget::parse("http://127.0.0.1:" + std::to_string(port) + "/x");
    c.workload = Workload::Http;
    return c;
}

LoadConfig tcpConfig(uint16_t port) {
    LoadConfig c;
    c.target = LoadTarget::parse("tcp://127.0.0.1:" + std::to_string(port));
    c.workload = Workload::TcpEcho;
    return c;
}

// A port where nothing listens: bound then closed at once.
uint16_t closedPort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

}  // namespace

class tst_Load : public QObject {
    Q_OBJECT
private slots:
    void histogramExactSmallValues();
    void histogramBuckets();
    void histogramMergeAndOutliers();
    void scannerMatchesParser_data();
    void scannerMatchesParser();
    void targetParsing();
    void targetNameReachesTheListeningAddress();
    void tcpEchoExactRequests();
    void udpEcho();
    void httpKeepAliveCountsNon2xx_data();
    void httpKeepAliveCountsNon2xx();
    void httpNoKeepAlive();
    void connectionRefusedIsCounted();
    void timeoutIsCounted();
    void ratePacing();
    void stopEndsRunPromptly();
};

void tst_Load::histogramExactSmallValues() {
    LatencyHistogram h;
    QCOMPARE(h.percentile(50), 0u);
    for (uint64_t v = 1; v <= 100; ++v) h.record(v);
    QCOMPARE(h.count(), 100u);
    QCOMPARE(h.min(), 1u);
    QCOMPARE(h.max(), 100u);
    QCOMPARE(h.mean(), 50.5);
    QCOMPARE(h.percentile(50), 50u);
    QCOMPARE(h.percentile(90), 90u);
    QCOMPARE(h.percentile(99), 99u);
    QCOMPARE(h.percentile(99.9), 100u);
    QCOMPARE(h.percentile(100), 100u);
    QCOMPARE(h.percentile(0), 1u);

    LatencyHistogram k;  // 1000 values: p99.9 is the 999th, not the last
    for (uint64_t v = 1; v <= 1000; ++v) k.record(v < 250 ? v : 200);
    k.clear();
    for (uint64_t v = 0; v < 1000; ++v) k.record(v % 250);
    QCOMPARE(k.percentile(99.9), 249u);
    QCOMPARE(k.percentile(50), 124u);
}

void tst_Load::histogramBuckets() {
    // Every value lies in its bucket and buckets are at most 1/128 wide.
    for (uint64_t v : std::initializer_list<uint64_t>{
             0ull, 1ull, 255ull, 256ull, 257ull, 511ull, 512ull, 1000ull, 12345ull, 999999ull,
             (1ull << 35) + 12345, LatencyHistogram::kMaxValue}) {
        const auto i = LatencyHistogram::indexOf(v);
        QVERIFY2(LatencyHistogram::lowestOf(i) <= v && v <= LatencyHistogram::highestOf(i),
                 qPrintable(QString::number(v)));
        const auto width = LatencyHistogram::highestOf(i) - LatencyHistogram::lowestOf(i) + 1;
        QVERIFY(width == 1 || width * 128 <= LatencyHistogram::lowestOf(i));
    }
    QCOMPARE(LatencyHistogram::indexOf(256), 256u);
    QCOMPARE(LatencyHistogram::indexOf(257), 256u);  // 256..257 share a bucket (width 2)
    QCOMPARE(LatencyHistogram::highestOf(256), 257u);
    // Adjacent buckets tile the value range with no gap.
    for (std::size_t i = 0; i + 1 < 3839; ++i)
        QCOMPARE(LatencyHistogram::highestOf(i) + 1, LatencyHistogram::lowestOf(i + 1));
    // A large value reports its bucket's top, clamped to the real max.
    LatencyHistogram h;
    h.recordN(10000, 10);
    QCOMPARE(h.percentile(50), 10000u);
    h.record(10001);
    QCOMPARE(h.percentile(50), LatencyHistogram::highestOf(LatencyHistogram::indexOf(10000)) < 10001
                                   ? LatencyHistogram::highestOf(LatencyHistogram::indexOf(10000))
                                   : 10001u);
    QCOMPARE(h.max(), 10001u);
}

void tst_Load::histogramMergeAndOutliers() {
    LatencyHistogram a, b, all;
    for (uint64_t v = 0; v < 990; ++v) {
        (v % 2 ? a : b).record(100);
        all.record(100);
    }
    for (int k = 0; k < 10; ++k) {
        a.record(1'000'000);
        all.record(1'000'000);
    }
    a.merge(b);
    QCOMPARE(a.count(), 1000u);
    QCOMPARE(a.percentile(99), 100u);
    QCOMPARE(a.percentile(99.9), 1'000'000u);
    QCOMPARE(a.max(), 1'000'000u);
    QCOMPARE(a.min(), 100u);
    for (double p : {50.0, 90.0, 99.0, 99.9, 100.0}) QCOMPARE(a.percentile(p), all.percentile(p));
    QCOMPARE(a.mean(), all.mean());
}

void tst_Load::scannerMatchesParser_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("byteByByte");
    const auto& cases = http::cases::responseCases();
    for (int i = 0; i < int(cases.size()); ++i) {
        const auto& c = cases[std::size_t(i)];
        // The scanner serves GET load: no HEAD, default limits only.
        if (c.head || c.maxHeaderBytes || c.maxBodyBytes) continue;
        QTest::addRow("%s", c.name) << i << false;
        QTest::addRow("%s/bytewise", c.name) << i << true;
    }
}

void tst_Load::scannerMatchesParser() {
    QFETCH(int, index);
    QFETCH(bool, byteByByte);
    const auto& c = http::cases::responseCases()[std::size_t(index)];
    const std::string name = c.name;
    // Field syntax the scanner does not need to check (it frames, it does not validate values).
    if (name == "err_control_in_value" || name == "err_nul_in_value" ||
        name == "err_too_many_headers")
        QSKIP("field syntax is not the scanner's concern");
    ResponseScanner s;
    std::size_t consumed = 0;
    auto st = ResponseScanner::Status::NeedMore;
    const std::string_view in(c.input);
    if (byteByByte) {
        for (std::size_t k = 0; k < in.size() && st == ResponseScanner::Status::NeedMore; ++k) {
            std::size_t used = 0;
            st = s.feed(in.substr(k, 1), &used);
            consumed += used;
        }
    } else {
        st = s.feed(in, &consumed);
    }
    if (st == ResponseScanner::Status::NeedMore && c.eof) st = s.onEof();
    if (!c.error.empty()) {
        QCOMPARE(int(st), int(ResponseScanner::Status::Error));
        return;
    }
    QCOMPARE(int(st), int(ResponseScanner::Status::Complete));
    QCOMPARE(s.statusCode(), c.status);
    QCOMPARE(s.keepAlive(), c.keepAlive);
    if (!c.statusOnly) QCOMPARE(s.bodyBytes(), uint64_t(c.body.size()));
    QCOMPARE(consumed, c.input.size() - c.leftover.size());
}

// localhost may list ::1 before 127.0.0.1 (a fresh Debian's /etc/hosts):
// the target is the address that accepts, not merely the first one.
void tst_Load::targetNameReachesTheListeningAddress() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const std::string port = std::to_string(listener.localAddress().port());
    for (const std::string& text : {"http://localhost:" + port + "/", "tcp://localhost:" + port,
                                    "https://localhost:" + port + "/"}) {
        const LoadTarget t = LoadTarget::parse(text);
        QCOMPARE(t.address.toString(), "127.0.0.1:" + port);
    }
}

void tst_Load::targetParsing() {
    auto t = LoadTarget::parse("http://127.0.0.1:8080/a?b=1");
    QCOMPARE(int(t.scheme), int(LoadTarget::Scheme::Http));
    QCOMPARE(t.address.toString(), std::string("127.0.0.1:8080"));
    QCOMPARE(t.path, std::string("/a?b=1"));
    QCOMPARE(t.hostHeader, std::string("127.0.0.1:8080"));
    t = LoadTarget::parse("udp://[::1]:9");
    QCOMPARE(int(t.scheme), int(LoadTarget::Scheme::Udp));
    QCOMPARE(t.address.toString(), std::string("[::1]:9"));
    for (const char* bad :
         {"", "tcp://127.0.0.1", "tcp://127.0.0.1:0", "tcp://127.0.0.1:99999", "ftp://x/"}) {
        bool threw = false;
        try {
            LoadTarget::parse(bad);
        } catch (const Error& e) {
            threw = e.kind() == ErrorKind::InvalidInput || e.kind() == ErrorKind::Resolve;
        }
        QVERIFY2(threw, bad);
    }
    LoadConfig c = tcpConfig(7);
    c.threads = 4;
    c.connections = 2;
    c.requests = 1;
    QVERIFY_THROWS_EXCEPTION(Error, LoadGenerator{c});  // more threads than connections
    c.threads = 1;
    c.requests = 0;
    QVERIFY_THROWS_EXCEPTION(Error, LoadGenerator{c});  // unbounded
}

void tst_Load::tcpEchoExactRequests() {
    ThreadServer server(echoHandler);
    LoadConfig c = tcpConfig(server.port());
    c.connections = 8;
    c.threads = 2;
    c.requests = 1001;
    c.payload = 300;
    LoadGenerator gen(c);
    const LoadStats s = gen.run();
    QCOMPARE(s.errorTotal(), 0u);
    QCOMPARE(s.requests, 1001u);
    QCOMPARE(s.latency.count(), 1001u);
    QCOMPARE(s.bytesSent, 1001u * 300);
    QCOMPARE(s.bytesReceived, 1001u * 300);
    QCOMPARE(s.connectionsOpened, 8u);
    QVERIFY(s.latency.max() > 0);
}

void tst_Load::udpEcho() {
    Socket sock = udpBind(Address::fromIp("127.0.0.1", 0));
    const uint16_t port = sock.localAddress().port();
    std::atomic<bool> stop{false};
    std::thread echo([&] {
        char buf[2048];
        while (!stop) {
            auto d = sock.recvFrom(buf, sizeof buf, 20ms);
            if (d) sock.sendTo(std::string_view(buf, d->size), d->from);
        }
    });
    LoadConfig c;
    c.target = LoadTarget::parse("udp://127.0.0.1:" + std::to_string(port));
    c.workload = Workload::UdpEcho;
    c.connections = 4;
    c.requests = 500;
    c.payload = 100;
    const LoadStats s = LoadGenerator(c).run();
    stop = true;
    echo.join();
    QCOMPARE(s.requests + s.errorTotal(), 500u);
    QVERIFY2(s.requests >= 490,
             qPrintable(QString::fromStdString(s.toText())));  // loopback loses nothing in practice
    QCOMPARE(s.bytesReceived, s.requests * 100);
}

void tst_Load::httpKeepAliveCountsNon2xx_data() {
    QTest::addColumn<bool>("fullParser");
    QTest::newRow("scanner") << false;
    QTest::newRow("full parser") << true;
}

void tst_Load::httpKeepAliveCountsNon2xx() {
    QFETCH(bool, fullParser);
    auto script = std::make_shared<HttpScript>();
    ThreadServer server([script](Socket& s, const std::atomic<bool>& stop) { (*script)(s, stop); });
    LoadConfig c = httpConfig(server.port());
    c.connections = 5;
    c.requests = 300;
    c.fullParser = fullParser;
    const LoadStats s = LoadGenerator(c).run();
    QCOMPARE(s.errorTotal(), 0u);
    QCOMPARE(s.requests, 300u);
    // The server thread counts an answer after sending it: the client may
    // have read the last one first.
    QTRY_COMPARE(script->responses.load(), 300);
    QCOMPARE(s.non2xx, uint64_t(script->notFound.load()));
    QVERIFY(s.non2xx >= 145 && s.non2xx <= 150);  // every second answer on each of 5 connections
    QCOMPARE(s.connectionsOpened, 5u);            // kept alive
    QCOMPARE(server.accepted(), 5);
}

void tst_Load::httpNoKeepAlive() {
    auto script = std::make_shared<HttpScript>();
    script->closeEach = true;
    ThreadServer server([script](Socket& s, const std::atomic<bool>& stop) { (*script)(s, stop); });
    LoadConfig c = httpConfig(server.port());
    c.connections = 3;
    c.requests = 60;
    c.keepAlive = false;
    const LoadStats s = LoadGenerator(c).run();
    QCOMPARE(s.errorTotal(), 0u);
    QCOMPARE(s.requests, 60u);
    QCOMPARE(s.connectionsOpened, 60u);
    QCOMPARE(s.non2xx, 0u);  // each connection only ever sees its first answer: 200
    QTRY_COMPARE(server.accepted(), 60);
}

void tst_Load::connectionRefusedIsCounted() {
    LoadConfig c = httpConfig(closedPort());
    c.connections = 2;
    c.requests = 6;
    LoadStats s = LoadGenerator(c).run();
    QCOMPARE(s.requests, 0u);
    QCOMPARE(s.errors[std::size_t(LoadErrorKind::Connect)], 6u);
    QVERIFY(s.firstError.find("ECONNREFUSED") != std::string::npos);
    QVERIFY(s.toJson().find("\"connect\":6") != std::string::npos);

    c.requests = 0;  // duration-bounded: retries with a backoff, never spins or crashes
    c.duration = 300ms;
    s = LoadGenerator(c).run();
    QVERIFY(s.errors[std::size_t(LoadErrorKind::Connect)] >= 2);
    QVERIFY(s.errors[std::size_t(LoadErrorKind::Connect)] < 100);
}

void tst_Load::timeoutIsCounted() {
    // Accepts, reads, never answers.
    ThreadServer server([](Socket& s, const std::atomic<bool>& stop) {
        char buf[1024];
        while (!stop) {
            try {
                auto r = s.recv(buf, sizeof buf, 20ms);
                if (r.eof()) return;
            } catch (const Error&) {
                return;
            }
        }
    });
    LoadConfig c = httpConfig(server.port());
    c.connections = 2;
    c.requests = 2;
    c.timeout = 150ms;
    const auto t0 = std::chrono::steady_clock::now();
    const LoadStats s = LoadGenerator(c).run();
    QCOMPARE(s.errors[std::size_t(LoadErrorKind::Timeout)], 2u);
    QCOMPARE(s.requests, 0u);
    QVERIFY(std::chrono::steady_clock::now() - t0 < 3s);
}

void tst_Load::ratePacing() {
    ThreadServer server(echoHandler);
    LoadConfig c = tcpConfig(server.port());
    c.connections = 4;
    c.threads = 2;
    c.rate = 400;
    c.duration = 1000ms;
    const LoadStats s = LoadGenerator(c).run();
    QCOMPARE(s.errorTotal(), 0u);
    // 400 expected; generous bounds (no timing assertion tighter than 2x).
    QVERIFY2(s.requests >= 200 && s.requests <= 800, qPrintable(QString::number(s.requests)));
    // Open loop against an idle echo server: latency stays far below the 2.5 ms interval.
    QVERIFY2(s.latency.percentile(50) < 50'000,
             qPrintable(QString::number(s.latency.percentile(50))));

    // With --requests the open loop also stops at exactly N.
    c.duration = 0ms;
    c.requests = 50;
    const LoadStats n = LoadGenerator(c).run();
    QCOMPARE(n.requests, 50u);
    QVERIFY(n.elapsed > 60ms);  // 50 requests at 400/s take about 125 ms
}

void tst_Load::stopEndsRunPromptly() {
    ThreadServer server(echoHandler);
    LoadConfig c = tcpConfig(server.port());
    c.connections = 4;
    c.duration = 60s;
    LoadGenerator gen(c);
    // Stop from the progress callback once requests flow: the run must end
    // at once, not after its 60 s.
    const auto t0 = std::chrono::steady_clock::now();
    const LoadStats s = gen.run(
        [&](const LoadProgress& p) {
            if (p.requests > 0) gen.stop();
        },
        50ms);
    QVERIFY(std::chrono::steady_clock::now() - t0 < 5s);
    QVERIFY(s.requests > 0);
}

SOCKWB_TEST_GUILESS_MAIN(tst_Load)
#include "tst_load.moc"
