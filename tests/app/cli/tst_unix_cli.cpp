// Unix-domain sockets through the real binary: `sockwb serve` on a path
// (--bind unix:PATH, --protocol unixgram --bind PATH, --also
// SERVICE/unixgram:PATH), its listening line and JSON, the socket file
// removed when a signal stops it; `sockwb client unix:PATH` and
// `unixgram:PATH` against it, the trace naming the path, and the bad inputs
// (a path too long for sun_path, a missing path, a port for a Unix socket).
// Every path lives in a QTemporaryDir.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_UnixCli : public QObject {
    Q_OBJECT

private slots:
    void echoOverUnixStream() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("echo.sock");
        Serve s({"--service", "echo", "--bind", "unix:" + path, "--model", "thread"});
        QCOMPARE(s.lines().value(0),
                 "listening unix unix:" + path + " io=blocking model=thread service=echo");
        QVERIFY(QFileInfo(path).exists());
        const Result r = run(
            {"client", "unix:" + path, "--send", "Bonjour\\n", "--until", "Bonjour", "--trace"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("Bonjour\n"));
        // The trace names the path where an IP client shows host:port.
        QVERIFY2(QString::fromUtf8(r.err).contains(QRegularExpression(
                     "connect\\(\\d+, \\[unix:" + QRegularExpression::escape(path) + "\\]")),
                 r.err.constData());
        QCOMPARE(s.stop(SIGTERM), 0);
        QVERIFY(!QFileInfo(path).exists());
    }

    void clockOverUnixDatagrams() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("clock.sock");
        Serve s({"--service", "clock", "--ticks", "2", "--interval", "50", "--protocol", "unixgram",
                 "--bind", path, "--model", "iterative"});
        QCOMPARE(s.lines().value(0),
                 "listening unixgram unix:" + path + " io=blocking model=iterative service=clock");
        const Result r = run({"client", "unixgram:" + path, "--send", "Bonjour\\n", "--until",
                              "Au Revoir", "--trace"});
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression re(
            QStringLiteral("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d){2}Au Revoir$"));
        QVERIFY2(re.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
        // The client autobinds: the trace shows the unnamed bind.
        QVERIFY2(QString::fromUtf8(r.err).contains(
                     QRegularExpression("bind\\(\\d+, \\[unix:\\(unnamed\\)\\], 2\\) = 0")),
                 r.err.constData());
        QCOMPARE(s.stop(SIGTERM), 0);
        QVERIFY(!QFileInfo(path).exists());
    }

    void jsonAndAlso() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("day.sock");
        Serve s({"--service", "echo", "--also", "daytime/unixgram:" + path, "--json"}, 2);
        QCOMPARE(s.lines().size(), 2);
        const QJsonObject o = QJsonDocument::fromJson(s.lines()[1].toUtf8()).object();
        QCOMPARE(o["protocol"].toString(), QStringLiteral("unixgram"));
        QCOMPARE(o["address"].toString(), "unix:" + path);
        QCOMPARE(o["path"].toString(), path);
        QVERIFY(!o.contains("port"));
        const Result r =
            run({"client", "--protocol", "unixgram", path, "--send", "", "--until", "\\n"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("words");
        const QString tooLong = "/tmp/" + QString(110, 'x');
        QTest::newRow("serve path too long")
            << QStringList{"serve", "--service", "echo", "--bind", "unix:" + tooLong} << 2
            << "sun_path";
        QTest::newRow("client path too long")
            << QStringList{"client", "unix:" + tooLong, "--send", "x"} << 2 << "sun_path";
        QTest::newRow("serve without a path")
            << QStringList{"serve", "--service", "echo", "--protocol", "unix"} << 2
            << "needs the socket path";
        QTest::newRow("serve with a port")
            << QStringList{"serve",  "--service", "echo", "--bind", "unix:/tmp/x.sock",
                           "--port", "7"}
            << 2 << "not a port";
        QTest::newRow("protocol contradicted")
            << QStringList{"serve",  "--service",       "echo", "--protocol", "udp",
                           "--bind", "unix:/tmp/x.sock"}
            << 2 << "contradicts";
        QTest::newRow("chat over unixgram")
            << QStringList{"serve", "--service", "chat", "--bind", "unixgram:/tmp/x.sock"} << 2
            << "use TCP";
        QTest::newRow("nothing there")
            << QStringList{"client", "unix:/nonexistent-dir/x.sock", "--send", "x"} << 1
            << "ENOENT";
    }

    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, words);
        const Result r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(words), r.err.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_UnixCli)
#include "tst_unix_cli.moc"
