// The Run a program... window (offscreen): a program of tests/tracer runs
// with the tracer preloaded, its output fills the Output pane and its calls
// the TraceView, row by row; Stop and closing the window end it and the
// child it forked; a static program runs untraced with the reason shown; a
// missing one is refused.

#include <signal.h>

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>
#include <memory>

#include "support/testmain.h"
#include "widgets/run/programrunner.h"
#include "widgets/run/runwindow.h"
#include "widgets/shell/sidebar.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {

const QString kPrograms = QStringLiteral(SOCKWB_TRACER_PROGRAMS);
constexpr int kWaitMs = 10000;

QStringList calls(const TraceView* view) {
    QStringList out;
    const TraceModel* m = view->model();
    for (int row = 0; row < m->rowCount(); ++row)
        out << QString::fromStdString(m->eventAt(row).call);
    return out;
}

// The child's pid, from the parent's fork row (the child's own says 0, and
// may come first: each process has its own stream). -1 while none.
qint64 forkedChild(const TraceView* view) {
    const TraceModel* m = view->model();
    for (int row = 0; row < m->rowCount(); ++row)
        if (m->eventAt(row).call == "fork" && m->eventAt(row).result > 0)
            return m->eventAt(row).result;
    return -1;
}

bool alive(qint64 pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0; }

}  // namespace

class tst_RunWindow : public QObject {
    Q_OBJECT

private slots:
    void runsAProgramAndShowsItsCalls() {
        RunWindow w;
        w.show();
        QVERIFY(w.run(kPrograms + "/tcp_pair", {}));
        QTRY_VERIFY_WITH_TIMEOUT(w.runButton()->isEnabled(), kWaitMs);
        QVERIFY2(w.statusLabel()->text().contains("status 0"), qPrintable(w.statusLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(w.outputView()->toPlainText().startsWith("port "), kWaitMs);
        const QStringList expected = {
            "program_start", "socket", "bind",  "listen", "getsockname", "socket",
            "connect",       "accept", "send",  "recv",   "send",        "recv",
            "shutdown",      "recv",   "close", "close",  "close"};
        QTRY_COMPARE_WITH_TIMEOUT(calls(w.traceView()), expected, kWaitMs);
        const TraceEvent& connect = w.traceView()->model()->eventAt(6);
        QCOMPARE(connect.fd, w.traceView()->model()->eventAt(5).result);
        QCOMPARE(connect.result, 0);
        const TraceEvent& start = w.traceView()->model()->eventAt(0);
        QVERIFY2(start.args.find("tcp_pair") != std::string::npos, start.args.c_str());
        QCOMPARE(connect.pid, start.pid);
    }

    void connectionsTabShowsTheConnectedSocket() {
        RunWindow w;
        QVERIFY(w.run(kPrograms + "/tcp_pair", {}));
        auto* table = w.findChild<QTableView*>(QStringLiteral("runConnections"));
        QVERIFY(table);
        const auto* m = table->model();
        auto connectedPeer = [m] {
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->index(r, 2).data().toString() == "TCP connected")
                    return m->index(r, 4).data().toString();
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(w.runButton()->isEnabled(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(connectedPeer().startsWith("127.0.0.1:"), kWaitMs);
    }

    void sideListShowsTheProgramThenItsExit() {
        SideBar bar;
        RunWindow w;
        bar.addProgram(&w);
        QTreeWidgetItem* programs = bar.topLevelItem(bar.topLevelItemCount() - 1);  // the last
        QCOMPARE(programs->childCount(), 1);
        QVERIFY(w.run(kPrograms + "/blocking", {"--fork"}));
        QTRY_VERIFY_WITH_TIMEOUT(w.outputView()->toPlainText().contains("listening"), kWaitMs);
        const QString pid = QString::number(w.runner()->pid());
        QCOMPARE(programs->child(0)->text(0), QString("blocking (%1)").arg(pid));
        QVERIFY(programs->child(0)->toolTip(0).endsWith("running"));
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(programs->child(0)->toolTip(0).endsWith("exited"), kWaitMs);
    }

    void argumentsAndFolderReachTheProgram() {
        QTemporaryDir dir;
        RunWindow w;
        QVERIFY(w.run("/bin/sh", {"-c", "pwd; echo \"$1\" >&2", "sh", "two words"}, dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(w.runButton()->isEnabled(), kWaitMs);
        const QString out = w.outputView()->toPlainText();
        QVERIFY2(out.contains(dir.path()) && out.contains("two words"), qPrintable(out));
    }

    void stopEndsTheProgramAndItsChild() {
        RunWindow w;
        QVERIFY(w.run(kPrograms + "/blocking", {"--fork"}));
        QVERIFY(w.stopButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(w.outputView()->toPlainText().contains("listening"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(forkedChild(w.traceView()) > 0, kWaitMs);
        const qint64 child = forkedChild(w.traceView());
        const qint64 leader = w.runner()->pid();
        QVERIFY(alive(child));
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(w.runButton()->isEnabled(), kWaitMs);
        QVERIFY2(w.statusLabel()->text().contains("SIGTERM"), qPrintable(w.statusLabel()->text()));
        QVERIFY(!alive(leader));
        QTRY_VERIFY_WITH_TIMEOUT(!alive(child), kWaitMs);
    }

    void closingTheWindowEndsTheProgram() {
        auto w = std::make_unique<RunWindow>();
        QVERIFY(w->run(kPrograms + "/blocking", {"--fork"}));
        QTRY_VERIFY2_WITH_TIMEOUT(forkedChild(w->traceView()) > 0,
                                  qPrintable(calls(w->traceView()).join(' ')), kWaitMs);
        const qint64 child = forkedChild(w->traceView());
        const qint64 leader = w->runner()->pid();
        w.reset();
        QVERIFY(!alive(leader));
        QTRY_VERIFY_WITH_TIMEOUT(!alive(child), kWaitMs);
    }

    void staticProgramRunsUntraced() {
        const QString path = QStringLiteral(SOCKWB_TRACER_STATIC);
        if (path.isEmpty()) QSKIP("this toolchain cannot link with -static (no libc.a)");
        RunWindow w;
        QVERIFY(w.run(path, {}));
        QVERIFY2(w.statusLabel()->text().contains("statically linked"),
                 qPrintable(w.statusLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(w.runButton()->isEnabled(), kWaitMs);
        QCOMPARE(w.traceView()->model()->rowCount(), 0);
    }

    void missingProgramRefused() {
        RunWindow w;
        QVERIFY(!w.run(kPrograms + "/none", {}));
        QVERIFY2(w.statusLabel()->text().contains("no such program"),
                 qPrintable(w.statusLabel()->text()));
        QVERIFY(w.runButton()->isEnabled());
        QVERIFY(!w.stopButton()->isEnabled());
    }

    void unclosedQuoteRefused() {
        RunWindow w;
        w.programEdit()->setText("/bin/true");
        w.argumentsEdit()->setText("'open");
        QVERIFY(!w.run());
        QVERIFY(w.statusLabel()->text().contains("quote"));
    }
};

SOCKWB_TEST_MAIN(tst_RunWindow)
#include "tst_runwindow.moc"
