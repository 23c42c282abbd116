#pragma once
// TraceRing: the bounded hand-over between traced threads and the thread
// that shows the trace (TraceAdapter's GUI thread). Traced threads push
// records (the wrapped calls, in binary form) or, for the few calls that
// only report events, whole TraceEvents, with a mutex held for one copy;
// the showing thread swaps the whole ring out under the lock and formats
// the records after releasing it. Past capacity the oldest entries are
// dropped and counted. Two buffers take turns and keep their capacity, so
// once warm neither side allocates to hand over. push*() are thread-safe;
// drain() is for one consumer thread at a time.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/net/trace.h"
#include "core/net/tracerecord.h"

namespace sockwb {

class TraceRing {
public:
    // capacity: entries kept at most (at least 1).
    explicit TraceRing(size_t capacity);

    // Appends one entry, dropping the oldest when full. Thread-safe.
    void push(const TraceRecord& record);
    void push(const TraceEvent& event);

    // Entries dropped since creation. Thread-safe.
    uint64_t dropped() const;

    // Hands every queued entry, oldest first, to sink(TraceEvent&&) (records
    // formatted now, on the calling thread, with no lock held) and reports
    // the drop count; false when nothing was queued.
    template <class Sink>
    bool drain(Sink&& sink, uint64_t& droppedSoFar);

private:
    struct Slot {
        TraceRecord record;
        std::unique_ptr<TraceEvent> event;  // set: this entry is an event
    };
    Slot& claim();  // the slot to fill; mutex_ held

    mutable std::mutex mutex_;
    std::vector<Slot> pending_;  // count_ used slots, a ring once full: oldest at head_
    size_t count_ = 0;
    size_t head_ = 0;
    uint64_t dropped_ = 0;
    size_t capacity_;
    std::mutex drainMutex_;    // one drain at a time (it owns spare_)
    std::vector<Slot> spare_;  // the drained buffer, kept for its capacity
};

template <class Sink>
bool TraceRing::drain(Sink&& sink, uint64_t& droppedSoFar) {
    std::lock_guard drainLock(drainMutex_);
    size_t head = 0, n = 0;
    {
        std::lock_guard lock(mutex_);
        if (count_ == 0) return false;
        pending_.swap(spare_);  // slots stay allocated on both sides
        n = count_;
        head = head_;
        count_ = head_ = 0;
        droppedSoFar = dropped_;
    }
    for (size_t i = 0; i < n; ++i) {
        Slot& slot = spare_[(head + i) % n];
        if (slot.event) {
            sink(std::move(*slot.event));
            slot.event.reset();
        } else {
            sink(slot.record.toEvent());
        }
    }
    return true;
}

}  // namespace sockwb
