#pragma once
// SocketTableWindow (Workbench > Sockets on This Machine...): every TCP, UDP
// and Unix socket of the machine, like `ss -tuanp` with a GUI: netid, state,
// queues (for a listener: the accept queue and the backlog), local and peer,
// the owning processes where visible, timer, uid, inode. Filters by port,
// state, protocol, "mine" and free text; a status line counts.
//
// The sockets are read with querySockets() (NETLINK_SOCK_DIAG and a /proc
// scan, tens of ms) on a BackgroundTask, never on the GUI thread: one read
// at a time, a refresh asked meanwhile runs when it ends. While shown, the
// window refreshes itself every second (pause, interval); each snapshot is
// merged into the rows in place (SocketTableModel), so selection and scroll
// stay. A failed read is worded in the window (ErrorText), the last rows
// kept. GUI thread only (as every method).

#include <QWidget>

#include "widgets/common/backgroundtask.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace sockwb {

class SocketFilter;
class SocketTableModel;

class SocketTableWindow final : public QWidget {
    Q_OBJECT
public:
    explicit SocketTableWindow(QWidget* parent = nullptr);
    ~SocketTableWindow() override;
    // Shows the open window (raised), or opens one that deletes itself when closed.
    static SocketTableWindow* open();

    // Sockets whose local or peer port is this one; -1 = any.
    void setPortFilter(int port);
    // "" = any; else a state as tcpStateName spells it ("LISTEN", "TIME-WAIT").
    void setStateFilter(const QString& s);
    // Only the sockets of this user or of this process.
    void setMineOnly(bool on);
    // The protocols read and shown (TCP and UDP at first, not Unix).
    void setProtocols(bool tcp, bool udp, bool unixSockets);
    // Asks a refresh (async): refreshed() or refreshFailed() follows.
    void refreshNow();
    // Stops or resumes the refresh every interval.
    void setPaused(bool paused);
    bool isPaused() const;
    void setIntervalMs(int ms);
    int intervalMs() const;

    SocketTableModel* model() const { return model_; }
    SocketFilter* filter() const { return filter_; }
    QTableView* table() const { return table_; }
    // The counts under the table ("12 shown of 340 sockets...").
    QLabel* statusLabel() const { return status_; }
    // The last read's error in words; hidden after a good read.
    QLabel* errorLabel() const { return error_; }

signals:
    // A snapshot is in the table; rows = the rows shown (after the filters).
    void refreshed(int rows);
    // A read failed (text = the error in words); the previous rows remain.
    void refreshFailed(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* makeFilterRow();
    QWidget* makeRefreshRow();
    void onPortText();
    void onProtocolsToggled();
    void onContextMenu(const QPoint& pos);
    // Puts the titles and these rows (tab-separated) on the clipboard.
    static void copyRows(const QStringList& rows);
    void updateStatus();

    SocketTableModel* model_;
    SocketFilter* filter_;
    QTableView* table_;
    QLineEdit* port_ = nullptr;
    QComboBox* state_ = nullptr;
    QCheckBox* tcp_ = nullptr;
    QCheckBox* udp_ = nullptr;
    QCheckBox* unix_ = nullptr;
    QCheckBox* mine_ = nullptr;
    QLineEdit* search_ = nullptr;
    QPushButton* pause_ = nullptr;
    QComboBox* interval_ = nullptr;
    QLabel* status_;
    QLabel* error_;
    QTimer* timer_;
    BackgroundTask task_;
    bool running_ = false;
    bool again_ = false;      // a refresh was asked while one ran
    qint64 lastTookMs_ = -1;  // how long the last read took
    QString lastTime_;        // when it ended ("10:03:12")
};

}  // namespace sockwb
