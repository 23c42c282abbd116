// The HTTP client against servers that never stop: endless 1xx responses,
// endless bodies (--max-time, the 1xx cap), a long body streamed to a sink
// while the client holds little, header injection refused, IPv6 zone ids.

#include <zlib.h>

#include <QtTest>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/http/client.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::http;

namespace {

// A loopback server for one connection at a time: reads a request head,
// sends `prefix`, then `repeat` `count` times (-1: until the client goes
// or the server stops), `gap` apart. It records the last request head.
class FloodServer {
public:
    FloodServer(std::string prefix, std::string repeat, long long count, Millis gap = Millis(0),
                const char* ip = "127.0.0.1")
        : prefix_(std::move(prefix)), repeat_(std::move(repeat)), count_(count), gap_(gap) {
        listener_ = tcpListen(Address::fromIp(ip, 0));
        port_ = listener_.localAddress().port();
        thread_ = std::thread([this] { run(); });
    }
    ~FloodServer() {
        stop_ = true;
        listener_.shutdown(SHUT_RDWR);
        thread_.join();
    }
    uint16_t port() const { return port_; }
    std::string url(const std::string& host = "127.0.0.1") const {
        return "http://" + host + ":" + std::to_string(port_) + "/";
    }
    std::string lastHead() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return head_;
    }

private:
    void run() {
        while (!stop_) {
            Socket::Accepted a;
            try {
                a = listener_.accept();
            } catch (const Error&) {
                return;
            }
            try {
                serve(a.socket);
            } catch (const Error&) {
                // The client went away (max-time, cap): the next one.
            }
        }
    }
    void serve(Socket& s) {
        std::string buf;
        for (int i = 0; i < 100 && buf.find("\r\n\r\n") == std::string::npos; ++i)
            if (!s.recvSome(buf, 4096, Millis(2000)).ok()) return;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            head_ = buf;
        }
        s.sendAll(prefix_, Millis(2000));
        for (long long i = 0; !stop_ && (count_ < 0 || i < count_); ++i) {
            if (gap_.count() > 0) std::this_thread::sleep_for(gap_);  // the pace under test
            s.sendAll(repeat_, Millis(2000));
        }
        s.shutdownWrite();
        std::string rest;
        s.recvSome(rest, 4096, Millis(2000));  // until the client closes
    }

    std::string prefix_, repeat_;
    long long count_;
    Millis gap_;
    Socket listener_;
    uint16_t port_ = 0;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::string head_;
};

const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

qint64 msSince(const QElapsedTimer& t) { return t.elapsed(); }

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

}  // namespace

class tst_HttpClientLimits : public QObject {
    Q_OBJECT
private slots:
    void endlessContinueCapped();
    void slowContinueStopsAtMaxTime();
    void endlessBodyStopsAtMaxTime();
    void longBodyStreamedHoldingLittle();
    void compressedBodyGoesToSinkWhole();
    void invalidHeaderRefusedBeforeConnecting_data();
    void invalidHeaderRefusedBeforeConnecting();
    void zoneIdConnects();
};

void tst_HttpClientLimits::endlessContinueCapped() {
    FloodServer server("", kContinue, -1);
    ClientOptions o;
    o.timeout = Millis(5000);
    Client client(o);
    QElapsedTimer t;
    t.start();
    try {
        client.fetch("GET", server.url());
        QFAIL("endless 100 Continue accepted");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Protocol));
        QVERIFY2(
            std::string(e.what()).find("more than 10 interim (1xx) responses") != std::string::npos,
            e.what());
    }
    QVERIFY2(msSince(t) < 3000, "the cap did not stop the endless 1xx");
}

void tst_HttpClientLimits::slowContinueStopsAtMaxTime() {
    // One 100 Continue every 40 ms: each wait is far below the idle timeout
    // and the cap is not reached before the deadline; max-time ends it.
    FloodServer server("", kContinue, -1, Millis(40));
    ClientOptions o;
    o.timeout = Millis(5000);
    o.maxTime = Millis(300);
    o.maxInterimResponses = 1000;
    Client client(o);
    QElapsedTimer t;
    t.start();
    try {
        client.fetch("GET", server.url());
        QFAIL("no timeout");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Timeout));
        QCOMPARE(int(e.info().detailCode), int(DetailCode::GaveUpAfterMs));
        QCOMPARE(e.info().detailN, uint64_t(300));
    }
    QVERIFY2(msSince(t) >= 290 && msSince(t) < 3000, qPrintable(QString::number(msSince(t))));
}

