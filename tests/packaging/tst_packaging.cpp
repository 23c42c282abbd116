// The files the package installs besides the program, checked against the
// program itself: the man page (generated from --help) documents every
// option of every sub-command and renders without a warning; the AppStream
// metainfo and the desktop entry pass their validators; the bash completion
// completes sub-commands, options and option values from the real --help.

#include <QtTest/QtTest>

#include "support/testmain.h"

namespace {

const QString kBinary = QStringLiteral(SOCKWB_BINARY);
const QString kBuildDir = QStringLiteral(SOCKWB_PACKAGING_BUILD_DIR);
const QString kSourceDir = QStringLiteral(SOCKWB_SOURCE_DIR "/packaging");
const QString kAppId = QStringLiteral("org.sockwb.SocketWorkbench");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, const QProcessEnvironment& env = {}) {
    QProcess p;
    if (!env.isEmpty()) p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) return {-1, {}, program + " did not start: " + p.errorString()};
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {-2, {}, program + " did not finish"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

// A tool from scripts/deps.sh; an empty string (and a FAIL) when it is missing.
QString tool(const char* name) { return QStandardPaths::findExecutable(QString::fromLatin1(name)); }

QStringList subCommands() {
    const QString help = run(kBinary, {"--help"}).out;
    QStringList subs;
    bool on = false;
    for (const QString& line : help.split('\n')) {
        if (line.startsWith("Sub-commands:")) {
            on = true;
            continue;
        }
        if (on && line.trimmed().isEmpty()) break;
        if (on) subs << line.trimmed().section(' ', 0, 0);
    }
    return subs;
}

}  // namespace

#define REQUIRE_TOOL(var, name)     \
    const QString var = tool(name); \
    if (var.isEmpty())              \
    QFAIL(name " is not installed: scripts/deps.sh installs it (scripts/test runs that)")

class tst_Packaging : public QObject {
    Q_OBJECT

private slots:
    void subCommandsAreListed() {
        const QStringList subs = subCommands();
        for (const char* s : {"client", "demo", "http", "lesson", "load", "relay", "run",
                              "sequence", "serve", "sockets", "trace"})
            QVERIFY2(subs.contains(s), qPrintable(subs.join(' ')));
    }

    void manPageDocumentsEveryOption() {
        const QString page = readFile(kBuildDir + "/sockwb.1");
        QVERIFY2(!page.isEmpty(),
                 qPrintable(kBuildDir + "/sockwb.1 is missing: the build generates it"));
        QVERIFY2(page.contains(QStringLiteral(".TH SOCKWB 1 \"\" \"sockwb " SOCKWB_VERSION "\"")),
                 qPrintable(page.left(300)));
        static const QRegularExpression option(
            QStringLiteral("^ +(-[A-Za-z0-9], )?(--[A-Za-z0-9.-]+)"));
        int checked = 0;
        const QStringList subs = subCommands() << QString();  // "" = the top-level help
        for (const QString& sub : subs) {
            const QStringList args =
                sub.isEmpty() ? QStringList{"--help"} : QStringList{sub, "--help"};
            const Run help = run(kBinary, args);
            QCOMPARE(help.exitCode, 0);
            if (!sub.isEmpty())
                QVERIFY2(page.contains(".SH \"SOCKWB " + sub.toUpper() + "\""), qPrintable(sub));
            for (const QString& line : help.out.split('\n')) {
                const auto m = option.match(line);
                if (!m.hasMatch()) continue;
                QString escaped = m.captured(2);
                escaped.replace('-', "\\-");
                QVERIFY2(
                    page.contains("\\fB" + QString(m.captured(1)).replace('-', "\\-") + escaped),
                    qPrintable(QString("%1: %2 is not in the man page").arg(sub, m.captured(2))));
                ++checked;
            }
        }
        QVERIFY2(checked > 40, qPrintable(QString::number(checked)));
    }

