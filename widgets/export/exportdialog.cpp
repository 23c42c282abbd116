#include "widgets/export/exportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QVBoxLayout>

#include "core/net/error.h"
#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"
#include "widgets/export/codehighlighter.h"

namespace sockwb {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

const char* kLastFolderKey = "export/lastFolder";

}  // namespace

ExportDialog::ExportDialog(Generator generator, const QString& what, QWidget* parent)
    : QDialog(parent), generator_(std::move(generator)), what_(what) {
    setWindowTitle(tr("Export as Code: %1").arg(what));
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("language"));
    language_->addItem(tr("C program"), int(codegen::Language::C));
    language_->addItem(tr("Python"), int(codegen::Language::Python));
    language_->setToolTip(
        tr("C: the raw socket API as the course writes it; Python: the socket "
           "module"));

    editor_ = new QPlainTextEdit(this);
    editor_->setObjectName(QStringLiteral("code"));
    editor_->setReadOnly(true);
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    highlighter_ = new CodeHighlighter(editor_->document());

    commands_ = new QLabel(this);
    commands_->setObjectName(QStringLiteral("commands"));
    commands_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    commands_->setWordWrap(true);
    omissions_ = new QLabel(this);
    omissions_->setObjectName(QStringLiteral("omissions"));
    omissions_->setWordWrap(true);
    omissions_->setTextFormat(Qt::PlainText);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("exportError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formstyle::setErrorText(error_, true);
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("exportNote"));

    copy_ = new QPushButton(tr("&Copy"), this);
    copy_->setObjectName(QStringLiteral("copy"));
    copy_->setToolTip(tr("Copy the program to the clipboard"));
    save_ = new QPushButton(tr("&Save As..."), this);
    save_->setObjectName(QStringLiteral("saveAs"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Language:"), this));
    top->addWidget(language_);
    top->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(copy_);
    bottom->addWidget(save_);
    bottom->addWidget(note_, 1);
    bottom->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(error_);
    layout->addWidget(editor_, 1);
    layout->addWidget(commands_);
    layout->addWidget(omissions_);
    layout->addLayout(bottom);
    resize(820, 640);

    connect(language_, &QComboBox::currentIndexChanged, this, &ExportDialog::regenerate);
    connect(copy_, &QPushButton::clicked, this, &ExportDialog::copy);
    connect(save_, &QPushButton::clicked, this, &ExportDialog::saveAs);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    regenerate();
}

ExportDialog::~ExportDialog() = default;

ExportDialog* ExportDialog::openForServer(const ServerConfig& config, QWidget* parent) {
    const QString what = config.listeners.empty()
                             ? tr("server")
                             : tr("%1 server").arg(qs(config.listeners.front().service));
    auto* d = new ExportDialog(
        [config](codegen::Language l) { return codegen::exportServer(config, l); }, what, parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

ExportDialog* ExportDialog::openForClient(const ClientConfig& config, Framing framing,
                                          const std::vector<ScriptStep>& script, QWidget* parent) {
    auto* d = new ExportDialog(
        [config, framing, script](codegen::Language l) {
            return codegen::exportClient(config, framing, script, l);
        },
        tr("client"), parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

ExportDialog* ExportDialog::openForRequest(const std::string& host, uint16_t port, bool https,
                                           const std::string& requestBytes, QWidget* parent) {
    auto* d = new ExportDialog(
        [=](codegen::Language l) {
            return codegen::exportHttpRequest(host, port, https, requestBytes, l);
        },
        tr("HTTP request"), parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

void ExportDialog::setLanguage(codegen::Language language) {
    const int index = language_->findData(int(language));
    if (index == language_->currentIndex())
        regenerate();
    else
        language_->setCurrentIndex(index);
}

codegen::Language ExportDialog::language() const {
    return static_cast<codegen::Language>(language_->currentData().toInt());
}

QString ExportDialog::code() const { return program_ ? qs(program_->source) : QString(); }

QString ExportDialog::suggestedFileName() const {
    return program_ ? qs(program_->fileName) : QString();
}

QString ExportDialog::errorText() const { return program_ ? QString() : error_->text(); }

void ExportDialog::regenerate() {
    const codegen::Language l = language();
    program_.reset();
    note_->clear();
    try {
        program_ = generator_(l);
    } catch (const Error& e) {
        error_->setText(tr("This cannot be exported: %1").arg(ErrorText::sentence(e)));
    }
    const bool ok = program_.has_value();
    error_->setVisible(!ok);
    copy_->setEnabled(ok);
    save_->setEnabled(ok);
    editor_->setEnabled(ok);
    highlighter_->setLanguage(l);
    editor_->setPlainText(code());
    if (!ok) {
        commands_->clear();
        omissions_->clear();
        return;
    }
    QStringList lines;
    if (!program_->buildCommand.empty()) lines << tr("Build: %1").arg(qs(program_->buildCommand));
    lines << tr("Run: %1").arg(qs(program_->runCommand));
    commands_->setText(lines.join(QLatin1Char('\n')));
    if (program_->omissions.empty()) {
        omissions_->setText(tr("Left out: nothing."));
    } else {
        QStringList left;
        for (const std::string& o : program_->omissions) left << QStringLiteral("• ") + qs(o);
        omissions_->setText(tr("Left out of what the window does:") + QLatin1Char('\n') +
                            left.join(QLatin1Char('\n')));
    }
}

void ExportDialog::copy() {
    if (!program_) return;
    QApplication::clipboard()->setText(code());
    note_->setText(tr("Copied to the clipboard"));
}

bool ExportDialog::saveTo(const QString& path) {
    if (!program_) return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QByteArray::fromStdString(program_->source)) !=
            qint64(program_->source.size()) ||
        !file.commit()) {
        note_->setText(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    note_->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
    QSettings().setValue(QLatin1String(kLastFolderKey), QFileInfo(path).absolutePath());
    return true;
}

void ExportDialog::saveAs() {
    if (!program_) return;
    const QString folder =
        QSettings().value(QLatin1String(kLastFolderKey), QDir::homePath()).toString();
    const QString filter =
        language() == codegen::Language::C ? tr("C source (*.c)") : tr("Python program (*.py)");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the program"), QDir(folder).filePath(suggestedFileName()), filter);
    if (!path.isEmpty()) saveTo(path);
}

}  // namespace sockwb
