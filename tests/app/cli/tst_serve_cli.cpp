// `sockwb serve` through the real binary: round trips under every model,
// UDP peers served side by side, chat, several listeners, --json / --trace,
// clean stop on SIGINT/SIGTERM, and each bad input with its message and exit
// status. Servers listen on port 0 and the test reads the real port from the
// "listening" line.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_ServeCli : public QObject {
    Q_OBJECT

private slots:
    void echoRoundTrip_data() {
        QTest::addColumn<QString>("model");
        for (const QString& m : kModels) QTest::newRow(qPrintable(m)) << m;
    }

    void echoRoundTrip() {
        QFETCH(QString, model);
        Serve s({"--service", "echo", "--port", "0", "--model", model});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(s.lines()[0].startsWith("listening tcp 127.0.0.1:"), qPrintable(s.lines()[0]));
        QVERIFY2(s.lines()[0].endsWith(" model=" + model + " service=echo"),
                 qPrintable(s.lines()[0]));
        QVERIFY(s.port().toInt() > 0);
        const Result r =
            run({"client", "--protocol", "tcp", "127.0.0.1", s.port(), "--send",
                 "hello\\x00bin\\xff", "--send", "\\tworld\\r\\n", "--until", "world\\r\\n"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("hello\0bin\xff\tworld\r\n", 18));
        QCOMPARE(s.stop(SIGTERM), 0);
    }

    void udpClockThreePeers() {
        // Line-terminated messages on request (--terminator lf).
        Serve s({"--service", "clock", "--protocol", "udp", "--ticks", "3", "--interval", "100",
                 "--model", "epoll", "--terminator", "lf"});
        QList<QProcess*> peers;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 3; ++i) {
            auto* p = new QProcess(this);
            p->start(kBinary, {"client", "--protocol", "udp", "127.0.0.1", s.port(), "--send",
                               "Bonjour", "--until", "Au Revoir\\n"});
            peers << p;
        }
        static const QRegularExpression re(
            QStringLiteral("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n){3}Au Revoir\\n$"));
        for (QProcess* p : peers) {
            QVERIFY(p->waitForFinished(kWaitMs));
            QCOMPARE(p->exitCode(), 0);
            const QByteArray out = p->readAllStandardOutput();
            QVERIFY2(re.match(QString::fromUtf8(out)).hasMatch(), out.constData());
            delete p;
        }
        // Served side by side: 3 peers x 300 ms one after the other would be 900 ms.
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    void chatRelaysToOthers() {
        Serve s({"--service", "chat", "--model", "poll", "--verbose"});
        // B listens (netcat mode, stdin kept open) until A's line arrives.
        QProcess b;
        b.start(kBinary, {"client", "127.0.0.1", s.port(), "--until", "from A\\n"});
        QVERIFY(b.waitForStarted(kWaitMs));
        // Wait until the server has B's connection before A talks.
        QDeadlineTimer deadline(kWaitMs);
        QByteArray events;
        while (!events.contains("opened #") && !deadline.hasExpired()) {
            s.process().waitForReadyRead(100);
            events += s.process().readAllStandardOutput();
        }
        QVERIFY2(events.contains("opened #"), events.constData());
        const Result a =
            run({"client", "127.0.0.1", s.port(), "--send", "from A\\n", "--timeout", "500"});
        QCOMPARE(a.exitCode, 0);
        QVERIFY2(a.out.isEmpty(), a.out.constData());  // never back to the sender
        QVERIFY(b.waitForFinished(kWaitMs));
        QCOMPARE(b.exitCode(), 0);
        QCOMPARE(b.readAllStandardOutput(), QByteArray("from A\n"));
    }

    void multiService() {
        Serve s({"--service", "echo", "--model", "select", "--also", "daytime:0", "--also",
                 "time/udp:0"},
                3);
        QCOMPARE(s.lines().size(), 3);
        QVERIFY(s.lines()[1].startsWith("listening tcp "));
        QVERIFY(s.lines()[1].endsWith("service=daytime"));
        QVERIFY(s.lines()[2].startsWith("listening udp "));
        const Result r = run({"client", "127.0.0.1", s.port(1), "--timeout", "5000"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("\r\n") && r.out.count('\n') == 1, r.out.constData());
    }

    void jsonAndTrace() {
        Serve s({"--service", "echo", "--json", "--trace", "--model", "epoll"});
        const QJsonObject first = QJsonDocument::fromJson(s.lines().value(0).toUtf8()).object();
        QCOMPARE(first["event"].toString(), QString("listening"));
        QCOMPARE(first["model"].toString(), QString("epoll"));
        QVERIFY(first["port"].toInt() > 0);
        QVERIFY(run({"client", "127.0.0.1", s.port(), "--send", "x", "--until", "x"}).exitCode ==
                0);
        QCOMPARE(s.stop(SIGINT), 0);
        QSet<QString> events;
        bool acceptTraced = false;
        QByteArrayList lines = s.process().readAllStandardOutput().split('\n');
        for (const QString& l : s.others()) lines << l.toUtf8();
        for (const QByteArray& line : lines) {
            if (line.isEmpty()) continue;
            QJsonParseError e;
            const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, line.constData());
            events << o["event"].toString();
            if (o["event"].toString() == "trace" &&
                o["trace"].toObject()["call"].toString().startsWith("accept"))
                acceptTraced = true;
        }
        QVERIFY(events.contains("opened"));
        QVERIFY(events.contains("closed"));
        QVERIFY(events.contains("trace"));
        QVERIFY(acceptTraced);
    }

    void traceOnStderr() {
        Serve s({"--service", "discard", "--trace", "--model", "iterative"});
        QCOMPARE(s.stop(SIGTERM), 0);
        const QByteArray err = s.process().readAllStandardError();
        QVERIFY2(err.contains("] bind(") && err.contains("] listen("), err.constData());
        QVERIFY(err.contains("[pid "));
    }

    void stopsOnSignals_data() {
        QTest::addColumn<int>("sig");
        QTest::addColumn<QString>("model");
        QTest::newRow("SIGINT thread") << int(SIGINT) << "thread";
        QTest::newRow("SIGTERM fork") << int(SIGTERM) << "fork";
        QTest::newRow("SIGTERM epoll") << int(SIGTERM) << "epoll";
    }

    void stopsOnSignals() {
        QFETCH(int, sig);
        QFETCH(QString, model);
        Serve s({"--service", "clock", "--model", model});
        // A client is connected mid-run when the signal comes.
        QProcess client;
        client.start(kBinary, {"client", "127.0.0.1", s.port(), "--send", "Bonjour\\n", "--until",
                               "Au Revoir"});
        QVERIFY(client.waitForReadyRead(kWaitMs));
        QElapsedTimer t;
        t.start();
        QCOMPARE(s.stop(sig), 0);
        QVERIFY(t.elapsed() < 3000);
        QVERIFY(client.waitForFinished(kWaitMs));
        QCOMPARE(client.exitCode(), 1);  // the server closed before "Au Revoir"
    }

    void badServeInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("address not on this machine")
            << QStringList{"--service", "echo", "--bind", "192.0.2.1"} << 1
            << QStringList{"EADDRNOTAVAIL", "192.0.2.1"};
        QTest::newRow("port out of range") << QStringList{"--service", "echo", "--port", "70000"}
                                           << 2 << QStringList{"70000", "out of range"};
        QTest::newRow("port not a number") << QStringList{"--service", "echo", "--port", "http"}
                                           << 2 << QStringList{"'http'", "0 to 65535"};
        QTest::newRow("unknown service")
            << QStringList{"--service", "ecoh"} << 2
            << QStringList{"ecoh", "echo, discard, chargen, daytime, time, clock, chat, http"};
        QTest::newRow("unknown terminator")
            << QStringList{"--service", "clock", "--terminator", "cr"} << 2
            << QStringList{"'cr'", "none, lf or crlf"};
        QTest::newRow("unknown model") << QStringList{"--service", "echo", "--model", "fibers"} << 2
                                       << QStringList{"fibers", "iterative", "epoll"};
        QTest::newRow("chat over udp")
            << QStringList{"--service", "chat", "--protocol", "udp"} << 2 << QStringList{"chat"};
        QTest::newRow("no service") << QStringList{"--port", "0"} << 2 << QStringList{"--service"};
        QTest::newRow("unknown option")
            << QStringList{"--service", "echo", "--colour"} << 2 << QStringList{"--colour"};
        QTest::newRow("missing value") << QStringList{"--service", "echo", "--port"} << 2
                                       << QStringList{"--port needs a value"};
        QTest::newRow("bad protocol")
            << QStringList{"--service", "echo", "--protocol", "sctp"} << 2 << QStringList{"sctp"};
        QTest::newRow("bad --also")
            << QStringList{"--service", "echo", "--also", "daytime"} << 2 << QStringList{"--also"};
    }

    void badServeInput() {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QStringList, words);
        const Result r = run(QStringList{"serve"} + args);
        QCOMPARE(r.exitCode, status);
        QVERIFY(r.out.isEmpty());
        for (const QString& w : words) QVERIFY2(r.err.contains(w.toUtf8()), r.err.constData());
    }

    void portInUse() {
        Serve first({"--service", "echo"});
        const Result r = run({"serve", "--service", "echo", "--port", first.port()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("EADDRINUSE"), r.err.constData());
        QVERIFY2(r.err.contains(":" + first.port().toUtf8()), r.err.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ServeCli)
#include "tst_serve_cli.moc"
