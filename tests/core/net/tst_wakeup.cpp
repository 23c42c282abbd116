// Wakeup, the one eventfd type that wakes loops and workers: readable after
// notify() and until drain(), counts what it absorbed, works across threads,
// stays readable when never drained (the stop fd), and closes its fd.

#include <fcntl.h>
#include <poll.h>

#include <QtTest/QtTest>
#include <thread>

#include "core/net/trace.h"
#include "core/net/wakeup.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

bool readable(int fd, int timeoutMs = 0) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, timeoutMs) == 1 && (p.revents & POLLIN);
}

struct CountingObserver : TraceObserver {
    std::atomic<int> events{0};
    void onTrace(const TraceEvent&) override { ++events; }
};

}  // namespace

class tst_Wakeup : public QObject {
    Q_OBJECT

private slots:
    void quietUntilNotified() {
        Wakeup w;
        QVERIFY(w.fd() >= 0);
        QVERIFY(!readable(w.fd()));
        QCOMPARE(w.drain(), uint64_t(0));
    }

    void notifyThenDrainCounts() {
        Wakeup w;
        w.notify();
        w.notify();
        w.notify();
        QVERIFY(readable(w.fd()));
        QVERIFY(readable(w.fd()));  // polling does not consume it
        QCOMPARE(w.drain(), uint64_t(3));
        QVERIFY(!readable(w.fd()));
        QCOMPARE(w.drain(), uint64_t(0));
    }

    void wakesAPollOnAnotherThread() {
        Wakeup w;
        bool woke = false;
        std::thread waiter([&] { woke = readable(w.fd(), 10'000); });
        w.notify();
        waiter.join();
        QVERIFY(woke);
    }

    void fdIsNonBlockingAndCloseOnExec() {
        Wakeup w;
        QVERIFY(::fcntl(w.fd(), F_GETFL) & O_NONBLOCK);
        QVERIFY(::fcntl(w.fd(), F_GETFD) & FD_CLOEXEC);
    }

    void destructorClosesTheFd() {
        int fd = -1;
        {
            Wakeup w;
            fd = w.fd();
            QVERIFY(::fcntl(fd, F_GETFD) >= 0);
        }
        QCOMPARE(::fcntl(fd, F_GETFD), -1);
        QCOMPARE(errno, EBADF);
    }

    void neverTraced() {
        // Plumbing, not the socket API a student watches: no trace row.
        CountingObserver obs;
        TraceScope scope(&obs);
        {
            Wakeup w;
            w.notify();
            w.drain();
        }
        QCOMPARE(obs.events.load(), 0);
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_Wakeup)
#include "tst_wakeup.moc"
