#pragma once
// A log-linear latency histogram in the manner of HdrHistogram: values in
// microseconds, exact below 256 us, then 128 linear sub-buckets per power of
// two, so every recorded value is kept within 0.8% (1/128) of itself. Fixed
// size (about 32 KiB), no allocation while recording, mergeable: each load
// thread records into its own and the results are added at the end.

#include <array>
#include <cstdint>

namespace sockwb::load {

class LatencyHistogram {
public:
    // Values above this (about 19 hours) are clamped to it.
    static constexpr std::uint64_t kMaxValue = (std::uint64_t(1) << 36) - 1;

    // Empty histogram. Not thread-safe: one writer, or external locking.
    LatencyHistogram() = default;

    // Records one value in microseconds. Not thread-safe.
    void record(std::uint64_t valueUs) noexcept { recordN(valueUs, 1); }
    // Records `count` occurrences of one value. Not thread-safe.
    void recordN(std::uint64_t valueUs, std::uint64_t count) noexcept;
    // Adds every value of other into this one. Not thread-safe.
    void merge(const LatencyHistogram& other) noexcept;
    // Forgets every value. Not thread-safe.
    void clear() noexcept;

    // Number of values recorded. Const.
    std::uint64_t count() const noexcept { return count_; }
    // Smallest and largest values recorded, exact; 0 when empty. Const.
    std::uint64_t min() const noexcept { return count_ ? min_ : 0; }
    std::uint64_t max() const noexcept { return max_; }
    // Arithmetic mean of the recorded values (exact sum / count); 0 when empty. Const.
    double mean() const noexcept { return count_ ? double(sum_) / double(count_) : 0.0; }
    // The value at percentile p (0..100): the smallest recorded bucket such
    // that at least p% of the values are at or below it, reported as the
    // highest value of that bucket (never above max()). 0 when empty. Const.
    std::uint64_t percentile(double p) const noexcept;

    // Bucket arithmetic, public for tests: index of a value, and the lowest
    // and highest value sharing that index. Pure.
    static std::size_t indexOf(std::uint64_t valueUs) noexcept;
    static std::uint64_t lowestOf(std::size_t index) noexcept;
    static std::uint64_t highestOf(std::size_t index) noexcept;

private:
    static constexpr int kSubBits = 8;  // 256 exact values
    static constexpr std::size_t kExact = std::size_t(1) << kSubBits;
    static constexpr std::size_t kHalf = kExact / 2;  // sub-buckets per later octave
    static constexpr std::size_t kBuckets = kExact + (36 - kSubBits) * kHalf;

    std::array<std::uint64_t, kBuckets> counts_{};
    std::uint64_t count_ = 0;
    std::uint64_t min_ = 0;
    std::uint64_t max_ = 0;
    std::uint64_t sum_ = 0;
};

}  // namespace sockwb::load
