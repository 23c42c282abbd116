#pragma once
// TraceModel: the rows of a TraceView. A bounded ring of TraceEvents (the
// last `capacity` events; older ones are dropped and counted) with a filter
// by call name and fd applied as events arrive, so a flood costs one
// insert/remove pair per batch and never a full reset. Text is only made
// in data(), for the rows on screen.

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <deque>

#include "core/net/trace.h"

namespace sockwb {

class TraceModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Thread, Fd, Call, Args, Result, Duration, ColumnCount };

    // GUI thread only (as every method). capacity >= 1.
    explicit TraceModel(QObject* parent = nullptr, int capacity = 10000);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // Appends a batch in call order; drops the oldest past capacity. Pass
    // an rvalue to move the events in instead of copying them.
    void append(QVector<TraceEvent> events);
    void clear();

    // Ring size: the events kept (filtered or not). Shrinking drops the oldest.
    void setCapacity(int capacity);
    int capacity() const { return capacity_; }
    // Events kept in the ring (>= rowCount()).
    int storedCount() const { return static_cast<int>(events_.size()); }
    // Events pushed out of the ring since the last clear().
    quint64 dropped() const { return dropped_; }
    // Events received since the last clear() (kept + dropped).
    quint64 received() const { return received_; }

    // Filter: calls is a list of names or prefixes ("accept" matches accept4,
    // "epoll" every epoll_*); empty = every call. fd -1 = every fd.
    void setFilter(const QStringList& calls, int fd);
    bool matches(const TraceEvent& event) const;

    // Every event kept in the ring, filtered or not, oldest first (a view
    // opened late, such as the sequence, starts from them).
    QVector<TraceEvent> storedEvents() const;
    // The event shown at a row (valid row only).
    const TraceEvent& eventAt(int row) const;
    // Text of a cell as shown (also used by the CSV export).
    QString cellText(const TraceEvent& event, int column) const;
    // The visible rows as CSV (header line first, RFC 4180 quoting).
    QString toCsv() const;

private:
    void dropFront(size_t count);
    void rebuildVisible();

    std::deque<TraceEvent> events_;
    std::deque<uint64_t> visible_;  // sequence numbers of the rows shown
    uint64_t firstSeq_ = 0;         // sequence number of events_.front()
    int capacity_;
    quint64 dropped_ = 0;
    quint64 received_ = 0;
    QStringList calls_;
    int fd_ = -1;
};

}  // namespace sockwb
