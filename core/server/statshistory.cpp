#include "core/server/statshistory.h"

#include <algorithm>

namespace sockwb {

namespace {
// Per second from two running totals; a total that went down (another
// server's counters) restarts from 0 instead of going negative.
double rate(uint64_t before, uint64_t now, double seconds) {
    if (now < before || seconds <= 0) return 0;
    return static_cast<double>(now - before) / seconds;
}
}  // namespace

StatsHistory::StatsHistory(size_t capacity, std::chrono::seconds window)
    : ring_(std::max<size_t>(capacity, 1)), window_(window) {}

void StatsHistory::add(Clock::time_point at, const ServerStats& stats) {
    if (last_ && at <= lastAt_) return;
    Point p;
    p.at = at;
    p.active = stats.active;
    if (last_) {
        const double s = std::chrono::duration<double>(at - lastAt_).count();
        p.bytesInPerSec = rate(last_->bytesIn, stats.bytesIn, s);
        p.bytesOutPerSec = rate(last_->bytesOut, stats.bytesOut, s);
        p.requestsPerSec = rate(last_->requests, stats.requests, s);
    }
    last_ = stats;
    lastAt_ = at;
    if (size_ == ring_.size()) {  // full: the oldest makes room
        head_ = (head_ + 1) % ring_.size();
        --size_;
    }
    ring_[(head_ + size_) % ring_.size()] = p;
    ++size_;
    dropOlderThan(at - window_);
}

void StatsHistory::dropOlderThan(Clock::time_point limit) {
    while (size_ > 0 && at(0).at < limit) {
        head_ = (head_ + 1) % ring_.size();
        --size_;
    }
}

void StatsHistory::clear() {
    head_ = 0;
    size_ = 0;
    last_.reset();
}

std::vector<StatsHistory::Point> StatsHistory::points() const {
    std::vector<Point> out;
    out.reserve(size_);
    for (size_t i = 0; i < size_; ++i) out.push_back(at(i));
    return out;
}

}  // namespace sockwb
