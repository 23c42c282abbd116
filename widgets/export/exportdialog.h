#pragma once
// ExportDialog: "Export as Code..." of a server panel, a client window or
// the composer. Shows the program that does what the window does
// (core/codegen/codeexport.h) in a read-only monospace editor with simple
// colouring, a C / Python switch, the build and run commands, what the
// program leaves out, Copy (to the clipboard) and Save As... (the suggested
// file name). When the window's settings cannot be exported the core's
// Error is shown inline, worded by ErrorText, and Copy / Save are off.
// Generating is pure and quick: it runs on the GUI thread. GUI thread only.

#include <QDialog>
#include <functional>
#include <optional>

#include "core/client/clientconnection.h"
#include "core/client/clientscript.h"
#include "core/codegen/codeexport.h"
#include "core/net/framing.h"
#include "core/server/server.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace sockwb {

class CodeHighlighter;

class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    // Makes the program in a language; may throw Error.
    using Generator = std::function<codegen::ExportedProgram(codegen::Language)>;

    // `what` names the window in the title ("echo server", "client 1").
    ExportDialog(Generator generator, const QString& what, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // A dialog for each kind of window, shown (not modal), deleted when closed.
    static ExportDialog* openForServer(const ServerConfig& config, QWidget* parent);
    static ExportDialog* openForClient(const ClientConfig& config, Framing framing,
                                       const std::vector<ScriptStep>& script, QWidget* parent);
    static ExportDialog* openForRequest(const std::string& host, uint16_t port, bool https,
                                        const std::string& requestBytes, QWidget* parent);

    // Shows the program in that language (the switch follows).
    void setLanguage(codegen::Language language);
    codegen::Language language() const;
    // The program shown ("" when the export failed).
    QString code() const;
    // The file name suggested to Save As ("" when the export failed).
    QString suggestedFileName() const;
    // The error shown inline ("" when the export worked).
    QString errorText() const;
    // Copies the program to the clipboard.
    void copy();
    // Writes the program to path; false with the reason shown inline.
    bool saveTo(const QString& path);
    // Asks where to save (the suggested name in the last folder used), then saveTo().
    void saveAs();

    QPlainTextEdit* editor() const { return editor_; }

private:
    void regenerate();

    Generator generator_;
    QString what_;
    std::optional<codegen::ExportedProgram> program_;
    QComboBox* language_;
    QPlainTextEdit* editor_;
    CodeHighlighter* highlighter_;
    QLabel* commands_;
    QLabel* omissions_;
    QLabel* error_;
    QLabel* note_;
    QPushButton* copy_;
    QPushButton* save_;
};

}  // namespace sockwb
