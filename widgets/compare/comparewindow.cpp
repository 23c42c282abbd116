#include "widgets/compare/comparewindow.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/common/presentationhooks.h"
#include "widgets/compare/comparecharts.h"
#include "widgets/compare/compareform.h"
#include "widgets/compare/compareresultsmodel.h"
#include "widgets/compare/comparerunner.h"

namespace sockwb {

CompareWindow::CompareWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      form_(new CompareForm(this)),
      runner_(new CompareRunner(this)),
      results_(new CompareResultsModel(this)),
      charts_(new CompareCharts(this)),
      table_(new QTableView(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      error_(new QLabel(this)),
      startButton_(new QPushButton(tr("&Start"), this)),
      stopButton_(new QPushButton(tr("S&top"), this)),
      csvButton_(new QPushButton(tr("Export &CSV..."), this)),
      pngButton_(new QPushButton(tr("Export &PNG..."), this)) {
    setupLabels();
    setupTable();
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildLeftPanel());
    layout->addWidget(buildResultsSplitter(), 1);
    connectSignals();
    status_->setText(
        tr("Choose a workload and the models, then Start. Each model runs the server in "
           "this process on 127.0.0.1 and is loaded in turn."));
    resize(1240, 800);
    updateButtons();
}

void CompareWindow::setupLabels() {
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare Models — Socket Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sockwb.svg")));
    startButton_->setObjectName(QStringLiteral("startButton"));
    startButton_->setToolTip(tr("Run a server under each checked model in turn and load it"));
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    stopButton_->setToolTip(tr("Cancel the comparison (the servers stop at once)"));
    csvButton_->setObjectName(QStringLiteral("exportCsvButton"));
    pngButton_->setObjectName(QStringLiteral("exportPngButton"));
    pngButton_->setToolTip(tr("Save the four charts as one PNG image"));
    progress_->setObjectName(QStringLiteral("progressBar"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setFormat(tr("Idle"));
    progress_->setTextVisible(true);
    status_->setObjectName(QStringLiteral("statusLine"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setObjectName(QStringLiteral("errorLabel"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral(
        "QLabel { color: #c01c28; background: #fdecea; padding: 6px; border-radius: 3px; }"));
    error_->hide();
}

void CompareWindow::setupTable() {
    table_->setObjectName(QStringLiteral("resultsTable"));
    PresentationHooks::emphasize(table_);  // the results, big in a lecture room
    table_->setModel(results_);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(CompareResultsModel::Note,
                                                     QHeaderView::Stretch);
    // Sized for the longest model name, whether or not its row exists yet.
    table_->horizontalHeader()->setSectionResizeMode(CompareResultsModel::Model,
                                                     QHeaderView::Fixed);
    table_->setColumnWidth(
        CompareResultsModel::Model,
        table_->fontMetrics().horizontalAdvance(QStringLiteral("iterative")) + 24);
}

QWidget* CompareWindow::buildLeftPanel() {
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);
    auto* exports = new QHBoxLayout;
    exports->addWidget(csvButton_);
    exports->addWidget(pngButton_);
    auto* left = new QVBoxLayout;
    left->addWidget(form_);
    left->addLayout(buttons);
    left->addWidget(progress_);
    left->addWidget(status_);
    left->addWidget(error_);
    left->addStretch(1);
    auto* hint =
        new QLabel(tr("Every model runs the same service code in this process on 127.0.0.1; "
                      "only the way clients are handed to threads or processes changes. "
                      "Hover a column header to see exactly what it measures."),
                   this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    left->addWidget(hint);
    left->addLayout(exports);
    auto* leftPanel = new QWidget(this);
    leftPanel->setLayout(left);
    leftPanel->setFixedWidth(300);
    left->setContentsMargins(0, 0, 0, 0);

    return leftPanel;
}

QSplitter* CompareWindow::buildResultsSplitter() {
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(charts_);
    splitter->addWidget(table_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({540, 280});  // room for seven rows under the charts
    splitter->setChildrenCollapsible(false);
    return splitter;
}

void CompareWindow::connectSignals() {
    connect(startButton_, &QPushButton::clicked, this, [this] { start(); });
    connect(stopButton_, &QPushButton::clicked, this, &CompareWindow::stop);
    connect(csvButton_, &QPushButton::clicked, this, &CompareWindow::exportCsvDialog);
    connect(pngButton_, &QPushButton::clicked, this, &CompareWindow::exportPngDialog);
    connect(form_, &CompareForm::changed, this, &CompareWindow::updateButtons);
    connect(runner_, &CompareRunner::modelStarted, this, &CompareWindow::onModelStarted);
    connect(runner_, &CompareRunner::listening, this,
            [this](const QString& model, const QString& address) {
                status_->setText(tr("Loading the %1 server on %2 (%3 of %4)...")
                                     .arg(model, address)
                                     .arg(modelIndex_ + 1)
                                     .arg(modelCount_));
            });
    connect(runner_, &CompareRunner::progress, this, &CompareWindow::onProgress);
    connect(runner_, &CompareRunner::resultReady, this, &CompareWindow::onResult);
    connect(runner_, &CompareRunner::errorOccurred, this, &CompareWindow::onError);
    connect(runner_, &CompareRunner::finished, this, &CompareWindow::onFinished);
}

CompareWindow::~CompareWindow() {
    // The runner is a child: its destructor cancels and joins too, but its
    // queued signals must not reach a half-destroyed window.
    runner_->disconnect(this);
    runner_->cancel();
    runner_->wait();
}

CompareWindow* CompareWindow::open() {
    auto* w = new CompareWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    return w;
}

bool CompareWindow::isRunning() const { return runner_->isRunning(); }

bool CompareWindow::start() {
    CompareConfig c = form_->config();
    return start(c);
}

bool CompareWindow::start(const CompareConfig& config) {
    if (isRunning()) return false;
    form_->setConfig(config);
    error_->clear();
    error_->hide();
    // Only what the form lets run: refused models are dropped with their reason.
    CompareConfig run = config;
    run.models.clear();
    for (const QString& model : config.models) {
        const QString why = CompareConfig::whyRefused(model, config.workload);
        if (why.isEmpty())
            run.models << model;
        else
            showError(tr("%1 skipped: %2").arg(model, why));
    }
    if (run.models.isEmpty()) {
        showError(tr("No model to run: check at least one model this workload can use."));
        return false;
    }
    results_->reset(run);
    charts_->clear();
    modelCount_ = static_cast<int>(run.models.size());
    modelIndex_ = 0;
    progress_->setValue(0);
    progress_->setFormat(tr("Starting..."));
    clock_.start();
    runner_->start(run);
    updateButtons();
    return true;
}

void CompareWindow::stop() {
    if (!isRunning()) return;
    status_->setText(tr("Stopping..."));
    runner_->cancel();
    runner_->wait();  // prompt: the load and the server stop within a fraction of a second
}

void CompareWindow::closeEvent(QCloseEvent* event) {
    stop();
    event->accept();
}

void CompareWindow::onModelStarted(int index, int count, const QString& model) {
    modelIndex_ = index;
    modelCount_ = count;
    status_->setText(
        tr("Starting the %1 server (%2 of %3)...").arg(model).arg(index + 1).arg(count));
}

void CompareWindow::onProgress(double fraction, const QString& model) {
    progress_->setValue(static_cast<int>(fraction * 1000 + 0.5));
    if (!model.isEmpty())
        progress_->setFormat(tr("%1 (%2/%3) %p%").arg(model).arg(modelIndex_ + 1).arg(modelCount_));
}

void CompareWindow::onResult(const CompareResult& result) {
    results_->addResult(result);
    // The bars named as the rows are ("epoll ×2 loops").
    QVector<CompareResult> shown = results_->results();
    for (CompareResult& r : shown) r.model = results_->config().rowLabel(r.model);
    charts_->setResults(shown);
    emit resultAdded(result);
}

void CompareWindow::onError(const QString& model, const QString& sentence) {
    showError(model.isEmpty() ? sentence : tr("%1: %2").arg(model, sentence));
}

void CompareWindow::onFinished(bool cancelled) {
    const double seconds = clock_.elapsed() / 1000.0;
    if (cancelled) {
        progress_->setFormat(tr("Cancelled"));
        status_->setText(tr("Cancelled after %1 s: %n model(s) measured.", nullptr,
                            static_cast<int>(results_->results().size()))
                             .arg(QLocale().toString(seconds, 'f', 1)));
    } else {
        progress_->setValue(1000);
        progress_->setFormat(tr("Done"));
        status_->setText(
            tr("Done in %1 s. %2").arg(QLocale().toString(seconds, 'f', 1), summary()));
    }
    updateButtons();
    emit runFinished(cancelled);
}

QString CompareWindow::summary() const {
    const auto& rs = results_->results();
    const CompareConfig& config = results_->config();
    const CompareResult* fastest = nullptr;
    int fewest = -1;
    for (const CompareResult& r : rs) {
        if (!r.ok) continue;
        if (!fastest || r.requestsPerSec > fastest->requestsPerSec) fastest = &r;
        const int tasks = r.serverThreads + r.childProcesses;
        if (fewest < 0 || tasks < fewest) fewest = tasks;
    }
    if (!fastest) return tr("No model could be measured.");
    QStringList lightest, starved;
    // Clients that keep their connection show who is served at once; with a
    // connection per request (or UDP) there is nothing to hold.
    const bool persistent = config.workload == CompareWorkload::HttpKeepAlive ||
                            config.workload == CompareWorkload::TcpEcho;
    for (const CompareResult& r : rs) {
        if (!r.ok) continue;
        if (r.serverThreads + r.childProcesses == fewest) lightest << r.model;
        if (persistent && r.openConnections < config.connections)
            starved << tr("%1 served %2 of %3 clients at once")
                           .arg(r.model)
                           .arg(r.openConnections)
                           .arg(config.connections);
    }
    const QLocale locale;
    QString s = tr("Most requests/s: %1 (%2). Fewest threads and processes: %3 (%4).")
                    .arg(fastest->model, locale.toString(fastest->requestsPerSec, 'f', 0),
                         lightest.join(tr(", ")))
                    .arg(fewest);
    if (!starved.isEmpty())
        s += QLatin1Char(' ') +
             tr("%1: the other clients waited their turn.").arg(starved.join(tr("; ")));
    return s;
}

void CompareWindow::showError(const QString& line) {
    const QString text = error_->text();
    error_->setText(text.isEmpty() ? line : text + QLatin1Char('\n') + line);
    error_->show();
}

void CompareWindow::updateButtons() {
    const bool running = isRunning();
    startButton_->setEnabled(!running && !form_->config().models.isEmpty());
    stopButton_->setEnabled(running);
    form_->setEnabled(!running);
    const bool any = !results_->results().isEmpty();
    csvButton_->setEnabled(any && !running);
    pngButton_->setEnabled(any && !running);
}

QString CompareWindow::statusText() const { return status_->text(); }

QString CompareWindow::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

bool CompareWindow::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) ||
        file.write(results_->toCsv().toUtf8()) < 0 || !file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool CompareWindow::exportPng(const QString& path, QString* error) const {
    const QPixmap picture = charts_->grab();
    if (picture.isNull() || !picture.save(path, "PNG")) {
        if (error) *error = tr("Cannot write the image %1").arg(path);
        return false;
    }
    return true;
}

void CompareWindow::exportCsvDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export results as CSV"),
        QStringLiteral("compare-%1.csv").arg(results_->config().fileKey()),
        tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString why;
    if (exportCsv(path, &why))
        status_->setText(tr("Saved %1").arg(path));
    else
        showError(why);
}

void CompareWindow::exportPngDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts as PNG"),
        QStringLiteral("compare-%1.png").arg(results_->config().fileKey()),
        tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    QString why;
    if (exportPng(path, &why))
        status_->setText(tr("Saved %1").arg(path));
    else
        showError(why);
}

}  // namespace sockwb
