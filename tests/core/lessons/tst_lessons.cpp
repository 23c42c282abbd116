// The built-in lessons run for real on loopback: the accept queue reaches
// the backlog and connects time out in SYN-SENT; stopping a server leaves
// TIME-WAIT rows on its port; a restart without SO_REUSEADDR fails with
// EADDRINUSE, with it succeeds. Also: a stop request cancels a run, and no
// lesson leaves a descriptor open.

#include <netinet/tcp.h>

#include <QtTest>
#include <stop_token>

#include "core/lessons/lessontext.h"
#include "core/lessons/socketlesson.h"
#include "support/lessonchecks.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {
const LessonStep* find(const LessonResult& r, LessonStepKind kind) {
    return test::findStep(r, kind);
}
int rowsIn(const LessonStep& s, int state, bool serverSide) {
    int n = 0;
    for (const SocketEntry& e : s.sockets)
        if (e.state == state && (serverSide ? e.localPort : e.peerPort) == s.port) ++n;
    return n;
}
QByteArray why(const LessonResult& r) { return test::lessonWhy(r); }
}  // namespace

class tst_Lessons : public QObject {
    Q_OBJECT
private slots:
    void names() {
        QCOMPARE(allLessons().size(), size_t(7));
        for (LessonId id : allLessons()) {
            QCOMPARE(lessonFromName(lessonName(id)), std::optional<LessonId>(id));
            QVERIFY(!lessonExplanation(id).empty());
            QVERIFY(!lessonQuestion(id).empty());
            QVERIFY(makeLesson(id));
            QCOMPARE(makeLesson(id)->id(), id);
        }
        QCOMPARE(lessonFromName("udp-loss"), std::optional<LessonId>(LessonId::UdpLoss));
        QVERIFY(!lessonFromName("no-such-lesson"));
    }

    void acceptQueue() {
        const int fds = test::countOpenFds();
        int reported = 0;
        const LessonResult r =
            makeLesson(LessonId::AcceptQueue)->run([&](const LessonStep&) { ++reported; });
        QVERIFY2(r.ok(), why(r).constData());
        QCOMPARE(reported, int(r.steps.size()));
        QVERIFY(r.port != 0);
        const LessonStep* queue = find(r, LessonStepKind::QueueObserved);
        QVERIFY(queue);
        // Linux lets the queue hold backlog + 1 before it drops SYNs.
        QCOMPARE(queue->acceptQueueMax, 5);
        QVERIFY2(queue->acceptQueue >= queue->acceptQueueMax, why(r).constData());
        QVERIFY2(queue->synSent > 0, why(r).constData());
        QCOMPARE(rowsIn(*queue, TCP_LISTEN, true), 1);
        QCOMPARE(rowsIn(*queue, TCP_SYN_SENT, false), queue->synSent);
        const LessonStep* settled = find(r, LessonStepKind::ConnectsSettled);
        QVERIFY(settled);
        QCOMPARE(settled->connected + settled->timedOut, 20);
        QVERIFY2(settled->timedOut > 0, why(r).constData());
        QVERIFY2(settled->connected >= 6, why(r).constData());  // one served, the queue full
        QCOMPARE(test::countOpenFds(), fds);
    }

    void timeWait() {
        const int fds = test::countOpenFds();
        const LessonResult r = makeLesson(LessonId::TimeWait)->run();
        QVERIFY2(r.ok(), why(r).constData());
        const LessonStep* stopped = find(r, LessonStepKind::ServerStopped);
        QVERIFY(stopped);
        QCOMPARE(stopped->peerClosed, 3);  // the server's FIN came first
        const LessonStep* tw = find(r, LessonStepKind::TimeWaitObserved);
        QVERIFY(tw);
        QVERIFY2(tw->timeWait >= 3, why(r).constData());
        QCOMPARE(rowsIn(*tw, TCP_TIME_WAIT, true), tw->timeWait);
        QCOMPARE(rowsIn(*tw, TCP_LISTEN, true), 0);  // the server is gone
        QCOMPARE(test::countOpenFds(), fds);
    }

    void reuseAddr() {
        const int fds = test::countOpenFds();
        const LessonResult r = makeLesson(LessonId::ReuseAddr)->run();
        QVERIFY2(r.ok(), why(r).constData());
        const LessonStep* refused = find(r, LessonStepKind::RestartRefused);
        QVERIFY(refused);
        QVERIFY2(refused->error, why(r).constData());
        QCOMPARE(refused->error->err, EADDRINUSE);
        QCOMPARE(refused->error->call, std::string("bind"));
        QVERIFY(refused->timeWait >= 1);
        const LessonStep* ok = find(r, LessonStepKind::RestartSucceeded);
        QVERIFY(ok);
        QCOMPARE(rowsIn(*ok, TCP_LISTEN, true), 1);
        QCOMPARE(test::countOpenFds(), fds);
    }

    void cancelStopsARun() {
        const int fds = test::countOpenFds();
        std::stop_source stop;
        // Stop as soon as the clients are connecting: the 3 s wait is cut short.
        const LessonResult r = makeLesson(LessonId::AcceptQueue)
                                   ->run(
                                       [&](const LessonStep& s) {
                                           if (s.kind == LessonStepKind::ClientsStarted)
                                               stop.request_stop();
                                       },
                                       stop.get_token());
        QVERIFY(r.cancelled);
        QVERIFY(!r.ok());
        QCOMPARE(r.steps.size(), size_t(2));
        QCOMPARE(test::countOpenFds(), fds);
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_Lessons)
#include "tst_lessons.moc"
