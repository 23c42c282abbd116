#include "widgets/sockets/socketfilter.h"

#include <unistd.h>

#include "widgets/sockets/sockettablemodel.h"
#include "widgets/sockets/sockettext.h"

namespace sockwb {

SocketFilter::SocketFilter(QObject* parent)
    : QSortFilterProxyModel(parent), uid_(::getuid()), pid_(::getpid()) {
    setSortRole(SocketTableModel::SortRole);
    setDynamicSortFilter(true);
}

void SocketFilter::setSourceModel(QAbstractItemModel* model) {
    table_ = qobject_cast<SocketTableModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void SocketFilter::setPort(int port) {
    if (port == port_) return;
    port_ = port;
    invalidateFilter();
}

void SocketFilter::setState(const QString& state) {
    // The name as tcpStateName spells it, so "time_wait" finds "TIME-WAIT".
    QString canonical = state.trimmed().toUpper().replace(QLatin1Char('_'), QLatin1Char('-'));
    // "UNCONN" stays itself (tcpStateFromName would make it CLOSE); "listening"
    // or "estab" become their table spelling.
    if (!SocketText::stateNames().contains(canonical)) {
        const int number = tcpStateFromName(canonical.toStdString());
        if (number >= 0) canonical = QString::fromStdString(tcpStateName(number));
    }
    if (canonical == state_) return;
    state_ = canonical;
    invalidateFilter();
}

void SocketFilter::setProtocols(bool tcp, bool udp, bool unixSockets) {
    if (tcp == tcp_ && udp == udp_ && unixSockets == unix_) return;
    tcp_ = tcp;
    udp_ = udp;
    unix_ = unixSockets;
    invalidateFilter();
}

void SocketFilter::setMineOnly(bool on) {
    if (on == mine_) return;
    mine_ = on;
    invalidateFilter();
}

void SocketFilter::setMe(uid_t uid, pid_t pid) {
    uid_ = uid;
    pid_ = pid;
    invalidateFilter();
}

void SocketFilter::setSearch(const QString& text) {
    if (text == search_) return;
    search_ = text;
    invalidateFilter();
}

bool SocketFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (!table_) return true;
    const SocketEntry& e = table_->entry(sourceRow);
    switch (e.protocol) {
        case SocketEntry::Protocol::Tcp:
            if (!tcp_) return false;
            break;
        case SocketEntry::Protocol::Udp:
            if (!udp_) return false;
            break;
        case SocketEntry::Protocol::Unix:
            if (!unix_) return false;
            break;
    }
    if (port_ >= 0 && (e.protocol == SocketEntry::Protocol::Unix ||
                       (e.localPort != port_ && e.peerPort != port_)))
        return false;
    if (!state_.isEmpty() && SocketText::state(e) != state_) return false;
    if (mine_) {
        bool mine = e.uid == uid_ && e.inode != 0;  // a TIME-WAIT entry is no one's
        for (const SocketOwner& o : e.owners) mine = mine || o.pid == pid_;
        if (!mine) return false;
    }
    if (!search_.isEmpty()) {
        for (int c = 0; c < SocketText::ColumnCount; ++c)
            if (SocketText::cell(e, c).contains(search_, Qt::CaseInsensitive)) return true;
        return false;
    }
    return true;
}

}  // namespace sockwb
