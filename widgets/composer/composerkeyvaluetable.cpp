#include "widgets/composer/composerkeyvaluetable.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace sockwb {

namespace {
// Item data role marking a fixed row's value cell that shows the default.
constexpr int kIsDefaultRole = Qt::UserRole + 1;
}  // namespace

ComposerKeyValueTable::ComposerKeyValueTable(QWidget* parent) : QTableWidget(0, 2, parent) {
    setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(0, 180);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    appendEmptyRow();
    connect(this, &QTableWidget::itemChanged, this, &ComposerKeyValueTable::onItemChanged);
}

void ComposerKeyValueTable::appendEmptyRow() {
    const bool was = updating_;
    updating_ = true;
    const int row = rowCount();
    insertRow(row);
    auto* name = new QTableWidgetItem;
    name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
    name->setCheckState(Qt::Checked);
    setItem(row, 0, name);
    setItem(row, 1, new QTableWidgetItem);
    updating_ = was;
}

void ComposerKeyValueTable::ensureTrailingEmptyRow() {
    const int last = rowCount() - 1;
    if (last < fixedCount_ || !item(last, 0)->text().isEmpty() || !item(last, 1)->text().isEmpty())
        appendEmptyRow();
}

void ComposerKeyValueTable::setFixedRows(const QStringList& names) {
    updating_ = true;
    for (int i = 0; i < fixedCount_; ++i) removeRow(0);
    fixedCount_ = static_cast<int>(names.size());
    defaults_ = QStringList();
    for (int i = 0; i < fixedCount_; ++i) {
        insertRow(i);
        auto* name = new QTableWidgetItem(names[i]);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Checked);
        name->setToolTip(tr("Added by the client on its own; uncheck to leave it out"));
        setItem(i, 0, name);
        setItem(i, 1, new QTableWidgetItem);
        defaults_ << QString();
        showDefault(i);
    }
    updating_ = false;
}

void ComposerKeyValueTable::showDefault(int row) {
    const bool was = updating_;
    updating_ = true;
    QTableWidgetItem* v = item(row, 1);
    v->setText(defaults_.value(row));
    v->setData(kIsDefaultRole, true);
    QFont f = font();
    f.setItalic(true);
    v->setFont(f);
    v->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
    v->setToolTip(tr("The client's default; type to replace it"));
    updating_ = was;
}

void ComposerKeyValueTable::setFixedState(int index, bool enabled, const QString& value) {
    if (index < 0 || index >= fixedCount_) return;
    updating_ = true;
    item(index, 0)->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
    if (value.isEmpty()) {
        showDefault(index);
    } else {
        QTableWidgetItem* v = item(index, 1);
        v->setData(kIsDefaultRole, false);
        v->setFont(font());
        v->setForeground(palette().brush(QPalette::Text));
        v->setText(value);
    }
    updating_ = false;
}

bool ComposerKeyValueTable::fixedEnabled(int index) const {
    return index >= 0 && index < fixedCount_ && item(index, 0)->checkState() == Qt::Checked;
}

QString ComposerKeyValueTable::fixedValue(int index) const {
    if (index < 0 || index >= fixedCount_) return {};
    const QTableWidgetItem* v = item(index, 1);
    return v->data(kIsDefaultRole).toBool() ? QString() : v->text();
}

void ComposerKeyValueTable::setFixedDefault(int index, const QString& value) {
    if (index < 0 || index >= fixedCount_ || defaults_[index] == value) return;
    defaults_[index] = value;
    if (item(index, 1)->data(kIsDefaultRole).toBool()) showDefault(index);
}

std::vector<ComposerRequest::Row> ComposerKeyValueTable::rows() const {
    std::vector<ComposerRequest::Row> out;
    for (int r = fixedCount_; r < rowCount(); ++r) {
        const QString name = item(r, 0)->text(), value = item(r, 1)->text();
        if (name.isEmpty() && value.isEmpty()) continue;
        out.push_back({item(r, 0)->checkState() == Qt::Checked, ss(name), ss(value)});
    }
    return out;
}

void ComposerKeyValueTable::setRows(const std::vector<ComposerRequest::Row>& rows) {
    if (rows == this->rows()) return;  // keeps the cursor while typing in a synced table
    updating_ = true;
    while (rowCount() > fixedCount_) removeRow(fixedCount_);
    for (const auto& r : rows) {
        appendEmptyRow();
        const int row = rowCount() - 1;
        item(row, 0)->setText(qs(r.name));
        item(row, 0)->setCheckState(r.enabled ? Qt::Checked : Qt::Unchecked);
        item(row, 1)->setText(qs(r.value));
    }
    appendEmptyRow();
    updating_ = false;
}

void ComposerKeyValueTable::onItemChanged(QTableWidgetItem* changed) {
    if (updating_) return;
    const int row = changed->row();
    if (row < fixedCount_ && changed->column() == 1) {
        // An emptied value goes back to the default; a typed one overrides it.
        if (changed->text().isEmpty() || changed->text() == defaults_.value(row)) {
            showDefault(row);
        } else if (changed->data(kIsDefaultRole).toBool()) {
            updating_ = true;
            changed->setData(kIsDefaultRole, false);
            changed->setFont(font());
            changed->setForeground(palette().brush(QPalette::Text));
            changed->setToolTip(QString());
            updating_ = false;
        }
    }
    if (row >= fixedCount_) ensureTrailingEmptyRow();
    emit edited();
}

void ComposerKeyValueTable::keyPressEvent(QKeyEvent* event) {
    const int row = currentRow();
    if (event->key() == Qt::Key_Delete && state() != QAbstractItemView::EditingState &&
        row >= fixedCount_ && row < rowCount() - 1) {
        removeRow(row);
        emit edited();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

}  // namespace sockwb
