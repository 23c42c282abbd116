#include "core/reactor/timerqueue.h"

#include <algorithm>

namespace sockwb {

bool TimerQueue::later(const Entry& a, const Entry& b) {
    if (a.deadline != b.deadline) return a.deadline > b.deadline;
    return a.seq > b.seq;
}

void TimerQueue::add(std::chrono::milliseconds delay, Callback callback) {
    addAt(Clock::now() + delay, std::move(callback));
}

void TimerQueue::addAt(Clock::time_point deadline, Callback callback) {
    heap_.push_back(Entry{deadline, seq_++, std::move(callback)});
    std::push_heap(heap_.begin(), heap_.end(), later);
}

int TimerQueue::nextTimeoutMs() const {
    if (heap_.empty()) return -1;
    auto left = heap_.front().deadline - Clock::now();
    if (left <= Clock::duration::zero()) return 0;
    // Round up: waking a little early would only make the loop spin.
    auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return ms > 1000000 ? 1000000 : static_cast<int>(ms);
}

int TimerQueue::nextTimeoutMs(int cap) const { return minTimeout(nextTimeoutMs(), cap); }

int TimerQueue::runDue() {
    int ran = 0;
    const auto now = Clock::now();
    // Only timers due at entry run now: one that re-arms itself with a zero
    // delay waits for the next turn of the loop instead of starving it.
    while (!heap_.empty() && heap_.front().deadline <= now) {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        Entry e = std::move(heap_.back());
        heap_.pop_back();
        e.callback();
        ++ran;
    }
    return ran;
}

int minTimeout(int a, int b) noexcept {
    if (a < 0) return b;
    if (b < 0) return a;
    return a < b ? a : b;
}

}  // namespace sockwb
