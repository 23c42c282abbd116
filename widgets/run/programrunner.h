#pragma once
// ProgramRunner: runs one program of the user's with libsockwb-trace.so
// preloaded, for the Run a program... window. A QProcess runs it in a new
// process group (so Stop and the window's end reach its forked children
// too); a core TraceReceiver turns its calls into TraceEvents for the given
// TraceObserver (a TraceAdapter: thread-safe). A static or setuid program
// runs untraced (the check says why). Nothing outlives the runner: stop()
// and the destructor kill the whole group, and so does the application's
// aboutToQuit. GUI thread only, as every method.

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <memory>

#include "core/tracer/programcheck.h"

namespace sockwb {

class TraceObserver;
namespace tracer {
class TraceReceiver;
class TraceForwarder;
}  // namespace tracer

struct RunRequest {
    QString program;  // a path, or a name looked up in $PATH
    QStringList arguments;
    QString workDir;  // "" = the workbench's current folder
};

class ProgramRunner final : public QObject {
    Q_OBJECT
public:
    // trace: not owned, must outlive the runner.
    explicit ProgramRunner(TraceObserver* trace, QObject* parent = nullptr);
    ~ProgramRunner() override;

    // What start() found.
    enum class Started { Traced, Untraced, Refused, Failed };
    // Starts the program (a program still running is killed first).
    // Refused: the check says why it cannot run; Failed: *error says what
    // went wrong (the trace socket, the library...).
    Started start(const RunRequest& request, QString* error = nullptr);
    // The last check of start() (what the program is, why it is untraced).
    const tracer::ProgramCheck& check() const { return check_; }
    // SIGTERM to the program's process group, SIGKILL a second later.
    void stop();
    bool isRunning() const;
    qint64 pid() const;
    QProcess* process() const { return process_; }

signals:
    // Bytes the program wrote (stderr: isError).
    void output(const QByteArray& bytes, bool isError);
    void started(qint64 pid);
    // exitCode, or the signal number when crashed (killed).
    void finished(int exitCode, bool killed);
    // The process could not be started (QProcess's message, translated by Qt).
    void failedToStart(const QString& message);

private:
    void killGroup(int signal);
    void onFinished(int exitCode, QProcess::ExitStatus status);

    TraceObserver* trace_;
    QProcess* process_;
    std::unique_ptr<tracer::TraceForwarder> forwarder_;
    std::unique_ptr<tracer::TraceReceiver> receiver_;
    tracer::ProgramCheck check_;
    qint64 group_ = 0;  // the process group of the last program (its pid)
    QTimer killTimer_;
};

}  // namespace sockwb
