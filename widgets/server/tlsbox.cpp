#include "widgets/server/tlsbox.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/tls/selfsigned.h"
#include "widgets/common/formstyle.h"

namespace sockwb {

TlsBox::TlsBox(QWidget* parent)
    : QGroupBox(tr("TLS"), parent),
      enable_(new QCheckBox(tr("Serve over &TLS"), this)),
      selfSigned_(new QRadioButton(this)),
      fromFiles_(new QRadioButton(tr("Certificate and key from &files:"), this)),
      cert_(new QLineEdit(this)),
      key_(new QLineEdit(this)),
      files_(new QWidget(this)) {
    setObjectName(QStringLiteral("tlsBox"));
    enable_->setObjectName(QStringLiteral("tlsCheck"));
    selfSigned_->setObjectName(QStringLiteral("tlsSelfSigned"));
    fromFiles_->setObjectName(QStringLiteral("tlsFromFiles"));
    cert_->setObjectName(QStringLiteral("tlsCertEdit"));
    key_->setObjectName(QStringLiteral("tlsKeyEdit"));
    const QString folder =
        QDir::toNativeSeparators(QString::fromStdString(tls::defaultTlsFolder()));
    selfSigned_->setText(tr("Self-signed certificate for localhost (kept in %1)").arg(folder));
    selfSigned_->setToolTip(
        tr("Made on first use and kept, so its fingerprint stays the same from one run to the "
           "next. Clients must be told to trust it (curl -k or --cacert %1/localhost.crt).")
            .arg(folder));
    cert_->setPlaceholderText(tr("certificate (PEM), e.g. server.crt"));
    key_->setPlaceholderText(tr("private key (PEM), e.g. server.key"));
    auto* group = new QButtonGroup(this);
    group->addButton(selfSigned_);
    group->addButton(fromFiles_);
    selfSigned_->setChecked(true);

    auto* filesForm = new QFormLayout(files_);
    filesForm->setContentsMargins(20, 0, 0, 0);
    filesForm->addRow(tr("Certificate:"), fileRow(cert_, "tlsCertBrowse", tr("Certificate (PEM)")));
    filesForm->addRow(tr("Key:"), fileRow(key_, "tlsKeyBrowse", tr("Private key (PEM)")));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(enable_);
    layout->addWidget(selfSigned_);
    layout->addWidget(fromFiles_);
    layout->addWidget(files_);

    for (QAbstractButton* b :
         {static_cast<QAbstractButton*>(enable_), static_cast<QAbstractButton*>(selfSigned_),
          static_cast<QAbstractButton*>(fromFiles_)})
        connect(b, &QAbstractButton::toggled, this, [this] {
            refresh();
            emit changed();
        });
    for (QLineEdit* e : {cert_, key_})
        connect(e, &QLineEdit::textChanged, this, [this] {
            refresh();
            emit changed();
        });
    refresh();
}

QWidget* TlsBox::fileRow(QLineEdit* edit, const char* name, const QString& title) {
    auto* row = new QWidget(files_);
    auto* browse = new QToolButton(row);
    browse->setObjectName(QLatin1String(name));
    browse->setText(tr("Browse..."));
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(edit, 1);
    h->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString file = QFileDialog::getOpenFileName(
            this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty()) edit->setText(file);
    });
    return row;
}

void TlsBox::apply(ServerConfig& c) const {
    c.tls = tcpAvailable_ && enable_->isChecked();
    c.tlsOptions.certFile.clear();
    c.tlsOptions.keyFile.clear();
    if (fromFiles_->isChecked()) {
        c.tlsOptions.certFile = cert_->text().trimmed().toStdString();
        c.tlsOptions.keyFile = key_->text().trimmed().toStdString();
    }
}

void TlsBox::setConfig(const ServerConfig& c) {
    const bool files = !c.tlsOptions.certFile.empty() || !c.tlsOptions.keyFile.empty();
    cert_->setText(QString::fromStdString(c.tlsOptions.certFile));
    key_->setText(QString::fromStdString(c.tlsOptions.keyFile));
    (files ? fromFiles_ : selfSigned_)->setChecked(true);
    enable_->setChecked(c.tls);
    refresh();
}

void TlsBox::setTcpAvailable(bool available) {
    if (tcpAvailable_ == available) return;
    tcpAvailable_ = available;
    refresh();
}

QString TlsBox::fileProblem(const QLineEdit* edit, bool certificate) const {
    const QString path = edit->text().trimmed();
    if (path.isEmpty())
        return certificate ? tr("Choose the certificate file (PEM), or use the self-signed "
                                "certificate.")
                           : tr("Choose the private key file (PEM) that goes with the "
                                "certificate.");
    const QFileInfo info(path);
    if (!info.exists())
        return certificate ? tr("The certificate file \"%1\" does not exist.").arg(path)
                           : tr("The key file \"%1\" does not exist.").arg(path);
    if (!info.isFile() || !info.isReadable())
        return certificate ? tr("The certificate file \"%1\" cannot be read.").arg(path)
                           : tr("The key file \"%1\" cannot be read.").arg(path);
    return {};
}

QString TlsBox::problem() const {
    if (!tcpAvailable_ || !enable_->isChecked() || !fromFiles_->isChecked()) return {};
    if (QString why = fileProblem(cert_, true); !why.isEmpty()) return why;
    return fileProblem(key_, false);
}

void TlsBox::refresh() {
    enable_->setEnabled(tcpAvailable_);
    enable_->setToolTip(
        tcpAvailable_
            ? tr("Every TCP listener speaks TLS (under every model); UDP and Unix-domain "
                 "listeners stay plain. The socket calls stay the same: the ciphertext goes "
                 "through the server's own send() and recv().")
            : tr("TLS runs over TCP: this server has no TCP listener (UDP and Unix-domain "
                 "listeners stay plain)."));
    const bool on = tcpAvailable_ && enable_->isChecked();
    selfSigned_->setEnabled(on);
    fromFiles_->setEnabled(on);
    files_->setEnabled(on && fromFiles_->isChecked());
    const bool check = on && fromFiles_->isChecked();
    formstyle::markInvalid(cert_, check && !fileProblem(cert_, true).isEmpty());
    formstyle::markInvalid(key_, check && !fileProblem(key_, false).isEmpty());
}

void TlsBox::save(QSettings& s, const QString& group) const {
    s.setValue(group + QStringLiteral("tls"), enable_->isChecked());
    s.setValue(group + QStringLiteral("tlsFromFiles"), fromFiles_->isChecked());
    s.setValue(group + QStringLiteral("tlsCert"), cert_->text());
    s.setValue(group + QStringLiteral("tlsKey"), key_->text());
}

void TlsBox::load(const QSettings& s, const QString& group) {
    cert_->setText(s.value(group + QStringLiteral("tlsCert")).toString());
    key_->setText(s.value(group + QStringLiteral("tlsKey")).toString());
    (s.value(group + QStringLiteral("tlsFromFiles"), false).toBool() ? fromFiles_ : selfSigned_)
        ->setChecked(true);
    enable_->setChecked(s.value(group + QStringLiteral("tls"), false).toBool());
    refresh();
}

}  // namespace sockwb
