// `sockwb relay` through the real binary, in front of a real `sockwb serve`
// on loopback (port 0 everywhere; the ports are read from the "listening"
// and "relaying" lines): bytes relayed exactly, a reset fault seen by the
// client as ECONNRESET, a fault changed by a line on stdin, JSON lines,
// counters on SIGTERM, a UDP datagram relayed, and bad options refused with
// exit status 2 naming the option. The test's own client is plain POSIX so
// that it sees the errno the relay causes.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

namespace {

// A running `sockwb relay`, stdin kept open for live lines; SIGTERM at the end.
class RelayRun {
public:
    explicit RelayRun(const QStringList& args) {
        proc_.start(kBinary, QStringList{"relay"} + args);
        QDeadlineTimer deadline(kWaitMs);
        while (port_ == 0 && !deadline.hasExpired() && proc_.state() != QProcess::NotRunning) {
            proc_.waitForReadyRead(100);
            while (proc_.canReadLine()) {
                const QByteArray line = proc_.readLine().trimmed();
                lines_ << line;
                static const QRegularExpression re(QStringLiteral("^relaying \\S+:(\\d+) "));
                if (line.startsWith('{')) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    if (o["event"].toString() == "listening") port_ = o["port"].toInt();
                } else if (const auto m = re.match(QString::fromUtf8(line)); m.hasMatch()) {
                    port_ = m.captured(1).toInt();
                }
            }
        }
    }
    ~RelayRun() {
        if (proc_.state() != QProcess::NotRunning) {
            proc_.terminate();
            if (!proc_.waitForFinished(kWaitMs)) proc_.kill();
            proc_.waitForFinished();
        }
    }
    int port() const { return port_; }
    QByteArrayList& lines() { return lines_; }
    QProcess& process() { return proc_; }
    // Reads stdout until a line contains `text`; false after kWaitMs.
    bool waitLine(const QByteArray& text) {
        QDeadlineTimer deadline(kWaitMs);
        for (;;) {
            while (proc_.canReadLine()) {
                const QByteArray line = proc_.readLine().trimmed();
                lines_ << line;
                if (line.contains(text)) return true;
            }
            if (deadline.hasExpired() || proc_.state() == QProcess::NotRunning) return false;
            proc_.waitForReadyRead(100);
        }
    }
    int stop(int sig) {
        ::kill(static_cast<pid_t>(proc_.processId()), sig);
        if (!proc_.waitForFinished(kWaitMs)) return -2;
        lines_ += proc_.readAllStandardOutput().split('\n');
        return proc_.exitStatus() == QProcess::NormalExit ? proc_.exitCode() : -3;
    }

private:
    QProcess proc_;
    QByteArrayList lines_;
    int port_ = 0;
};

struct Exchange {
    QByteArray received;
    int end = -1;  // 0: EOF; else the errno that ended it (EAGAIN: nothing more in time)
};

// Connects to 127.0.0.1:port, sends `data` (one send), then receives until
// EOF, an error, or `expect` bytes arrived (0: until the end).
Exchange talk(int port, const QByteArray& data, int expect = 0) {
    Exchange x;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval tv{kWaitMs / 1000, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::send(fd, data.constData(), static_cast<size_t>(data.size()), MSG_NOSIGNAL) !=
            data.size()) {
        x.end = errno;
        ::close(fd);
        return x;
    }
    char buf[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            x.end = n == 0 ? 0 : errno;
            break;
        }
        x.received.append(buf, n);
        if (expect > 0 && x.received.size() >= expect) break;
    }
    ::close(fd);
    return x;
}

// One datagram to 127.0.0.1:port, and the answer (empty after kWaitMs).
QByteArray datagram(int port, const QByteArray& data) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    timeval tv{kWaitMs / 1000, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::sendto(fd, data.constData(), static_cast<size_t>(data.size()), 0,
             reinterpret_cast<sockaddr*>(&a), sizeof a);
    char buf[2048];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    ::close(fd);
    return n > 0 ? QByteArray(buf, n) : QByteArray();
}

