// The registry and the RFC services (echo, discard, chargen, daytime, time)
// checked byte for byte through fake contexts; clock, chat and http are in
// tst_statefulservices.cpp. No socket, no thread, no sleep: timers are
// fired by hand and the wall clock is pinned, so each byte is known.

#include <QtTest/QtTest>
#include <cstdlib>
#include <ctime>
#include <set>

#include "core/net/error.h"
#include "core/server/service.h"
#include "core/services/chargenservice.h"
#include "core/services/daytimeservice.h"
#include "core/services/echoservice.h"
#include "core/services/timeservice.h"
#include "support/fakeservicecontext.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using sockwb::test::FakeDatagramContext;
using sockwb::test::FakeSessionContext;

namespace {

using TimePoint = std::chrono::system_clock::time_point;
// 2024-03-01 14:05:09 UTC, a Friday.
const TimePoint kFixed = TimePoint(std::chrono::seconds(1709301909));

std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s += static_cast<char>(v);
    return s;
}

// Feeds data to a session split into pieces of `step` bytes (0: whole).
void feed(Session& s, FakeSessionContext& ctx, std::string_view data, size_t step) {
    if (step == 0) step = data.size() ? data.size() : 1;
    for (size_t i = 0; i < data.size(); i += step) s.onData(ctx, data.substr(i, step));
}

}  // namespace

