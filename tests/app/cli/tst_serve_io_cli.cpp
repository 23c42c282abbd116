// `sockwb serve --io blocking|poll` and `--backlog N`, through the real
// binary: the listening line names the way of waiting, the trace shows the
// backlog given to listen(), a blocking accept woken by stop's shutdown (or
// poll before accept4 with --io poll), bad values are refused with exit 2,
// and an event loop says it ignores --io.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_ServeIoCli : public QObject {
    Q_OBJECT

private slots:
    void blockingIsTheDefault() {
        Serve s({"--service", "echo", "--model", "thread", "--backlog", "3", "--trace"});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(s.lines()[0].endsWith(" io=blocking model=thread service=echo"),
                 qPrintable(s.lines()[0]));
        const Result r = run({"client", "127.0.0.1", s.port(), "--send", "hi", "--until", "hi"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(s.stop(SIGTERM), 0);
        const QByteArray err = s.process().readAllStandardError();
        QVERIFY2(err.contains(", 3) = 0"), err.constData());  // listen(fd, 3)
        QVERIFY2(err.contains("accept4(") && err.contains("EINVAL"), err.constData());
        QVERIFY2(!err.contains("] poll("), err.constData());
    }

    void pollOption() {
        Serve s({"--service", "echo", "--model", "iterative", "--io", "poll", "--trace"});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(s.lines()[0].contains(" io=poll model=iterative"), qPrintable(s.lines()[0]));
        const Result r = run({"client", "127.0.0.1", s.port(), "--send", "hi", "--until", "hi"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(s.stop(SIGTERM), 0);
        const QByteArray err = s.process().readAllStandardError();
        QVERIFY2(err.contains("] poll("), err.constData());
    }

    void jsonNamesIo() {
        Serve s({"--service", "echo", "--model", "pool", "--json"});
        QCOMPARE(s.lines().size(), 1);
        const QJsonObject o = QJsonDocument::fromJson(s.lines()[0].toUtf8()).object();
        QCOMPARE(o["io"].toString(), QStringLiteral("blocking"));
    }

    void eventLoopIgnoresIo() {
        Serve s({"--service", "echo", "--model", "epoll", "--io", "blocking"});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(
            s.lines()[0].endsWith(" model=epoll service=echo") && !s.lines()[0].contains("io="),
            qPrintable(s.lines()[0]));
        QCOMPARE(s.stop(SIGTERM), 0);
        const QByteArray err = s.process().readAllStandardError();
        QVERIFY2(err.contains("--io is ignored") && err.contains("epoll_wait"), err.constData());
    }

    void refused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown io") << QStringList{"--io", "async"} << "expected blocking or poll";
        QTest::newRow("backlog 0")
            << QStringList{"--backlog", "0"} << "--backlog: 0 is out of range";
        QTest::newRow("backlog word")
            << QStringList{"--backlog", "many"} << "--backlog: 'many' is not a number";
    }
    void refused() {
        QFETCH(QStringList, args);
        QFETCH(QString, words);
        const Result r = run(QStringList{"serve", "--service", "echo"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(words.toUtf8()), r.err.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ServeIoCli)
#include "tst_serve_io_cli.moc"
