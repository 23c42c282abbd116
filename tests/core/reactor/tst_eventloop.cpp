// The event loop's parts: the timer heap, each Poller backend (select,
// poll, epoll) on the same small scenarios, and the loop itself (stop fd or
// none, timers as poll timeout, an fd with no interest never spinning, an fd
// number reused within a round never getting the old file's event).

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest>

#include "core/net/error.h"
#include "core/reactor/eventloop.h"
#include "core/reactor/poller.h"
#include "core/reactor/timerqueue.h"
#include "support/testmain.h"

using namespace sockwb;
using Millis = std::chrono::milliseconds;

class tst_EventLoop : public QObject {
    Q_OBJECT

private slots:
    void timersRunInDeadlineOrder();
    void nextTimeout();
    void pollerBackends_data();
    void pollerBackends();
    void loopStopsOnStopFd();
    void noInterestNoSpin();
    void runsWithoutStopFd();
    void reusedFdMissesStaleEvent_data();
    void reusedFdMissesStaleEvent();
    void selectCannotWatchAboveSetSize();
};

void tst_EventLoop::timersRunInDeadlineOrder() {
    TimerQueue q;
    std::vector<int> order;
    q.add(Millis(0), [&] { order.push_back(2); });
    q.add(Millis(-5), [&] { order.push_back(1); });
    q.add(Millis(0), [&] { order.push_back(3); });  // same deadline: insertion order
    q.add(Millis(10000), [&] { order.push_back(99); });
    QCOMPARE(q.runDue(), 3);
    QCOMPARE(order, (std::vector<int>{1, 2, 3}));
    QCOMPARE(q.size(), size_t(1));
}

void tst_EventLoop::nextTimeout() {
    TimerQueue q;
    QCOMPARE(q.nextTimeoutMs(), -1);
    QCOMPARE(q.nextTimeoutMs(250), 250);
    q.add(Millis(100), [] {});
    const int t = q.nextTimeoutMs();
    QVERIFY(t > 0 && t <= 100);
    QCOMPARE(q.nextTimeoutMs(5), 5);
    QCOMPARE(minTimeout(-1, -1), -1);
    QCOMPARE(minTimeout(-1, 7), 7);
    QCOMPARE(minTimeout(3, 7), 3);
}

void tst_EventLoop::pollerBackends_data() {
    QTest::addColumn<QString>("backend");
    for (const char* b : {"select", "poll", "epoll"}) QTest::newRow(b) << QString(b);
}

void tst_EventLoop::pollerBackends() {
    QFETCH(QString, backend);
    auto p = makePoller(backend.toStdString());
    QVERIFY(p);
    QCOMPARE(QString(p->name()), backend);
    QVERIFY(makePoller("kqueue") == nullptr);
    int sv[2];
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
    std::vector<Poller::Ready> ready;
    p->add(sv[0], Poller::In);
    QCOMPARE(p->wait(0, ready), 0);  // nothing to read yet
    QVERIFY(::write(sv[1], "x", 1) == 1);
    QCOMPARE(p->wait(1000, ready), 1);
    QCOMPARE(ready[0].fd, sv[0]);
    QVERIFY(ready[0].events & Poller::In);
    ready.clear();
    p->modify(sv[0], Poller::Out);  // a fresh socket is writable at once
    QCOMPARE(p->wait(1000, ready), 1);
    QVERIFY(ready[0].events & Poller::Out);
    QVERIFY(!(ready[0].events & Poller::In));
    ready.clear();
    p->remove(sv[0]);
    QCOMPARE(p->wait(0, ready), 0);
    ::close(sv[0]);
    ::close(sv[1]);
}

void tst_EventLoop::loopStopsOnStopFd() {
    int stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    EventLoop loop(makePoller("epoll"), stopFd);
    int ticks = 0;
    // A timer re-arming itself 3 times, then the stop fd fires.
    std::function<void()> tick = [&] {
        if (++ticks == 3) {
            uint64_t one = 1;
            QVERIFY(::write(stopFd, &one, sizeof one) == sizeof one);
        } else {
            loop.timers().add(Millis(10), tick);
        }
    };
    loop.timers().add(Millis(10), tick);
    const auto t0 = std::chrono::steady_clock::now();
    loop.run();
    QCOMPARE(ticks, 3);
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
    ::close(stopFd);
}

