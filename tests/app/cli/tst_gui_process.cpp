// The graphical workbench as a process, as a package's smoke test and a
// desktop session run it: `sockwb --quit-after MS` opens the main window and
// closes it, and SIGINT, SIGTERM and SIGHUP close it the same clean way
// (exit 0) instead of killing it. Offscreen (ctest sets QT_QPA_PLATFORM),
// with its settings in a temporary folder.

#include <signal.h>

#include <QtTest/QtTest>

#include "support/testmain.h"

namespace {

const QString kBinary = QStringLiteral(SOCKWB_BINARY);
constexpr int kWaitMs = 20000;

class Gui {
public:
    explicit Gui(const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_CONFIG_HOME", config_.path());
        proc_.setProcessEnvironment(env);
        proc_.start(kBinary, args);
    }
    ~Gui() {
        if (proc_.state() != QProcess::NotRunning) {
            proc_.kill();
            proc_.waitForFinished();
        }
    }
    // Waits for a line of stdout that contains `text`.
    bool waitForLine(const QString& text) {
        QDeadlineTimer deadline(kWaitMs);
        while (!deadline.hasExpired()) {
            while (proc_.canReadLine()) {
                const QString line = QString::fromUtf8(proc_.readLine());
                out_ += line;
                if (line.contains(text)) return true;
            }
            if (proc_.state() == QProcess::NotRunning && !proc_.canReadLine()) return false;
            proc_.waitForReadyRead(100);
        }
        return false;
    }
    // Exit code, -3 when a signal ended it, -2 when it did not end.
    int finish() {
        if (!proc_.waitForFinished(kWaitMs)) return -2;
        out_ += QString::fromUtf8(proc_.readAllStandardOutput());
        return proc_.exitStatus() == QProcess::NormalExit ? proc_.exitCode() : -3;
    }
    QString output() {
        err_ += QString::fromUtf8(proc_.readAllStandardError());
        return out_ + err_;
    }
    QProcess& process() { return proc_; }

private:
    QTemporaryDir config_;
    QProcess proc_;
    QString out_;
    QString err_;
};

}  // namespace

class tst_GuiProcess : public QObject {
    Q_OBJECT

private slots:
    void quitAfterClosesTheMainWindow() {
        Gui gui({"--quit-after", "200"});
        QVERIFY2(gui.waitForLine("main window open, closing it in 200 ms"),
                 qPrintable(gui.output()));
        QVERIFY2(gui.waitForLine("closing the main window (--quit-after)"),
                 qPrintable(gui.output()));
        QCOMPARE(gui.finish(), 0);
    }

    void signalClosesCleanly_data() {
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGTERM") << int(SIGTERM) << "SIGTERM";
        QTest::newRow("SIGINT") << int(SIGINT) << "SIGINT";
        QTest::newRow("SIGHUP") << int(SIGHUP) << "SIGHUP";
    }
    void signalClosesCleanly() {
        QFETCH(int, number);
        QFETCH(QString, name);
        // A long --quit-after only to learn when the window is open.
        Gui gui({"--quit-after", "600000"});
        QVERIFY2(gui.waitForLine("main window open"), qPrintable(gui.output()));
        QCOMPARE(::kill(static_cast<pid_t>(gui.process().processId()), number), 0);
        QVERIFY2(gui.waitForLine(name + " received, closing the workbench"),
                 qPrintable(gui.output()));
        QCOMPARE(gui.finish(), 0);
    }

    void languageAndQuitAfterTogether() {
        Gui gui({"--lang", "fr", "--quit-after=0"});
        QCOMPARE(gui.finish(), 0);
        QVERIFY2(gui.output().contains("--quit-after"), qPrintable(gui.output()));
    }

    void badQuitAfter_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a number") << QStringList{"--quit-after", "soon"} << "not 'soon'";
        QTest::newRow("negative") << QStringList{"--quit-after=-5"} << "not '-5'";
        QTest::newRow("too long") << QStringList{"--quit-after", "99999999999"}
                                  << "from 0 to 86400000";
        QTest::newRow("missing") << QStringList{"--quit-after"} << "--quit-after needs a value";
    }
    void badQuitAfter() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        Gui gui(args);
        QCOMPARE(gui.finish(), 2);
        QVERIFY2(gui.output().contains(message), qPrintable(gui.output()));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_GuiProcess)
#include "tst_gui_process.moc"
