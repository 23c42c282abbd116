#include "widgets/composer/composerwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/net/error.h"
#include "widgets/common/errortext.h"
#include "widgets/composer/composercollection.h"
#include "widgets/composer/composercurldialog.h"
#include "widgets/composer/composerhistory.h"
#include "widgets/composer/composerlocalserver.h"
#include "widgets/composer/composerprepared.h"
#include "widgets/composer/composerrequest.h"
#include "widgets/composer/composerrequesteditor.h"
#include "widgets/composer/composerresponseview.h"
#include "widgets/export/exportdialog.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

ComposerWindow::ComposerWindow(QWidget* parent, const QString& historyPath) : QWidget(parent) {
    setWindowFlag(Qt::Window);
    setObjectName(QStringLiteral("composerWindow"));
    editor_ = new ComposerRequestEditor(this);
    response_ = new ComposerResponseView(this);
    history_ = new ComposerHistory(this, historyPath);
    collection_ = new ComposerCollection(this);
    worker_ = new ComposerWorker(this);
    response_->traceView()->attach(worker_->traceAdapter());

    QHBoxLayout* bar = buildButtonBar();

    auto* side = new QTabWidget(this);
    side->addTab(history_, tr("History"));
    side->addTab(collection_, tr("Collection"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(side);
    split->addWidget(editor_);
    split->addWidget(response_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 3);
    split->setSizes({220, 560, 560});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(editor_, &ComposerRequestEditor::sendRequested, this, &ComposerWindow::send);
    connect(editor_, &ComposerRequestEditor::changed, this, &ComposerWindow::updateTitle);
    connect(worker_, &ComposerWorker::finished, this, &ComposerWindow::onFinished);
    connect(history_, &ComposerHistory::chosen, this, &ComposerWindow::loadRequest);
    connect(collection_, &ComposerCollection::chosen, this, &ComposerWindow::loadRequest);
    connect(collection_, &ComposerCollection::addCurrentRequested, this,
            [this] { collection_->addRequest(editor_->request()); });
    resize(1400, 820);
    updateButtons();
    updateTitle();
}

QHBoxLayout* ComposerWindow::buildButtonBar() {
    send_ = new QPushButton(tr("Send"), this);
    send_->setObjectName(QStringLiteral("send"));
    send_->setDefault(true);
    send_->setToolTip(tr("Send the request (Ctrl+Return)"));
    send_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancel"));
    auto* copy = new QPushButton(tr("Copy as cURL"), this);
    copy->setObjectName(QStringLiteral("copyCurl"));
    auto* import = new QPushButton(tr("Import cURL..."), this);
    import->setObjectName(QStringLiteral("importCurl"));
    auto* local = new QPushButton(tr("Try with a local server"), this);
    local->setObjectName(QStringLiteral("tryLocal"));
    local->setToolTip(
        tr("Start the workbench's http service on 127.0.0.1 (if none runs) and send to its /echo"));
    auto* exportCode = new QPushButton(tr("Export as Code..."), this);
    exportCode->setObjectName(QStringLiteral("exportCode"));
    exportCode->setToolTip(tr("The C (or Python) program that sends this request's exact bytes"));
    connect(exportCode, &QPushButton::clicked, this, &ComposerWindow::exportAsCode);
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("composerNote"));
    auto* bar = new QHBoxLayout;
    for (QPushButton* b : {send_, cancel_, copy, import, local, exportCode}) bar->addWidget(b);
    bar->addWidget(note_, 1);
    connect(send_, &QPushButton::clicked, this, &ComposerWindow::send);
    connect(cancel_, &QPushButton::clicked, this, &ComposerWindow::cancel);
    connect(copy, &QPushButton::clicked, this, &ComposerWindow::copyAsCurl);
    connect(import, &QPushButton::clicked, this, &ComposerWindow::showImportDialog);
    connect(local, &QPushButton::clicked, this, &ComposerWindow::tryLocalServer);
    return bar;
}

ComposerWindow::~ComposerWindow() = default;

ComposerWindow* ComposerWindow::open() {
    auto* w = new ComposerWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    return w;
}

bool ComposerWindow::send() {
    const QString why = editor_->problem();
    if (!why.isEmpty()) {
        response_->showState(tr("Not sent"), true);
        response_->summary()->setText(why);
        return false;
    }
    const ComposerPrepared& prepared = editor_->prepared();  // what the raw pane shows
    sending_ = std::make_unique<ComposerRequest>(editor_->request());
    response_->traceView()->clear();
    worker_->send(*prepared.ready);
    response_->showState(tr("Sending..."), false);
    note_->clear();
    updateButtons();
    return true;
}

void ComposerWindow::cancel() {
    if (!worker_->isBusy()) return;
    worker_->cancel();
    response_->showState(tr("Cancelled"), false);
    if (sending_) history_->add(*sending_, tr("cancelled"));
    sending_.reset();
    updateButtons();
}

void ComposerWindow::onFinished(quint64, std::shared_ptr<const ComposerOutcome> outcome) {
    response_->showOutcome(outcome);
    if (sending_) {
        const QString result = outcome->ok ? QStringLiteral("%1 %2")
                                                 .arg(outcome->result.final().response.status)
                                                 .arg(qs(outcome->result.final().response.reason))
                                           : tr("error: %1").arg(outcome->error);
        history_->add(*sending_, result);
    }
    sending_.reset();
    updateButtons();
    emit responseShown();
}

void ComposerWindow::updateButtons() {
    const bool busy = worker_->isBusy();
    send_->setEnabled(!busy);
    cancel_->setEnabled(busy);
}

void ComposerWindow::updateTitle() {
    const ComposerRequest r = editor_->request();
    setWindowTitle(tr("HTTP Composer - %1 %2").arg(qs(r.method), qs(r.url)));
}

QString ComposerWindow::curlCommand() const {
    if (!editor_->problem().isEmpty()) return {};
    return qs(editor_->prepared().curl.toCommandLine());
}

void ComposerWindow::copyAsCurl() {
    const QString line = curlCommand();
    if (line.isEmpty()) {
        note_->setText(tr("Fix the form first: %1").arg(editor_->problem()));
        return;
    }
    QApplication::clipboard()->setText(line);
    note_->setText(tr("curl command copied to the clipboard"));
}

void ComposerWindow::exportAsCode() {
    const ComposerPrepared& prepared = editor_->prepared();
    if (!editor_->problem().isEmpty() || !prepared.ready) {
        note_->setText(tr("Fix the form first: %1").arg(editor_->problem()));
        return;
    }
    const http::PreparedRequest& ready = *prepared.ready;
    std::string host = ready.url.host();  // or the --resolve address given for it
    for (const auto& r : ready.options.resolve)
        if (r.host == host && r.port == ready.url.port()) host = r.address;
    ExportDialog::openForRequest(host, ready.url.port(), ready.url.isHttps(), ready.wire, this);
}

bool ComposerWindow::importCurl(const QString& command, QString* error) {
    try {
        const http::CurlCommand c = http::CurlCommand::parse(command.toStdString());
        (void)c.toRequest();
        loadRequest(ComposerRequest::fromCurl(c));
        note_->setText(tr("Imported from curl"));
        return true;
    } catch (const Error& e) {
        if (error) *error = ErrorText::sentence(e);
        note_->setText(ErrorText::sentence(e));
        return false;
    }
}

void ComposerWindow::showImportDialog() {
    auto* dialog = new ComposerCurlDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto c = dialog->command()) {
            loadRequest(ComposerRequest::fromCurl(*c));
            note_->setText(tr("Imported from curl"));
        }
    });
    dialog->open();
}

void ComposerWindow::tryLocalServer() {
    ComposerLocalServer::ensureRunning(
        this, [this](ComposerLocalServer* server, const QString& error) {
            if (!server) {
                note_->setText(tr("Could not start the local http service: %1").arg(error));
                return;
            }
            ComposerRequest r = editor_->request();
            r.url = ss(server->baseUrl() + QStringLiteral("/echo"));
            loadRequest(r);
            note_->setText(tr("Local http service on %1 (epoll model)").arg(server->baseUrl()));
        });
}

void ComposerWindow::loadRequest(const ComposerRequest& request) { editor_->setRequest(request); }

ComposerRequest ComposerWindow::request() const { return editor_->request(); }

void ComposerWindow::setRequest(const ComposerRequest& request) { loadRequest(request); }

}  // namespace sockwb
