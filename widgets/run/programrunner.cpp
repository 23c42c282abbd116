#include "widgets/run/programrunner.h"

#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>

#include "core/net/error.h"
#include "core/tracer/tracelaunch.h"
#include "core/tracer/tracereceiver.h"

namespace sockwb {

namespace {

constexpr int kKillAfterMs = 1000;  // SIGTERM, then SIGKILL

QProcessEnvironment toProcessEnvironment(const std::vector<std::string>& entries) {
    QProcessEnvironment env;
    for (const auto& e : entries) {
        const auto eq = e.find('=');
        if (eq == std::string::npos) continue;
        env.insert(QString::fromLocal8Bit(e.substr(0, eq)),
                   QString::fromLocal8Bit(e.substr(eq + 1)));
    }
    return env;
}

}  // namespace

ProgramRunner::ProgramRunner(TraceObserver* trace, QObject* parent)
    : QObject(parent), trace_(trace), process_(new QProcess(this)) {
    // The program leads its own process group: a signal to the group reaches
    // the children it forks, and the terminal's Ctrl-C does not reach it.
    process_->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(process_, &QProcess::readyReadStandardOutput, this,
            [this] { emit output(process_->readAllStandardOutput(), false); });
    connect(process_, &QProcess::readyReadStandardError, this,
            [this] { emit output(process_->readAllStandardError(), true); });
    connect(process_, &QProcess::finished, this, &ProgramRunner::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) emit failedToStart(process_->errorString());
    });
    killTimer_.setSingleShot(true);
    connect(&killTimer_, &QTimer::timeout, this, [this] { killGroup(SIGKILL); });
    // A window the application forgets to close must not leave its program running.
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
                [this] { killGroup(SIGKILL); });
}

ProgramRunner::~ProgramRunner() {
    killGroup(SIGKILL);
    if (process_->state() != QProcess::NotRunning) process_->waitForFinished(3000);
    receiver_.reset();  // joins its thread: returns within one poll round
}

void ProgramRunner::killGroup(int signal) {
    // The group outlives its leader while the children it forked run; the
    // kernel does not reuse the number while any of them is alive.
    if (group_ > 0) ::kill(-static_cast<pid_t>(group_), signal);
}

ProgramRunner::Started ProgramRunner::start(const RunRequest& request, QString* error) {
    killGroup(SIGKILL);
    if (process_->state() != QProcess::NotRunning) process_->waitForFinished(3000);
    check_ = tracer::checkProgram(request.program.toStdString(), request.workDir.toStdString());
    if (!check_.runnable()) return Started::Refused;
    std::vector<std::string> env = tracer::currentEnvironment();
    if (check_.traceable()) {
        const std::string library = tracer::findTraceLibrary(tracer::selfDirectory());
        if (library.empty()) {
            if (error)
                *error = tr("%1 was not found next to the workbench")
                             .arg(QLatin1String(tracer::kTraceLibraryName));
            return Started::Failed;
        }
        receiver_.reset();
        forwarder_ = std::make_unique<tracer::TraceForwarder>(trace_);
        receiver_ = std::make_unique<tracer::TraceReceiver>(forwarder_.get());
        try {
            receiver_->start();
        } catch (const Error& e) {
            receiver_.reset();
            if (error) *error = QString::fromStdString(e.what());
            return Started::Failed;
        }
        env = tracer::tracedEnvironment(std::move(env), library, receiver_->socketPath());
    }
    process_->setProcessEnvironment(toProcessEnvironment(env));
    process_->setWorkingDirectory(request.workDir);
    process_->start(QString::fromStdString(check_.path), request.arguments);
    if (!process_->waitForStarted(5000)) return Started::Failed;  // failedToStart says why
    group_ = process_->processId();
    emit started(group_);
    return check_.traceable() ? Started::Traced : Started::Untraced;
}

void ProgramRunner::stop() {
    killGroup(SIGTERM);
    killTimer_.start(kKillAfterMs);
}

bool ProgramRunner::isRunning() const { return process_->state() != QProcess::NotRunning; }

qint64 ProgramRunner::pid() const { return process_->processId(); }

void ProgramRunner::onFinished(int exitCode, QProcess::ExitStatus status) {
    emit output(process_->readAllStandardOutput(), false);
    emit output(process_->readAllStandardError(), true);
    emit finished(exitCode, status == QProcess::CrashExit);
}

}  // namespace sockwb
