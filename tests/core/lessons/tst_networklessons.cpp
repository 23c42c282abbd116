// The lessons that break the network on purpose (issue #16) run for real on
// loopback and make their point, with tolerances: the relay's slicer makes a
// single recv() get part of the message while line framing gets every line
// whole; 100 small writes need more recvs with TCP_NODELAY than with Nagle
// (the server delays its ACKs); a normal close gives the server end of
// stream and TIME-WAIT, SO_LINGER 0 gives ECONNRESET and none; a relay
// dropping UDP datagrams loses about what it dropped. A stop request ends a
// run, and no lesson leaves a descriptor open (the relays and servers are
// stopped).

#include <QtTest>
#include <cerrno>
#include <stop_token>

#include "core/lessons/naglelesson.h"
#include "core/lessons/partialreadslesson.h"
#include "core/lessons/socketlesson.h"
#include "core/lessons/udplosslesson.h"
#include "support/lessonchecks.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using test::findStep;
using test::lessonWhy;

class tst_NetworkLessons : public QObject {
    Q_OBJECT
private slots:
    void partialReads() {
        const int fds = test::countOpenFds();
        const LessonResult r = makeLesson(LessonId::PartialReads)->run();
        QVERIFY2(r.ok(), lessonWhy(r).constData());
        const LessonStep* relay = findStep(r, LessonStepKind::RelayStarted);
        QVERIFY(relay);
        QVERIFY(relay->relayPort != 0 && relay->relayPort != r.port);
        const int expected = PartialReadsLesson::kLines * PartialReadsLesson::kLineBytes;
        const LessonStep* single = findStep(r, LessonStepKind::SingleRecv);
        QVERIFY(single);
        QCOMPARE(single->expectedBytes, expected);
        QVERIFY2(single->gotBytes > 0, lessonWhy(r).constData());
        // One slice at most: avg + var bytes.
        QVERIFY2(single->gotBytes <= PartialReadsLesson::kSliceAvg + PartialReadsLesson::kSliceVar,
                 lessonWhy(r).constData());
        const LessonStep* framed = findStep(r, LessonStepKind::FramedRecv);
        QVERIFY(framed);
        QCOMPARE(framed->messages, PartialReadsLesson::kLines);
        QCOMPARE(framed->complete, PartialReadsLesson::kLines);
        QCOMPARE(framed->gotBytes, expected);
        // 2,000 bytes in slices of at most 150: at least 14 pieces.
        QVERIFY2(framed->recvs >=
                     expected / (PartialReadsLesson::kSliceAvg + PartialReadsLesson::kSliceVar),
                 lessonWhy(r).constData());
        QCOMPARE(test::countOpenFds(), fds);
    }

    void nagle() {
        const int fds = test::countOpenFds();
        const LessonResult r = makeLesson(LessonId::Nagle)->run();
        QVERIFY2(r.ok(), lessonWhy(r).constData());
        const LessonStep* nagle = findStep(r, LessonStepKind::WritesCounted, 0);
        const LessonStep* noDelay = findStep(r, LessonStepKind::WritesCounted, 1);
        QVERIFY(nagle && noDelay);
        QCOMPARE(nagle->noDelay, 0);
        QCOMPARE(noDelay->noDelay, 1);
        const int bytes = NagleLesson::kWrites * NagleLesson::kWriteBytes;
        for (const LessonStep* s : {nagle, noDelay}) {
            // Every write made and read, in at least one segment and recv each,
            // never more of them than writes.
            QCOMPARE(s->sends, NagleLesson::kWrites);
            QCOMPARE(s->expectedBytes, bytes);
            QCOMPARE(s->gotBytes, bytes);
            QVERIFY2(s->recvs >= 1 && s->recvs <= s->sends, lessonWhy(r).constData());
            QVERIFY2(s->segments >= 1 && s->segments <= s->sends, lessonWhy(r).constData());
        }
        // The point: Nagle coalesced the writes, TCP_NODELAY did not.
        QVERIFY2(noDelay->recvs > nagle->recvs, lessonWhy(r).constData());
        QVERIFY2(noDelay->segments > nagle->segments, lessonWhy(r).constData());
        QCOMPARE(test::countOpenFds(), fds);
    }

    void rstVsFin() {
        const int fds = test::countOpenFds();
        const LessonResult r = makeLesson(LessonId::RstVsFin)->run();
        QVERIFY2(r.ok(), lessonWhy(r).constData());
        const LessonStep* fin = findStep(r, LessonStepKind::CloseObserved, 0);
        const LessonStep* rst = findStep(r, LessonStepKind::CloseObserved, 1);
        QVERIFY(fin && rst);
        QCOMPARE(fin->lingerSeconds, -1);
        QVERIFY2(fin->peerEof, lessonWhy(r).constData());
        QCOMPARE(fin->recvErrno, 0);
        QVERIFY2(fin->timeWait >= 1, lessonWhy(r).constData());
        QCOMPARE(rst->lingerSeconds, 0);
        QVERIFY2(!rst->peerEof, lessonWhy(r).constData());
        QCOMPARE(rst->recvErrno, ECONNRESET);
        QCOMPARE(rst->timeWait, 0);
        QCOMPARE(test::countOpenFds(), fds);
    }

    void udpLoss() {
        const int fds = test::countOpenFds();
        const LessonResult r = makeLesson(LessonId::UdpLoss)->run();
        QVERIFY2(r.ok(), lessonWhy(r).constData());
        const LessonStep* s = findStep(r, LessonStepKind::DatagramsCounted);
        QVERIFY(s);
        QCOMPARE(s->sends, UdpLossLesson::kDatagrams);
        QCOMPARE(s->answered + s->lost, s->sends);
        // ~19 % expected (10 % each way): far from none and far from all.
        QVERIFY2(s->lost > 0 && s->answered > s->sends / 2, lessonWhy(r).constData());
        // Every drop is a loss; an echo later than the timeout is one more.
        QVERIFY2(s->dropped <= s->lost, lessonWhy(r).constData());
        QVERIFY2(s->lost - s->dropped <= s->sends / 20, lessonWhy(r).constData());
        QCOMPARE(test::countOpenFds(), fds);
    }

    // Stopped in the middle (once the relay runs): nothing more is reported,
    // and the relay and the server are gone.
    void cancelStopsARun_data() {
        QTest::addColumn<int>("lesson");
        QTest::addColumn<int>("stopAfter");
        QTest::newRow("partial-reads") << int(LessonId::PartialReads) << 2;
        QTest::newRow("nagle") << int(LessonId::Nagle) << 1;
        QTest::newRow("rst-vs-fin") << int(LessonId::RstVsFin) << 1;
        QTest::newRow("udp-loss") << int(LessonId::UdpLoss) << 2;
    }
    void cancelStopsARun() {
        QFETCH(int, lesson);
        QFETCH(int, stopAfter);
        const int fds = test::countOpenFds();
        std::stop_source stop;
        int seen = 0;
        const LessonResult r = makeLesson(LessonId(lesson))
                                   ->run(
                                       [&](const LessonStep&) {
                                           if (++seen == stopAfter) stop.request_stop();
                                       },
                                       stop.get_token());
        QVERIFY2(r.cancelled, lessonWhy(r).constData());
        QCOMPARE(int(r.steps.size()), stopAfter);
        QCOMPARE(test::countOpenFds(), fds);
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_NetworkLessons)
#include "tst_networklessons.moc"
