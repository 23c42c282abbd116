// The stateful services checked byte for byte through fake contexts: clock
// (requests, ticks by timer, per-peer UDP runs), chat (line relaying, long
// lines refused) and http (incremental parse, one response, close on request). No
// socket, no thread, no sleep: timers are fired by hand and the wall clock
// is pinned.

#include <QtTest/QtTest>
#include <ctime>

#include "core/http/responseparser.h"
#include "core/server/service.h"
#include "core/services/chatservice.h"
#include "core/services/clockservice.h"
#include "core/services/httpservice.h"
#include "core/services/terminator.h"
#include "support/fakeservicecontext.h"
#include "support/testmain.h"

using namespace sockwb;
using sockwb::test::FakeDatagramContext;
using sockwb::test::FakeSessionContext;

namespace {

using TimePoint = std::chrono::system_clock::time_point;
// 2024-03-01 14:05:09 UTC, a Friday.
const TimePoint kFixed = TimePoint(std::chrono::seconds(1709301909));

// A clock that moves one second each time it is read: each line the clock
// service sends then shows when it was built.
WallClock steppingClock(TimePoint start) {
    auto t = std::make_shared<TimePoint>(start);
    return [t] {
        TimePoint now = *t;
        *t += std::chrono::seconds(1);
        return now;
    };
}

// Feeds data to a session split into pieces of `step` bytes (0: whole).
void feed(Session& s, FakeSessionContext& ctx, std::string_view data, size_t step) {
    if (step == 0) step = data.size() ? data.size() : 1;
    for (size_t i = 0; i < data.size(); i += step) s.onData(ctx, data.substr(i, step));
}

}  // namespace

