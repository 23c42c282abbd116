#include "widgets/trace/traceview.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/trace/traceadapter.h"
#include "widgets/trace/tracemodel.h"

namespace sockwb {

TraceView::TraceView(QWidget* parent, int capacity)
    : QWidget(parent),
      model_(new TraceModel(this, capacity)),
      table_(new QTableView(this)),
      callFilter_(new QLineEdit(this)),
      fdFilter_(new QLineEdit(this)),
      pauseButton_(new QToolButton(this)),
      capacityBox_(new QSpinBox(this)),
      status_(new QLabel(this)) {
    QHBoxLayout* bar = buildToolBar();
    setUpTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);

    connect(callFilter_, &QLineEdit::textChanged, this, &TraceView::applyFilter);
    connect(fdFilter_, &QLineEdit::textChanged, this, &TraceView::applyFilter);
    connect(pauseButton_, &QToolButton::toggled, this, &TraceView::setPaused);
    connect(capacityBox_, &QSpinBox::valueChanged, this, &TraceView::setCapacity);
    applyTimer_.setSingleShot(true);
    connect(&applyTimer_, &QTimer::timeout, this, &TraceView::applyPending);
    updateStatus();
}

// Filters, Pause, Clear, Export, the row budget and the status line.
QHBoxLayout* TraceView::buildToolBar() {
    callFilter_->setObjectName(QStringLiteral("callFilter"));
    callFilter_->setPlaceholderText(tr("calls: accept, recv, send..."));
    callFilter_->setToolTip(tr("Show only these calls (comma-separated names or prefixes)"));
    callFilter_->setClearButtonEnabled(true);
    fdFilter_->setObjectName(QStringLiteral("fdFilter"));
    fdFilter_->setPlaceholderText(tr("fd"));
    fdFilter_->setToolTip(tr("Show only the calls on this file descriptor"));
    fdFilter_->setValidator(new QIntValidator(0, 1 << 24, fdFilter_));
    fdFilter_->setMaximumWidth(70);
    pauseButton_->setObjectName(QStringLiteral("pauseButton"));
    pauseButton_->setText(tr("Pause"));
    pauseButton_->setCheckable(true);
    pauseButton_->setToolTip(tr("Freeze the table; calls made meanwhile are shown on resume"));
    auto* clearButton = new QToolButton(this);
    clearButton->setObjectName(QStringLiteral("clearButton"));
    clearButton->setText(tr("Clear"));
    auto* exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("Export CSV..."));
    capacityBox_->setObjectName(QStringLiteral("capacityBox"));
    capacityBox_->setKeyboardTracking(false);  // typing 5000 must not pass through 5
    capacityBox_->setRange(100, 1000000);
    capacityBox_->setSingleStep(1000);
    capacityBox_->setValue(model_->capacity());
    capacityBox_->setPrefix(tr("keep "));
    capacityBox_->setToolTip(tr("Rows kept; older calls are dropped and counted"));
    status_->setObjectName(QStringLiteral("traceStatus"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Filter:"), this));
    bar->addWidget(callFilter_, 2);
    bar->addWidget(fdFilter_);
    bar->addWidget(pauseButton_);
    bar->addWidget(clearButton);
    bar->addWidget(exportButton);
    bar->addWidget(capacityBox_);
    bar->addWidget(status_, 1);
    connect(clearButton, &QToolButton::clicked, this, &TraceView::clear);
    connect(exportButton, &QToolButton::clicked, this, &TraceView::chooseExportFile);
    return bar;
}

void TraceView::setUpTable() {
    table_->setObjectName(QStringLiteral("traceTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->setAlternatingRowColors(true);
    // Fixed row heights and no resize-to-contents: a flood must not make the
    // view measure every row.
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setStretchLastSection(false);
    sizeToFont();
    table_->horizontalHeader()->setSectionResizeMode(TraceModel::Args, QHeaderView::Stretch);
}

// Row height and column widths follow the font (larger in Presentation Mode).
void TraceView::sizeToFont() {
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    const QFontMetrics fm = fontMetrics();
    auto width = [&fm](const char* sample) {
        return fm.horizontalAdvance(QLatin1String(sample)) + 14;
    };
    const int widths[] = {
        width("00:00:00.000000"), width("999999/999999"), width("9999"), width("getsockname_"), 340,
        width("-1 ECONNREFUSED"), width("999.9 ms")};
    for (int c = 0; c < TraceModel::ColumnCount; ++c) table_->setColumnWidth(c, widths[c]);
}

void TraceView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) sizeToFont();
}

void TraceView::attach(TraceAdapter* adapter) {
    connect(adapter, &TraceAdapter::eventsReady, this,
            [this, adapter](const QVector<TraceEvent>& events, quint64 d) {
                adapterDropped_[adapter] = d;
                onBatch(events);
            });
}

void TraceView::appendEvents(const QVector<TraceEvent>& events) {
    onBatch(events);
    applyPending();
}

namespace {
// Keeps the newest `cap` events of `v`; returns how many were dropped.
quint64 trimFront(QVector<TraceEvent>& v, qsizetype cap) {
    if (v.size() <= cap) return 0;
    const qsizetype extra = v.size() - cap;
    v.remove(0, extra);
    return static_cast<quint64>(extra);
}
}  // namespace

void TraceView::onBatch(const QVector<TraceEvent>& events) {
    if (paused_) {
        held_ += events;
        heldDropped_ += trimFront(held_, model_->capacity());
        updateStatus();
        return;
    }
    // pending_ holds at most kMinRefreshMs worth of adapter batches (each
    // bounded by the adapter's capacity); the model keeps only its ring.
    if (pending_.isEmpty())
        pending_ = events;  // shares the adapter's batch: no copy of the events
    else
        pending_ += events;
    if (!lastApply_.isValid() || lastApply_.elapsed() >= kMinRefreshMs)
        applyPending();
    else if (!applyTimer_.isActive())
        applyTimer_.start(int(kMinRefreshMs - lastApply_.elapsed()));
}

void TraceView::applyPending() {
    applyTimer_.stop();
    lastApply_.start();
    if (pending_.isEmpty()) return;
    QScrollBar* bar = table_->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    QVector<TraceEvent> batch;
    batch.swap(pending_);
    model_->append(std::move(batch));
    if (atBottom) table_->scrollToBottom();
    updateStatus();
}

void TraceView::setCapacity(int rows) {
    model_->setCapacity(rows);
    if (capacityBox_->value() != model_->capacity()) capacityBox_->setValue(model_->capacity());
    updateStatus();
}

int TraceView::capacity() const { return model_->capacity(); }

void TraceView::setCallFilter(const QString& calls) { callFilter_->setText(calls); }

void TraceView::setFdFilter(int fd) {
    fdFilter_->setText(fd >= 0 ? QString::number(fd) : QString());
}

void TraceView::applyFilter() {
    bool ok = false;
    const int fd = fdFilter_->text().toInt(&ok);
    model_->setFilter(callFilter_->text().split(QLatin1Char(','), Qt::SkipEmptyParts),
                      ok ? fd : -1);
    updateStatus();
}

void TraceView::setPaused(bool paused) {
    if (paused == paused_) return;
    paused_ = paused;
    if (pauseButton_->isChecked() != paused) pauseButton_->setChecked(paused);
    pauseButton_->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused) {
        QVector<TraceEvent> held;
        held.swap(held_);
        onBatch(held);
        applyPending();
    }
    updateStatus();
}

