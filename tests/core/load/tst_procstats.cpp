// ProcStats against the real kernel: this process's resident memory grows
// when pages are touched, its thread count and task list follow a
// std::thread, a fork child's private memory shows what it wrote, and a
// process that is gone reads as "unknown", never as an exception.

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QtTest>
#include <algorithm>
#include <cstring>
#include <future>
#include <memory>
#include <thread>

#include "core/load/procstats.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {
int currentTid() { return static_cast<int>(::syscall(SYS_gettid)); }
}  // namespace

class tst_ProcStats : public QObject {
    Q_OBJECT
private slots:
    void ownStatus();
    void rssFollowsTouchedPages();
    void threadsFollowStdThread();
    void forkChildPrivateMemory();
    void goneProcess();
};

void tst_ProcStats::ownStatus() {
    const auto s = ProcStats::status();
    QVERIFY(s.has_value());
    QVERIFY2(s->rssKiB > 0, qPrintable(QString::number(s->rssKiB)));
    QVERIFY(s->threads >= 1);
    const auto byPid = ProcStats::status(::getpid());
    QVERIFY(byPid.has_value());
    QCOMPARE(byPid->threads, s->threads);
    const auto tasks = ProcStats::tasks();
    QCOMPARE(int(tasks.size()), s->threads);
    QVERIFY(std::is_sorted(tasks.begin(), tasks.end()));
    QVERIFY(std::find(tasks.begin(), tasks.end(), currentTid()) != tasks.end());
    QVERIFY(ProcStats::hasTask(0, currentTid()));
    QVERIFY(ProcStats::privateKiB(0) > 0);
}

void tst_ProcStats::rssFollowsTouchedPages() {
    constexpr size_t kBytes = 64u << 20;
    const auto before = ProcStats::status();
    QVERIFY(before && before->rssKiB > 0);
    std::unique_ptr<char[]> block(new char[kBytes]);
    std::memset(block.get(), 0x5a, kBytes);  // touched: now resident
    const auto after = ProcStats::status();
    QVERIFY(after.has_value());
    const std::int64_t grown = after->rssKiB - before->rssKiB;
    QVERIFY2(grown >= 60 * 1024, qPrintable(QStringLiteral("grew %1 KiB").arg(grown)));
    QVERIFY(block[kBytes - 1] == 0x5a);
}

void tst_ProcStats::threadsFollowStdThread() {
    const auto before = ProcStats::status();
    QVERIFY(before.has_value());
    std::promise<int> tidPromise;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::thread t([&] {
        tidPromise.set_value(currentTid());
        released.wait();
    });
    const int tid = tidPromise.get_future().get();
    const auto during = ProcStats::status();
    QVERIFY(during.has_value());
    QCOMPARE(during->threads, before->threads + 1);
    const auto tasks = ProcStats::tasks();
    QVERIFY(std::find(tasks.begin(), tasks.end(), tid) != tasks.end());
    QVERIFY(ProcStats::hasTask(0, tid));
    QVERIFY(ProcStats::hasTask(::getpid(), tid));
    release.set_value();
    t.join();
    QTRY_VERIFY(!ProcStats::hasTask(0, tid));
    QTRY_COMPARE(ProcStats::status()->threads, before->threads);
}

void tst_ProcStats::forkChildPrivateMemory() {
    constexpr size_t kBytes = 32u << 20;
    int ready[2];
    int hold[2];
    QCOMPARE(::pipe2(ready, O_CLOEXEC), 0);
    QCOMPARE(::pipe2(hold, O_CLOEXEC), 0);
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        // Child: fresh pages written here belong to it alone. It keeps only
        // the ends it uses, so the parent closing `hold` is its EOF.
        ::close(ready[0]);
        ::close(hold[1]);
        // Written through volatile: the compiler may not drop the stores.
        volatile char* block = static_cast<volatile char*>(std::malloc(kBytes));
        for (size_t i = 0; block && i < kBytes; i += 512) block[i] = 0x33;
        const char one = block ? '1' : '0';
        (void)!::write(ready[1], &one, 1);
        char c;
        (void)!::read(hold[0], &c, 1);  // until the parent closes its end
        ::_exit(0);
    }
    ::close(ready[1]);
    ::close(hold[0]);
    char c = 0;
    const bool got = ::read(ready[0], &c, 1) == 1;
    const std::int64_t priv = ProcStats::privateKiB(pid);
    const auto st = ProcStats::status(pid);
    const auto tasks = ProcStats::tasks(pid);
    ::close(hold[1]);  // the child leaves
    ::close(ready[0]);
    int wstatus = 0;
    QCOMPARE(::waitpid(pid, &wstatus, 0), pid);
    QVERIFY(got && c == '1');
    QVERIFY2(priv >= 30 * 1024, qPrintable(QStringLiteral("child private %1 KiB").arg(priv)));
    QVERIFY(st.has_value());
    QVERIFY(st->rssKiB >= priv);
    QCOMPARE(st->threads, 1);  // fork copies only the calling thread
    QCOMPARE(tasks, std::vector<int>{pid});
}

void tst_ProcStats::goneProcess() {
    // A child that has been reaped: its pid is free, nothing to read.
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0) ::_exit(0);
    int wstatus = 0;
    QCOMPARE(::waitpid(pid, &wstatus, 0), pid);
    // The pid could in theory be reused at once; that is vanishingly rare.
    QVERIFY(!ProcStats::status(pid).has_value());
    QVERIFY(ProcStats::tasks(pid).empty());
    QCOMPARE(ProcStats::privateKiB(pid), std::int64_t(-1));
    QVERIFY(!ProcStats::hasTask(pid, pid));
    QVERIFY(!ProcStats::hasTask(0, 0));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ProcStats)
#include "tst_procstats.moc"
