#pragma once
// RelayCounters: a relay's counters (RelayStats) as a table, one row per
// counter and a column per direction (Up: client → server, Down: server →
// client), and a line for the connections (accepted, active, refused,
// errors). Rows that cannot move for the protocol are hidden (UDP drops
// for a TCP relay, slices for a UDP one). GUI thread only.

#include <QWidget>

#include "core/net/protocol.h"
#include "core/relay/relay.h"

class QLabel;
class QTableWidget;

namespace sockwb {

class RelayCounters final : public QWidget {
    Q_OBJECT
public:
    // The counters, in the table's row order.
    enum Row {
        Bytes,
        Chunks,
        Writes,
        Delayed,
        Sliced,
        Throttled,
        Resets,
        Closes,
        Stalls,
        Dropped,
        Duplicated,
        Reordered,
        RowCount
    };

    // GUI thread only (as every method).
    explicit RelayCounters(QWidget* parent = nullptr);

    void setProtocol(Protocol protocol);
    void setStats(const RelayStats& stats);
    const RelayStats& stats() const { return stats_; }
    QTableWidget* table() const { return table_; }
    // "accepted 3 · active 1 · refused 0 · errors 0".
    QString connectionsText() const;

private:
    QTableWidget* table_;
    QLabel* connections_;
    RelayStats stats_;
};

}  // namespace sockwb