void TraceView::clear() {
    model_->clear();
    held_.clear();
    pending_.clear();
    heldDropped_ = 0;
    adapterBase_ = adapterDropped_;  // adapters count since creation: restart from here
    updateStatus();
}

quint64 TraceView::dropped() const {
    quint64 total = model_->dropped() + heldDropped_;
    for (auto it = adapterDropped_.cbegin(); it != adapterDropped_.cend(); ++it)
        total += it.value() - adapterBase_.value(it.key());
    return total;
}

QVector<TraceEvent> TraceView::keptEvents() const {
    QVector<TraceEvent> all = model_->storedEvents();
    all += pending_;
    all += held_;
    return all;
}

bool TraceView::exportCsv(const QString& path, QString* errorString) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (errorString) *errorString = file.errorString();
        return false;
    }
    const QByteArray bytes = model_->toCsv().toUtf8();
    if (file.write(bytes) != bytes.size()) {
        if (errorString) *errorString = file.errorString();
        return false;
    }
    return true;
}

void TraceView::chooseExportFile() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the trace"), QStringLiteral("trace.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportCsv(path, &error))
        status_->setText(tr("Export failed: %1").arg(error));
    else
        status_->setText(tr("%1 rows written to %2").arg(model_->rowCount()).arg(path));
}

void TraceView::updateStatus() {
    const QLocale locale;
    QString text = tr("%1 rows").arg(locale.toString(model_->rowCount()));
    if (model_->rowCount() != model_->storedCount())
        text += tr(" (of %1)").arg(locale.toString(model_->storedCount()));
    const quint64 lost = dropped();
    if (lost) text += tr(", %1 dropped").arg(locale.toString(lost));
    if (paused_) text += tr(", paused: %1 waiting").arg(locale.toString(held_.size()));
    status_->setText(text);
}

}  // namespace sockwb
