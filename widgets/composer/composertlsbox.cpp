#include "widgets/composer/composertlsbox.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace sockwb {

namespace {

QLineEdit* pathEdit(QWidget* parent, const QString& name, const QString& placeholder) {
    auto* e = new QLineEdit(parent);
    e->setObjectName(name);
    e->setPlaceholderText(placeholder);
    e->setClearButtonEnabled(true);
    return e;
}

}  // namespace

ComposerTlsBox::ComposerTlsBox(QWidget* parent) : QGroupBox(tr("TLS (https:// URLs)"), parent) {
    verify_ = new QCheckBox(tr("Verify certificate (the chain and the host name)"), this);
    verify_->setObjectName(QStringLiteral("verifyCertificate"));
    verify_->setChecked(true);
    verify_->setToolTip(
        tr("Off: connect even when the server's certificate does not verify (curl -k). "
           "The result is still shown in the Certificate tab."));
    caFile_ = pathEdit(this, QStringLiteral("caFile"), tr("the system's trusted CAs"));
    caFile_->setToolTip(
        tr("Trust the CAs of this PEM file instead of the system's (curl --cacert)"));
    certFile_ = pathEdit(this, QStringLiteral("clientCertFile"), tr("none"));
    certFile_->setToolTip(
        tr("A client certificate (PEM) for servers that ask for one (curl --cert)"));
    keyFile_ = pathEdit(this, QStringLiteral("clientKeyFile"), tr("in the certificate file"));
    keyFile_->setToolTip(tr("The client certificate's private key (PEM, curl --key)"));
    resolve_ = new QLineEdit(this);
    resolve_->setObjectName(QStringLiteral("resolve"));
    resolve_->setPlaceholderText(tr("HOST:PORT:ADDR, e.g. localhost:8443:127.0.0.1"));
    resolve_->setToolTip(
        tr("Connect to ADDR for HOST:PORT while the URL keeps HOST for the Host header, SNI and "
           "the certificate's name check (curl --resolve); several separated by spaces"));

    auto* form = new QFormLayout(this);
    form->addRow(verify_);
    form->addRow(tr("CA file:"), fileRow(caFile_, tr("Trust the CAs of")));
    form->addRow(tr("Client certificate:"), fileRow(certFile_, tr("Client certificate")));
    form->addRow(tr("Client key:"), fileRow(keyFile_, tr("Client key")));
    form->addRow(tr("Resolve:"), resolve_);

    auto changed = [this] {
        if (!loading_) emit edited();
    };
    connect(verify_, &QCheckBox::toggled, this, changed);
    for (QLineEdit* e : {caFile_, certFile_, keyFile_, resolve_})
        connect(e, &QLineEdit::textChanged, this, changed);
}

QWidget* ComposerTlsBox::fileRow(QLineEdit* edit, const QString& pickerTitle) {
    auto* row = new QWidget(this);
    auto* browse = new QPushButton(tr("Browse..."), row);
    browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, pickerTitle] {
        const QString path =
            QFileDialog::getOpenFileName(this, pickerTitle, edit->text(),
                                         tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
        if (!path.isEmpty()) edit->setText(path);
    });
    return row;
}

void ComposerTlsBox::load(const ComposerRequest& r) {
    loading_ = true;
    verify_->setChecked(r.verifyCertificate);
    caFile_->setText(qs(r.caFile));
    certFile_->setText(qs(r.clientCertFile));
    keyFile_->setText(qs(r.clientKeyFile));
    QStringList entries;
    for (const auto& e : r.resolve) entries << qs(e);
    resolve_->setText(entries.join(QLatin1Char(' ')));
    loading_ = false;
}

void ComposerTlsBox::store(ComposerRequest& r) const {
    r.verifyCertificate = verify_->isChecked();
    r.caFile = ss(caFile_->text().trimmed());
    r.clientCertFile = ss(certFile_->text().trimmed());
    r.clientKeyFile = ss(keyFile_->text().trimmed());
    r.resolve.clear();
    for (const QString& e : resolve_->text().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        r.resolve.push_back(ss(e));
}

}  // namespace sockwb
