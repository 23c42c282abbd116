#pragma once
// SocketTableModel: the machine's sockets (core querySockets() snapshots) as
// a table, one row per socket, columns as SocketText words them. Each new
// snapshot is merged into the rows in place (setEntries): a socket is the
// same row from one snapshot to the next when its key (netid, inode, local
// and peer) is the same, so a view keeps its selection and scroll and only
// the changed cells repaint. A socket that appears is marked fresh (bold, a
// tint) for a moment; one that is gone stays greyed and struck out for the
// same moment, then its row is removed. No model reset except clear().
// GUI thread only (as every method); it never touches a socket.

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimer>
#include <vector>

#include "core/net/sockdiag.h"
#include "widgets/sockets/sockettext.h"

namespace sockwb {

class SocketTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    // What SortRole gives: numbers for the numeric columns, text otherwise
    // (addresses as address then zero-padded port).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit SocketTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // Merges a snapshot into the rows (see above). The first snapshot after
    // construction or clear() marks nothing fresh.
    void setEntries(std::vector<SocketEntry> entries);
    // Removes every row (a model reset).
    void clear();

    const SocketEntry& entry(int row) const { return rows_[size_t(row)].entry; }
    // The row's identity across snapshots: "tcp|inode|local|peer".
    QString key(int row) const { return rows_[size_t(row)].key; }
    // The row of a key; -1 when none.
    int rowOf(const QString& key) const;
    bool isFresh(int row) const { return rows_[size_t(row)].appearedMs >= 0; }
    bool isGone(int row) const { return rows_[size_t(row)].goneMs >= 0; }
    // The row as one tab-separated line (for the clipboard).
    QString rowText(int row) const;

    // How long a new row stays marked and a gone row stays before it is
    // removed; 0 removes gone rows at once and marks nothing. Default 1500.
    void setHighlightMs(int ms) { highlightMs_ = ms; }
    int highlightMs() const { return highlightMs_; }

    static QString keyOf(const SocketEntry& e);

private:
    struct Row {
        SocketEntry entry;
        QString key;
        qint64 appearedMs = -1;  // when it appeared (while marked fresh), else -1
        qint64 goneMs = -1;      // when it went away (while kept greyed), else -1
    };
    static bool sameCells(const SocketEntry& a, const SocketEntry& b);
    // Unmarks the fresh rows and removes the gone rows older than the
    // highlight; re-arms the timer while marks remain.
    void expire();
    void removeRows(std::vector<int> rows);
    void armExpiry();
    void emitRowChanged(int row);

    std::vector<Row> rows_;
    bool loaded_ = false;  // a snapshot came since construction or clear()
    int highlightMs_ = 1500;
    QElapsedTimer clock_;
    QTimer expiry_;
};

}  // namespace sockwb