void tst_HttpClientLimits::endlessBodyStopsAtMaxTime() {
    FloodServer server("HTTP/1.1 200 OK\r\n\r\n", std::string(64 * 1024, 'x'), -1);
    ClientOptions o;
    o.maxTime = Millis(300);
    o.maxRawBytes = 64 * 1024;
    std::uint64_t sunk = 0;
    o.bodySink = [&](std::string_view bytes) { sunk += bytes.size(); };
    Client client(o);
    QElapsedTimer t;
    t.start();
    try {
        client.fetch("GET", server.url());
        QFAIL("endless body ended");
    } catch (const PartialResponseError& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Timeout));
        QCOMPARE(e.info().detailN, uint64_t(300));
        const Exchange& ex = e.received();
        QVERIFY(ex.headComplete);
        QVERIFY(ex.bodyStreamed);
        QVERIFY(ex.response.body.empty());
        QVERIFY2(ex.peakBuffered <= 256 * 1024, qPrintable(QString::number(ex.peakBuffered)));
        QVERIFY(ex.raw.size() <= 64 * 1024);
        QVERIFY(ex.rawTruncated);
        QCOMPARE(ex.bytesReceived - 19, sunk);  // everything after the head went to the sink
    }
    QVERIFY2(msSince(t) < 3000, qPrintable(QString::number(msSince(t))));
    QVERIFY(sunk > 0);
}

void tst_HttpClientLimits::longBodyStreamedHoldingLittle() {
    const long long pieces = 512;  // 32 MiB in 64 KiB pieces
    const std::string piece(64 * 1024, 'y');
    const std::string head =
        "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(pieces * piece.size()) + "\r\n\r\n";
    FloodServer server(head, piece, pieces);
    ClientOptions o;
    o.maxRawBytes = 64 * 1024;
    std::uint64_t sunk = 0;
    std::vector<std::string> order;
    o.headSink = [&](const Response& r) { order.push_back("head " + std::to_string(r.status)); };
    o.bodySink = [&](std::string_view bytes) {
        if (sunk == 0) order.push_back("body");
        sunk += bytes.size();
    };
    Client client(o);
    const Result r = client.fetch("GET", server.url());
    const Exchange& ex = r.final();
    QCOMPARE(sunk, std::uint64_t(pieces * piece.size()));
    QVERIFY(ex.bodyStreamed);
    QVERIFY(ex.response.body.empty());
    QVERIFY2(ex.peakBuffered <= 256 * 1024, qPrintable(QString::number(ex.peakBuffered)));
    QVERIFY(ex.rawTruncated);
    QCOMPARE(ex.raw.size(), std::size_t(64 * 1024));
    QCOMPARE(order, (std::vector<std::string>{"head 200", "body"}));
}

void tst_HttpClientLimits::compressedBodyGoesToSinkWhole() {
    // --compressed needs the whole body to decode: it reaches the sink once,
    // decoded, after the last byte.
    const std::string text(100 * 1000, 'z');
    const std::string packed = gzip(text);
    FloodServer server("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " +
                           std::to_string(packed.size()) + "\r\n\r\n",
                       packed, 1);
    ClientOptions o;
    o.compressed = true;
    std::string sunk;
    int calls = 0;
    o.bodySink = [&](std::string_view bytes) {
        sunk += bytes;
        ++calls;
    };
    Client client(o);
    const Result r = client.fetch("GET", server.url());
    QCOMPARE(calls, 1);
    QVERIFY(sunk == text);
    QVERIFY(r.final().response.body.empty());
    QVERIFY(r.final().bodyStreamed);
}

void tst_HttpClientLimits::invalidHeaderRefusedBeforeConnecting_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("crlf injection") << "X-A" << QByteArray("a\r\nEvil: 1") << "CR or LF";
    QTest::newRow("bare lf") << "X-A" << QByteArray("a\nb") << "CR or LF";
    QTest::newRow("nul") << "X-A" << QByteArray("a\0b", 3) << "control byte";
    QTest::newRow("space in name") << "Bad Name" << QByteArray("1") << "not a token";
    QTest::newRow("colon in name") << "A:B" << QByteArray("1") << "not a token";
    QTest::newRow("empty name") << "" << QByteArray("1") << "not a token";
}

void tst_HttpClientLimits::invalidHeaderRefusedBeforeConnecting() {
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, mentions);
    FloodServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", "ok", 1);
    Headers h;
    h.add(name.toStdString(), value.toStdString());
    Client client;
    try {
        client.fetch("GET", server.url(), h);
        QFAIL("sent");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
        QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
    }
    QVERIFY(server.lastHead().empty());  // nothing was sent
}

void tst_HttpClientLimits::zoneIdConnects() {
    std::unique_ptr<FloodServer> server;
    try {
        server = std::make_unique<FloodServer>("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", "ok",
                                               1, Millis(0), "::1");
    } catch (const Error&) {
        QSKIP("no IPv6 loopback");
    }
    Client client;
    const Result r = client.fetch("GET", server->url("[::1%25lo]"));
    QCOMPARE(r.final().response.status, 200);
    QCOMPARE(QString::fromStdString(r.final().url),
             QString::fromStdString(server->url("[::1%25lo]")));
    // RFC 6874 §4: the zone id stays on this host.
    const std::string host = "Host: [::1]:" + std::to_string(server->port()) + "\r\n";
    QVERIFY2(server->lastHead().find(host) != std::string::npos, server->lastHead().c_str());
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpClientLimits)
#include "tst_http_client_limits.moc"