class tst_Services : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Local time is UTC for the whole suite: the lines are then known.
        qputenv("TZ", "UTC");
        tzset();
    }

    void registry() {
        const std::vector<std::string> expected = {"echo", "discard", "chargen", "daytime",
                                                   "time", "clock",   "chat",    "http"};
        QCOMPARE(serviceNames(), expected);
        for (const auto& n : expected) QCOMPARE(makeService(n)->name(), n);
        for (const char* n : {"echo", "discard", "chargen", "daytime", "time", "clock"})
            QVERIFY2(makeService(n)->supportsUdp(), n);
        QVERIFY(!makeService("chat")->supportsUdp());
        QVERIFY(!makeService("http")->supportsUdp());
        QVERIFY(makeService("chat")->needsBroadcast());
        QVERIFY(!makeService("echo")->needsBroadcast());
        QVERIFY(makeService("echo")->newDatagramHandler({}) != nullptr);
        QVERIFY(makeService("chat")->newDatagramHandler({}) == nullptr);
    }

    void unknownServiceListsValidOnes() {
        try {
            makeService("ecoh");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidInput);
            const std::string what = e.what();
            QVERIFY2(what.find("ecoh") != std::string::npos, e.what());
            QVERIFY2(what.find("echo, discard, chargen, daytime, time, clock, chat, http") !=
                         std::string::npos,
                     e.what());
        }
    }

    void echoTcp_data() {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("step");
        QTest::newRow("one byte") << 1 << 0;
        QTest::newRow("binary whole") << 4096 << 0;
        QTest::newRow("binary byte by byte") << 300 << 1;
        QTest::newRow("binary odd splits") << 100000 << 7777;
    }
    void echoTcp() {
        QFETCH(int, size);
        QFETCH(int, step);
        const std::string data = test::randomBytes(static_cast<size_t>(size));
        auto s = EchoService().newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        QVERIFY(ctx.sent.empty());
        feed(*s, ctx, data, static_cast<size_t>(step));
        QVERIFY(ctx.sent == data);
        QVERIFY(!ctx.closed);
        s->onPeerClosed(ctx);
        QVERIFY(ctx.closed);
    }

    void echoUdp() {
        auto h = EchoService().newDatagramHandler({});
        FakeDatagramContext ctx;
        const Address a = Address::fromIp("127.0.0.1", 5001), b = Address::fromIp("::1", 5002);
        const std::string binary = bytes({0, 1, 0xff, '\n', 0});
        h->onDatagram(ctx, binary, a);
        h->onDatagram(ctx, "", b);
        QCOMPARE(ctx.sent.size(), size_t(2));
        QVERIFY(ctx.sent[0].bytes == binary);
        QVERIFY(ctx.sent[0].to == a);
        QVERIFY(ctx.sent[1].bytes.empty());
        QVERIFY(ctx.sent[1].to == b);
    }

    void discard() {
        auto svc = makeService("discard");
        auto s = svc->newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        s->onData(ctx, test::randomBytes(10000));
        QVERIFY(ctx.sent.empty());
        QVERIFY(ctx.timers.empty());
        s->onPeerClosed(ctx);
        QVERIFY(ctx.closed);
        auto h = svc->newDatagramHandler({});
        FakeDatagramContext dctx;
        h->onDatagram(dctx, "hello", Address::fromIp("127.0.0.1", 9));
        QVERIFY(dctx.sent.empty());
    }

    void chargenLines() {
        const std::string first = ChargenService::line(0);
        QCOMPARE(first.size(), size_t(74));
        QCOMPARE(first.substr(0, 10), std::string(" !\"#$%&'()"));
        QCOMPARE(first.substr(62), std::string("^_`abcdefg\r\n"));
        QCOMPARE(ChargenService::line(1).substr(0, 3), std::string("!\"#"));
        // Line 23 ends at '~'; line 24 wraps to ' ' for its last character.
        QCOMPARE(ChargenService::line(23).substr(0, 1), std::string("7"));
        QCOMPARE(ChargenService::line(23).substr(70, 4), std::string("}~\r\n"));
        QCOMPARE(ChargenService::line(24).substr(70, 4), std::string("~ \r\n"));
        QCOMPARE(ChargenService::line(95), first);
        for (uint64_t i = 0; i < 95; ++i)
            for (char c : ChargenService::line(i).substr(0, 72)) QVERIFY(c >= ' ' && c <= '~');
        std::string joined;
        for (uint64_t i = 0; i < 200; ++i) joined += ChargenService::line(i);
        QVERIFY(ChargenService::stream(0, joined.size()) == joined);
        QVERIFY(ChargenService::stream(7030 + 100, 500) == joined.substr(100, 500));
    }

    void chargenTcpIsPacedByTimers() {
        auto s = ChargenService().newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        QCOMPARE(ctx.sent.size(), ChargenService::kBatch);
        QCOMPARE(ctx.timers.size(), size_t(1));
        QCOMPARE(ctx.timers.front().delay, Millis(0));
        s->onData(ctx, "ignored");  // input is discarded, output unchanged
        for (int i = 0; i < 3; ++i) QVERIFY(ctx.fireTimer(*s));
        QVERIFY(ctx.sent == ChargenService::stream(0, 4 * ChargenService::kBatch));
        s->onPeerClosed(ctx);  // a half-close does not stop the stream
        QVERIFY(!ctx.closed);
        QVERIFY(ctx.fireTimer(*s));
        QVERIFY(ctx.sent == ChargenService::stream(0, 5 * ChargenService::kBatch));
    }

    void chargenTcpStopsWhenThePeerDoesNotRead() {
        auto s = ChargenService().newSession({});
        FakeSessionContext ctx;
        ctx.reportQueue = true;  // nothing ever leaves the queue
        s->onOpen(ctx);
        for (int i = 0; i < 50 && ctx.fireTimer(*s); ++i) {
        }
        QVERIFY(ctx.sent.size() <= 5 * ChargenService::kBatch);
        // Queue full: no timer at all (no polling of the queue), it waits
        // for the model to say the peer took some (onWritable).
        QVERIFY(ctx.timers.empty());
        const size_t before = ctx.sent.size();
        s->onWritable(ctx);  // a flush sent a little, the queue is still full
        QCOMPARE(ctx.sent.size(), before);
        QVERIFY(ctx.timers.empty());
        ctx.queued = 0;  // the peer read everything
        s->onWritable(ctx);
        QCOMPARE(ctx.sent.size(), before + ChargenService::kBatch);
        QVERIFY(ctx.fireTimer(*s));  // and the stream goes on by its timer
        QCOMPARE(ctx.sent.size(), before + 2 * ChargenService::kBatch);
        QVERIFY(ctx.sent == ChargenService::stream(0, ctx.sent.size()));
    }

    void chargenUdp() {
        auto h = ChargenService(42).newDatagramHandler({});
        FakeDatagramContext ctx;
        const Address peer = Address::fromIp("127.0.0.1", 7000);
        std::set<size_t> lengths;
        for (int i = 0; i < 100; ++i) h->onDatagram(ctx, "x", peer);
        QCOMPARE(ctx.sent.size(), size_t(100));
        for (size_t i = 0; i < ctx.sent.size(); ++i) {
            const std::string& d = ctx.sent[i].bytes;
            QVERIFY(d.size() <= 512);
            QVERIFY(ctx.sent[i].to == peer);
            QVERIFY2(d == ChargenService::stream((i % 95) * 74, d.size()),
                     qPrintable(QString::number(i)));
            lengths.insert(d.size());
        }
        QVERIFY(lengths.size() > 20);  // random lengths, not one constant
    }

    void daytime() {
        const std::string expected = "Friday, March 01, 2024 14:05:09-UTC\r\n";
        QCOMPARE(DaytimeService::lineAt(kFixed), expected);
        DaytimeService svc([] { return kFixed; });
        auto s = svc.newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        QCOMPARE(ctx.sent, expected);
        QVERIFY(ctx.closed);
        auto h = svc.newDatagramHandler({});
        FakeDatagramContext dctx;
        const Address peer = Address::fromIp("127.0.0.1", 13013);
        h->onDatagram(dctx, "", peer);
        QCOMPARE(dctx.sent.size(), size_t(1));
        QCOMPARE(dctx.sent[0].bytes, expected);
        QVERIFY(dctx.sent[0].to == peer);
    }

    void timeEncoding_data() {
        QTest::addColumn<qint64>("unixSeconds");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("unix epoch") << qint64(0) << QByteArray::fromHex("83aa7e80");
        QTest::newRow("2024-03-01 14:05:09")
            << qint64(1709301909) << QByteArray::fromHex("e98c5f15");
        // 2036-02-07 06:28:16 UTC: the 32-bit counter wraps to 0.
        QTest::newRow("wrap") << qint64(2085978496) << QByteArray::fromHex("00000000");
    }
    void timeEncoding() {
        QFETCH(qint64, unixSeconds);
        QFETCH(QByteArray, wire);
        const std::string got = TimeService::encode(TimePoint(std::chrono::seconds(unixSeconds)));
        QCOMPARE(QByteArray(got.data(), int(got.size())), wire);
    }

    void timeTcpAndUdp() {
        TimeService svc([] { return kFixed; });
        const std::string expected = bytes({0xe9, 0x8c, 0x5f, 0x15});
        auto s = svc.newSession({});
        FakeSessionContext ctx;
        s->onOpen(ctx);
        QVERIFY(ctx.sent == expected);
        QVERIFY(ctx.closed);
        auto h = svc.newDatagramHandler({});
        FakeDatagramContext dctx;
        h->onDatagram(dctx, "", Address::fromIp("127.0.0.1", 37037));
        QCOMPARE(dctx.sent.size(), size_t(1));
        QVERIFY(dctx.sent[0].bytes == expected);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_Services)
#include "tst_services.moc"
