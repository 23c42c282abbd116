#pragma once
// The calls sorted by time (ties: append order), kept sorted as calls
// arrive. Most calls arrive in time order, so an insertion is a push_back;
// a late batch from another source lands a little before the end (a binary
// search, then a move of the tail).
// Not thread-safe (one owner).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sockwb::seq {

class TimeOrder {
public:
    // Adds index `call` (greater than every index already in) with its
    // time; timeOf(index) gives any index's time.
    template <typename TimeOf>
    void insert(size_t call, int64_t timeUs, TimeOf timeOf);
    // Adds the indices [first, last) (greater than every index already in)
    // at once: sorted, then merged with the tail they overlap, so a late
    // batch costs O(n + k log k), not one move of the tail per index.
    template <typename TimeOf>
    void insertRange(size_t first, size_t last, TimeOf timeOf);
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

template <typename TimeOf>
void TimeOrder::insertRange(size_t first, size_t last, TimeOf timeOf) {
    if (last - first < 16) {
        for (size_t i = first; i < last; ++i) insert(i, timeOf(i), timeOf);
        return;
    }
    // Time, then index: the index is the append order, the tie-break.
    const auto before = [&](size_t a, size_t b) {
        const int64_t ta = timeOf(a);
        const int64_t tb = timeOf(b);
        return ta < tb || (ta == tb && a < b);
    };
    const size_t old = order_.size();
    for (size_t i = first; i < last; ++i) order_.push_back(i);
    const auto mid = order_.begin() + static_cast<std::ptrdiff_t>(old);
    std::stable_sort(mid, order_.end(), before);
    if (old == 0 || !before(*mid, order_[old - 1])) return;
    // Only the old tail later than the batch's first call moves.
    const auto from = std::upper_bound(order_.begin(), mid, *mid, before);
    std::inplace_merge(from, mid, order_.end(), before);
}

}  // namespace sockwb::seq
