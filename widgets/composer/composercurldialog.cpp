#include "widgets/composer/composercurldialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/net/error.h"
#include "widgets/common/errortext.h"
#include "widgets/common/presentationhooks.h"

namespace sockwb {

ComposerCurlDialog::ComposerCurlDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Import cURL"));
    auto* hint = new QLabel(
        tr("Paste a curl command. Understood: -X, -H, -d/--data/--data-raw/--data-binary, --url, "
           "-I, -L, --compressed, -A, -e, -u, -G, -m, --http1.0 and quoted arguments."),
        this);
    hint->setWordWrap(true);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("curlText"));
    PresentationHooks::useFixedFont(text_);
    text_->setPlaceholderText(
        QStringLiteral("curl -H 'X-Course: reseaux' http://127.0.0.1:8080/echo"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("curlError"));
    error_->setStyleSheet(QStringLiteral("color: #c62828;"));
    error_->setWordWrap(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(text_, 1);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    resize(640, 280);
    connect(text_, &QPlainTextEdit::textChanged, this, &ComposerCurlDialog::reparse);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reparse();
}

void ComposerCurlDialog::reparse() {
    command_.reset();
    const QString text = text_->toPlainText().trimmed();
    QString why;
    if (!text.isEmpty()) {
        try {
            http::CurlCommand c = http::CurlCommand::parse(text.toStdString());
            (void)c.toRequest();  // a bad URL is reported here, not at Send
            command_ = std::move(c);
        } catch (const Error& e) {
            why = ErrorText::sentence(e);
        }
    }
    error_->setText(why);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(command_.has_value());
}

}  // namespace sockwb
