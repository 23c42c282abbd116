#pragma once
// ClientOptionsRow: the second row of a client window's connect form: a
// client-side bind (ADDR, ADDR:PORT, :PORT, as seed 001's client binds), the
// I/O mode (blocking calls as the course's client, or non-blocking + poll)
// and the size of each recv. Read when Connect is pressed. GUI thread.

#include <QWidget>
#include <optional>

#include "widgets/client/clientsession.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

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

private:
    QLineEdit* bind_;
    QComboBox* io_;
    QSpinBox* recvSize_;
};

}  // namespace sockwb
