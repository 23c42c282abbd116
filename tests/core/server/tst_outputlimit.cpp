// The output limit's rules without a socket: the hard limit acts at once,
// the soft one only after its time over it without a break (clock given by
// the test), the option text read and written back, the close's log line.

#include <QtTest/QtTest>

#include "core/server/outputlimit.h"
#include "support/testmain.h"

using namespace sockwb;
using Verdict = OutputLimiter::Verdict;
using Clock = OutputLimiter::Clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {
constexpr size_t kMiB = OutputLimit::kMiB;
}

class tst_OutputLimit : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreRedisLike() {
        const OutputLimit d;
        QCOMPARE(d.hardBytes, 8 * kMiB);
        QCOMPARE(d.softBytes, 2 * kMiB);
        QCOMPARE(d.softSeconds, 60);
    }

    void hardLimitActsAtOnce() {
        OutputLimiter l(OutputLimit{1000, 0, 0});
        const auto t = Clock::now();
        QVERIFY(l.check(1000, t) == Verdict::Ok);
        QVERIFY(l.check(1001, t) == Verdict::OverHard);
    }

    void softLimitNeedsItsTime() {
        OutputLimiter l(OutputLimit{10000, 1000, 2});
        const auto t0 = Clock::now();
        QVERIFY(l.check(1500, t0) == Verdict::Ok);
        QVERIFY(l.check(1500, t0 + milliseconds(1999)) == Verdict::Ok);
        QVERIFY(l.check(1500, t0 + seconds(2)) == Verdict::OverSoft);
    }

    void softLimitRestartsBelowIt() {
        OutputLimiter l(OutputLimit{10000, 1000, 2});
        const auto t0 = Clock::now();
        QVERIFY(l.check(1500, t0) == Verdict::Ok);
        QVERIFY(l.check(900, t0 + seconds(1)) == Verdict::Ok);  // the peer caught up
        QVERIFY(l.check(1500, t0 + milliseconds(1500)) == Verdict::Ok);
        QVERIFY(l.check(1500, t0 + milliseconds(3400)) == Verdict::Ok);
        QVERIFY(l.check(1500, t0 + milliseconds(3500)) == Verdict::OverSoft);
    }

    void zeroTurnsLimitsOff() {
        OutputLimiter l(OutputLimit{0, 0, 0});
        QVERIFY(l.check(size_t(1) << 40, Clock::now() + seconds(1000)) == Verdict::Ok);
    }

    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qulonglong>("hard");
        QTest::addColumn<qulonglong>("soft");
        QTest::addColumn<int>("seconds");
        QTest::newRow("redis") << "8M,2M,60" << true << qulonglong(8 * kMiB) << qulonglong(2 * kMiB)
                               << 60;
        QTest::newRow("bytes") << "100000,5000,3" << true << 100000ull << 5000ull << 3;
        QTest::newRow("kib") << "512k,64K,1" << true << 524288ull << 65536ull << 1;
        QTest::newRow("hard alone: no soft") << "1G" << true << (1ull << 30) << 0ull << 60;
        QTest::newRow("all off") << "0,0,0" << true << 0ull << 0ull << 0;
        QTest::newRow("soft only") << "0,1M,10" << true << 0ull << qulonglong(kMiB) << 10;
        QTest::newRow("soft over hard") << "1M,2M,10" << false << 0ull << 0ull << 0;
        QTest::newRow("two parts") << "1M,2M" << false << 0ull << 0ull << 0;
        QTest::newRow("empty") << "" << false << 0ull << 0ull << 0;
        QTest::newRow("unit only") << "M" << false << 0ull << 0ull << 0;
        QTest::newRow("negative") << "-1" << false << 0ull << 0ull << 0;
        QTest::newRow("bad unit") << "8X" << false << 0ull << 0ull << 0;
        QTest::newRow("bad seconds") << "8M,2M,x" << false << 0ull << 0ull << 0;
        QTest::newRow("huge") << "99999999999999999999" << false << 0ull << 0ull << 0;
    }

    void parse() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto l = parseOutputLimit(text.toStdString());
        QCOMPARE(l.has_value(), valid);
        if (!valid) return;
        QFETCH(qulonglong, hard);
        QFETCH(qulonglong, soft);
        QFETCH(int, seconds);
        QCOMPARE(qulonglong(l->hardBytes), hard);
        QCOMPARE(qulonglong(l->softBytes), soft);
        QCOMPARE(l->softSeconds, seconds);
        QCOMPARE(parseOutputLimit(outputLimitText(*l)), l);  // written back, read the same
    }

    void sizes() {
        QCOMPARE(sizeText(8 * kMiB), std::string("8 MiB"));
        QCOMPARE(sizeText(8 * kMiB + 60000), std::string("8.1 MiB"));
        QCOMPARE(sizeText(512 * 1024), std::string("512 KiB"));
        QCOMPARE(sizeText(100), std::string("100 bytes"));
    }

    void closeReasons() {
        const OutputLimit limit{8 * kMiB, 2 * kMiB, 60};
        QCOMPARE(OutputLimiter::closeReason(3, "127.0.0.1:5000", 8 * kMiB + 1000, Verdict::OverHard,
                                            limit),
                 std::string("client 3 (127.0.0.1:5000) closed: 8.0 MiB queued, it does not "
                             "read (output hard limit 8 MiB)"));
        const std::string soft =
            OutputLimiter::closeReason(4, "127.0.0.1:5001", 3 * kMiB, Verdict::OverSoft, limit);
        QVERIFY2(soft.find("output soft limit 2 MiB for 60 s") != std::string::npos, soft.c_str());
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_OutputLimit)
#include "tst_outputlimit.moc"
