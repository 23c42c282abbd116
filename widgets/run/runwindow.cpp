#include "widgets/run/runwindow.h"

#include <signal.h>
#include <string.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>

#include "core/http/shellwords.h"
#include "core/net/error.h"
#include "widgets/common/formstyle.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/run/programchecktext.h"
#include "widgets/run/programrunner.h"
#include "widgets/run/programsocketsmodel.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

namespace {

constexpr int kOutputLines = 5000;  // the Output pane keeps the last lines only

// Why the check refused the program, or why it runs untraced.
QString checkWords(const tracer::ProgramCheck& c) {
    QString words = ProgramCheckText::sentence(c) + QLatin1Char('.');
    if (!c.traceable() && c.runnable())
        words += QLatin1Char(' ') + RunWindow::tr("It runs without a trace.");
    return words;
}

}  // namespace

QWidget* RunWindow::buildTabs() {
    sockets_ = new ProgramSocketsModel(this);
    connect(adapter_, &TraceAdapter::eventsReady, sockets_, &ProgramSocketsModel::addEvents);
    auto* table = new QTableView(this);
    table->setObjectName(QStringLiteral("runConnections"));
    table->setModel(sockets_);
    table->verticalHeader()->hide();
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("runTabs"));
    tabs->addTab(traceView_, tr("&Trace"));
    tabs->addTab(table, tr("&Connections"));
    sequenceTab_ = new SequenceTab(adapter_, traceView_, this);
    tabs->addTab(sequenceTab_, tr("Se&quence"));
    return tabs;
}

RunWindow::RunWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      output_(new QPlainTextEdit(this)),
      traceView_(new TraceView(this)),
      adapter_(new TraceAdapter(this)),
      runner_(new ProgramRunner(adapter_, this)) {
    setObjectName(QStringLiteral("runWindow"));
    setWindowTitle(tr("Run a program"));
    output_->setObjectName(QStringLiteral("runOutput"));
    output_->setReadOnly(true);
    output_->setMaximumBlockCount(kOutputLines);
    PresentationHooks::useFixedFont(output_);
    output_->setPlaceholderText(tr("What the program writes on stdout and stderr (in red)"));
    traceView_->attach(adapter_);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(output_);
    split->addWidget(buildTabs());
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildForm());
    layout->addWidget(split, 1);
    connect(runner_, &ProgramRunner::output, this, &RunWindow::appendOutput);
    connect(runner_, &ProgramRunner::finished, this, &RunWindow::onFinished);
    connect(runner_, &ProgramRunner::failedToStart, this, [this](const QString& message) {
        setStatus(tr("The program could not start: %1").arg(message), true);
        setRunning(false);
    });
    setRunning(false);
    resize(900, 650);
}

RunWindow::~RunWindow() {
    // runner_ (a child, deleted after this body) kills the process group; its
    // last signals (finished, output) must not reach this half-destroyed window.
    runner_->disconnect(this);
    adapter_->disconnect(this);
}

RunWindow* RunWindow::open() {
    auto* w = new RunWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    return w;
}

QWidget* RunWindow::buildForm() {
    auto* form = new QWidget(this);
    auto* grid = new QFormLayout(form);
    program_ = new QLineEdit(form);
    program_->setObjectName(QStringLiteral("runProgram"));
    program_->setPlaceholderText(tr("./my_server"));
    auto* browse = new QPushButton(tr("Browse..."), form);
    connect(browse, &QPushButton::clicked, this, &RunWindow::chooseProgram);
    auto* programRow = new QHBoxLayout;
    programRow->addWidget(program_, 1);
    programRow->addWidget(browse);
    // A row holding a layout gets no buddy from addRow: the label needs one
    // for its accelerator (else the '&' shows).
    auto* programLabel = new QLabel(tr("&Program:"), form);
    programLabel->setBuddy(program_);
    grid->addRow(programLabel, programRow);
    arguments_ = new QLineEdit(form);
    arguments_->setObjectName(QStringLiteral("runArguments"));
    arguments_->setPlaceholderText(tr("8080 (split as a shell does: quotes keep spaces)"));
    grid->addRow(tr("&Arguments:"), arguments_);
    workDir_ = new QLineEdit(form);
    workDir_->setObjectName(QStringLiteral("runWorkDir"));
    workDir_->setPlaceholderText(tr("the workbench's current folder"));
    auto* browseDir = new QPushButton(tr("Browse..."), form);
    connect(browseDir, &QPushButton::clicked, this, &RunWindow::chooseWorkDir);
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(workDir_, 1);
    dirRow->addWidget(browseDir);
    auto* dirLabel = new QLabel(tr("&Working folder:"), form);
    dirLabel->setBuddy(workDir_);
    grid->addRow(dirLabel, dirRow);
    runButton_ = new QPushButton(tr("&Run"), form);
    runButton_->setObjectName(QStringLiteral("runButton"));
    stopButton_ = new QPushButton(tr("&Stop"), form);
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    status_ = new QLabel(form);
    status_->setObjectName(QStringLiteral("runStatus"));
    status_->setWordWrap(true);
    status_->setText(
        tr("Statically linked and setuid programs, and calls made with syscall(2), "
           "cannot be traced."));
    connect(runButton_, &QPushButton::clicked, this, [this] { run(); });
    connect(stopButton_, &QPushButton::clicked, this, &RunWindow::stop);
    connect(program_, &QLineEdit::returnPressed, this, [this] { run(); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(runButton_);
    buttons->addWidget(stopButton_);
    buttons->addWidget(status_, 1);
    grid->addRow(buttons);
    return form;
}

void RunWindow::chooseProgram() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Program to run"), workDir_->text());
    if (!file.isEmpty()) program_->setText(file);
}

void RunWindow::chooseWorkDir() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Working folder"), workDir_->text());
    if (!dir.isEmpty()) workDir_->setText(dir);
}

