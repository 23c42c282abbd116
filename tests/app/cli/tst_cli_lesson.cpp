// `sockwb lesson` through the real binary: --list names the seven lessons,
// one lesson --json prints its steps as JSON objects with the observed
// numbers, an unknown name is a usage error (exit 2) that says which.

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_CliLesson : public QObject {
    Q_OBJECT
private slots:
    void list() {
        const Result r = run({"lesson", "--list"});
        QCOMPARE(r.exitCode, 0);
        for (const char* name : {"accept-queue", "time-wait", "reuseaddr", "partial-reads", "nagle",
                                 "rst-vs-fin", "udp-loss"})
            QVERIFY2(r.out.contains(name), r.out.constData());
    }
    void reuseAddrJson() {
        const Result r = run({"lesson", "--json", "reuseaddr"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList steps;
        QJsonObject refused, summary;
        for (const QByteArray& line : r.out.split('\n')) {
            if (line.isEmpty()) continue;
            QJsonParseError err;
            const QJsonObject o = QJsonDocument::fromJson(line, &err).object();
            QVERIFY2(err.error == QJsonParseError::NoError, line.constData());
            if (o.contains(QLatin1String("step")))
                steps << o.value(QLatin1String("step")).toString();
            if (o.value(QLatin1String("step")).toString() == QLatin1String("restart-refused"))
                refused = o;
            if (o.contains(QLatin1String("lesson"))) summary = o;
        }
        QCOMPARE(steps.last(), QStringLiteral("restart-succeeded"));
        QVERIFY(steps.contains(QStringLiteral("time-wait-observed")));
        QCOMPARE(refused.value(QLatin1String("errno")).toString(), QStringLiteral("EADDRINUSE"));
        QVERIFY(refused.value(QLatin1String("timeWait")).toInt() >= 1);
        QVERIFY(refused.value(QLatin1String("sockets")).isArray());
        QCOMPARE(summary.value(QLatin1String("lesson")).toString(), QStringLiteral("reuseaddr"));
        QCOMPARE(summary.value(QLatin1String("ok")).toBool(), true);
    }
    // rst-vs-fin: the close steps carry the server's recv() outcome.
    void rstVsFinJson() {
        const Result r = run({"lesson", "--json", "rst-vs-fin"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QList<QJsonObject> closes;
        for (const QByteArray& line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QLatin1String("step")).toString() == QLatin1String("close-observed"))
                closes << o;
        }
        QCOMPARE(closes.size(), 2);
        QCOMPARE(closes[0].value(QLatin1String("peerEof")).toBool(), true);
        QCOMPARE(closes[0].value(QLatin1String("lingerSeconds")).toInt(), -1);
        QCOMPARE(closes[1].value(QLatin1String("recvErrno")).toString(),
                 QStringLiteral("ECONNRESET"));
        QCOMPARE(closes[1].value(QLatin1String("lingerSeconds")).toInt(), 0);
        QCOMPARE(closes[1].value(QLatin1String("timeWait")).toInt(), 0);
    }
    void partialReadsText() {
        const Result r = run({"lesson", "partial-reads"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("One recv() returned"), r.out.constData());
        QVERIFY2(r.out.contains("With line framing: 40 of 40 lines whole"), r.out.constData());
    }
    void textOutput() {
        const Result r = run({"lesson", "time-wait"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Predict:"), r.out.constData());
        QVERIFY2(r.out.contains("TIME-WAIT"), r.out.constData());
    }
    void unknownName() {
        const Result r = run({"lesson", "no-such-lesson"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown lesson 'no-such-lesson'"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(run({"lesson"}).exitCode, 2);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_CliLesson)
#include "tst_cli_lesson.moc"
