#pragma once
// StatsHistory: the last minutes of a server's counters as a bounded ring
// of samples, for the server panel's live charts. Each sample keeps the
// active connections and the rates since the previous sample (bytes/s in
// and out, requests/s), worked out from ServerStats' running totals. Old
// samples drop out by count (capacity) and by age (window). Pure C++, no
// clock of its own (the caller passes the time): unit-testable. Not
// thread-safe: one owner (the panel's GUI thread).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/server/server.h"

namespace sockwb {

class StatsHistory {
public:
    using Clock = std::chrono::steady_clock;

    struct Point {
        Clock::time_point at;
        uint64_t active = 0;
        double bytesInPerSec = 0;
        double bytesOutPerSec = 0;
        double requestsPerSec = 0;
    };

    // At most capacity points, none older than window before the newest.
    explicit StatsHistory(size_t capacity = 300,
                          std::chrono::seconds window = std::chrono::seconds(300));

    // Adds a sample taken at `at` (later than the previous one; an earlier or
    // equal time is ignored). The first sample after clear() has rates 0. A
    // counter lower than before (a new server) counts as a fresh start.
    void add(Clock::time_point at, const ServerStats& stats);
    void clear();

    // Oldest first.
    std::vector<Point> points() const;
    size_t size() const noexcept { return size_; }
    size_t capacity() const noexcept { return ring_.size(); }
    std::chrono::seconds window() const noexcept { return window_; }

private:
    void dropOlderThan(Clock::time_point limit);
    const Point& at(size_t i) const { return ring_[(head_ + i) % ring_.size()]; }

    std::vector<Point> ring_;
    size_t head_ = 0;  // index of the oldest point
    size_t size_ = 0;
    std::chrono::seconds window_;
    std::optional<ServerStats> last_;
    Clock::time_point lastAt_{};
};

}  // namespace sockwb
