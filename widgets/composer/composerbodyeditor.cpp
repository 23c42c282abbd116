#include "widgets/composer/composerbodyeditor.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "widgets/common/presentationhooks.h"
#include "widgets/composer/composerkeyvaluetable.h"

namespace sockwb {

using BodyType = ComposerRequest::BodyType;

ComposerBodyEditor::ComposerBodyEditor(QWidget* parent) : QWidget(parent) {
    type_ = new QComboBox(this);
    type_->setObjectName(QStringLiteral("bodyType"));
    type_->addItem(tr("None"), int(BodyType::None));
    type_->addItem(tr("Raw text"), int(BodyType::Raw));
    type_->addItem(tr("JSON"), int(BodyType::Json));
    type_->addItem(tr("Form (URL-encoded)"), int(BodyType::Form));
    type_->addItem(tr("File"), int(BodyType::File));
    auto* format = new QPushButton(tr("Format"), this);
    format->setObjectName(QStringLiteral("formatJson"));
    format->setToolTip(tr("Re-indent the JSON text"));
    formatButton_ = format;
    jsonStatus_ = new QLabel(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Body:"), this));
    top->addWidget(type_);
    top->addWidget(format);
    top->addWidget(jsonStatus_, 1);

    stack_ = new QStackedWidget(this);
    auto* none = new QLabel(tr("This request has no body."), this);
    none->setAlignment(Qt::AlignCenter);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("bodyText"));
    PresentationHooks::useFixedFont(text_);
    form_ = new ComposerKeyValueTable(this);
    form_->setObjectName(QStringLiteral("formTable"));
    auto* filePage = new QWidget(this);
    file_ = new QLineEdit(filePage);
    file_->setObjectName(QStringLiteral("bodyFile"));
    file_->setPlaceholderText(tr("Path of the file to send as the body"));
    auto* browse = new QPushButton(tr("Browse..."), filePage);
    auto* fileRow = new QHBoxLayout(filePage);
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    stack_->addWidget(none);      // None
    stack_->addWidget(text_);     // Raw and Json
    stack_->addWidget(form_);     // Form
    stack_->addWidget(filePage);  // File

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);

    connect(type_, &QComboBox::currentIndexChanged, this, &ComposerBodyEditor::onTypeChanged);
    connect(format, &QPushButton::clicked, this, &ComposerBodyEditor::formatJson);
    connect(browse, &QPushButton::clicked, this, &ComposerBodyEditor::chooseFile);
    connect(text_, &QPlainTextEdit::textChanged, this, [this] {
        if (!loading_) emit edited();
    });
    connect(form_, &ComposerKeyValueTable::edited, this, &ComposerBodyEditor::edited);
    connect(file_, &QLineEdit::textChanged, this, [this] {
        if (!loading_) emit edited();
    });
    onTypeChanged();
}

void ComposerBodyEditor::onTypeChanged() {
    const auto t = BodyType(type_->currentData().toInt());
    stack_->setCurrentIndex(t == BodyType::None   ? 0
                            : t == BodyType::Form ? 2
                            : t == BodyType::File ? 3
                                                  : 1);
    formatButton_->setVisible(t == BodyType::Json);
    jsonStatus_->clear();
    if (!loading_) emit edited();
}

void ComposerBodyEditor::load(const ComposerRequest& r) {
    loading_ = true;
    type_->setCurrentIndex(type_->findData(int(r.bodyType)));
    if (text_->toPlainText() != qs(r.rawText)) text_->setPlainText(qs(r.rawText));
    form_->setRows(r.formRows);
    if (file_->text() != qs(r.filePath)) file_->setText(qs(r.filePath));
    loading_ = false;
}

void ComposerBodyEditor::store(ComposerRequest& r) const {
    r.bodyType = BodyType(type_->currentData().toInt());
    r.rawText = ss(text_->toPlainText());
    r.formRows = form_->rows();
    r.filePath = ss(file_->text());
}

bool ComposerBodyEditor::formatJson() {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text_->toPlainText().toUtf8(), &error);
    if (doc.isNull()) {
        jsonStatus_->setText(
            tr("Not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
        return false;
    }
    text_->setPlainText(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed());
    jsonStatus_->setText(tr("Valid JSON"));
    return true;
}

void ComposerBodyEditor::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Body file"));
    if (!path.isEmpty()) file_->setText(path);
}

}  // namespace sockwb
