#pragma once
// SocketFilter: the socket table's filters and sorting over a
// SocketTableModel: a port (local or peer), a state (tcpStateName's
// spelling), the protocols shown (TCP, UDP, Unix), "mine" and a free text
// matched against every cell. Sorts by the model's SortRole (numbers as
// numbers). GUI thread only.

#include <sys/types.h>

#include <QSortFilterProxyModel>

namespace sockwb {

class SocketTableModel;

class SocketFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SocketFilter(QObject* parent = nullptr);

    // The source must be a SocketTableModel.
    void setSourceModel(QAbstractItemModel* model) override;

    // Sockets whose local or peer port is this one; -1 = any.
    void setPort(int port);
    int port() const { return port_; }
    // "" = any; else a state as tcpStateName spells it ("LISTEN",
    // "TIME-WAIT", "UNCONN"...; case and '_' for '-' do not matter).
    void setState(const QString& state);
    QString state() const { return state_; }
    void setProtocols(bool tcp, bool udp, bool unixSockets);
    // Only the sockets of this user (uid == the user's) or held by this
    // process (an owner's pid is this one's).
    void setMineOnly(bool on);
    bool mineOnly() const { return mine_; }
    // Who "mine" is: by default getuid() and getpid().
    void setMe(uid_t uid, pid_t pid);
    // Case-insensitive text looked for in every cell; "" = any.
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    SocketTableModel* table_ = nullptr;
    int port_ = -1;
    QString state_;
    bool tcp_ = true;
    bool udp_ = true;
    bool unix_ = true;
    bool mine_ = false;
    uid_t uid_;
    pid_t pid_;
    QString search_;
};

}  // namespace sockwb
