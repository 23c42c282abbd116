// The event loop's parts: the timer heap, each Poller backend (select,
// poll, epoll) on the same small scenarios, and the loop itself (stop fd,
// timers as poll timeout, an fd with no interest never spinning).

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

void tst_EventLoop::selectCannotWatchAboveSetSize() {
    auto p = makePoller("select");
    QVERIFY(p->canWatch(FD_SETSIZE - 1));
    QVERIFY(!p->canWatch(FD_SETSIZE));
    QVERIFY_THROWS_EXCEPTION(Error, p->add(FD_SETSIZE, Poller::In));
    QVERIFY(makePoller("poll")->canWatch(FD_SETSIZE));
}

SOCKWB_TEST_GUILESS_MAIN(tst_EventLoop)
#include "tst_eventloop.moc"
