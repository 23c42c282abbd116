#pragma once
// ClientOptionsRow: the second row of a client window's connect form: a
// client-side bind (ADDR, ADDR:PORT, :PORT, as seed 001's client binds), the
// I/O mode (blocking calls as the course's client, or non-blocking + poll)
// and the size of each recv; under them the TLS options (TCP only): TLS on,
// verify the server's certificate, a CA file to trust instead of the
// system store. Read when Connect is pressed. GUI thread.

#include <QWidget>
#include <optional>

#include "widgets/client/clientsession.h"

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace sockwb {

class ClientOptionsRow final : public QWidget {
    Q_OBJECT
public:
    explicit ClientOptionsRow(QWidget* parent = nullptr);

    // The settings the row holds; nullopt and *error (the bind field is
    // marked) when the bind address does not parse.
    std::optional<ClientSession::Settings> settings(QString* error) const;
    void setIo(ClientIo io);
    void setBind(const QString& text);
    void setRecvSize(int bytes);
    // TLS is offered for TCP only: the TLS controls are disabled (and
    // settings() has tls off) for any other protocol.
    void setTlsAvailable(bool available);
    void setTls(bool on);
    void setVerify(bool on);
    void setCaFile(const QString& path);

private:
    void buildTlsRow(QBoxLayout* layout);
    void updateTlsFields();
    void chooseCaFile();

    QLineEdit* bind_;
    QComboBox* io_;
    QSpinBox* recvSize_;
    QCheckBox* tls_;
    QCheckBox* verify_;
    QLineEdit* caFile_;
    QToolButton* caButton_;
    bool tlsAvailable_ = true;
};

}  // namespace sockwb
