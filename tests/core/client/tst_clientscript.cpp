// ScriptPlayer (core/client/clientscript.h) on a clock the test moves by
// hand: every step kind, the lower and upper time bounds of expectations,
// a peer that closes early, bytes split across recvs, the kMaxHeld bound,
// and the steps skipped after a failure. No socket: the player is sans-IO.

#include <QtTest/QtTest>
#include <chrono>
#include <string>

#include "core/client/clientscript.h"
#include "support/testmain.h"

using namespace sockwb;
using Clock = ScriptPlayer::Clock;
using Kind = ScriptStep::Kind;
using Status = StepResult::Status;
using std::chrono::milliseconds;

namespace {

const Clock::time_point t0 = Clock::time_point() + std::chrono::hours(1);
Clock::time_point at(int ms) { return t0 + milliseconds(ms); }

ScriptStep send(std::string bytes, int delayMs = 0) {
    ScriptStep s;
    s.kind = Kind::Send;
    s.bytes = std::move(bytes);
    s.delayMs = delayMs;
    return s;
}
ScriptStep expect(std::string bytes, int withinMs = 5000, int minAfterMs = -1) {
    ScriptStep s;
    s.kind = Kind::Expect;
    s.bytes = std::move(bytes);
    s.withinMs = withinMs;
    s.minAfterMs = minAfterMs;
    return s;
}
ScriptStep step(Kind kind, int delayMs = 0) {
    ScriptStep s;
    s.kind = kind;
    s.delayMs = delayMs;
    return s;
}

}  // namespace

class tst_ClientScript : public QObject {
    Q_OBJECT
private slots:
    void kindNames() {
        for (Kind k : {Kind::Send, Kind::Expect, Kind::ExpectClose, Kind::Wait, Kind::Close})
            QCOMPARE(scriptStepKindFromName(scriptStepKindName(k)), std::optional<Kind>(k));
        QCOMPARE(QString(scriptStepKindName(Kind::ExpectClose)), QString("expect-close"));
        QVERIFY(!scriptStepKindFromName("sleep"));
        QCOMPARE(QString(stepStatusName(Status::Skipped)), QString("skipped"));
    }

    void nothingBeforeStart() {
        ScriptPlayer p({send("hi")});
        QVERIFY(p.advance(at(0)).empty());
        QVERIFY(!p.nextDeadline());
        QVERIFY(!p.finished());
    }

    void sendThenExpectSplitAcrossRecvs() {
        ScriptPlayer p({send("hello\n"), expect("world\n")});
        p.start(at(0));
        auto actions = p.advance(at(0));
        QCOMPARE(actions.size(), size_t(1));
        QCOMPARE(actions[0].kind, ScriptPlayer::Action::Kind::Send);
        QCOMPARE(actions[0].bytes, std::string("hello\n"));
        QCOMPARE(p.results()[0].status, Status::Done);
        QCOMPARE(p.results()[1].status, Status::Running);
        p.received("wor", at(10));
        QVERIFY(p.advance(at(10)).empty());
        QCOMPARE(p.results()[1].status, Status::Running);
        p.received("ld\n", at(25));
        QVERIFY(p.advance(at(25)).empty());
        QCOMPARE(p.results()[1].status, Status::Passed);
        QCOMPARE(p.results()[1].atMs, int64_t(25));
        QVERIFY(p.finished());
        QVERIFY(p.passed());
    }

    void sendWaitsItsDelay() {
        ScriptPlayer p({send("a", 100), step(Kind::Wait, 200), step(Kind::Close, 50)});
        p.start(at(0));
        QVERIFY(p.advance(at(50)).empty());
        QCOMPARE(*p.nextDeadline(), at(100));
        QCOMPARE(p.advance(at(100)).size(), size_t(1));
        QCOMPARE(*p.nextDeadline(), at(300));
        QVERIFY(p.advance(at(299)).empty());
        QVERIFY(p.advance(at(300)).empty());  // the wait ends, the close is 50 ms later
        QCOMPARE(p.results()[1].status, Status::Done);
        QCOMPARE(*p.nextDeadline(), at(350));
        const auto actions = p.advance(at(350));
        QCOMPARE(actions.size(), size_t(1));
        QCOMPARE(actions[0].kind, ScriptPlayer::Action::Kind::Close);
        QVERIFY(p.passed());
        QVERIFY(!p.nextDeadline());
    }

    void expectTooEarlyFails() {
        ScriptPlayer p({expect("Au Revoir", 5000, 2000), send("late")});
        p.start(at(0));
        p.received("Au Revoir", at(1204));
        QVERIFY(p.advance(at(1204)).empty());
        const StepResult& r = p.results()[0];
        QCOMPARE(r.status, Status::Failed);
        QVERIFY2(r.detail.find("1204 ms") != std::string::npos, r.detail.c_str());
        QVERIFY2(r.detail.find("2000 ms") != std::string::npos, r.detail.c_str());
        QCOMPARE(p.results()[1].status, Status::Skipped);
        QVERIFY(p.finished());
        QVERIFY(!p.passed());
    }

    void expectLateEnoughPasses() {
        ScriptPlayer p({expect("Au Revoir", 5000, 2000)});
        p.start(at(0));
        p.received("...Au Revoir", at(2500));
        p.advance(at(2500));
        QCOMPARE(p.results()[0].status, Status::Passed);
        QCOMPARE(p.results()[0].atMs, int64_t(2500));
    }

