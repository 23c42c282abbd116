#pragma once
// ComposerKeyValueTable: the composer's name/value tables (headers, query
// parameters, form fields). Each row has a checkbox (sent or not), a name
// and a value; an empty last row is always there to type a new one; Delete
// removes the current row. Optional fixed rows at the top stand for headers
// the client adds on its own: their name is locked and, until edited, their
// value shows the client's default in grey italics.

#include <QStringList>
#include <QTableWidget>
#include <vector>

#include "widgets/composer/composerrequest.h"

namespace sockwb {

class ComposerKeyValueTable final : public QTableWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerKeyValueTable(QWidget* parent = nullptr);

    // Replaces the fixed rows (automatic headers) by these names, enabled.
    void setFixedRows(const QStringList& names);
    int fixedCount() const { return fixedCount_; }
    // Sets a fixed row's checkbox and its overriding value ("" = default).
    void setFixedState(int index, bool enabled, const QString& value);
    bool fixedEnabled(int index) const;
    // The value the user typed for a fixed row, "" when it shows the default.
    QString fixedValue(int index) const;
    // The grey default shown while the user has not typed a value.
    void setFixedDefault(int index, const QString& value);

    // The user rows (fixed ones and the trailing empty row left out).
    std::vector<ComposerRequest::Row> rows() const;
    // Replaces the user rows; does not emit edited().
    void setRows(const std::vector<ComposerRequest::Row>& rows);

signals:
    // The user changed a checkbox, a name or a value, or removed a row.
    void edited();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onItemChanged(QTableWidgetItem* item);
    void appendEmptyRow();
    void ensureTrailingEmptyRow();
    void showDefault(int row);

    int fixedCount_ = 0;
    QStringList defaults_;
    bool updating_ = false;
};

}  // namespace sockwb
