#pragma once
// ComposerBodyEditor: the request body of the composer. A type (none, raw
// text, JSON with a Format button, form-urlencoded table, file) and the
// editor for that type. It reads and writes the body part of a
// ComposerRequest; the bytes are derived by ComposerRequest::body().

#include <QWidget>

#include "widgets/composer/composerrequest.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace sockwb {

class ComposerKeyValueTable;

class ComposerBodyEditor final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerBodyEditor(QWidget* parent = nullptr);

    // Copies the body fields of r into the editor; does not emit edited().
    void load(const ComposerRequest& r);
    // Writes the body fields into r.
    void store(ComposerRequest& r) const;
    // Re-indents the JSON text; false (and a message shown) when it is not JSON.
    bool formatJson();

    QComboBox* typeBox() const { return type_; }
    QPlainTextEdit* textEdit() const { return text_; }
    ComposerKeyValueTable* formTable() const { return form_; }
    QLineEdit* fileEdit() const { return file_; }

signals:
    // The user changed the type or the content.
    void edited();

private:
    void onTypeChanged();
    void chooseFile();

    QComboBox* type_;
    QStackedWidget* stack_;
    QPlainTextEdit* text_;
    QWidget* formatButton_;
    QLabel* jsonStatus_;
    ComposerKeyValueTable* form_;
    QLineEdit* file_;
    bool loading_ = false;
};

}  // namespace sockwb