QString to(const Serve& s) { return "127.0.0.1:" + s.port(); }

}  // namespace

class tst_RelayCli : public QObject {
    Q_OBJECT

private slots:
    void relaysByteExact() {
        Serve echo({"--service", "echo"});
        RelayRun relay({"--listen", "127.0.0.1:0", "--to", to(echo)});
        QVERIFY2(relay.port() > 0, relay.lines().join('\n').constData());
        const QString first = QString::fromUtf8(relay.lines().last());
        QCOMPARE(first, QStringLiteral("relaying 127.0.0.1:%1 \u2192 127.0.0.1:%2 (tcp), no fault")
                            .arg(relay.port())
                            .arg(echo.port()));
        QByteArray data("hello\0bin\xff\r\n", 13);
        data += QByteArray(100000, 'x');
        const Exchange x = talk(relay.port(), data, static_cast<int>(data.size()));
        QCOMPARE(x.received.size(), data.size());
        QVERIFY(x.received == data);
    }

    void resetGivesEconnreset() {
        Serve echo({"--service", "echo"});
        RelayRun relay({"--to", to(echo), "--reset-after", "10"});
        QVERIFY(relay.port() > 0);
        QVERIFY2(relay.lines().last().endsWith("faults up: reset after 10 bytes; down: reset "
                                               "after 10 bytes"),
                 relay.lines().last().constData());
        const Exchange x = talk(relay.port(), QByteArray(100, 'a'));
        QCOMPARE(x.end, ECONNRESET);
        QVERIFY(x.received.size() <= 10);
    }

    void liveLineChangesAFault() {
        Serve echo({"--service", "echo"});
        RelayRun relay({"--to", to(echo)});
        QVERIFY(relay.port() > 0);
        // Before: the whole echo.
        QCOMPARE(talk(relay.port(), "0123456789", 10).received, QByteArray("0123456789"));
        relay.process().write("--close-after 5 --direction down\n");
        QVERIFY(relay.waitLine("faults down: close after 5 bytes"));
        const Exchange x = talk(relay.port(), "0123456789");
        QCOMPARE(x.received, QByteArray("01234"));
        QCOMPARE(x.end, 0);  // a FIN, not a reset
        // A wrong line is refused, the relay goes on; "clear" removes the fault.
        relay.process().write("--latency soon\nclear\nstats\n");
        QVERIFY(relay.waitLine("faults down: none"));
        QVERIFY(relay.waitLine("counters: "));
        QVERIFY(relay.process().state() == QProcess::Running);
        QVERIFY(relay.process().readAllStandardError().contains("--latency"));
        QCOMPARE(talk(relay.port(), "0123456789", 10).received, QByteArray("0123456789"));
    }

