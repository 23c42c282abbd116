#pragma once
// One-shot timers in a min-heap (the way redis' ae and muduo keep them):
// the loop asks how long until the next deadline, uses it as its poll
// timeout, then runs what is due. Nothing ever sleeps. Cancelling is lazy:
// a callback that finds its owner gone simply does nothing. Not
// thread-safe: one queue belongs to one loop thread.

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace sockwb {

class TimerQueue {
public:
    using Clock = std::chrono::steady_clock;
    using Callback = std::function<void()>;

    // Schedules callback at now + delay. Loop thread only.
    void add(std::chrono::milliseconds delay, Callback callback);
    // Schedules callback at an absolute deadline. Loop thread only.
    void addAt(Clock::time_point deadline, Callback callback);
    // Milliseconds until the earliest deadline (0 when one is due, rounded
    // up so a loop never spins), or -1 when there is no timer.
    int nextTimeoutMs() const;
    // Same, capped by another timeout (-1 = none) for poll().
    int nextTimeoutMs(int cap) const;
    // Runs every callback whose deadline has passed; returns how many ran.
    // Callbacks may add timers (a later deadline runs on a later call).
    int runDue();
    bool empty() const noexcept { return heap_.empty(); }
    size_t size() const noexcept { return heap_.size(); }
    void clear() { heap_.clear(); }

private:
    struct Entry {
        Clock::time_point deadline;
        uint64_t seq;  // ties keep insertion order
        Callback callback;
    };
    static bool later(const Entry& a, const Entry& b);
    std::vector<Entry> heap_;
    uint64_t seq_ = 0;
};

// Combines two poll timeouts where -1 means "none". Thread-safe (pure).
int minTimeout(int a, int b) noexcept;

}  // namespace sockwb
