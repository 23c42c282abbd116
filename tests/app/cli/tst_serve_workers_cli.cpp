// `sockwb serve` and the processes and threads it starts: fork children die
// with a SIGKILLed server (PR_SET_PDEATHSIG), the fork and thread models
// refuse a client over --max-workers with a log line, and --bind "" is
// refused instead of meaning "every address". Real binary, port 0.

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <QtTest/QtTest>
#include <cerrno>

#include "app/cli/cliprocess.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::test;

namespace {

// Gone: reaped now (the test is their subreaper once serve died) or no
// such process at all.
bool gone(pid_t pid) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return true;
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Reads the server's stdout until a line contains `needle` (bounded).
QByteArray readUntil(QProcess& p, const QByteArray& needle, QByteArray& seen) {
    QDeadlineTimer deadline(kWaitMs);
    while (!seen.contains(needle) && !deadline.hasExpired() && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(100);
        seen += p.readAllStandardOutput();
    }
    return seen;
}

// One echo round trip on an open connection; false if the server closed it.
// A refused connection may also be reset (our bytes reached a closed socket).
bool echoes(Socket& s, const std::string& text) {
    std::string got;
    try {
        s.sendAll(text, Millis(5000));
        char buf[256];
        while (got.size() < text.size()) {
            auto r = s.recv(buf, sizeof buf, Millis(5000));
            if (!r.ok() || r.bytes == 0) return false;
            got.append(buf, r.bytes);
        }
    } catch (const Error&) {
        return false;
    }
    return got == text;
}

// True when the server closed `s` without a byte (the refusal).
bool closedAtOnce(Socket& s) {
    char buf[16];
    try {
        auto r = s.recv(buf, sizeof buf, Millis(5000));
        return !r.ok() || r.bytes == 0;
    } catch (const Error&) {
        return true;  // reset
    }
}

}  // namespace

class tst_ServeWorkersCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Orphans come to this test, not to PID 1: it can reap them and
        // kill what the server left behind.
        QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    }

    void forkChildrenDieWithServer() {
        Serve s({"--service", "echo", "--model", "fork", "--json"});
        QVERIFY(s.port().toInt() > 0);
        std::vector<Socket> clients;
        QByteArray seen;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(tcpConnect("127.0.0.1", s.port().toStdString(), Millis(5000)));
            QVERIFY(echoes(clients.back(), "hi\n"));
        }
        readUntil(s.process(), "\"id\":3", seen);
        QList<pid_t> pids;
        static const QRegularExpression re(QStringLiteral("\"event\":\"opened\".*\"pid\":(\\d+)"));
        for (const QByteArray& line : seen.split('\n'))
            if (auto m = re.match(QString::fromUtf8(line)); m.hasMatch())
                pids << pid_t(m.captured(1).toInt());
        QCOMPARE(pids.size(), 3);
        for (pid_t pid : pids) QVERIFY(!gone(pid));
        QCOMPARE(s.stop(SIGKILL), -3);
        for (pid_t pid : pids) {
            QTRY_VERIFY_WITH_TIMEOUT(gone(pid), 5000);
        }
        for (pid_t pid : pids)
            if (::kill(pid, SIGKILL) == 0) ::waitpid(pid, nullptr, 0);  // left over: a failure
        // The connections the children served are closed with them.
        for (auto& c : clients) QVERIFY(closedAtOnce(c));
    }

    void maxWorkers_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("io");
        QTest::addColumn<QString>("word");
        QTest::newRow("fork blocking") << "fork"
                                       << "blocking"
                                       << "children";
        QTest::newRow("fork poll") << "fork"
                                   << "poll"
                                   << "children";
        QTest::newRow("thread blocking") << "thread"
                                         << "blocking"
                                         << "threads";
        QTest::newRow("thread poll") << "thread"
                                     << "poll"
                                     << "threads";
    }
    void maxWorkers() {
        QFETCH(QString, model);
        QFETCH(QString, io);
        QFETCH(QString, word);
        Serve s({"--service", "echo", "--model", model, "--io", io, "--max-workers", "2", "-v"});
        QVERIFY(s.port().toInt() > 0);
        const std::string port = s.port().toStdString();
        Socket a = tcpConnect("127.0.0.1", port, Millis(5000));
        Socket b = tcpConnect("127.0.0.1", port, Millis(5000));
        QVERIFY(echoes(a, "a\n"));
        QVERIFY(echoes(b, "b\n"));
        Socket c = tcpConnect("127.0.0.1", port, Millis(5000));
        QVERIFY(closedAtOnce(c));
        QByteArray seen;
        const QByteArray line = "2 " + word.toUtf8() + " already (max workers 2)";
        readUntil(s.process(), line, seen);
        QVERIFY2(seen.contains("refused 127.0.0.1:") && seen.contains(line), seen.constData());
        // A worker ends: the next client is served again (bounded retries).
        a.close();
        auto served = [&] {
            Socket d = tcpConnect("127.0.0.1", port, Millis(5000));
            return echoes(d, "d\n");
        };
        // Once the child or thread is reaped. QTRY evaluates its expression
        // once more at the end: a success is kept, not tried again.
        bool ok = false;
        QTRY_VERIFY_WITH_TIMEOUT(ok || (ok = served()), 5000);
        QVERIFY(echoes(b, "b again\n"));
        QCOMPARE(s.stop(SIGTERM), 0);
    }

    void badOptions_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty bind") << QStringList{"--bind", ""} << "--bind '': an empty address";
        QTest::newRow("negative workers") << QStringList{"--max-workers", "-1"} << "--max-workers";
        QTest::newRow("text workers") << QStringList{"--max-workers", "many"} << "--max-workers";
    }
    void badOptions() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(QStringList{"serve", "--service", "echo", "--port", "0"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(!r.out.contains("listening"));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ServeWorkersCli)
#include "tst_serve_workers_cli.moc"