bool RunWindow::run(const QString& program, const QStringList& arguments, const QString& workDir) {
    program_->setText(program);
    QStringList quoted;
    for (const QString& a : arguments)
        quoted << QString::fromStdString(http::shellQuote(a.toStdString()));
    arguments_->setText(quoted.join(QLatin1Char(' ')));
    workDir_->setText(workDir);
    return run();
}

bool RunWindow::run() {
    RunRequest request;
    request.program = program_->text().trimmed();
    request.workDir = workDir_->text().trimmed();
    try {
        for (const auto& w : http::splitShellWords(arguments_->text().toStdString()))
            request.arguments << QString::fromStdString(w);
    } catch (const Error&) {
        setStatus(tr("The arguments have a quote that is not closed."), true);
        formstyle::markInvalid(arguments_, true);
        return false;
    }
    formstyle::markInvalid(arguments_, false);
    if (request.program.isEmpty()) {
        setStatus(tr("Which program? Give its path, e.g. ./my_server."), true);
        return false;
    }
    traceView_->clear();
    sockets_->clear();
    sequenceTab_->clear();
    output_->clear();
    QString error;
    switch (runner_->start(request, &error)) {
        case ProgramRunner::Started::Refused:
            setStatus(checkWords(runner_->check()), true);
            return false;
        case ProgramRunner::Started::Failed:
            if (!error.isEmpty()) setStatus(error, true);
            return false;
        case ProgramRunner::Started::Untraced:
            setStatus(checkWords(runner_->check()), true);
            break;
        case ProgramRunner::Started::Traced:
            setStatus(tr("Running (pid %1): its socket calls appear below.").arg(runner_->pid()),
                      false);
            break;
    }
    setRunning(true);
    return true;
}

void RunWindow::stop() {
    if (!runner_->isRunning()) return;
    runner_->stop();
    setStatus(tr("Stopping (SIGTERM, then SIGKILL after a second)..."), false);
}

void RunWindow::appendOutput(const QByteArray& bytes, bool isError) {
    if (bytes.isEmpty()) return;
    QTextCursor cursor(output_->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    if (isError) format.setForeground(formstyle::errorColor());
    cursor.insertText(QString::fromLocal8Bit(bytes), format);
    output_->ensureCursorVisible();
}

void RunWindow::onFinished(int exitCode, bool killed) {
    setRunning(false);
    if (killed)
        setStatus(tr("The program was killed by signal %1 (SIG%2).")
                      .arg(exitCode)
                      .arg(QLatin1String(sigabbrev_np(exitCode) ? sigabbrev_np(exitCode) : "?")),
                  exitCode != SIGTERM && exitCode != SIGKILL);
    else
        setStatus(tr("The program exited with status %1.").arg(exitCode), exitCode != 0);
}

void RunWindow::setStatus(const QString& text, bool isError) {
    status_->setText(text);
    formstyle::setErrorText(status_, isError);
}

void RunWindow::setRunning(bool running) {
    runButton_->setEnabled(!running);
    stopButton_->setEnabled(running);
    program_->setReadOnly(running);
    if (running) lastPid_ = runner_->pid();
    running_ = running;
    emit runStateChanged();
}

QString RunWindow::programTitle() const {
    const QString name = QFileInfo(program_->text().trimmed()).fileName();
    return lastPid_ > 0 ? tr("%1 (%2)").arg(name).arg(lastPid_) : name;
}

}  // namespace sockwb
