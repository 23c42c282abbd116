#pragma once
// BatchQueue: the bounded hand-over queue behind the GUI adapters
// (TraceAdapter, ServerObserverAdapter). Core threads push one item at a
// time with the lock held only to append; the GUI thread takes everything
// queued as one batch. Past capacity the oldest items are dropped and
// counted, so a flood cannot grow memory while the GUI is busy.

#include <QVector>
#include <algorithm>
#include <cstddef>
#include <deque>
#include <mutex>

namespace sockwb {

template <typename T>
class BatchQueue {
public:
    // capacity: items kept at most (at least 1).
    explicit BatchQueue(int capacity)
        : capacity_(static_cast<std::size_t>(std::max(1, capacity))) {}

    // Appends one item, dropping the oldest when full. Thread-safe, never blocks long.
    void push(T item) {
        std::lock_guard lock(mutex_);
        if (pending_.size() >= capacity_) {
            pending_.pop_front();
            ++dropped_;
        }
        pending_.push_back(std::move(item));
    }

    // Items dropped since creation. Thread-safe.
    quint64 dropped() const {
        std::lock_guard lock(mutex_);
        return dropped_;
    }

    // Moves every queued item into batch (in push order) and reports the
    // drop count; false when nothing was queued. Thread-safe.
    bool take(QVector<T>& batch, quint64& droppedSoFar) {
        std::lock_guard lock(mutex_);
        if (pending_.empty()) return false;
        batch.reserve(static_cast<qsizetype>(pending_.size()));
        for (auto& item : pending_) batch.push_back(std::move(item));
        pending_.clear();
        droppedSoFar = dropped_;
        return true;
    }

private:
    mutable std::mutex mutex_;
    std::deque<T> pending_;
    std::size_t capacity_;
    quint64 dropped_ = 0;
};

}  // namespace sockwb
