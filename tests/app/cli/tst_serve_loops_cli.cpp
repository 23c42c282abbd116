// `sockwb serve --loops N`, through the real binary: the listening line
// and its JSON say how many loops, the trace shows SO_REUSEPORT set on each
// copy before its bind and one thread per loop, clients are served, and the
// combinations the engine refuses (another model, a unix stream listener,
// out of range) exit 2 with the sentence.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_ServeLoopsCli : public QObject {
    Q_OBJECT

private slots:
    void twoLoopsServe() {
        Serve s({"--service", "echo", "--loops", "2", "--trace"});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(s.lines()[0].endsWith(" loops=2 model=epoll service=echo"),
                 qPrintable(s.lines()[0]));
        for (int i = 0; i < 6; ++i) {
            const Result r =
                run({"client", "127.0.0.1", s.port(), "--send", "hi", "--until", "hi"});
            QCOMPARE(r.exitCode, 0);
        }
        QCOMPARE(s.stop(SIGTERM), 0);
        const QByteArray err = s.process().readAllStandardError();
        QCOMPARE(err.count("SO_REUSEPORT"), qsizetype(2));
        QVERIFY2(err.contains("epoll loop 0") && err.contains("epoll loop 1"), err.constData());
    }

    void oneLoopSaysNothing() {
        Serve s({"--service", "echo", "--loops", "1"});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(!s.lines()[0].contains("loops="), qPrintable(s.lines()[0]));
    }

    void jsonSaysLoops() {
        Serve s({"--service", "echo", "--loops", "3", "--json"});
        QCOMPARE(s.lines().size(), 1);
        const QJsonObject o = QJsonDocument::fromJson(s.lines()[0].toUtf8()).object();
        QCOMPARE(o["loops"].toInt(), 3);
        QCOMPARE(o["model"].toString(), QStringLiteral("epoll"));
    }

    void refused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("words");
        QTest::newRow("thread") << QStringList{"--loops", "2", "--model", "thread"}
                                << "--loops 2 needs the epoll or io_uring model (thread and "
                                   "pool already use several threads)";
        QTest::newRow("select") << QStringList{"--loops", "4", "--model", "select"}
                                << "--loops 4 needs the epoll or io_uring model";
        QTest::newRow("unix") << QStringList{"--loops", "2", "--bind", "unix:/tmp/sockwb-l.sock"}
                              << "cannot serve a unix stream listener";
        QTest::newRow("zero") << QStringList{"--loops", "0"} << "--loops: 0 is out of range";
        QTest::newRow("65") << QStringList{"--loops", "65"} << "--loops: 65 is out of range";
    }
    void refused() {
        QFETCH(QStringList, args);
        QFETCH(QString, words);
        const Result r = run(QStringList{"serve", "--service", "echo"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(words.toUtf8()), r.err.constData());
    }

    void helpMentionsLoops() {
        const Result r = run({"serve", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("--loops N") && r.out.contains("SO_REUSEPORT"), r.out.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ServeLoopsCli)
#include "tst_serve_loops_cli.moc"
