#include "widgets/client/scriptpanel.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/common/byteformat.h"
#include "widgets/common/formstyle.h"

namespace sockwb {

namespace {

using Kind = ScriptStep::Kind;
using Status = StepResult::Status;

constexpr int kMaxMs = 3'600'000;  // an hour: more is a typo
constexpr Kind kKinds[] = {Kind::Send, Kind::Expect, Kind::ExpectClose, Kind::Wait, Kind::Close};

bool isExpectation(Kind kind) { return kind == Kind::Expect || kind == Kind::ExpectClose; }

QSpinBox* msBox(int minimum, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, kMaxMs);
    box->setSuffix(ScriptPanel::tr(" ms"));
    box->setSingleStep(100);
    box->setFrame(false);
    return box;
}

}  // namespace

ScriptPanel::ScriptPanel(QWidget* parent)
    : QWidget(parent),
      table_(new QTableWidget(0, 6, this)),
      add_(new QPushButton(tr("&Add"), this)),
      remove_(new QPushButton(tr("Remo&ve"), this)),
      up_(new QPushButton(tr("U&p"), this)),
      down_(new QPushButton(tr("Do&wn"), this)),
      play_(new QPushButton(tr("P&lay"), this)),
      stop_(new QPushButton(tr("S&top"), this)),
      summary_(new QLabel(this)),
      note_(new QLabel(this)) {
    table_->setObjectName(QStringLiteral("scriptTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Step"), tr("Text"), tr("Delay"), tr("Within"), tr("Not before"), tr("Result")});
    table_->horizontalHeaderItem(TextColumn)
        ->setToolTip(tr("Send: the bytes; Expect: the text awaited. Escapes \\n \\r \\t \\0 \\\\ "
                        "\\xHH work; no framing is added."));
    table_->horizontalHeaderItem(DelayColumn)
        ->setToolTip(tr("Send, Wait, Close: how long after the previous step ended"));
    table_->horizontalHeaderItem(WithinColumn)
        ->setToolTip(tr("Expect: fails when nothing came this long after the previous step"));
    table_->horizontalHeaderItem(NotBeforeColumn)
        ->setToolTip(tr("Expect: fails when it came earlier than this after the connection "
                        "opened (\"after ≥ 2 s\" is 2000 ms)"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(true);
    table_->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
    add_->setObjectName(QStringLiteral("scriptAdd"));
    remove_->setObjectName(QStringLiteral("scriptRemove"));
    up_->setObjectName(QStringLiteral("scriptUp"));
    down_->setObjectName(QStringLiteral("scriptDown"));
    play_->setObjectName(QStringLiteral("scriptPlay"));
    stop_->setObjectName(QStringLiteral("scriptStop"));
    summary_->setObjectName(QStringLiteral("scriptSummary"));
    note_->setObjectName(QStringLiteral("scriptNote"));
    note_->setWordWrap(true);
    note_->hide();
    play_->setToolTip(tr("Plays the steps now if connected, else as soon as the window connects"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {add_, remove_, up_, down_}) buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(play_);
    buttons->addWidget(stop_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    layout->addWidget(summary_);
    layout->addWidget(note_);

    connect(add_, &QPushButton::clicked, this, &ScriptPanel::addStep);
    connect(remove_, &QPushButton::clicked, this, &ScriptPanel::removeStep);
    connect(up_, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(down_, &QPushButton::clicked, this, [this] { moveStep(+1); });
    connect(play_, &QPushButton::clicked, this, &ScriptPanel::playRequested);
    connect(stop_, &QPushButton::clicked, this, &ScriptPanel::stopRequested);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &ScriptPanel::updateButtons);
    updateSummary();
    updateButtons();
}

int ScriptPanel::stepCount() const { return table_->rowCount(); }

ScriptPanel::Row ScriptPanel::rowAt(int row) const {
    Row r;
    r.kind = kKinds[static_cast<QComboBox*>(table_->cellWidget(row, KindColumn))->currentIndex()];
    r.text = static_cast<QLineEdit*>(table_->cellWidget(row, TextColumn))->text();
    r.delayMs = static_cast<QSpinBox*>(table_->cellWidget(row, DelayColumn))->value();
    r.withinMs = static_cast<QSpinBox*>(table_->cellWidget(row, WithinColumn))->value();
    r.notBeforeMs = static_cast<QSpinBox*>(table_->cellWidget(row, NotBeforeColumn))->value();
    return r;
}

int ScriptPanel::rowOf(const QWidget* cellWidget, int column) const {
    for (int r = 0; r < table_->rowCount(); ++r)
        if (table_->cellWidget(r, column) == cellWidget) return r;
    return -1;
}

void ScriptPanel::insertRow(int row, const Row& values) {
    table_->insertRow(row);
    auto* kind = new QComboBox(table_);
    kind->addItem(tr("Send"));
    kind->addItem(tr("Expect"));
    kind->addItem(tr("Expect close"));
    kind->addItem(tr("Wait"));
    kind->addItem(tr("Close"));
    kind->setFrame(false);
    auto* text = new QLineEdit(table_);
    text->setFrame(false);
    auto* notBefore = msBox(-1, table_);
    notBefore->setSpecialValueText(tr("any time"));
    table_->setCellWidget(row, KindColumn, kind);
    table_->setCellWidget(row, TextColumn, text);
    table_->setCellWidget(row, DelayColumn, msBox(0, table_));
    table_->setCellWidget(row, WithinColumn, msBox(0, table_));
    table_->setCellWidget(row, NotBeforeColumn, notBefore);
    table_->setItem(row, ResultColumn, new QTableWidgetItem);
    setRow(row, values);

    connect(kind, &QComboBox::currentIndexChanged, this, [this, kind] {
        updateRowFields(rowOf(kind, KindColumn));
        edited();
    });
    connect(text, &QLineEdit::textChanged, this, [this, text] {
        validateRow(rowOf(text, TextColumn));
        edited();
    });
    for (int column : {DelayColumn, WithinColumn, NotBeforeColumn})
        connect(static_cast<QSpinBox*>(table_->cellWidget(row, column)), &QSpinBox::valueChanged,
                this, &ScriptPanel::edited);
}

void ScriptPanel::setRow(int row, const Row& values) {
    const QSignalBlocker k(table_->cellWidget(row, KindColumn));
    const QSignalBlocker t(table_->cellWidget(row, TextColumn));
    const QSignalBlocker d(table_->cellWidget(row, DelayColumn));
    const QSignalBlocker w(table_->cellWidget(row, WithinColumn));
    const QSignalBlocker n(table_->cellWidget(row, NotBeforeColumn));
    int kindIndex = 0;
    while (kKinds[kindIndex] != values.kind) ++kindIndex;
    static_cast<QComboBox*>(table_->cellWidget(row, KindColumn))->setCurrentIndex(kindIndex);
    static_cast<QLineEdit*>(table_->cellWidget(row, TextColumn))->setText(values.text);
    static_cast<QSpinBox*>(table_->cellWidget(row, DelayColumn))->setValue(values.delayMs);
    static_cast<QSpinBox*>(table_->cellWidget(row, WithinColumn))->setValue(values.withinMs);
    static_cast<QSpinBox*>(table_->cellWidget(row, NotBeforeColumn))->setValue(values.notBeforeMs);
    updateRowFields(row);
    validateRow(row);
}

// Only the fields the step's kind reads can be edited.
void ScriptPanel::updateRowFields(int row) {
    if (row < 0) return;
    const Kind kind = rowAt(row).kind;
    const bool hasText = kind == Kind::Send || kind == Kind::Expect;
    const bool hasDelay = kind == Kind::Send || kind == Kind::Wait || kind == Kind::Close;
    table_->cellWidget(row, KindColumn)->setEnabled(!playing_);
    table_->cellWidget(row, TextColumn)->setEnabled(!playing_ && hasText);
    table_->cellWidget(row, DelayColumn)->setEnabled(!playing_ && hasDelay);
    table_->cellWidget(row, WithinColumn)->setEnabled(!playing_ && isExpectation(kind));
    table_->cellWidget(row, NotBeforeColumn)->setEnabled(!playing_ && isExpectation(kind));
    validateRow(row);
}

void ScriptPanel::validateRow(int row) {
    if (row < 0) return;
    auto* edit = static_cast<QLineEdit*>(table_->cellWidget(row, TextColumn));
    const Kind kind = rowAt(row).kind;
    QString error;
    const bool bad = (kind == Kind::Send || kind == Kind::Expect) &&
                     !ByteFormat::parseEscaped(edit->text(), &error);
    formstyle::markInvalid(edit, bad);
    edit->setToolTip(bad ? error : QString());
    QString first;
    if (isValid(&first))
        setNote({}, false);
    else
        setNote(first, true);
}

bool ScriptPanel::isValid(QString* error) const {
    for (int r = 0; r < table_->rowCount(); ++r) {
        const Row row = rowAt(r);
        if (row.kind != Kind::Send && row.kind != Kind::Expect) continue;
        QString why;
        if (ByteFormat::parseEscaped(row.text, &why)) continue;
        if (error) *error = tr("Step %1: %2").arg(r + 1).arg(why);
        return false;
    }
    return true;
}

std::vector<ScriptStep> ScriptPanel::steps() const {
    std::vector<ScriptStep> out;
    for (int r = 0; r < table_->rowCount(); ++r) {
        const Row row = rowAt(r);
        ScriptStep s;
        s.kind = row.kind;
        if (row.kind == Kind::Send || row.kind == Kind::Expect) {
            const QByteArray bytes = ByteFormat::parseEscaped(row.text).value_or(row.text.toUtf8());
            s.bytes.assign(bytes.constData(), static_cast<size_t>(bytes.size()));
        }
        s.delayMs = row.delayMs;
        s.withinMs = row.withinMs;
        s.minAfterMs = row.notBeforeMs;
        out.push_back(std::move(s));
    }
    return out;
}

void ScriptPanel::setSteps(const std::vector<ScriptStep>& steps) {
    table_->setRowCount(0);
    for (const ScriptStep& s : steps) {
        Row row;
        row.kind = s.kind;
        row.text = ByteFormat::toEscaped(QByteArray(s.bytes.data(), qsizetype(s.bytes.size())));
        row.delayMs = std::clamp(s.delayMs, 0, kMaxMs);
        row.withinMs = std::clamp(s.withinMs, 0, kMaxMs);
        row.notBeforeMs = std::clamp(s.minAfterMs, -1, kMaxMs);
        insertRow(table_->rowCount(), row);
    }
    clearResults();
    updateButtons();
}

void ScriptPanel::addStep() {
    const int current = table_->currentRow();
    const int at = current >= 0 ? current + 1 : table_->rowCount();
    // A new step follows the rhythm of a dialogue: after a send, expect.
    Row row;
    if (at > 0 && rowAt(at - 1).kind == Kind::Send) row.kind = Kind::Expect;
    insertRow(at, row);
    table_->setCurrentCell(at, TextColumn);
    table_->cellWidget(at, TextColumn)->setFocus();
    clearResults();
    updateButtons();
    emit changed();
}

void ScriptPanel::removeStep() {
    const int current = table_->currentRow();
    if (current < 0) return;
    table_->removeRow(current);
    if (table_->rowCount() > 0)
        table_->setCurrentCell(std::min(current, table_->rowCount() - 1), KindColumn);
    clearResults();
    QString first;
    setNote(isValid(&first) ? QString() : first, !first.isEmpty());
    updateButtons();
    emit changed();
}

void ScriptPanel::moveStep(int by) {
    const int from = table_->currentRow();
    const int to = from + by;
    if (from < 0 || to < 0 || to >= table_->rowCount()) return;
    const Row a = rowAt(from);
    const Row b = rowAt(to);
    setRow(from, b);
    setRow(to, a);
    table_->setCurrentCell(to, table_->currentColumn());
    clearResults();
    updateButtons();
    emit changed();
}

// A step changed: the last run's results no longer describe the table.
void ScriptPanel::edited() {
    clearResults();
    emit changed();
}

void ScriptPanel::updateButtons() {
    const int current = table_->currentRow();
    const bool editable = !playing_;
    add_->setEnabled(editable);
    remove_->setEnabled(editable && current >= 0);
    up_->setEnabled(editable && current > 0);
    down_->setEnabled(editable && current >= 0 && current + 1 < table_->rowCount());
    play_->setEnabled(!playing_ && table_->rowCount() > 0);
    stop_->setEnabled(playing_);
}

void ScriptPanel::setPlaying(bool playing) {
    if (playing_ && !playing && runShown_) {
        // Stopped before its end: the step it was on says so.
        runShown_ = false;
        for (int r = 0; r < table_->rowCount(); ++r)
            if (table_->item(r, ResultColumn)->text() == tr("running…"))
                table_->item(r, ResultColumn)->setText(tr("stopped"));
        summary_->setText(tr("Stopped; %1 of %2 expectations met").arg(met_).arg(expectations_));
    }
    playing_ = playing;
    for (int r = 0; r < table_->rowCount(); ++r) updateRowFields(r);
    updateButtons();
}

void ScriptPanel::setNote(const QString& text, bool isError) {
    formstyle::setErrorText(note_, isError);
    note_->setText(text);
    note_->setVisible(!text.isEmpty());
}

void ScriptPanel::clearResults() {
    for (int r = 0; r < table_->rowCount(); ++r) {
        QTableWidgetItem* item = table_->item(r, ResultColumn);
        item->setText({});
        item->setToolTip({});
        item->setData(Qt::ForegroundRole, {});
    }
    runShown_ = false;
    updateSummary();
}

void ScriptPanel::showResults(const std::vector<StepResult>& results, bool finished) {
    int expectations = 0;
    int met = 0;
    int running = -1;
    for (int r = 0; r < table_->rowCount(); ++r) {
        QTableWidgetItem* item = table_->item(r, ResultColumn);
        const StepResult result = size_t(r) < results.size() ? results[size_t(r)] : StepResult{};
        const QString detail = QString::fromStdString(result.detail);
        QString text;
        QVariant colour;
        switch (result.status) {
            case Status::Pending:
                break;
            case Status::Running:
                text = tr("running…");
                running = r;
                break;
            case Status::Done:
                text = tr("done");
                break;
            case Status::Passed:
                text = tr("✓ passed");
                colour = QColor(0x1b, 0x7f, 0x2a);
                break;
            case Status::Failed:
                text = tr("✗ failed: %1").arg(detail);
                colour = formstyle::errorColor();
                break;
            case Status::Skipped:
                text = detail.isEmpty() ? tr("skipped") : tr("skipped: %1").arg(detail);
                colour = palette().color(QPalette::PlaceholderText);
                break;
        }
        if (result.atMs >= 0) item->setToolTip(tr("at %1 ms").arg(result.atMs));
        if (!detail.isEmpty()) item->setToolTip(detail);
        item->setText(text);
        item->setData(Qt::ForegroundRole, colour);
        if (isExpectation(rowAt(r).kind)) {
            ++expectations;
            if (result.status == Status::Passed) ++met;
        }
    }
    met_ = met;
    expectations_ = expectations;
    runShown_ = !finished;
    if (finished)
        summary_->setText(tr("%1 of %2 expectations met").arg(met).arg(expectations));
    else if (running >= 0)
        summary_->setText(tr("Playing step %1 of %2; %3 of %4 expectations met so far")
                              .arg(running + 1)
                              .arg(table_->rowCount())
                              .arg(met)
                              .arg(expectations));
    else
        summary_->setText(tr("Waiting for the connection"));
}

void ScriptPanel::updateSummary() {
    int expectations = 0;
    for (int r = 0; r < table_->rowCount(); ++r)
        if (isExpectation(rowAt(r).kind)) ++expectations;
    summary_->setText(
        table_->rowCount() == 0
            ? tr("No steps: Add one, then Play.")
            : tr("Steps: %1, expectations: %2").arg(table_->rowCount()).arg(expectations));
}

QString ScriptPanel::resultText(int row) const {
    const QTableWidgetItem* item = table_->item(row, ResultColumn);
    return item ? item->text() : QString();
}

QString ScriptPanel::summaryText() const { return summary_->text(); }

}  // namespace sockwb