    void jsonLinesAndTrace() {
        Serve echo({"--service", "echo"});
        RelayRun relay({"--to", to(echo), "--json", "--trace", "--latency", "5"});
        QVERIFY(relay.port() > 0);
        QCOMPARE(talk(relay.port(), "ping", 4).received, QByteArray("ping"));
        relay.process().write("--drop 0.5\n");  // ignored by TCP: a note event
        relay.process().write("--latency 20 --direction up\n");
        QVERIFY(relay.waitLine("\"event\":\"faults\""));
        QCOMPARE(relay.stop(SIGTERM), 0);
        QSet<QString> events;
        QStringList calls;
        QJsonObject stats, listening;
        for (const QByteArray& line : relay.lines()) {
            if (line.trimmed().isEmpty()) continue;
            QJsonParseError e;
            const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, line.constData());
            events << o["event"].toString();
            if (o["event"] == "trace") calls << o["trace"].toObject()["call"].toString();
            if (o["event"] == "stats") stats = o;
            if (o["event"] == "listening") listening = o;
        }
        for (const char* e : {"listening", "trace", "faults", "note", "stats", "stopped"})
            QVERIFY2(events.contains(e), e);
        QCOMPARE(listening["up"].toObject()["latencyMs"].toInt(), 5);
        QVERIFY2(calls.contains("connect") && calls.contains("listen"),
                 qPrintable(calls.join(' ')));
        QVERIFY(stats["final"].toBool());
        QCOMPARE(stats["up"].toObject()["bytes"].toInt(), 4);
        QCOMPARE(stats["down"].toObject()["bytes"].toInt(), 4);
        QVERIFY(stats["up"].toObject()["delayed"].toInt() >= 1);
    }

    void sigtermPrintsCounters() {
        Serve echo({"--service", "echo"});
        RelayRun relay({"--to", to(echo)});
        QVERIFY(relay.port() > 0);
        QCOMPARE(talk(relay.port(), "0123456789", 10).received.size(), 10);
        QCOMPARE(relay.stop(SIGTERM), 0);
        const QByteArray out = relay.lines().join('\n');
        QVERIFY2(out.contains("counters: 1 accepted, "), out.constData());
        QVERIFY2(out.contains("  up:   10 bytes"), out.constData());
        QVERIFY2(out.contains("  down: 10 bytes"), out.constData());
    }

    void udpDatagramRelayed() {
        Serve echo({"--service", "echo", "--protocol", "udp"});
        RelayRun relay({"--protocol", "udp", "--to", to(echo)});
        QVERIFY2(relay.port() > 0, relay.lines().join('\n').constData());
        QVERIFY(relay.lines().last().contains("(udp)"));
        QCOMPARE(datagram(relay.port(), "one datagram"), QByteArray("one datagram"));
        QCOMPARE(relay.stop(SIGINT), 0);
        QVERIFY(relay.lines().join('\n').contains("  up:   12 bytes"));
    }

    void badOptions_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("word");
        QTest::newRow("no target") << QStringList{"--listen", "127.0.0.1:0"} << "--to";
        QTest::newRow("target without port") << QStringList{"--to", "localhost"} << "--to";
        QTest::newRow("port out of range")
            << QStringList{"--to", "127.0.0.1:7", "--listen", "127.0.0.1:70000"} << "--listen";
        QTest::newRow("latency") << QStringList{"--to", "127.0.0.1:7", "--latency", "soon"}
                                 << "--latency";
        QTest::newRow("probability")
            << QStringList{"--to", "127.0.0.1:7", "--drop", "2"} << "--drop";
        QTest::newRow("limit") << QStringList{"--to", "127.0.0.1:7", "--reset-after", "many"}
                               << "--reset-after";
        QTest::newRow("direction")
            << QStringList{"--to", "127.0.0.1:7", "--direction", "sideways"} << "--direction";
        QTest::newRow("protocol") << QStringList{"--to", "127.0.0.1:7", "--protocol", "unix"}
                                  << "--protocol";
        QTest::newRow("unknown option")
            << QStringList{"--to", "127.0.0.1:7", "--colour"} << "--colour";
        QTest::newRow("missing value") << QStringList{"--to"} << "--to needs a value";
    }

    void badOptions() {
        QFETCH(QStringList, args);
        QFETCH(QString, word);
        const Result r = run(QStringList{"relay"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("sockwb relay: ") && r.err.contains(word.toUtf8()),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void portInUseIsARuntimeError() {
        Serve echo({"--service", "echo"});
        const Result r = run({"relay", "--listen", to(echo), "--to", to(echo)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("EADDRINUSE"), r.err.constData());
    }

    void helpListsTheOptions() {
        const Result r = run({"relay", "--help"});
        QCOMPARE(r.exitCode, 0);
        for (const char* o : {"--listen", "--to", "--latency", "--slice", "--reset-after",
                              "--close-after", "--stall", "--drop", "--direction", "--json"})
            QVERIFY2(r.out.contains(o), o);
        QVERIFY(run({"--help"}).out.contains("  relay "));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_RelayCli)
#include "tst_relay_cli.moc"
