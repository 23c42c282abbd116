// `sockwb run FILE.sockwb` and `sockwb run --lab ID`: plays a workspace's
// scripted parts headless (LabRunner: servers on free ports, relays, the
// clients' scripts, the composer requests marked to run) and prints the
// report a teacher grades with; the exit status says whether every
// expectation was met. The run works on the core's threads and on Qt timers
// in this thread's event loop; SIGINT/SIGTERM come through a signalfd
// watched by that loop, so a stop is ordinary code (no work in a handler).

#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <cerrno>
#include <string>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "core/net/error.h"
#include "widgets/labs/builtinlabs.h"
#include "widgets/workspace/labrunner.h"
#include "widgets/workspace/workspacefile.h"

namespace sockwb::app {

namespace {

const char* kHelp =
    "Usage: sockwb run [OPTIONS] FILE.sockwb\n"
    "       sockwb run [OPTIONS] --lab ID\n"
    "       sockwb run --list-labs\n"
    "Plays a workspace headless and checks its expectations: its servers start on the\n"
    "ports written (0: a free one), its relays forward to them, each client connects to\n"
    "the server or relay it names and plays its script (sends, waits, closes), and the\n"
    "requests marked to run are sent (${NAME} in a URL is the address of the server or\n"
    "relay NAME). Then everything stops and a report says, for each expectation, what\n"
    "was expected and what was observed:\n"
    "  a script's expect step    the client receives these bytes (within some time, and\n"
    "                            no earlier than some time after it connected)\n"
    "  a script's expect-close   the peer closes the connection\n"
    "  a server's expectations   connections accepted in all, the most open at once\n"
    "  a request's expectations  the status, a text in the body\n"
    "The file format is described in docs/workspace.md.\n\n"
    "  --lab ID               run a built-in lab instead of a file (see --list-labs)\n"
    "  --list-labs            the built-in labs' ids and titles\n"
    "  --json                 print the report as one JSON document on stdout\n"
    "  --verbose              print the run's progress on stderr as it happens\n"
    "  --timeout MS           give up after MS ms (default: the workspace's, 30000)\n\n"
    "Exit status: 0 every check passed, 1 a check failed (or the run timed out, could not\n"
    "start, or was stopped by SIGINT/SIGTERM), 2 bad usage or an unreadable file.\n";

struct RunOptions {
    QString file;
    QString lab;
    bool listLabs = false;
    bool json = false;
    bool verbose = false;
    int timeoutMs = -1;
    bool help = false;
};

RunOptions parse(const Args& args) {
    CommandParser p("run");
    p.addValue({"lab"});
    p.addValue({"timeout"});
    p.addFlag({"list-labs"});
    p.addFlag({"json"});
    p.addFlag({"verbose"});
    p.parse(args);
    RunOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    o.listLabs = p.isSet("list-labs");
    o.json = p.isSet("json");
    o.verbose = p.isSet("verbose");
    o.lab = QString::fromStdString(p.value("lab"));
    o.timeoutMs = static_cast<int>(p.integer("timeout", 1, 24 * 3600 * 1000, -1));
    const auto words = p.positional();
    if (words.size() > 1)
        throw Error::invalid("unexpected argument '" + words[1] + "'", p.seeHelp());
    if (!words.empty()) o.file = QString::fromLocal8Bit(words.front().c_str());
    if (o.listLabs) return o;
    if (!o.file.isEmpty() && p.isSet("lab"))
        throw Error::invalid("give a FILE or --lab ID, not both", p.seeHelp());
    if (o.file.isEmpty() && !p.isSet("lab"))
        throw Error::invalid("a workspace file (FILE.sockwb) or --lab ID is required", p.seeHelp());
    return o;
}

int listLabs() {
    const QStringList ids = builtinLabIds();
    if (ids.isEmpty()) {
        printOut(QStringLiteral("no built-in lab\n"));
        return 0;
    }
    QString out;
    for (const QString& id : ids) {
        const WorkspaceReadResult r = builtinLab(id);
        const QString title = r.workspace ? r.workspace->lab.title.en : r.error;
        out += QStringLiteral("%1  %2\n").arg(id, -16).arg(title);
    }
    printOut(out);
    return 0;
}

// Blocks the stop signals in this thread before any other exists (they
// inherit the mask) and returns a descriptor that reads them.
int stopSignalFd(sigset_t* old) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, old);
    return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

// Runs the workspace to its end (or a stop signal) and returns its report.
LabReport play(Workspace workspace, bool verbose, int signalFd) {
    LabRunner runner(std::move(workspace));
    QEventLoop loop;
    LabReport report;
    QObject::connect(&runner, &LabRunner::finished, &loop, [&](const LabReport& r) {
        report = r;
        loop.quit();
    });
    if (verbose)
        QObject::connect(&runner, &LabRunner::progress, &loop,
                         [](const QString& line) { printErr(line + QLatin1Char('\n')); });
    QSocketNotifier stop(signalFd, QSocketNotifier::Read);
    QObject::connect(&stop, &QSocketNotifier::activated, &loop, [&] {
        signalfd_siginfo info;
        while (::read(signalFd, &info, sizeof info) > 0) {
        }
        stop.setEnabled(false);
        runner.cancel();
    });
    runner.start();
    if (runner.isRunning()) loop.exec();
    return report;
}

}  // namespace

int runCommand(const Args& args) {
    RunOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb run: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QString::fromUtf8(kHelp));
        return 0;
    }
    if (o.listLabs) return listLabs();
    const WorkspaceReadResult read = o.lab.isEmpty() ? loadWorkspace(o.file) : builtinLab(o.lab);
    if (!read.workspace) {
        // The message names the file (the codec's sentence usually does).
        QString why = read.error;
        if (o.lab.isEmpty() && !why.contains(o.file)) why = o.file + QStringLiteral(": ") + why;
        printErr(QStringLiteral("sockwb run: %1\n").arg(why));
        return 2;
    }
    Workspace workspace = *read.workspace;
    if (o.timeoutMs > 0) workspace.runTimeoutMs = o.timeoutMs;
    if (workspace.lab.title.en.isEmpty())
        workspace.lab.title.en = o.lab.isEmpty() ? QFileInfo(o.file).fileName() : o.lab;
    if (o.verbose)
        for (const QString& note : read.notes) printErr(QStringLiteral("note: %1\n").arg(note));

    sigset_t old;
    const int signalFd = stopSignalFd(&old);
    if (signalFd < 0) {
        printErr(
            QStringLiteral("sockwb run: %1\n").arg(errorText(Error::fromErrno("signalfd", errno))));
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
        return 1;
    }
    const LabReport report = play(std::move(workspace), o.verbose, signalFd);
    // A signal that came after the stop must not kill the process once unblocked.
    signalfd_siginfo info;
    while (::read(signalFd, &info, sizeof info) > 0) {
    }
    ::close(signalFd);
    pthread_sigmask(SIG_SETMASK, &old, nullptr);

    if (o.json) {
        QByteArray json = QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
        if (!json.endsWith('\n')) json += '\n';
        printOut(QString::fromUtf8(json));
    } else
        printOut(report.toText());
    return report.passed() ? 0 : 1;
}

}  // namespace sockwb::app
