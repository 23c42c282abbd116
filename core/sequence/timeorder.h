#pragma once
// The calls sorted by time (ties: append order), kept sorted as calls
// arrive. Most calls arrive in time order, so an insertion is a push_back;
// a late batch from another source lands a little before the end (a binary
// search, then a move of the tail).
// Not thread-safe (one owner).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sockwb::seq {

class TimeOrder {
public:
    // Adds index `call` with its time; `times` maps every index to its time.
    template <typename TimeOf>
    void insert(size_t call, int64_t timeUs, TimeOf timeOf);
    const std::vector<size_t>& order() const { return order_; }
    void clear() { order_.clear(); }

private:
    std::vector<size_t> order_;
};

template <typename TimeOf>
void TimeOrder::insert(size_t call, int64_t timeUs, TimeOf timeOf) {
    if (order_.empty() || timeOf(order_.back()) <= timeUs) {
        order_.push_back(call);
        return;
    }
    // Upper bound: after every call at the same time (append order for ties).
    size_t lo = 0;
    size_t hi = order_.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (timeOf(order_[mid]) <= timeUs)
            lo = mid + 1;
        else
            hi = mid;
    }
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(lo), call);
}

}  // namespace sockwb::seq
