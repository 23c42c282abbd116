#pragma once
// ComposerTlsBox: the composer's TLS options for https:// URLs, in the
// Options tab, named as curl names them: "Verify certificate" (off: curl -k,
// the chain is still checked and its result shown, only not enforced), the
// CA file that replaces the system store (--cacert), a client certificate
// and its key (--cert, --key), and --resolve entries (HOST:PORT:ADDR, so a
// name the certificate lists can be sent to 127.0.0.1). Saved with the
// other options in history and collections (ComposerRequest).

#include <QGroupBox>

#include "widgets/composer/composerrequest.h"

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace sockwb {

class ComposerTlsBox final : public QGroupBox {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerTlsBox(QWidget* parent = nullptr);

    // Copies the TLS fields of r in; does not emit edited().
    void load(const ComposerRequest& r);
    // Writes the TLS fields into r.
    void store(ComposerRequest& r) const;

    QCheckBox* verifyBox() const { return verify_; }
    QLineEdit* caFileEdit() const { return caFile_; }
    QLineEdit* certFileEdit() const { return certFile_; }
    QLineEdit* keyFileEdit() const { return keyFile_; }
    QLineEdit* resolveEdit() const { return resolve_; }

signals:
    void edited();

private:
    // A path field with its "Browse..." button (a PEM file picker).
    QWidget* fileRow(QLineEdit* edit, const QString& pickerTitle);

    QCheckBox* verify_;
    QLineEdit* caFile_;
    QLineEdit* certFile_;
    QLineEdit* keyFile_;
    QLineEdit* resolve_;
    bool loading_ = false;
};

}  // namespace sockwb
