// LabRunner (widgets/workspace/labrunner.h) on real servers, relays and
// clients on loopback, with small intervals so each run takes about a
// second: the course's iterative clock server serializes three clients
// (client 3's "Au Revoir" comes after the others were served), a too
// strict expectation fails with the figure observed, a server's counters
// are checked, a relay sits in the path, an HTTP request reaches ${NAME},
// an unknown target stops the run before it starts, cancel() and a timeout
// leave nothing running (the process's fds are counted before and after).

#include <QDir>
#include <QSignalSpy>
#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/workspace/labrunner.h"

using namespace sockwb;

namespace {

constexpr int kWaitMs = 15000;

ScriptStep step(ScriptStep::Kind kind, std::string bytes = {}, int minAfterMs = -1,
                int withinMs = 5000) {
    ScriptStep s;
    s.kind = kind;
    s.bytes = std::move(bytes);
    s.minAfterMs = minAfterMs;
    s.withinMs = withinMs;
    return s;
}

WorkspaceServer server(const QString& name, const std::string& service, const std::string& model) {
    WorkspaceServer s;
    s.name = name;
    s.config.model = model;
    s.config.listeners = {ListenerConfig{service, Protocol::Tcp, "127.0.0.1", 0}};
    return s;
}

WorkspaceClient client(const QString& name, const QString& target, std::vector<ScriptStep> script) {
    WorkspaceClient c;
    c.name = name;
    c.target = target;
    c.script = std::move(script);
    return c;
}

// The course's time service, iterative, two ticks 150 ms apart: each client
// is served for 300 ms, one after the other.
Workspace clockLab(int client3MinAfterMs) {
    Workspace w;
    w.lab.title.en = QStringLiteral("time service, iterative");
    WorkspaceServer s = server("time", "clock", "iterative");
    s.config.serviceOptions.ticks = 2;
    s.config.serviceOptions.intervalMs = 150;
    s.expectAcceptedAtLeast = 3;
    s.expectMaxActiveAtMost = 1;
    w.servers.push_back(s);
    for (int i = 1; i <= 3; ++i) {
        w.clients.push_back(
            client(QStringLiteral("client %1").arg(i), "time",
                   {step(ScriptStep::Kind::Send, "Bonjour"),
                    step(ScriptStep::Kind::Expect, "Au Revoir", i == 3 ? client3MinAfterMs : -1),
                    step(ScriptStep::Kind::ExpectClose)}));
        // In this order, as the built-in lab does: started together, the
        // three connects could reach the server in any order (client 3
        // first was seen under the sanitizers) and client 3 be served first.
        w.clients.back().connectAfterMs = (i - 1) * 100;
    }
    return w;
}

// The descriptors open in this process (sockets are dangling links: System).
int openFds() {
    const QDir fds(QStringLiteral("/proc/self/fd"));
    return static_cast<int>(
        fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
}

// Runs a workspace to its end; the report, or a failed test.
LabReport run(Workspace w, QStringList* progress = nullptr) {
    LabRunner runner(std::move(w));
    QSignalSpy finished(&runner, &LabRunner::finished);
    if (progress)
        QObject::connect(&runner, &LabRunner::progress, &runner,
                         [progress](const QString& line) { progress->append(line); });
    runner.start();
    if (!finished.wait(kWaitMs)) return LabReport{"did not finish", {}, "did not finish", 0, true};
    if (runner.isRunning()) return LabReport{"still running", {}, "still running", 0, true};
    return finished.at(0).at(0).value<LabReport>();
}

const LabCheck* find(const LabReport& r, const QString& subject, const QString& expected) {
    for (const LabCheck& c : r.checks)
        if (c.subject == subject && c.expected.contains(expected)) return &c;
    return nullptr;
}

}  // namespace

class tst_LabRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<LabReport>("sockwb::LabReport"); }

    void iterativeClockSerializesTheClients() {
        QStringList progress;
        const LabReport r = run(clockLab(500), &progress);
        QVERIFY2(r.passed(), qPrintable(r.toText() + progress.join('\n')));
        QCOMPARE(r.checks.size(), 3 * 2 + 2);  // expect + expect-close each, two server checks
        const LabCheck* third = find(r, "client 3", "Au Revoir");
        QVERIFY(third);
        QCOMPARE(third->expected, QStringLiteral("receives \"Au Revoir\" after at least 500 ms"));
        // Served after at least one other (300 ms each) and its own; on a
        // loaded machine it may connect late, so its own clock may show less
        // than the three services, but the run's clock cannot.
        static const QRegularExpression after(QStringLiteral("^received after (\\d+) ms$"));
        const auto m = after.match(third->observed);
        QVERIFY2(m.hasMatch(), qPrintable(third->observed));
        QVERIFY2(m.captured(1).toInt() >= 500, qPrintable(third->observed));
        QVERIFY2(third->atMs >= 600, qPrintable(QString::number(third->atMs)));
        const LabCheck* maxOpen = find(r, "server time", "at once");
        QVERIFY(maxOpen && maxOpen->passed);
        QCOMPARE(maxOpen->observed, QStringLiteral("1 open at once at most"));
        QCOMPARE(find(r, "server time", "accepts")->observed, QStringLiteral("accepted 3"));
        QVERIFY(progress.join('\n').contains("server time (iterative) listening on 127.0.0.1:"));
        QVERIFY(r.toText().endsWith("all 8 checks passed\n"));
    }

    void tooStrictAnExpectationFailsWithTheFigure() {
        const LabReport r = run(clockLab(5000));
        QVERIFY(!r.passed());
        QCOMPARE(r.failedCount(), 2);  // the early "Au Revoir", then the close it never reached
        const LabCheck* third = find(r, "client 3", "Au Revoir");
        QVERIFY(third && !third->passed);
        QVERIFY2(third->observed.contains("expected after at least 5000 ms"),
                 qPrintable(third->observed));
        QVERIFY2(third->observed.startsWith("received after "), qPrintable(third->observed));
        QVERIFY(r.toText().contains(QStringLiteral("FAIL  client 3")));
        QVERIFY(r.toText().endsWith("6/8 checks passed\n"));
        QCOMPARE(r.toJson().value("passed").toBool(), false);
    }

    void serverAcceptsN() {
        Workspace w;
        WorkspaceServer s = server("echo", "echo", "epoll");
        s.expectAcceptedAtLeast = 5;  // only 4 come
        w.servers.push_back(s);
        for (int i = 1; i <= 4; ++i)
            w.clients.push_back(
                client(QStringLiteral("c%1").arg(i), "echo",
                       {step(ScriptStep::Kind::Send, "ping\n"),
                        step(ScriptStep::Kind::Expect, "ping\n"), step(ScriptStep::Kind::Close)}));
        const LabReport r = run(w);
        QCOMPARE(r.failedCount(), 1);
        const LabCheck* accepted = find(r, "server echo", "accepts at least 5");
        QVERIFY(accepted && !accepted->passed);
        QCOMPARE(accepted->observed, QStringLiteral("accepted 4"));
    }

    void relayInThePath() {
        Workspace w;
        WorkspaceServer s = server("echo", "echo", "thread");
        s.expectAcceptedAtLeast = 1;
        w.servers.push_back(s);
        WorkspaceRelay relay;
        relay.name = "slow";
        relay.targetServer = "echo";
        relay.config.down.latencyMs = Spread{300, 0};
        w.relays.push_back(relay);
        // Through the relay, the echo comes back no earlier than its latency.
        w.clients.push_back(client("via relay", "slow",
                                   {step(ScriptStep::Kind::Send, "hello\n"),
                                    step(ScriptStep::Kind::Expect, "hello\n", 250)}));
        const LabReport r = run(w);
        QVERIFY2(r.passed(), qPrintable(r.toText()));
        QCOMPARE(r.checks.size(), 2);
    }

    void httpRequestWithAName() {
        Workspace w;
        w.servers.push_back(server("web", "http", "poll"));
        WorkspaceComposer composer;
        composer.request.name = "hello";
        composer.request.url = "http://${web}/status/201";
        composer.run = true;
        composer.expect.status = 201;
        w.composers.push_back(composer);
        WorkspaceComposer page;
        page.request.url = "http://${web}/";
        page.run = true;
        page.expect.status = 200;
        page.expect.bodyContains = "poll";  // the hello page names the model
        w.composers.push_back(page);
        const LabReport r = run(w);
        QVERIFY2(r.passed(), qPrintable(r.toText()));
        QCOMPARE(r.checks.size(), 3);
        QCOMPARE(find(r, "request hello", "status 201")->observed, QStringLiteral("status 201"));
    }

    void unknownTargetIsAnError() {
        const int before = openFds();
        Workspace w = clockLab(-1);
        w.clients[1].target = "nowhere";
        const LabReport r = run(w);
        QVERIFY(!r.passed());
        QVERIFY2(r.error.contains("client 2") && r.error.contains("'nowhere'"),
                 qPrintable(r.error));
        QVERIFY(r.checks.isEmpty());
        QVERIFY(r.toText().contains("error: "));
        QCOMPARE(openFds(), before);
    }

    void cancelLeavesNothingRunning() {
        const int before = openFds();
        Workspace w = clockLab(-1);
        w.servers[0].config.serviceOptions.intervalMs = 60000;  // nothing ends by itself
        {
            LabRunner runner(w);
            QSignalSpy finished(&runner, &LabRunner::finished);
            QStringList lines;
            connect(&runner, &LabRunner::progress, this,
                    [&lines](const QString& l) { lines << l; });
            runner.start();
            QVERIFY(runner.isRunning());
            QTRY_VERIFY_WITH_TIMEOUT(lines.join('\n').contains("client 1 did step 1"), kWaitMs);
            QVERIFY(!runner.addressOf("time").isEmpty());
            QVERIFY(openFds() > before);
            runner.cancel();
            QCOMPARE(finished.size(), 1);
            QVERIFY(!runner.isRunning());
            const LabReport r = runner.report();
            QVERIFY(!r.passed());
            QCOMPARE(r.error, QStringLiteral("the run was cancelled"));
            QVERIFY(find(r, "client 1", "Au Revoir"));
            QCOMPARE(find(r, "client 1", "Au Revoir")->observed,
                     QStringLiteral("still waiting when the run was cancelled"));
            runner.cancel();  // twice: nothing more
            QCOMPARE(finished.size(), 1);
        }
        QCOMPARE(openFds(), before);
    }

    void timeout() {
        const int before = openFds();
        Workspace w;
        w.runTimeoutMs = 300;
        w.servers.push_back(server("echo", "echo", "select"));
        w.clients.push_back(
            client("silent", "echo", {step(ScriptStep::Kind::Expect, "never", -1, 10000)}));
        const LabReport r = run(w);
        QVERIFY(r.timedOut);
        QVERIFY(!r.passed());
        QCOMPARE(r.checks.size(), 1);
        QCOMPARE(r.checks[0].observed,
                 QStringLiteral("still waiting when the run timed out after 300 ms"));
        QVERIFY(r.elapsedMs >= 300);
        QCOMPARE(r.toJson().value("timed_out").toBool(), true);
        QCOMPARE(openFds(), before);
    }

    void connectFailureIsACheck() {
        Workspace w;
        WorkspaceClient c = client("lost", "", {step(ScriptStep::Kind::Expect, "x")});
        c.config.port = 1;  // nothing listens on port 1 of loopback
        w.clients.push_back(c);
        const LabReport r = run(w);
        QVERIFY(!r.passed());
        QCOMPARE(r.checks.size(), 2);
        QCOMPARE(r.checks[0].expected, QStringLiteral("connects to 127.0.0.1:1"));
        QVERIFY2(r.checks[0].observed.contains("ECONNREFUSED"), qPrintable(r.checks[0].observed));
        QCOMPARE(r.checks[1].observed, QStringLiteral("not reached: no connection"));
    }
};

SOCKWB_TEST_MAIN(tst_LabRunner)
#include "tst_labrunner.moc"
