// `sockwb trace` as a user runs it (the real binary through QProcess): the
// JSON lines of a traced TCP pair in call order with the program's output
// and exit; the text lines with errno names and the plain-language
// explanation; the program's exit status passed on; a static program
// refused; Ctrl-C (SIGINT sent to sockwb) stops the program.

#include <signal.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

namespace {

const QString kPrograms = QStringLiteral(SOCKWB_TRACER_PROGRAMS);

QList<QJsonObject> jsonLines(const QByteArray& out) {
    QList<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty()) lines << QJsonDocument::fromJson(line).object();
    return lines;
}

}  // namespace

class tst_TraceCli : public QObject {
    Q_OBJECT

private slots:
    void jsonLinesOfATcpPair() {
        const Result r = run({"trace", "--json", "--", kPrograms + "/tcp_pair"});
        QCOMPARE(r.exitCode, 0);
        const auto lines = jsonLines(r.out);
        QVERIFY2(lines.size() > 3, r.out.constData());
        QCOMPARE(lines.first()["event"].toString(), QString("start"));
        const int pid = lines.first()["pid"].toInt();
        QStringList calls;
        QString printed;
        for (const auto& l : lines) {
            if (l["event"] == "trace" && l["trace"].toObject()["pid"].toInt() == pid)
                calls << l["trace"].toObject()["call"].toString();
            if (l["event"] == "stdout") printed += l["text"].toString();
        }
        QCOMPARE(calls, QStringList({"program_start", "socket", "bind", "listen", "getsockname",
                                     "socket", "connect", "accept", "send", "recv", "send", "recv",
                                     "shutdown", "recv", "close", "close", "close"}));
        QVERIFY2(printed.startsWith("port "), qPrintable(printed));
        QCOMPARE(lines.last()["event"].toString(), QString("exit"));
        QCOMPARE(lines.last()["status"].toInt(), 0);
    }

    void textLinesExplainAFailure() {
        const Result r = run({"trace", kPrograms + "/refused"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("errno=111 ECONNREFUSED"), r.out.constData());
        QVERIFY2(r.err.contains("= -1 ECONNREFUSED <") &&
                     r.err.contains("nothing is listening on 127.0.0.1:"),
                 r.err.constData());
        static const QRegularExpression doubleClose(
            QStringLiteral("close\\((\\d+)\\) = 0 <.*\n.*close\\(\\1\\) = -1 EBADF <"));
        QVERIFY2(QString::fromUtf8(r.err).contains(doubleClose), r.err.constData());
        QVERIFY2(r.err.contains("+++ exited with 0 +++"), r.err.constData());
    }

    void exitStatusIsTheProgramsOwn() {
        const Result r = run({"trace", "--", "/bin/sh", "-c", "exit 7"});
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains("+++ exited with 7 +++"), r.err.constData());
    }

    void relativeProgramIsTheFoldersOwn() {
        // "./threaded" with --cwd is the folder's program, as a shell would run it there.
        const Result r = run({"trace", "--cwd", kPrograms, "./threaded"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("pthread_create() = 0"), r.err.constData());
    }

    void staticProgramRefused() {
        const QString path = QStringLiteral(SOCKWB_TRACER_STATIC);
        if (path.isEmpty()) QSKIP("this toolchain cannot link with -static (no libc.a)");
        const Result r = run({"trace", path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("statically linked") && r.err.contains("LD_PRELOAD"),
                 r.err.constData());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no program") << QStringList{"trace", "--json"} << "which program?";
        QTest::newRow("missing program")
            << QStringList{"trace", kPrograms + "/none"} << "no such program";
        QTest::newRow("unknown option") << QStringList{"trace", "--colour", "x"} << "--colour";
        QTest::newRow("bad folder")
            << QStringList{"trace", "--cwd", kPrograms + "/none", "/bin/true"} << "--cwd";
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }

    void interruptStopsTheProgram() {
        QProcess p;
        p.start(kBinary, {"trace", "--json", kPrograms + "/blocking"});
        QVERIFY(p.waitForStarted(kWaitMs));
        // Whatever happens, sockwb passes a SIGTERM on and the program ends.
        auto stop = qScopeGuard([&] {
            if (p.state() == QProcess::NotRunning) return;
            ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
            p.waitForFinished(kWaitMs);
        });
        QByteArray out;
        QDeadlineTimer deadline(kWaitMs);
        while (!(out.contains("listening ") && out.contains("\"call\":\"listen\"")) &&
               !deadline.hasExpired() && p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.contains("\"call\":\"listen\""), out.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(kWaitMs));
        QCOMPARE(p.exitCode(), 128 + SIGINT);
        out += p.readAllStandardOutput();
        QVERIFY2(out.contains("\"signal\":\"SIGINT\""), out.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_TraceCli)
#include "tst_trace_cli.moc"
