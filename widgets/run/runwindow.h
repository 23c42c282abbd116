#pragma once
// RunWindow: "Run a program..." — the user's own program (path, arguments,
// working folder) run with the workbench's tracer preloaded. Its stdout and
// stderr fill the Output pane; its socket calls fill the same TraceView the
// servers use (cheat-sheet tooltips included). Stop ends it (and the
// children it forked); closing the window or the workbench does too. What
// cannot be traced (static, setuid) is said in the status line and the
// program runs untraced. A top-level window; GUI thread only.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sockwb {

class ProgramRunner;
class ProgramSocketsModel;
class SequenceTab;
class TraceAdapter;
class TraceView;
struct RunRequest;

class RunWindow final : public QWidget {
    Q_OBJECT
public:
    explicit RunWindow(QWidget* parent = nullptr);
    ~RunWindow() override;  // the program and its process group are killed

    // A new window, shown, deleted when closed.
    static RunWindow* open();

    // Runs what the form says; false (reason in the status line) if it cannot.
    bool run();
    // Fills the form and runs it.
    bool run(const QString& program, const QStringList& arguments, const QString& workDir = {});
    void stop();
    // "name (pid)" of the last program run, and whether it still runs.
    QString programTitle() const;
    bool isRunning() const { return running_; }

    QLineEdit* programEdit() const { return program_; }
    QLineEdit* argumentsEdit() const { return arguments_; }
    QLineEdit* workDirEdit() const { return workDir_; }
    QPushButton* runButton() const { return runButton_; }
    QPushButton* stopButton() const { return stopButton_; }
    QPlainTextEdit* outputView() const { return output_; }
    TraceView* traceView() const { return traceView_; }
    TraceAdapter* traceAdapter() const { return adapter_; }
    // The program's calls as a diagram (its forked children included).
    SequenceTab* sequenceTab() const { return sequenceTab_; }
    QLabel* statusLabel() const { return status_; }
    ProgramRunner* runner() const { return runner_; }

signals:
    // The program started or ended (isRunning, programTitle).
    void runStateChanged();

private:
    QWidget* buildForm();
    QWidget* buildTabs();
    void chooseProgram();
    void chooseWorkDir();
    void appendOutput(const QByteArray& bytes, bool isError);
    void onFinished(int exitCode, bool killed);
    void setStatus(const QString& text, bool isError);
    void setRunning(bool running);

    QLineEdit* program_;
    QLineEdit* arguments_;
    QLineEdit* workDir_;
    QPushButton* runButton_;
    QPushButton* stopButton_;
    QLabel* status_;
    QPlainTextEdit* output_;
    TraceView* traceView_;
    ProgramSocketsModel* sockets_ = nullptr;
    SequenceTab* sequenceTab_ = nullptr;
    bool running_ = false;
    qint64 lastPid_ = 0;
    TraceAdapter* adapter_;
    ProgramRunner* runner_;
};

}  // namespace sockwb
