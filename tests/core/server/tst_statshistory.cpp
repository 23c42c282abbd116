// StatsHistory, the ring behind the server panel's live charts: rates from
// running totals, the bound by count and by age, and a counter that goes
// down (a new server) not turning into a negative rate.

#include <QtTest>

#include "core/server/statshistory.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace std::chrono_literals;

namespace {
ServerStats stats(uint64_t active, uint64_t in, uint64_t out, uint64_t requests) {
    ServerStats s;
    s.active = active;
    s.bytesIn = in;
    s.bytesOut = out;
    s.requests = requests;
    return s;
}
}  // namespace

class tst_StatsHistory : public QObject {
    Q_OBJECT
private slots:
    void ratesFromTotals() {
        StatsHistory h;
        const auto t0 = StatsHistory::Clock::time_point{} + 1000s;
        h.add(t0, stats(1, 100, 50, 2));
        h.add(t0 + 2s, stats(3, 1100, 250, 12));
        const auto p = h.points();
        QCOMPARE(p.size(), size_t(2));
        QCOMPARE(p[0].bytesInPerSec, 0.0);  // nothing before the first
        QCOMPARE(p[1].active, uint64_t(3));
        QCOMPARE(p[1].bytesInPerSec, 500.0);
        QCOMPARE(p[1].bytesOutPerSec, 100.0);
        QCOMPARE(p[1].requestsPerSec, 5.0);
    }
    void dropsOldestWhenFull() {
        StatsHistory h(5, 3600s);
        const auto t0 = StatsHistory::Clock::time_point{} + 1000s;
        for (int i = 0; i < 12; ++i) h.add(t0 + i * 1s, stats(uint64_t(i), 0, 0, 0));
        QCOMPARE(h.size(), size_t(5));
        const auto p = h.points();
        QCOMPARE(p.front().active, uint64_t(7));  // 0..6 dropped
        QCOMPARE(p.back().active, uint64_t(11));
        for (size_t i = 1; i < p.size(); ++i) QVERIFY(p[i - 1].at < p[i].at);
    }
    void dropsOlderThanWindow() {
        StatsHistory h(1000, 10s);
        const auto t0 = StatsHistory::Clock::time_point{} + 1000s;
        for (int i = 0; i <= 30; ++i) h.add(t0 + i * 1s, stats(uint64_t(i), 0, 0, 0));
        const auto p = h.points();
        QCOMPARE(p.size(), size_t(11));  // 20..30: 10 s before the newest, inclusive
        QCOMPARE(p.front().active, uint64_t(20));
        h.add(t0 + 100s, stats(99, 0, 0, 0));  // a long pause: everything else is too old
        QCOMPARE(h.size(), size_t(1));
    }
    void counterResetAndClockOrder() {
        StatsHistory h;
        const auto t0 = StatsHistory::Clock::time_point{} + 1000s;
        h.add(t0, stats(0, 5000, 5000, 50));
        h.add(t0 + 1s, stats(0, 10, 10, 1));  // another server: totals went down
        QCOMPARE(h.points().back().bytesInPerSec, 0.0);
        QCOMPARE(h.points().back().requestsPerSec, 0.0);
        h.add(t0 + 1s, stats(0, 99999, 0, 0));  // same time again: ignored
        QCOMPARE(h.size(), size_t(2));
        h.clear();
        QCOMPARE(h.size(), size_t(0));
        h.add(t0, stats(4, 1, 1, 1));  // after clear() the clock may start over
        QCOMPARE(h.size(), size_t(1));
        QCOMPARE(h.points().front().active, uint64_t(4));
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_StatsHistory)
#include "tst_statshistory.moc"