void tst_EventLoop::noInterestNoSpin() {
    for (const char* backend : {"select", "poll", "epoll"}) {
        int stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        int sv[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
        ::close(sv[1]);  // hang-up pending on sv[0]
        EventLoop loop(makePoller(backend), stopFd);
        int calls = 0;
        loop.watch(sv[0], Poller::In, [&](unsigned) { ++calls; });
        loop.setInterest(sv[0], 0);  // no interest: the hang-up must not wake us
        loop.timers().add(Millis(50), [&] { loop.quit(); });
        loop.run();
        QVERIFY2(calls == 0, backend);
        loop.setInterest(sv[0], Poller::In);  // back in the poller
        loop.timers().add(Millis(50), [&] { loop.quit(); });
        loop.run();
        QVERIFY2(calls >= 1, backend);
        loop.unwatch(sv[0]);
        ::close(sv[0]);
        ::close(stopFd);
    }
}

void tst_EventLoop::runsWithoutStopFd() {
    EventLoop loop(makePoller("poll"));
    int ticks = 0;
    loop.afterRound = [&] {
        if (++ticks == 2) loop.quit();
    };
    // The second timer is added by the first: two timers added up front may
    // both be due in the first round on a loaded machine, and then nothing
    // would wake the second.
    loop.timers().add(Millis(1), [&loop] { loop.timers().add(Millis(1), [] {}); });
    loop.run();  // two rounds, each woken by a timer; afterRound quits
    QCOMPARE(ticks, 2);
    // quit() before run(): the next run() returns at once, not at the timer.
    loop.timers().add(Millis(60000), [] {});
    loop.quit();
    const auto t0 = std::chrono::steady_clock::now();
    loop.run();
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    QCOMPARE(ticks, 2);
}

void tst_EventLoop::reusedFdMissesStaleEvent_data() { pollerBackends_data(); }

// Two readable fds, A and B, in one round. Whichever handler runs first
// closes the other one and opens a new socket, which gets the closed fd
// number, and watches it. The poller's event for the old file must not reach
// the new handler (the new socket has nothing to read).
void tst_EventLoop::reusedFdMissesStaleEvent() {
    QFETCH(QString, backend);
    EventLoop loop(makePoller(backend.toStdString()));
    int a[2], b[2];
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, a) == 0);
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, b) == 0);
    QVERIFY(::write(a[1], "x", 1) == 1);
    QVERIFY(::write(b[1], "x", 1) == 1);
    int fresh[2] = {-1, -1};
    int staleCalls = 0;
    bool replaced = false;
    auto replaceOther = [&](int other) {
        if (replaced) return;
        replaced = true;
        loop.unwatchClosing(other);
        ::close(other);
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fresh) == 0);
        QCOMPARE(fresh[0], other);  // the lowest free number: the one just closed
        loop.watch(fresh[0], Poller::In, [&](unsigned) { ++staleCalls; });
    };
    loop.watch(a[0], Poller::In, [&](unsigned) { replaceOther(b[0]); });
    loop.watch(b[0], Poller::In, [&](unsigned) { replaceOther(a[0]); });
    loop.afterRound = [&] { loop.quit(); };
    loop.run();
    QVERIFY(replaced);
    QCOMPARE(staleCalls, 0);
    // The new watch is live from the next round on.
    QVERIFY(::write(fresh[1], "y", 1) == 1);
    loop.run();
    QCOMPARE(staleCalls, 1);
    const int survivor = fresh[0] == b[0] ? a[0] : b[0];
    for (int fd : {survivor, fresh[0]}) {
        loop.unwatchClosing(fd);
        ::close(fd);
    }
    for (int fd : {a[1], b[1], fresh[1]}) ::close(fd);
}

void tst_EventLoop::selectCannotWatchAboveSetSize() {
    auto p = makePoller("select");
    QVERIFY(p->canWatch(FD_SETSIZE - 1));
    QVERIFY(!p->canWatch(FD_SETSIZE));
    QVERIFY_THROWS_EXCEPTION(Error, p->add(FD_SETSIZE, Poller::In));
    QVERIFY(makePoller("poll")->canWatch(FD_SETSIZE));
}

SOCKWB_TEST_GUILESS_MAIN(tst_EventLoop)
#include "tst_eventloop.moc"
