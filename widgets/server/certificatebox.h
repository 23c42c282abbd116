#pragma once
// CertificateBox: the certificate a TLS server presents, in the server
// panel: subject, SANs, validity, the SHA-256 fingerprint (selectable, with
// a Copy button: compare it with what the client shows, composer's
// Certificate tab, sockwb http -v, or a browser) and the file it came from.
// Shown while a server with TLS runs. GUI thread only.

#include <QGroupBox>

#include "core/tls/certificateinfo.h"

class QLabel;
class QLineEdit;

namespace sockwb {

class CertificateBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit CertificateBox(QWidget* parent = nullptr);

    // Shows a certificate and its file (an empty info clears the fields).
    void setCertificate(const tls::CertificateInfo& info, const QString& file);
    QString fingerprint() const;
    QString subject() const;
    QString sans() const;
    QString validity() const;
    QString file() const;

private:
    QLabel* subject_;
    QLabel* sans_;
    QLabel* validity_;
    QLineEdit* fingerprint_;
    QLabel* file_;
};

}  // namespace sockwb
