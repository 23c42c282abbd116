// The limiter that keeps a repeating accept error (EMFILE) from flooding
// the log: the first failure is reported, the next ones within the
// interval are counted, and the count comes with the next report or when
// the operation succeeds again. The clock is the test's.

#include <QtTest/QtTest>

#include "core/server/errorthrottle.h"
#include "support/testmain.h"

using namespace sockwb;
using std::chrono::milliseconds;
using std::chrono::seconds;

class tst_ErrorThrottle : public QObject {
    Q_OBJECT

private slots:
    void firstReportedThenCounted() {
        ErrorThrottle t(seconds(5));
        const auto t0 = ErrorThrottle::Clock::now();
        auto d = t.failed(t0);
        QVERIFY(d.report);
        QCOMPARE(d.skipped, 0u);
        // Every 100 ms for just under 5 s: 49 failures, none reported.
        for (int i = 1; i < 50; ++i) QVERIFY(!t.failed(t0 + milliseconds(100 * i)).report);
        d = t.failed(t0 + seconds(5));
        QVERIFY(d.report);
        QCOMPARE(d.skipped, 49u);
        // The count starts again after each report.
        QVERIFY(!t.failed(t0 + milliseconds(5100)).report);
        d = t.failed(t0 + seconds(10));
        QVERIFY(d.report);
        QCOMPARE(d.skipped, 1u);
    }

    void successSettlesTheCount() {
        ErrorThrottle t(seconds(5));
        const auto t0 = ErrorThrottle::Clock::now();
        QVERIFY(t.failed(t0).report);
        QVERIFY(!t.failed(t0 + milliseconds(100)).report);
        QVERIFY(!t.failed(t0 + milliseconds(200)).report);
        QCOMPARE(t.settle(), 2u);
        QCOMPARE(t.settle(), 0u);
        // After a success, the next failure is news: reported at once.
        const auto d = t.failed(t0 + milliseconds(300));
        QVERIFY(d.report);
        QCOMPARE(d.skipped, 0u);
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_ErrorThrottle)
#include "tst_errorthrottle.moc"
