// The time services' local time without localtime_r: a fork child converts
// with the zone its parent read just before the fork (pinLocalZone), because
// glibc does not reset its time-zone lock in the child. Checked: the
// arithmetic gives the lines localtime_r gives, in zones east and west of
// UTC, with and without daylight saving, at day, month, leap-year and
// century edges; and a fork server keeps answering daytime while another
// thread of the process is in localtime_r all the time (before the fix, its
// children hung on that lock, seen in the fork-vs-thread lab).

#include <sys/wait.h>

#include <QtTest>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "core/services/wallclock.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using sockwb::test::readToEof;
using SysClock = std::chrono::system_clock;

namespace {

// TZ set for the scope, and put back after.
class ScopedTz {
public:
    explicit ScopedTz(const char* tz) {
        if (const char* old = std::getenv("TZ")) saved_ = old, had_ = true;
        ::setenv("TZ", tz, 1);
        ::tzset();
    }
    ~ScopedTz() {
        if (had_)
            ::setenv("TZ", saved_.c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }

private:
    std::string saved_;
    bool had_ = false;
};

}  // namespace

class tst_WallClock : public QObject {
    Q_OBJECT
private slots:
    void arithmeticMatchesLocaltime_data();
    void arithmeticMatchesLocaltime();
    void forkServerAnswersWhileAnotherThreadReadsTheZone();
};

void tst_WallClock::arithmeticMatchesLocaltime_data() {
    QTest::addColumn<QString>("tz");
    QTest::newRow("UTC") << "UTC0";
    QTest::newRow("Paris (CET/CEST)") << "CET-1CEST,M3.5.0,M10.5.0/3";
    QTest::newRow("New York (EST/EDT)") << "EST5EDT,M3.2.0,M11.1.0";
    QTest::newRow("Kathmandu (+5:45)") << "NPT-5:45";
    QTest::newRow("Baker Island (-12)") << "BIT12";
    QTest::newRow("Kiribati (+14)") << "LINT-14";
}

void tst_WallClock::arithmeticMatchesLocaltime() {
    QFETCH(QString, tz);
    const ScopedTz scoped(tz.toLatin1().constData());
    const std::int64_t instants[] = {
        0,           // 1970-01-01 00:00:00 UTC, a Thursday
        951782400,   // 2000-02-29, a leap day in a century year
        946684799,   // 1999-12-31 23:59:59 UTC
        1709251199,  // 2024-02-29 23:59:59 UTC
        1711846800,  // 2024-03-31 01:00:00 UTC, Paris changes to summer time
        1730595600,  // 2024-11-03 01:00:00 UTC, New York's autumn change week
        4102444800,  // 2100-01-01, not a leap year
        -86401,      // before the epoch
    };
    for (const std::int64_t secs : instants) {
        const SysClock::time_point t{std::chrono::seconds(secs)};
        const LocalZone zone = localZoneAt(t);
        QCOMPARE(QString::fromStdString(formatLocalTime(t, zone)),
                 QString::fromStdString(formatLocalTime(t)));
        QCOMPARE(QString::fromStdString(formatDaytime(t, zone)),
                 QString::fromStdString(formatDaytime(t)));
    }
    // The zone read now is the one localZoneAt gives for now.
    const LocalZone now = currentLocalZone();
    QCOMPARE(now.offsetSeconds, localZoneAt(SysClock::now()).offsetSeconds);
}

void tst_WallClock::forkServerAnswersWhileAnotherThreadReadsTheZone() {
#ifdef SOCKWB_SANITIZED
    QSKIP("fork model under the sanitizers: their malloc is not fork-safe");
#endif
    // Another thread of this process in localtime_r as much as it can: a
    // fork made while it holds glibc's time-zone lock copies the lock held.
    std::atomic<bool> stop{false};
    std::atomic<long> calls{0};
    std::thread reader([&] {
        std::time_t now = std::time(nullptr);
        std::tm tm{};
        while (!stop.load(std::memory_order_relaxed)) {
            localtime_r(&now, &tm);
            calls.fetch_add(1, std::memory_order_relaxed);
        }
    });
    struct Stop {
        std::atomic<bool>& flag;
        std::thread& t;
        ~Stop() {
            flag = true;
            t.join();
        }
    } stopOnReturn{stop, reader};
    QTRY_VERIFY(calls.load() > 0);

    ServerConfig c;
    c.model = "fork";
    c.listeners = {ListenerConfig{"daytime", Protocol::Tcp, "127.0.0.1", 0}};
    Server server(c);
    server.start();
    const Address at = server.addresses().front();
    constexpr int kRounds = 60;
    for (int i = 0; i < kRounds; ++i) {
        std::string line;
        {
            Socket s = tcpConnect(at, Millis(5000));
            // A child stuck on the lock never writes: the read times out.
            line = readToEof(s, Millis(5000));
        }  // closed: the child's close sequence ends at once
        const std::string zone = currentLocalZone().abbreviation;
        QVERIFY2(line.ends_with("-" + zone + "\r\n"),
                 qPrintable(QStringLiteral("round %1: '%2'").arg(i).arg(line.c_str())));
        // One child at a time, reaped before the next fork.
        QTRY_COMPARE_WITH_TIMEOUT(server.connections().size(), size_t(0), 5000);
    }
    server.stop();
}

SOCKWB_TEST_GUILESS_MAIN(tst_WallClock)
#include "tst_wallclock.moc"