    // Bytes that came during a wait count from when they came, not from
    // when the expectation began.
    void bytesHeldDuringAWaitKeepTheirTime() {
        ScriptPlayer p({step(Kind::Wait, 1000), expect("hi", 5000, 500)});
        p.start(at(0));
        p.received("hi", at(100));
        p.advance(at(100));
        p.advance(at(1000));
        QCOMPARE(p.results()[1].status, Status::Failed);
        QCOMPARE(p.results()[1].atMs, int64_t(100));
    }

    void expectTimesOut() {
        ScriptPlayer p({expect("never", 300), send("after")});
        p.start(at(0));
        QVERIFY(p.advance(at(299)).empty());
        QCOMPARE(*p.nextDeadline(), at(300));
        QVERIFY(p.advance(at(300)).empty());  // no send: the rest is skipped
        QCOMPARE(p.results()[0].status, Status::Failed);
        QCOMPARE(p.results()[0].detail, std::string("not received within 300 ms"));
        QCOMPARE(p.results()[1].status, Status::Skipped);
        QVERIFY(p.finished());
    }

    void expectCloseTimes() {
        ScriptPlayer p({step(Kind::ExpectClose)});
        p.start(at(0));
        QVERIFY(p.advance(at(100)).empty());
        QCOMPARE(p.results()[0].status, Status::Running);
        p.closed(at(400));
        p.advance(at(410));
        QCOMPARE(p.results()[0].status, Status::Passed);
        QCOMPARE(p.results()[0].atMs, int64_t(400));

        ScriptStep early = step(Kind::ExpectClose);
        early.minAfterMs = 1000;
        ScriptPlayer q({early});
        q.start(at(0));
        q.closed(at(400));
        q.advance(at(400));
        QCOMPARE(q.results()[0].status, Status::Failed);
        QVERIFY(q.results()[0].detail.find("closed after 400 ms") != std::string::npos);

        ScriptStep bounded = step(Kind::ExpectClose);
        bounded.withinMs = 200;
        ScriptPlayer r({bounded});
        r.start(at(0));
        r.advance(at(200));
        QCOMPARE(r.results()[0].status, Status::Failed);
        QCOMPARE(r.results()[0].detail, std::string("not closed within 200 ms"));
    }

    void peerClosesEarly() {
        ScriptPlayer p({expect("x"), send("y")});
        p.start(at(0));
        p.closed(at(10));
        QVERIFY(p.advance(at(10)).empty());
        QCOMPARE(p.results()[0].status, Status::Failed);
        QVERIFY(p.results()[0].detail.find("ended") != std::string::npos);
        QCOMPARE(p.results()[1].status, Status::Skipped);

        // Bytes that came before the close still meet the expectation.
        ScriptPlayer q({expect("bye"), step(Kind::ExpectClose)});
        q.start(at(0));
        q.received("bye", at(5));
        q.closed(at(6));
        q.advance(at(7));
        QVERIFY(q.passed());
    }

    void sendAfterTheEndIsSkippedWithAReason() {
        ScriptPlayer p({send("a", 100), send("b")});
        p.start(at(0));
        p.closed(at(50));
        QVERIFY(p.advance(at(100)).empty());
        QCOMPARE(p.results()[0].status, Status::Skipped);
        QCOMPARE(p.results()[0].detail, std::string("the connection had ended"));
        QCOMPARE(p.results()[1].status, Status::Skipped);
        QVERIFY(p.finished());
        QVERIFY(!p.passed());
    }

    void eachExpectSearchesWhatCameSinceTheLastMatch() {
        ScriptPlayer p({expect("tick"), expect("tick"), expect("tick", 100)});
        p.start(at(0));
        p.received("tick", at(1));
        p.advance(at(1));
        QCOMPARE(p.current(), size_t(1));
        p.received("ti", at(2));
        p.advance(at(2));
        QCOMPARE(p.current(), size_t(1));
        p.received("cktick", at(3));
        p.advance(at(3));
        QCOMPARE(p.current(), size_t(3));
        QVERIFY(p.passed());
    }

    void heldBytesAreBounded() {
        ScriptPlayer p({step(Kind::Wait, 10), expect("needle", 100)});
        p.start(at(0));
        p.received("needle", at(1));
        p.received(std::string(ScriptPlayer::kMaxHeld, 'x'), at(2));  // pushes the needle out
        p.advance(at(10));
        p.advance(at(110));
        QCOMPARE(p.results()[1].status, Status::Failed);

        ScriptPlayer q({expect("needle")});
        q.start(at(0));
        q.received(std::string(ScriptPlayer::kMaxHeld + 100, 'x'), at(1));
        q.received("needle", at(2));
        q.advance(at(2));
        QCOMPARE(q.results()[0].status, Status::Passed);
        QCOMPARE(q.results()[0].atMs, int64_t(2));
    }

    void startTwiceKeepsTheFirst() {
        ScriptPlayer p({send("a", 100)});
        p.start(at(0));
        p.start(at(500));
        QCOMPARE(p.advance(at(100)).size(), size_t(1));
    }

    void emptyScriptIsFinished() {
        ScriptPlayer p({});
        p.start(at(0));
        QVERIFY(p.finished());
        QVERIFY(p.passed());
        QVERIFY(!p.nextDeadline());
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_ClientScript)
#include "tst_clientscript.moc"
