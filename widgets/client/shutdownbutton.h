#pragma once
// ShutdownButton: "Shut down" with a menu of the three shutdown() modes
// (SHUT_WR, SHUT_RD, SHUT_RDWR), and what has been shut down on the current
// connection, in words for the window's status and title. GUI thread.

#include <QPushButton>

namespace sockwb {

class ShutdownButton final : public QPushButton {
    Q_OBJECT
public:
    explicit ShutdownButton(QWidget* parent = nullptr);

    // A new connection: nothing is shut down.
    void reset();
    // shutdown(how) was made on the socket.
    void markDone(int how);
    bool readShut() const { return readShut_; }
    bool writeShut() const { return writeShut_; }
    // "reading shut down (SHUT_RD): ...", for the status line; "" when none.
    QString stateSentence() const;
    // "connected, writing shut down", for the title; "connected" when none.
    QString connectedText() const;
    // "SHUT_RD" / "SHUT_WR" / "SHUT_RDWR". Thread-safe.
    static QString howName(int how);

signals:
    // A mode was chosen in the menu.
    void requested(int how);

private:
    bool readShut_ = false;
    bool writeShut_ = false;
};

}  // namespace sockwb
