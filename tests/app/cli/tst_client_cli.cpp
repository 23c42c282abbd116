// `sockwb client` through the real binary: the course's client in one
// command, --send escapes, netcat mode, UDP, framing, refused and timed-out
// connections, and each bad input with its message and exit status.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_ClientCli : public QObject {
    Q_OBJECT

private slots:
    void courseClockClient() {
        Serve s({"--service", "clock", "--ticks", "3", "--interval", "50", "--model", "thread"});
        const Result r = run({"client", "--protocol", "tcp", "127.0.0.1", s.port(), "--send",
                              "Bonjour\\n", "--until", "Au Revoir"});
        QCOMPARE(r.exitCode, 0);
        // The course's bytes: no terminator after the times or "Au Revoir".
        static const QRegularExpression re(
            QStringLiteral("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d){3}Au Revoir$"));
        QVERIFY2(re.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
    }

    void sendEscapes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("newline tab return") << "a\\n\\t\\r" << QByteArray("a\n\t\r");
        QTest::newRow("backslash") << "C:\\\\dir" << QByteArray("C:\\dir");
        QTest::newRow("hex and NUL") << "\\x41\\x00\\xfF\\0" << QByteArray("A\0\xff\0", 4);
        QTest::newRow("plain") << "Bonjour" << QByteArray("Bonjour");
    }

    void sendEscapes() {
        QFETCH(QString, text);
        QFETCH(QByteArray, wire);
        Serve s({"--service", "echo"});
        const Result r = run({"client", "127.0.0.1", s.port(), "--send", text, "--timeout", "300"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, wire);
    }

    void netcatMode() {
        Serve s({"--service", "echo", "--model", "poll"});
        QByteArray input;
        for (int i = 0; i < 200000; ++i) input += char(i * 7 % 256);
        // stdin to the socket, half-close at end of input; the echo server
        // closes after echoing everything and the client ends at EOF.
        const Result r = run({"client", "127.0.0.1", s.port()}, input);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out == input);
    }

    void udpEchoAndTime() {
        Serve echo({"--service", "echo", "--protocol", "udp"});
        QVERIFY2(echo.lines().value(0).startsWith("listening udp 127.0.0.1:"),
                 qPrintable(echo.lines().value(0)));
        Result r = run({"client", "--protocol", "udp", "127.0.0.1", echo.port(), "--send", "ping",
                        "--send", "pong", "--until", "pong"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("pingpong"));
        Serve time({"--service", "time", "--protocol", "udp"});
        r = run({"client", "--protocol", "udp", "127.0.0.1", time.port(), "--send", "", "--timeout",
                 "500"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.size(), 4);
        const quint32 v = qFromBigEndian<quint32>(r.out.constData());
        const qint64 unixNow = QDateTime::currentSecsSinceEpoch();
        QVERIFY(qAbs(qint64(v) - 2208988800LL - unixNow) <= 5);
    }

    void badClientInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("no port") << QStringList{"127.0.0.1"} << QStringList{"HOST and PORT"};
        QTest::newRow("port out of range")
            << QStringList{"127.0.0.1", "65536"} << QStringList{"65536", "out of range"};
        QTest::newRow("bad escape")
            << QStringList{"127.0.0.1", "7", "--send", "a\\q"} << QStringList{"\\q"};
        QTest::newRow("short hex escape")
            << QStringList{"127.0.0.1", "7", "--send", "\\x4"} << QStringList{"\\x"};
        QTest::newRow("bad framing")
            << QStringList{"127.0.0.1", "7", "--framing", "json"} << QStringList{"json"};
        QTest::newRow("bad protocol")
            << QStringList{"--protocol", "sctp", "127.0.0.1", "7"} << QStringList{"sctp"};
        QTest::newRow("bad timeout")
            << QStringList{"127.0.0.1", "7", "--timeout", "soon"} << QStringList{"--timeout"};
    }

    void badClientInput() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, words);
        const Result r = run(QStringList{"client"} + args);
        QCOMPARE(r.exitCode, 2);
        for (const QString& w : words) QVERIFY2(r.err.contains(w.toUtf8()), r.err.constData());
    }

    void clientRefused() {
        // A port that was free a moment ago: nothing listens there now.
        uint16_t port = 0;
        {
            sockwb::Socket l = sockwb::tcpListen(sockwb::Address::fromIp("127.0.0.1", 0));
            port = l.localAddress().port();
        }
        const Result r = run({"client", "127.0.0.1", QString::number(port), "--send", "x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ECONNREFUSED"), r.err.constData());
    }

    void clientUntilTimesOut() {
        Serve s({"--service", "discard"});
        const Result r = run({"client", "127.0.0.1", s.port(), "--send", "x", "--until", "never",
                              "--timeout", "300"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("\"never\" did not arrive within 300 ms"), r.err.constData());
    }

    void clientFramingLen32() {
        Serve s({"--service", "echo"});
        const Result r = run({"client", "127.0.0.1", s.port(), "--framing", "len32", "--send",
                              "abc", "--until", "abc"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("\0\0\0\3abc", 7));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ClientCli)
#include "tst_client_cli.moc"
