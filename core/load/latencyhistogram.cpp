#include "core/load/latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace sockwb::load {

std::size_t LatencyHistogram::indexOf(std::uint64_t v) noexcept {
    if (v > kMaxValue) v = kMaxValue;
    if (v < kExact) return static_cast<std::size_t>(v);
    // v has its top bit at position m >= kSubBits: keep the kSubBits leading
    // bits (the top one is always set, so kHalf distinct sub-buckets).
    const int m = 63 - std::countl_zero(v);
    const int shift = m - kSubBits + 1;
    const std::size_t sub = static_cast<std::size_t>(v >> shift) - kHalf;
    return kExact + static_cast<std::size_t>(shift - 1) * kHalf + sub;
}

std::uint64_t LatencyHistogram::lowestOf(std::size_t index) noexcept {
    if (index < kExact) return index;
    const std::size_t rel = index - kExact;
    const int shift = static_cast<int>(rel / kHalf) + 1;
    const std::uint64_t sub = kHalf + rel % kHalf;
    return sub << shift;
}

std::uint64_t LatencyHistogram::highestOf(std::size_t index) noexcept {
    if (index < kExact) return index;
    const int shift = static_cast<int>((index - kExact) / kHalf) + 1;
    return lowestOf(index) + (std::uint64_t(1) << shift) - 1;
}

void LatencyHistogram::recordN(std::uint64_t v, std::uint64_t n) noexcept {
    if (n == 0) return;
    if (v > kMaxValue) v = kMaxValue;
    counts_[indexOf(v)] += n;
    if (count_ == 0 || v < min_) min_ = v;
    if (v > max_) max_ = v;
    count_ += n;
    sum_ += v * n;
}

void LatencyHistogram::merge(const LatencyHistogram& other) noexcept {
    if (other.count_ == 0) return;
    for (std::size_t i = 0; i < kBuckets; ++i) counts_[i] += other.counts_[i];
    if (count_ == 0 || other.min_ < min_) min_ = other.min_;
    max_ = std::max(max_, other.max_);
    count_ += other.count_;
    sum_ += other.sum_;
}

void LatencyHistogram::clear() noexcept { *this = LatencyHistogram(); }

std::uint64_t LatencyHistogram::percentile(double p) const noexcept {
    if (count_ == 0) return 0;
    p = std::clamp(p, 0.0, 100.0);
    // Rank of the wanted value, 1-based: ceil(p% of count), at least 1.
    // The small epsilon keeps 99.9% of 1000 at rank 999, not 1000, despite
    // the binary rounding of 0.999.
    auto rank = static_cast<std::uint64_t>(std::ceil(p / 100.0 * double(count_) - 1e-9));
    rank = std::clamp<std::uint64_t>(rank, 1, count_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kBuckets; ++i) {
        seen += counts_[i];
        if (seen >= rank) return std::min(highestOf(i), max_);
    }
    return max_;
}

}  // namespace sockwb::load
