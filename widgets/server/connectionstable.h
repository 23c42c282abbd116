#pragma once
// ConnectionsTable: a server's open connections (peer, fd, worker thread or
// process, bytes in/out, state, since), shown from Server::connections()
// snapshots. The panel refreshes it on a timer; it never touches a socket.

#include <QTableWidget>
#include <vector>

#include "core/net/trace.h"
#include "core/server/server.h"

namespace sockwb {

class ConnectionsTable final : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Peer, Listener, Fd, Worker, BytesIn, BytesOut, State, Since, ColumnCount };
    // GUI thread only (as every method).
    explicit ConnectionsTable(QWidget* parent = nullptr);
    // Replaces the rows with a snapshot (ordered by connection id).
    void setConnections(const std::vector<ConnectionInfo>& connections);
};

}  // namespace sockwb
