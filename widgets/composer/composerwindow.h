#pragma once
// ComposerWindow: the HTTP composer, a top-level window (several may be
// open). Compose on the left (ComposerRequestEditor), inspect on the right
// (ComposerResponseView), history and collection in a side panel; Send and
// Cancel never block (ComposerWorker), Copy as cURL / Import cURL, and
// "Try with a local server" which starts the workbench's http service and
// points the form at its /echo.

#include <QWidget>
#include <memory>

#include "widgets/composer/composerworker.h"

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTabWidget;

namespace sockwb {

class ComposerCollection;
class ComposerHistory;
class ComposerRequestEditor;
class ComposerResponseView;
struct ComposerRequest;

class ComposerWindow final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method). historyPath "" = the default file.
    explicit ComposerWindow(QWidget* parent = nullptr, const QString& historyPath = QString());
    ~ComposerWindow() override;

    // A new window, shown, deleted when closed.
    static ComposerWindow* open();

    // Sends what the form holds (returns at once); false with the reason
    // shown inline when the form cannot be sent.
    bool send();
    // Stops the running request; the window is ready again at once.
    void cancel();
    bool isSending() const { return worker_->isBusy(); }
    // The form as a curl command line ("" when the form has a problem).
    QString curlCommand() const;
    // Copies curlCommand() to the clipboard.
    void copyAsCurl();
    // Opens the Export as Code dialog for the request's exact bytes (the
    // form's problem in the note instead when it cannot be prepared).
    void exportAsCode();
    // Fills the form from a curl command; false with *error set.
    bool importCurl(const QString& command, QString* error = nullptr);
    // Opens the Import cURL dialog (modal, non-blocking for sockets).
    void showImportDialog();
    // Starts the shared local http service if needed (off the GUI thread;
    // returns at once) and, once it listens, points the form at its /echo.
    void tryLocalServer();

    // The form as a request, and back (fills the form, does not send).
    ComposerRequest request() const;
    void setRequest(const ComposerRequest& request);

    ComposerRequestEditor* editor() const { return editor_; }
    ComposerResponseView* responseView() const { return response_; }
    ComposerHistory* history() const { return history_; }
    ComposerCollection* collection() const { return collection_; }
    QPushButton* sendButton() const { return send_; }
    QPushButton* cancelButton() const { return cancel_; }
    ComposerWorker* worker() const { return worker_; }

signals:
    // A request completed and is on screen (tests, main window status).
    void responseShown();

private:
    // Send, Cancel, Copy as cURL, Import cURL, Try with a local server, the note.
    QHBoxLayout* buildButtonBar();
    void onFinished(quint64 id, std::shared_ptr<const sockwb::ComposerOutcome> outcome);
    void loadRequest(const ComposerRequest& request);
    void updateButtons();
    void updateTitle();

    ComposerRequestEditor* editor_;
    ComposerResponseView* response_;
    ComposerHistory* history_;
    ComposerCollection* collection_;
    ComposerWorker* worker_;
    QPushButton* send_;
    QPushButton* cancel_;
    QLabel* note_;
    std::unique_ptr<ComposerRequest> sending_;  // the form as it was sent
};

}  // namespace sockwb
