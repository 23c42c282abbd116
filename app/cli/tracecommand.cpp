// `sockwb trace [--json] [--cwd DIR] [--] PROGRAM [ARGS...]`: runs a
// student's own program with libsockwb-trace.so preloaded and prints its
// socket calls as they happen (core/tracer). The program keeps the terminal:
// its stdout/stderr are its own (piped into JSON events with --json), it is in
// sockwb's process group so Ctrl-C reaches it, and sockwb exits with its
// status. The main thread waits with sigwaitinfo for SIGCHLD, SIGINT and
// SIGTERM, so nothing runs in a signal handler.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QtGlobal>
#include <cstdio>
#include <memory>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/outputpump.h"
#include "app/cli/traceprinter.h"
#include "core/net/error.h"
#include "core/tracer/programcheck.h"
#include "core/tracer/tracedprocess.h"
#include "core/tracer/tracelaunch.h"
#include "core/tracer/tracereceiver.h"
#include "widgets/run/programchecktext.h"

namespace sockwb::app {

namespace {

const char* kHelp = QT_TRANSLATE_NOOP(
    "sockwb::app::trace",
    "Usage: sockwb trace [--json] [--cwd DIR] [--] PROGRAM [ARGS...]\n"
    "Runs PROGRAM (your own client or server) with the workbench's tracer preloaded\n"
    "(libsockwb-trace.so) and prints each socket call it makes as it happens, in the\n"
    "style of strace, on stderr: errno names, and what a failure means. The program\n"
    "keeps its own output and its exit status; Ctrl-C stops it. Forked children and\n"
    "threads are followed ([pid N tid M]).\n\n"
    "  --json         JSON lines on stdout: each call, the program's output (stdout and\n"
    "                 stderr events), its start and its exit\n"
    "  --cwd DIR      run the program in DIR\n"
    "  -h, --help     show this help\n"
    "Traced: socket, bind, listen, accept, connect, send, recv, sendto, recvfrom,\n"
    "sendmsg, recvmsg, read and write on sockets, shutdown, close, setsockopt,\n"
    "getsockopt, getsockname, getpeername, select, poll, epoll, fork, pthread_create,\n"
    "sleep, usleep, nanosleep. Not traced: statically linked programs and setuid\n"
    "programs (refused: the dynamic loader does not preload into them), calls made\n"
    "with syscall(2), and the reads and writes stdio makes on a socket (fdopen).\n"
    "Exit status: the program's (128 + N when killed by signal N), 2 bad usage or a\n"
    "program that cannot be traced, 1 the tracer could not start.\n");

struct TraceOptions {
    bool json = false;
    bool help = false;
    std::string workDir;
    std::vector<std::string> command;  // the program and its arguments
};

// sockwb's options end at "--" or at the first word that is not one: what
// follows is the program's, options included ("./server --port 8080").
TraceOptions parse(const Args& args) {
    size_t split = 0;
    while (split < args.size()) {
        const std::string& a = args[split];
        if (a == "--" || a.empty() || a[0] != '-') break;
        split += (a == "--cwd") ? 2 : 1;
    }
    CommandParser p("trace");
    p.addFlag({"json"});
    p.addValue({"cwd"});
    p.parse(Args(args.begin(), args.begin() + static_cast<long>(std::min(split, args.size()))));
    TraceOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    o.json = p.isSet("json");
    o.workDir = p.value("cwd");
    if (split < args.size() && args[split] == "--") ++split;
    o.command.assign(args.begin() + static_cast<long>(std::min(split, args.size())), args.end());
    if (o.command.empty())
        throw Error::invalid(utf8(QCoreApplication::translate(
                                 "sockwb::app::trace", "which program? give it after the options")),
                             p.seeHelp());
    if (!o.workDir.empty() && ::access(o.workDir.c_str(), X_OK) != 0)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::trace",
                                             "--cwd '%1' is not a folder that can be entered")
                     .arg(q(o.workDir))));
    return o;
}

// Blocks the signals the main thread waits for, before any thread starts
// (threads inherit the mask). The program gets them unblocked (TracedProcess).
sigset_t blockWaitedSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGCHLD, SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

// Waits for the program's end. A signal sent to sockwb with kill(1) is passed
// on; Ctrl-C in a terminal already reached the program (same process group).
int waitForProgram(tracer::TracedProcess& process, const sigset_t& waited) {
    for (;;) {
        siginfo_t info;
        const int sig = sigwaitinfo(&waited, &info);
        if (sig == SIGCHLD) {
            int status = 0;
            if (::waitpid(process.pid(), &status, WNOHANG) == process.pid()) return status;
        } else if (sig > 0 && info.si_code == SI_USER) {
            process.signal(sig);
        }
    }
}

// The program's path; refuses (InvalidInput: exit 2) what cannot be traced:
// not found, not executable, static, setuid.
std::string checkTraceable(const std::string& program, const std::string& workDir) {
    const tracer::ProgramCheck check = tracer::checkProgram(program, workDir);
    if (!check.traceable()) throw Error::invalid(utf8(ProgramCheckText::sentence(check)));
    return check.path;
}

int run(const TraceOptions& o) {
    TracePrinter printer(o.json);
    const std::string path = checkTraceable(o.command.front(), o.workDir);
    const std::string library = tracer::findTraceLibrary(tracer::selfDirectory());
    if (library.empty()) {
        std::string looked;
        for (const auto& c : tracer::traceLibraryCandidates(tracer::selfDirectory()))
            looked += "\n  " + c;
        printer.note(
            utf8(QCoreApplication::translate("sockwb::app::trace", "%1 was not found; looked in:%2")
                     .arg(QString::fromLatin1(tracer::kTraceLibraryName), q(looked))));
        return 1;
    }
    const sigset_t waited = blockWaitedSignals();
    tracer::TraceReceiver receiver(&printer);
    receiver.start();
    tracer::LaunchSpec spec;
    spec.path = path;
    spec.args.assign(o.command.begin() + 1, o.command.end());
    spec.env =
        tracer::tracedEnvironment(tracer::currentEnvironment(), library, receiver.socketPath());
    spec.workDir = o.workDir;
    spec.captureOutput = o.json;
    tracer::TracedProcess process;
    process.start(spec);
    printer.started(path, process.pid());
    std::unique_ptr<OutputPump> pump;
    if (o.json)
        pump = std::make_unique<OutputPump>(
            process.outputFd(), process.errorFd(),
            [&](const char* stream, std::string_view bytes) { printer.output(stream, bytes); });
    const int status = waitForProgram(process, waited);
    if (!receiver.waitIdle(Millis(2000)))
        printer.note(utf8(QCoreApplication::translate(
            "sockwb::app::trace",
            "a process it started still runs: its calls from now on are not shown")));
    if (pump) pump->finish(Millis(500));
    receiver.stop();
    printer.exited(status);
    if (receiver.processesSeen() == 0)
        printer.note(utf8(QCoreApplication::translate(
            "sockwb::app::trace",
            "no call was reported: was the program traced? (see sockwb trace --help)")));
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

}  // namespace

int traceCommand(const Args& args) {
    TraceOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb trace: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QCoreApplication::translate("sockwb::app::trace", kHelp));
        return 0;
    }
    try {
        return run(o);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb trace: %1\n").arg(errorText(e)));
        return e.kind() == ErrorKind::InvalidInput ? 2 : 1;
    }
}

}  // namespace sockwb::app