    void manPageRendersWithoutWarnings() {
        REQUIRE_TOOL(man, "man");
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("MANWIDTH", "80");
        const Run r = run(man, {"--warnings", "-P", "cat", "-l", kBuildDir + "/sockwb.1"}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.trimmed().isEmpty(), qPrintable(r.err));
        for (const char* section :
             {"NAME", "SYNOPSIS", "OPTIONS", "SOCKWB SERVE", "SOCKWB LOAD", "SEE ALSO"})
            QVERIFY2(r.out.contains(QLatin1String(section)), section);
        QVERIFY(r.out.contains("--max-connections N"));
    }

    void metainfoValidates() {
        REQUIRE_TOOL(appstreamcli, "appstreamcli");
        const QString file = kBuildDir + "/" + kAppId + ".metainfo.xml";
        const Run r = run(appstreamcli, {"validate", "--no-net", file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(readFile(file).contains(QStringLiteral("<release version=\"" SOCKWB_VERSION "\"")));
        QVERIFY(readFile(file).contains("<launchable type=\"desktop-id\">" + kAppId + ".desktop<"));
    }

    void desktopEntryValidates() {
        REQUIRE_TOOL(validate, "desktop-file-validate");
        const QString file = kSourceDir + "/" + kAppId + ".desktop";
        const Run r = run(validate, {file});
        QVERIFY2(r.exitCode == 0 && !r.out.contains("error:"), qPrintable(r.out + r.err));
        const QString entry = readFile(file);
        QVERIFY(entry.contains("\nExec=sockwb\n"));
        QVERIFY(entry.contains("\nIcon=sockwb\n"));
        QVERIFY(entry.contains("\nCategories=Network;Education;Development;\n"));
    }

    void bashCompletion_data() {
        QTest::addColumn<QStringList>("words");  // the last one is being completed
        QTest::addColumn<QString>("expected");
        QTest::newRow("sub-command") << QStringList{"ser"} << "serve";
        QTest::newRow("two sub-commands") << QStringList{"se"} << "sequence serve";
        QTest::newRow("all sub-commands")
            << QStringList{""}
            << "addr client demo http lesson load relay run sequence serve sockets trace";
        QTest::newRow("global options")
            << QStringList{"--"} << "--help --version --lang --quit-after";
        QTest::newRow("language") << QStringList{"--lang", ""} << "en fr";
        QTest::newRow("after --lang") << QStringList{"--lang", "fr", "de"} << "demo";
        QTest::newRow("option") << QStringList{"serve", "--mo"} << "--model";
        QTest::newRow("models") << QStringList{"serve", "--model", ""}
                                << "iterative fork thread pool select poll epoll io_uring";
        QTest::newRow("services") << QStringList{"serve", "--service", "c"} << "chargen clock chat";
        QTest::newRow("protocol") << QStringList{"client", "--protocol", ""}
                                  << "tcp udp unix unixgram";
        QTest::newRow("framing") << QStringList{"client", "--framing", ""} << "raw line len32";
        QTest::newRow("a number: no guess") << QStringList{"serve", "--port", ""} << "";
        QTest::newRow("short and long")
            << QStringList{"load", "-"}
            << "-c --connections -t --threads -d --duration -n --requests --rate "
               "--no-keepalive -k --insecure --cacert --cert --key --no-resume --payload --bulk "
               "--timeout --full-parser --json";
    }
    void bashCompletion() {
        QFETCH(QStringList, words);
        QFETCH(QString, expected);
        REQUIRE_TOOL(bash, "bash");
        // The completion calls the program by the name typed: put ours first on PATH.
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("PATH", QFileInfo(kBinary).absolutePath() + ":" + env.value("PATH"));
        QStringList quoted;
        for (const QString& w : words) quoted << "'" + w + "'";
        const QString script = QString(
                                   "source '%1/sockwb.bash-completion'; COMP_WORDS=(sockwb %2); "
                                   "COMP_CWORD=%3; _sockwb; echo \"${COMPREPLY[*]}\"")
                                   .arg(kSourceDir, quoted.join(' '))
                                   .arg(words.size());
        const Run r = run(bash, {"-c", script}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), expected);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_Packaging)
#include "tst_packaging.moc"
