#pragma once
// ComposerCurlDialog: "Import cURL". The user pastes a curl command (from a
// browser's "Copy as cURL", a README...); it is parsed as they type, the
// problem shown inline, and OK gives the parsed command.

#include <QDialog>
#include <optional>

#include "core/http/curlcommand.h"

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace sockwb {

class ComposerCurlDialog final : public QDialog {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerCurlDialog(QWidget* parent = nullptr);

    // The command as parsed, when the text is a valid curl command.
    std::optional<http::CurlCommand> command() const { return command_; }
    QPlainTextEdit* textEdit() const { return text_; }
    QLabel* errorLabel() const { return error_; }

private:
    void reparse();

    QPlainTextEdit* text_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
    std::optional<http::CurlCommand> command_;
};

}  // namespace sockwb