class tst_StatefulServices : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Local time is UTC for the whole suite: the lines are then known.
        qputenv("TZ", "UTC");
        tzset();
    }

    void clockTcp_data() {
        QTest::addColumn<QList<QByteArray>>("reads");
        QTest::addColumn<int>("requests");
        QTest::newRow("course client, no newline") << QList<QByteArray>{"Bonjour"} << 1;
        QTest::newRow("one line") << QList<QByteArray>{"Bonjour\n"} << 1;
        QTest::newRow("line split in two reads") << QList<QByteArray>{"Bon", "jour\n"} << 1;
        QTest::newRow("line ending in the next read") << QList<QByteArray>{"B", "onjour\r\n"} << 1;
        QTest::newRow("two lines in one read") << QList<QByteArray>{"a\nb\n"} << 2;
        QTest::newRow("two reads without newline") << QList<QByteArray>{"Bonjour", "Bonjour"} << 2;
        QTest::newRow("tail then more lines") << QList<QByteArray>{"a\nb", "c\nd\n"} << 3;
    }
    void clockTcp() {
        QFETCH(QList<QByteArray>, reads);
        QFETCH(int, requests);
        ServiceOptions opt;
        opt.ticks = 3;
        opt.intervalMs = 100;
        auto s = ClockService(steppingClock(kFixed)).newSession(opt);
        FakeSessionContext ctx(opt);
        s->onOpen(ctx);
        QVERIFY(ctx.sent.empty());  // the server waits for a request
        for (const QByteArray& r : reads)
            s->onData(ctx, std::string_view(r.constData(), size_t(r.size())));
        // The first line goes out at once, the others one per timer.
        QCOMPARE(ctx.take(), std::string("2024-03-01 14:05:09"));  // the course's bytes
        std::string expected;
        int second = 10;
        for (int run = 0; run < requests; ++run) {
            for (int t = (run == 0 ? 1 : 0); t < 3; ++t)
                expected += "2024-03-01 14:05:" + std::to_string(second++);
            expected += "Au Revoir";
        }
        int fired = 0;
        while (!ctx.timers.empty()) {
            QCOMPARE(ctx.timers.front().delay, Millis(100));
            QVERIFY(!ctx.closed);
            QVERIFY(ctx.fireTimer(*s));
            ++fired;
        }
        QCOMPARE(ctx.sent, expected);
        QCOMPARE(fired, 3 * requests);
        QVERIFY(ctx.closed);
        QCOMPARE(ctx.sendsAfterClose, 0);
    }

    void clockTcpZeroTicks() {
        ServiceOptions opt;
        opt.ticks = 0;
        auto s = ClockService([] { return kFixed; }).newSession(opt);
        FakeSessionContext ctx(opt);
        s->onData(ctx, "Bonjour\n");
        QCOMPARE(ctx.sent, std::string("Au Revoir"));
        QVERIFY(ctx.closed);
        QVERIFY(ctx.timers.empty());
    }

    void clockTcpPeerHalfCloses() {
        ServiceOptions opt;
        opt.ticks = 2;
        opt.intervalMs = 1000;
        auto s = ClockService([] { return kFixed; }).newSession(opt);
        FakeSessionContext ctx(opt);
        s->onData(ctx, "Bonjour\n");
        s->onPeerClosed(ctx);  // netcat at end of its input: the answer still comes
        QVERIFY(!ctx.closed);
        while (ctx.fireTimer(*s)) {
        }
        QCOMPARE(ctx.sent, std::string("2024-03-01 14:05:092024-03-01 14:05:09Au Revoir"));
        QVERIFY(ctx.closed);

        auto idle = ClockService([] { return kFixed; }).newSession(opt);
        FakeSessionContext idleCtx(opt);
        idle->onPeerClosed(idleCtx);  // left without asking anything
        QVERIFY(idleCtx.closed);
        QVERIFY(idleCtx.sent.empty());
    }

    void clockUdpServesPeersAtOnce() {
        ServiceOptions opt;
        opt.ticks = 3;
        opt.intervalMs = 100;
        auto h = ClockService([] { return kFixed; }).newDatagramHandler(opt);
        FakeDatagramContext ctx(opt);
        const std::vector<Address> peers = {Address::fromIp("127.0.0.1", 6001),
                                            Address::fromIp("127.0.0.1", 6002),
                                            Address::fromIp("::1", 6001)};
        for (const auto& p : peers) h->onDatagram(ctx, "Bonjour", p);
        // Every peer got its first line before any timer fired.
        QCOMPARE(ctx.sent.size(), peers.size());
        QCOMPARE(ctx.timers.size(), peers.size());
        for (size_t i = 0; i < peers.size(); ++i) QVERIFY(ctx.timers[i].peer == peers[i]);
        while (ctx.fireTimer(*h)) {
        }
        const std::vector<std::string> expected = {"2024-03-01 14:05:09", "2024-03-01 14:05:09",
                                                   "2024-03-01 14:05:09", "Au Revoir"};
        for (const auto& p : peers) QCOMPARE(ctx.sentTo(p), expected);
        // Ticks interleave between peers: the fourth datagram is peer 0's second line.
        QVERIFY(ctx.sent[3].to == peers[0]);
        // A peer may ask again once served.
        ctx.sent.clear();
        h->onDatagram(ctx, "again", peers[1]);
        while (ctx.fireTimer(*h)) {
        }
        QCOMPARE(ctx.sentTo(peers[1]), expected);
        QCOMPARE(ctx.sent.size(), expected.size());
    }

    // Each read goes out at once, cut at its line ends: the course's server
    // relays what one recv() gave, and nothing waits for a '\n'.
    void chatRelaysEachRead() {
        auto s = ChatService().newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        s->onData(ctx, "hel");
        s->onData(ctx, "lo\nsecond\r\nthi");
        s->onData(ctx, std::string("rd \0 binary\n", 12));
        const std::vector<std::string> expected = {"hel", "lo\n", "second\r\n", "thi",
                                                   std::string("rd \0 binary\n", 12)};
        QCOMPARE(ctx.broadcasts, expected);
        QVERIFY(ctx.sent.empty());    // nothing back to the sender
        QVERIFY(ctx.timers.empty());  // nothing waits
        s->onPeerClosed(ctx);
        QVERIFY(ctx.closed);
    }

    // The course's client: sprintf("[%d]%s:%s") sent with strlen(), no '\n':
    // relayed byte for byte at once.
    void chatRelaysUnterminatedMessage() {
        auto s = ChatService().newSession({});
        FakeSessionContext ctx;
        s->onData(ctx, "[1709301909]alice:salut");
        QCOMPARE(ctx.broadcasts, std::vector<std::string>{"[1709301909]alice:salut"});
        s->onData(ctx, "[1709301910]alice:re");
        QCOMPARE(ctx.broadcasts.back(), std::string("[1709301910]alice:re"));
        QCOMPARE(ctx.broadcasts.size(), size_t(2));
    }

    // The course's bytes by default; lf and crlf on request.
    void clockTerminator_data() {
        QTest::addColumn<int>("terminator");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("none (default)")
            << int(Terminator::None) << QByteArray("2024-03-01 14:05:09Au Revoir");
        QTest::newRow("lf") << int(Terminator::Lf)
                            << QByteArray("2024-03-01 14:05:09\nAu Revoir\n");
        QTest::newRow("crlf") << int(Terminator::CrLf)
                              << QByteArray("2024-03-01 14:05:09\r\nAu Revoir\r\n");
    }
    void clockTerminator() {
        QFETCH(int, terminator);
        QFETCH(QByteArray, expected);
        ServiceOptions opt;
        QCOMPARE(int(opt.terminator), int(Terminator::None));
        opt.ticks = 1;
        opt.terminator = static_cast<Terminator>(terminator);
        auto s = ClockService([] { return kFixed; }).newSession(opt);
        FakeSessionContext ctx(opt);
        s->onData(ctx, "Bonjour");
        while (ctx.fireTimer(*s)) {
        }
        QCOMPARE(QByteArray::fromStdString(ctx.sent), expected);
        auto h = ClockService([] { return kFixed; }).newDatagramHandler(opt);
        FakeDatagramContext dctx(opt);
        const Address peer = Address::fromIp("127.0.0.1", 6001);
        h->onDatagram(dctx, "Bonjour", peer);
        while (dctx.fireTimer(*h)) {
        }
        std::string datagrams;
        for (const auto& d : dctx.sentTo(peer)) datagrams += d;
        QCOMPARE(QByteArray::fromStdString(datagrams), expected);
        QCOMPARE(dctx.sentTo(peer).back(),
                 "Au Revoir" + std::string(terminatorBytes(opt.terminator)));
        QCOMPARE(parseTerminator(terminatorName(opt.terminator)), opt.terminator);
    }

    void chatRefusesLongLines_data() {
        QTest::addColumn<int>("step");
        QTest::addColumn<QByteArray>("relayed");
        // Read whole, a long line is dropped entirely; read in pieces, the
        // pieces relayed before it was known to be too long stay relayed.
        QTest::newRow("whole") << 0 << QByteArray("12345678\nok\nlast\n");
        QTest::newRow("byte by byte") << 1 << QByteArray("12345678\n12345678ok\n01234567last\n");
        QTest::newRow("by 3") << 3 << QByteArray("12345678\n123456ok\n01234567last\n");
    }
    void chatRefusesLongLines() {
        QFETCH(int, step);
        ServiceOptions opt;
        opt.maxLine = 8;
        auto s = ChatService().newSession(opt);
        FakeSessionContext ctx(opt);
        feed(*s, ctx, "12345678\n123456789\nok\n0123456789abcdef-long\nlast\n", size_t(step));
        QFETCH(QByteArray, relayed);
        std::string all;
        for (const auto& b : ctx.broadcasts) all += b;
        QCOMPARE(QByteArray::fromStdString(all), relayed);
        QCOMPARE(ctx.logs.size(), size_t(2));
        QVERIFY(ctx.logs[0].find("longer than 8 bytes") != std::string::npos);
    }

    void httpHello_data() {
        QTest::addColumn<int>("step");
        QTest::newRow("whole") << 0;
        QTest::newRow("byte by byte") << 1;
    }
    void httpHello() {
        QFETCH(int, step);
        ServiceOptions opt;
        opt.modelName = "epoll";
        auto s = HttpService().newSession(opt);
        FakeSessionContext ctx(opt);
        feed(*s, ctx,
             "GET /?a<b> HTTP/1.1\r\nHost: x\r\nUser-Agent: test\r\nConnection: close\r\n\r\n",
             size_t(step));
        QVERIFY(ctx.closed);
        http::ResponseParser p;
        QCOMPARE(p.feed(ctx.sent), http::ResponseParser::Status::Complete);
        const http::Response& r = p.response();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.version, std::string("HTTP/1.1"));
        QCOMPARE(std::string(r.headers.get("Connection").value_or("")), std::string("close"));
        QCOMPARE(std::string(r.headers.get("Content-Length").value_or("")),
                 std::to_string(r.body.size()));
        QVERIFY(std::string(r.headers.get("Content-Type").value_or("")).find("text/html") == 0);
        QCOMPARE(r.body, HttpService::helloPage("epoll", "GET", "/?a<b>", "127.0.0.1:40000"));
        QVERIFY(r.body.find("<strong>epoll</strong>") != std::string::npos);
        QVERIFY(r.body.find("/?a&lt;b&gt;") != std::string::npos);
        // The whole answer is exactly one response: nothing after the body.
        QVERIFY(ctx.sent.size() == p.consumedBytes());
    }

    void httpHead() {
        auto s = HttpService().newSession({});
        FakeSessionContext ctx;
        s->onData(ctx, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const size_t headEnd = ctx.sent.find("\r\n\r\n");
        QVERIFY(headEnd != std::string::npos);
        QCOMPARE(ctx.sent.size(), headEnd + 4);  // no body
        QVERIFY(ctx.sent.find("Content-Length: 0") == std::string::npos);
        QVERIFY(ctx.closed);
    }

    void httpBadRequest() {
        auto s = HttpService().newSession({});
        FakeSessionContext ctx;
        s->onData(ctx, "NOT HTTP AT ALL\r\n\r\n");
        QVERIFY(ctx.sent.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0);
        QVERIFY(ctx.closed);
        QCOMPARE(ctx.logs.size(), size_t(1));
        s->onData(ctx, "more");  // after the answer nothing more is sent
        QCOMPARE(ctx.sendsAfterClose, 0);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_StatefulServices)
#include "tst_statefulservices.moc"
