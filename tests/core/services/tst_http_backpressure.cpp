// Input back-pressure of the http service: while an answer is in progress
// (/delay), what the client pipelines behind it is held only up to
// HttpSession::kMaxPendingInput, then the session pauses its input and
// every model stops reading (Session::inputPaused). First through a fake
// context, then a real server per driver (event loop, blocking thread,
// polled thread): 10 MB pipelined behind a /delay are not read while the
// delay runs, and every request is answered in order afterwards. Also the
// bare-LF request of CVE-2022-32214: one 400, no hidden second answer.

#include <poll.h>

#include <QtTest/QtTest>

#include "core/http/responseparser.h"
#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/server/server.h"
#include "core/services/httpservice.h"
#include "core/services/httpsession.h"
#include "support/fakeservicecontext.h"
#include "support/testmain.h"

using namespace sockwb;
using sockwb::test::FakeSessionContext;

namespace {

std::vector<http::Response> parseAll(std::string_view bytes) {
    std::vector<http::Response> out;
    http::ResponseParser p;
    p.feed(bytes);
    while (p.status() == http::ResponseParser::Status::Complete) {
        out.push_back(p.takeResponse());
        p.feed("");
    }
    return out;
}

// A request of about 60 KB (a padding header): 10 MB of them are ~170
// requests, cheap to answer, yet far more than a session may hold.
std::string paddedRequest(int i) {
    return "GET /status/" + std::to_string(200 + i) +
           " HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(60000, 'p') + "\r\n\r\n";
}

// Sends as much of wire as the connection takes without blocking, until a
// send stays blocked for `stuck`; returns how many bytes went.
size_t sendUntilBlocked(Socket& c, std::string_view wire, Millis stuck) {
    size_t sent = 0;
    while (sent < wire.size()) {
        const IoResult r = c.send(wire.substr(sent, 65536));
        if (r.ok()) {
            sent += r.bytes;
            continue;
        }
        pollfd pfd{c.fd(), POLLOUT, 0};
        if (sys::poll(&pfd, 1, int(stuck.count())) == 0) break;  // no room for `stuck`
    }
    return sent;
}

}  // namespace

class tst_HttpBackpressure : public QObject {
    Q_OBJECT

private slots:
    void sessionPausesBehindDelay();
    void sessionDoesNotPauseWhenIdle();
    void bareLfGetsOne400();
    void serverStopsReading_data();
    void serverStopsReading();
};

void tst_HttpBackpressure::sessionPausesBehindDelay() {
    auto s = HttpService().newSession({});
    FakeSessionContext ctx;
    s->onData(ctx, "GET /delay/50 HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(ctx.timers.size(), size_t(1));
    QVERIFY(!s->inputPaused());
    const std::string next = "GET /status/201 HTTP/1.1\r\nHost: x\r\n\r\n";
    size_t fed = 0;
    int requests = 0;
    while (!s->inputPaused() && requests < 100000) {
        s->onData(ctx, next);
        fed += next.size();
        ++requests;
    }
    QVERIFY(s->inputPaused());
    QVERIFY(fed >= HttpSession::kMaxPendingInput);
    // The request parsed and waiting is held besides, and up to 4 KiB not compacted yet.
    QVERIFY(fed < HttpSession::kMaxPendingInput + 4096 + 2 * next.size());
    QVERIFY(ctx.sent.empty());  // nothing answered before the delay
    QVERIFY(ctx.fireTimer(*s));
    QVERIFY(!s->inputPaused());
    const auto rs = parseAll(ctx.sent);
    QCOMPARE(rs.size(), size_t(requests) + 1);
    QCOMPARE(rs[0].body, std::string("delayed 50 ms\n"));
    for (size_t i = 1; i < rs.size(); ++i) QCOMPARE(rs[i].status, 201);
}

// Not busy: a request body being received is the request's own, never paused.
void tst_HttpBackpressure::sessionDoesNotPauseWhenIdle() {
    auto s = HttpService().newSession({});
    FakeSessionContext ctx;
    s->onData(ctx, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    const std::string piece(10000, 'b');
    for (int i = 0; i < 50; ++i) {
        s->onData(ctx, piece);
        QVERIFY(!s->inputPaused());
    }
}

// CVE-2022-32214: a bare LF must not hide a Content-Length (and a request in
// the body) from us while a front-end sees them.
void tst_HttpBackpressure::bareLfGetsOne400() {
    auto s = HttpService().newSession({});
    FakeSessionContext ctx;
    s->onData(ctx,
              "GET / HTTP/1.1\r\nDummy: x\nContent-Length: 23\r\n\r\n"
              "GET / HTTP/1.1\r\nDummy: GET /admin HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto rs = parseAll(ctx.sent);
    QCOMPARE(rs.size(), size_t(1));
    QCOMPARE(rs[0].status, 400);
    QVERIFY(rs[0].body.find("bare LF") != std::string::npos);
    QVERIFY(ctx.closed);
}

void tst_HttpBackpressure::serverStopsReading_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("polled");
    QTest::newRow("epoll") << "epoll" << false;
    QTest::newRow("poll") << "poll" << false;
    QTest::newRow("select") << "select" << false;
    QTest::newRow("thread blocking") << "thread" << false;
    QTest::newRow("thread poll") << "thread" << true;
}

void tst_HttpBackpressure::serverStopsReading() {
    QFETCH(QString, model);
    QFETCH(bool, polled);
    ServerConfig cfg;
    cfg.listeners[0].service = "http";
    cfg.model = model.toStdString();
    cfg.io = polled ? IoMode::Poll : IoMode::Blocking;
    Server server(cfg);
    server.start();

    constexpr int kDelayMs = 1200;
    std::string wire = "GET /delay/" + std::to_string(kDelayMs) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    int requests = 0;
    while (wire.size() < 10'000'000) wire += paddedRequest(requests++);

    Socket c = tcpConnect(server.addresses().at(0), Millis(5000));
    c.setSendBufferSize(64 * 1024);
    c.setNonBlocking(true);
    QElapsedTimer clock;
    clock.start();
    size_t sent = sendUntilBlocked(c, wire, Millis(200));
    const uint64_t readByServer = server.stats().bytesIn;
    // Measured while the delay still runs, or the check means nothing.
    QVERIFY2(clock.elapsed() < kDelayMs - 200, "too slow a machine for this check");
    QVERIFY2(sent < wire.size(), "the server took 10 MB while busy");
    QVERIFY2(readByServer < 1024 * 1024, std::to_string(readByServer).c_str());

    // When the delay ends everything is read and answered, in order.
    std::string got;
    char buf[65536];
    QElapsedTimer guard;
    guard.start();
    while (guard.elapsed() < 20000 && parseAll(got).size() < size_t(requests) + 1) {
        if (sent < wire.size()) {
            const IoResult r = c.send(std::string_view(wire).substr(sent, 65536));
            if (r.ok()) sent += r.bytes;
        }
        const IoResult r = c.recv(buf, sizeof buf, Millis(sent < wire.size() ? 5 : 1000));
        if (r.ok()) got.append(buf, r.bytes);
        if (r.eof()) break;
    }
    const auto rs = parseAll(got);
    QCOMPARE(rs.size(), size_t(requests) + 1);
    QCOMPARE(rs[0].body, "delayed " + std::to_string(kDelayMs) + " ms\n");
    for (int i = 0; i < requests; ++i) QCOMPARE(rs[size_t(i) + 1].status, 200 + i);
    QCOMPARE(server.stats().bytesIn, uint64_t(wire.size()));
    server.stop();
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpBackpressure)
#include "tst_http_backpressure.moc"
