#include "widgets/composer/composerauthwidget.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sockwb {

using Auth = ComposerRequest::Auth;

ComposerAuthWidget::ComposerAuthWidget(QWidget* parent) : QWidget(parent) {
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("authKind"));
    kind_->addItem(tr("No authorization"), int(Auth::None));
    kind_->addItem(tr("Basic (user and password)"), int(Auth::Basic));
    kind_->addItem(tr("Bearer token"), int(Auth::Bearer));

    stack_ = new QStackedWidget(this);
    auto* none = new QLabel(tr("No Authorization header is added."), this);
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* basic = new QWidget(this);
    user_ = new QLineEdit(basic);
    user_->setObjectName(QStringLiteral("authUser"));
    password_ = new QLineEdit(basic);
    password_->setObjectName(QStringLiteral("authPassword"));
    password_->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    auto* basicForm = new QFormLayout(basic);
    basicForm->addRow(tr("User:"), user_);
    basicForm->addRow(tr("Password:"), password_);
    basicForm->addRow(new QLabel(
        tr("Sent base64-encoded, not encrypted: anyone on the path can read it."), basic));
    auto* bearer = new QWidget(this);
    token_ = new QLineEdit(bearer);
    token_->setObjectName(QStringLiteral("authToken"));
    auto* bearerForm = new QFormLayout(bearer);
    bearerForm->addRow(tr("Token:"), token_);
    stack_->addWidget(none);
    stack_->addWidget(basic);
    stack_->addWidget(bearer);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(kind_);
    layout->addWidget(stack_, 1);

    auto changed = [this] {
        if (!loading_) emit edited();
    };
    connect(kind_, &QComboBox::currentIndexChanged, stack_, &QStackedWidget::setCurrentIndex);
    connect(kind_, &QComboBox::currentIndexChanged, this, changed);
    connect(user_, &QLineEdit::textChanged, this, changed);
    connect(password_, &QLineEdit::textChanged, this, changed);
    connect(token_, &QLineEdit::textChanged, this, changed);
}

void ComposerAuthWidget::load(const ComposerRequest& r) {
    loading_ = true;
    kind_->setCurrentIndex(kind_->findData(int(r.auth)));
    user_->setText(qs(r.authUser));
    password_->setText(qs(r.authPassword));
    token_->setText(qs(r.bearerToken));
    loading_ = false;
}

void ComposerAuthWidget::store(ComposerRequest& r) const {
    r.auth = Auth(kind_->currentData().toInt());
    r.authUser = ss(user_->text());
    r.authPassword = ss(password_->text());
    r.bearerToken = ss(token_->text());
}

}  // namespace sockwb
