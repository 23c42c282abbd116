#pragma once
// TlsBox: the New Server form's "TLS" group: "Serve over TLS" (every TCP
// listener speaks TLS: ServerConfig::tls; UDP and Unix-domain listeners stay
// plain, so with none the box is disabled and says why), and where the
// certificate comes from: the self-signed one for localhost the workbench
// makes on first use and keeps in the user's config folder, or a
// certificate and key from PEM files chosen here. The files are checked
// before Start (a missing or unreadable one is the form's problem, in
// words); what OpenSSL thinks of them is said when the server starts.
// GUI thread only.

#include <QGroupBox>

#include "core/server/server.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSettings;
class QToolButton;

namespace sockwb {

class TlsBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit TlsBox(QWidget* parent = nullptr);

    // Writes ServerConfig::tls and tlsOptions' files.
    void apply(ServerConfig& config) const;
    void setConfig(const ServerConfig& config);
    // Whether a listener is TCP (TLS has something to serve).
    void setTcpAvailable(bool available);
    // "" when the TLS settings can be used, else the first problem in words.
    QString problem() const;
    // Remembered values under group ("serverForm/").
    void save(QSettings& settings, const QString& group) const;
    void load(const QSettings& settings, const QString& group);

    QCheckBox* enableBox() const { return enable_; }
    QRadioButton* selfSignedButton() const { return selfSigned_; }
    QRadioButton* fromFilesButton() const { return fromFiles_; }
    QLineEdit* certEdit() const { return cert_; }
    QLineEdit* keyEdit() const { return key_; }

signals:
    void changed();

private:
    QWidget* fileRow(QLineEdit* edit, const char* name, const QString& title);
    QString fileProblem(const QLineEdit* edit, bool certificate) const;
    void refresh();

    QCheckBox* enable_;
    QRadioButton* selfSigned_;
    QRadioButton* fromFiles_;
    QLineEdit* cert_;
    QLineEdit* key_;
    QWidget* files_;
    bool tcpAvailable_ = true;
};

}  // namespace sockwb
