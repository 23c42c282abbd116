// The command line through the real binary: `sockwb serve` and `sockwb
// client` round trips under every model, the course's client in one
// command, netcat mode, --json / --trace, clean stop on SIGINT/SIGTERM, and
// each bad input with its message and exit status. Servers listen on port 0
// and the test reads the real port from the "listening" line.

#include <signal.h>

#include <QtTest/QtTest>

#include "core/net/socket.h"
#include "support/testmain.h"

namespace {

const QString kBinary = QStringLiteral(SOCKWB_BINARY);
constexpr int kWaitMs = 15000;

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `sockwb args...` to the end, feeding `input` on stdin.
Result run(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(kBinary, args);
    if (!p.waitForStarted(kWaitMs)) return {};
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// A running `sockwb serve`, stopped (SIGTERM) when it goes out of scope.
class Serve {
public:
    explicit Serve(const QStringList& args, int listeners = 1) {
        proc_.start(kBinary, QStringList{"serve"} + args);
        // Only the "listening" lines are kept (--json --trace mixes in
        // trace events); the rest stays readable from process().
        QDeadlineTimer deadline(kWaitMs);
        while (lines_.size() < listeners && !deadline.hasExpired()) {
            if (proc_.state() == QProcess::NotRunning) break;
            proc_.waitForReadyRead(100);
            while (proc_.canReadLine()) {
                const QString line = QString::fromUtf8(proc_.readLine()).trimmed();
                if (line.startsWith("listening ") || line.contains("\"event\":\"listening\""))
                    lines_ << line;
                else
                    others_ << line;
            }
        }
    }
    ~Serve() {
        if (proc_.state() != QProcess::NotRunning) {
            proc_.terminate();
            if (!proc_.waitForFinished(kWaitMs)) proc_.kill();
            proc_.waitForFinished();
        }
    }
    // The port of listener i, from "listening tcp 127.0.0.1:PORT ...", or
    // from the JSON line's "port".
    QString port(int i = 0) const {
        if (i >= lines_.size()) return {};
        const QString& l = lines_[i];
        if (l.startsWith('{'))
            return QString::number(QJsonDocument::fromJson(l.toUtf8()).object()["port"].toInt());
        static const QRegularExpression re(QStringLiteral("^listening \\w+ \\S+:(\\d+) "));
        return re.match(l).captured(1);
    }
    QStringList lines() const { return lines_; }
    // Lines read before the last "listening" line that were something else.
    QStringList others() const { return others_; }
    QProcess& process() { return proc_; }
    // Stops it with `sig` and returns the exit code (-3: killed by a signal).
    int stop(int sig) {
        ::kill(static_cast<pid_t>(proc_.processId()), sig);
        if (!proc_.waitForFinished(kWaitMs)) return -2;
        return proc_.exitStatus() == QProcess::NormalExit ? proc_.exitCode() : -3;
    }

private:
    QProcess proc_;
    QStringList lines_;
    QStringList others_;
};

const QStringList kModels = {"iterative", "fork", "thread", "pool", "select", "poll", "epoll"};

}  // namespace

class tst_Cli : public QObject {
    Q_OBJECT

private slots:
    void help_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{"--help"};
        QTest::newRow("serve") << QStringList{"serve", "--help"};
        QTest::newRow("client") << QStringList{"client", "--help"};
        QTest::newRow("demo") << QStringList{"demo", "--help"};
    }
    void help() {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Usage: sockwb"), r.out.constData());
    }

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

    void courseClockClient() {
        Serve s({"--service", "clock", "--ticks", "3", "--interval", "50", "--model", "thread"});
        const Result r = run({"client", "--protocol", "tcp", "127.0.0.1", s.port(), "--send",
                              "Bonjour\\n", "--until", "Au Revoir"});
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression re(
            QStringLiteral("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n){3}Au Revoir\\n$"));
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

    void udpClockThreePeers() {
        Serve s({"--service", "clock", "--protocol", "udp", "--ticks", "3", "--interval", "100",
                 "--model", "epoll"});
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

    void demoUsesTheEngine() {
        const Result r = run({"demo", "--ticks", "2", "--interval", "50"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("model iterative"));
        QCOMPARE(r.out.count("== client got: "), 3);
        QVERIFY(r.out.contains("== client got: Au Revoir"));
        QVERIFY(r.out.contains("] accept"));
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

SOCKWB_TEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
