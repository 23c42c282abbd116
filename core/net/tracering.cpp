#include "core/net/tracering.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <type_traits>

namespace sockwb {

TraceRing::TraceRing(size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {}

TraceRing::Slot& TraceRing::claim() {
    if (count_ < capacity_) {
        if (count_ == pending_.size()) pending_.emplace_back();  // warming up
        return pending_[count_++];
    }
    Slot& oldest = pending_[head_];
    head_ = (head_ + 1) % count_;
    ++dropped_;
    return oldest;
}

void TraceRing::push(const TraceRecord& record) {
    static_assert(std::is_trivially_copyable_v<TraceRecord>);
    std::lock_guard lock(mutex_);
    Slot& slot = claim();
    // The header and addresses, then only the data bytes in use.
    std::memcpy(static_cast<void*>(&slot.record), &record, offsetof(TraceRecord, data));
    std::memcpy(slot.record.data, record.data, record.dataLen);
    slot.event.reset();
}

void TraceRing::push(const TraceEvent& event) {
    // Built before the lock: the copy allocates (these calls are rare).
    auto copy = std::make_unique<TraceEvent>(event);
    std::lock_guard lock(mutex_);
    claim().event = std::move(copy);
}

uint64_t TraceRing::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

}  // namespace sockwb
