// The http service's timeouts (httpsession.h): the header deadline counts
// from the head's first byte and a client trickling bytes does not move it
// (slowloris), a stalled body and a silent keep-alive connection are ended;
// on real servers (port 0, loopback) under event-driven and blocking models.

#include <QElapsedTimer>
#include <QtTest/QtTest>

#include "core/http/responseparser.h"
#include "core/net/socket.h"
#include "core/server/server.h"
#include "core/services/httpservice.h"
#include "support/fakeservicecontext.h"
#include "support/testmain.h"

using namespace sockwb;
using sockwb::test::FakeSessionContext;

namespace {

// What a client got until the server closed (or `bound` ran out), sending
// one byte of `trickle` every 50 ms meanwhile (none when empty).
struct Outcome {
    std::string got;
    bool closed = false;  // EOF (or reset) seen
    qint64 ms = 0;        // until then
};

Outcome waitForClose(Socket& c, std::string_view trickle, Millis bound) {
    Outcome o;
    QElapsedTimer t;
    t.start();
    size_t next = 0;
    char buf[4096];
    while (t.elapsed() < bound.count()) {
        if (!trickle.empty()) {
            try {
                c.send(trickle.substr(next++ % trickle.size(), 1));
            } catch (const Error&) {
                // The server has gone: the recv below sees it.
            }
        }
        try {
            const IoResult r = c.recv(buf, sizeof buf, Millis(50));
            if (r.eof()) {
                o.closed = true;
                break;
            }
            if (r.ok()) o.got.append(buf, r.bytes);
        } catch (const Error&) {
            o.closed = true;  // ECONNRESET: closed too
            break;
        }
    }
    o.ms = t.elapsed();
    return o;
}

std::optional<http::Response> firstResponse(const std::string& bytes) {
    http::ResponseParser p;
    p.feed(bytes);
    if (p.status() != http::ResponseParser::Status::Complete) return std::nullopt;
    return p.takeResponse();
}

}  // namespace

class tst_HttpTimeouts : public QObject {
    Q_OBJECT

    std::unique_ptr<Server> start(const QString& model, const ServiceOptions& opt) {
        ServerConfig cfg;
        cfg.listeners[0].service = "http";
        cfg.model = model.section('-', 0, 0).toStdString();
        if (model.endsWith("-poll")) cfg.io = IoMode::Poll;
        cfg.serviceOptions = opt;
        auto s = std::make_unique<Server>(cfg);
        s->start();
        return s;
    }

private slots:
    void defaults() {
        const ServiceOptions opt;
        QCOMPARE(opt.headerTimeoutMs, 20000);
        QCOMPARE(opt.bodyTimeoutMs, 60000);
        QCOMPARE(opt.keepAliveTimeoutMs, 75000);
    }

    // Without a clock: the head's watchdog is armed at its first byte and a
    // byte trickled in later arms nothing new; 0 turns a timeout off.
    void trickledBytesDoNotExtendTheHead() {
        auto s = HttpService().newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        QCOMPARE(ctx.watchdogs.size(), size_t(1));  // keep-alive wait for the first request
        QCOMPARE(ctx.watchdogs.back().delay, Millis(75000));
        s->onData(ctx, "G");
        QCOMPARE(ctx.watchdogs.size(), size_t(2));  // the head's deadline, sooner
        QVERIFY(ctx.watchdogs.back().delay <= Millis(20000));
        QVERIFY(ctx.watchdogs.back().delay > Millis(19000));
        for (char c : std::string("ET / HTTP/1.1\r\nX-Slow: aaaaaaaa")) s->onData(ctx, {&c, 1});
        QCOMPARE(ctx.watchdogs.size(), size_t(2));
        QVERIFY(ctx.timers.empty());
        QVERIFY(ctx.sent.empty());

        ServiceOptions off;
        off.headerTimeoutMs = off.bodyTimeoutMs = off.keepAliveTimeoutMs = 0;
        auto o = HttpService().newSession(off);
        FakeSessionContext octx(off);
        o->onOpen(octx);
        o->onData(octx, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\nab");
        QVERIFY(octx.watchdogs.empty());
    }

    void models_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("epoll") << "epoll";
        QTest::newRow("select") << "select";
        QTest::newRow("thread") << "thread";
        QTest::newRow("thread-poll") << "thread-poll";
    }

    // The connection got 408 with Connection: close, then was closed soon.
    static void expect408AndClose(const Outcome& o) {
        QVERIFY2(o.closed, qPrintable(QString("still open after %1 ms").arg(o.ms)));
        QVERIFY2(o.ms < 1500, qPrintable(QString("closed after %1 ms").arg(o.ms)));
        const auto r = firstResponse(o.got);
        QVERIFY2(r, o.got.c_str());
        QCOMPARE(r->status, 408);
        QCOMPARE(std::string(r->headers.get("Connection").value_or("")), std::string("close"));
    }

    // A byte every 50 ms for ever: 408 and the close after about 300 ms.
    void slowloris_data() { models_data(); }
    void slowloris() {
        QFETCH(QString, model);
        ServiceOptions opt;
        opt.headerTimeoutMs = 300;
        auto server = start(model, opt);
        Socket c = tcpConnect(server->addresses().at(0), Millis(5000));
        c.sendAll("GET / HTTP/1.1\r\nHost: x\r\n", Millis(5000));
        const Outcome o = waitForClose(c, "X-Slow: abcdefgh\r\n", Millis(3000));
        expect408AndClose(o);
        server->stop();
    }

    // Half a body, then nothing: 408 after the body timeout.
    void bodyStall_data() { models_data(); }
    void bodyStall() {
        QFETCH(QString, model);
        ServiceOptions opt;
        opt.bodyTimeoutMs = 300;
        auto server = start(model, opt);
        Socket c = tcpConnect(server->addresses().at(0), Millis(5000));
        c.sendAll("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", Millis(5000));
        const Outcome o = waitForClose(c, {}, Millis(3000));
        expect408AndClose(o);
        server->stop();
    }

    // After an answer, silence: the connection is closed without a word.
    void keepAliveIdle_data() { models_data(); }
    void keepAliveIdle() {
        QFETCH(QString, model);
        ServiceOptions opt;
        opt.keepAliveTimeoutMs = 300;
        auto server = start(model, opt);
        Socket c = tcpConnect(server->addresses().at(0), Millis(5000));
        c.sendAll("GET /status/204 HTTP/1.1\r\nHost: x\r\n\r\n", Millis(5000));
        std::string got;
        QTRY_VERIFY_WITH_TIMEOUT(
            (c.recvSome(got, 4096, Millis(50)), got.find("\r\n\r\n") != std::string::npos), 5000);
        const Outcome o = waitForClose(c, {}, Millis(3000));
        QVERIFY(o.closed);
        QVERIFY2(o.ms < 1500, qPrintable(QString("closed after %1 ms").arg(o.ms)));
        QCOMPARE(o.got, std::string());  // nothing more: no 408 for a request never started

        // A connection that never sends a byte goes the same way.
        Socket quiet = tcpConnect(server->addresses().at(0), Millis(5000));
        const Outcome q = waitForClose(quiet, {}, Millis(3000));
        QVERIFY(q.closed);
        QCOMPARE(q.got, std::string());
        server->stop();
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_HttpTimeouts)
#include "tst_http_timeouts.moc"
