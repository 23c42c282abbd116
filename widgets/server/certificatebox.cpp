#include "widgets/server/certificatebox.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringList>
#include <QToolButton>

#include "widgets/common/presentationhooks.h"

namespace sockwb {

namespace {
QLabel* selectable(QWidget* parent, const char* name) {
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}
}  // namespace

CertificateBox::CertificateBox(QWidget* parent)
    : QGroupBox(tr("TLS certificate"), parent),
      subject_(selectable(this, "certSubject")),
      sans_(selectable(this, "certSans")),
      validity_(selectable(this, "certValidity")),
      fingerprint_(new QLineEdit(this)),
      file_(selectable(this, "certFile")) {
    setObjectName(QStringLiteral("certificateBox"));
    fingerprint_->setObjectName(QStringLiteral("certFingerprint"));
    fingerprint_->setReadOnly(true);
    PresentationHooks::useFixedFont(fingerprint_);
    const QString compare =
        tr("Compare with what the client shows: the composer's Certificate tab, sockwb http -v, "
           "openssl s_client or a browser. The same fingerprint means the same certificate.");
    fingerprint_->setToolTip(compare);
    auto* copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("certCopyFingerprint"));
    copy->setText(tr("Copy"));
    copy->setToolTip(compare);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(fingerprint_, 1);
    row->addWidget(copy);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Subject:"), subject_);
    form->addRow(tr("Names (SAN):"), sans_);
    form->addRow(tr("Valid:"), validity_);
    form->addRow(tr("SHA-256:"), row);
    form->addRow(tr("File:"), file_);
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(fingerprint_->text()); });
}

void CertificateBox::setCertificate(const tls::CertificateInfo& info, const QString& file) {
    subject_->setText(QString::fromStdString(info.subject));
    QStringList names;
    for (const std::string& n : info.sans) names << QString::fromStdString(n);
    sans_->setText(names.join(QStringLiteral(", ")));
    if (info.empty()) {
        validity_->clear();
    } else {
        QString validity =
            tr("%1 to %2")
                .arg(QString::fromStdString(info.notBefore), QString::fromStdString(info.notAfter));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (now > info.notAfterEpoch)
            validity = tr("%1 (expired)").arg(validity);
        else if (now < info.notBeforeEpoch)
            validity = tr("%1 (not yet valid)").arg(validity);
        // selfSigned needs keyCertSign in the key usage (X509_check_issued);
        // a leaf that names itself as its issuer is self-signed to a client too.
        if (info.selfSigned || (!info.subject.empty() && info.subject == info.issuer))
            validity = tr("%1, self-signed").arg(validity);
        validity_->setText(validity);
    }
    fingerprint_->setText(QString::fromStdString(info.sha256));
    fingerprint_->setCursorPosition(0);
    file_->setText(file);
}

QString CertificateBox::fingerprint() const { return fingerprint_->text(); }
QString CertificateBox::subject() const { return subject_->text(); }
QString CertificateBox::sans() const { return sans_->text(); }
QString CertificateBox::validity() const { return validity_->text(); }
QString CertificateBox::file() const { return file_->text(); }

}  // namespace sockwb
