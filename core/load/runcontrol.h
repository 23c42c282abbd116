#pragma once
// What the load threads share: the stop flag, the request tickets (so that
// --requests N stops at exactly N over every thread) and the clock of the run.

#include <atomic>
#include <cstdint>
#include <ctime>

namespace sockwb::load {

// Monotonic clock in nanoseconds (vDSO, no syscall). Thread-safe.
inline std::int64_t monotonicNs() noexcept {
    timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct RunControl {
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> tickets{0};
    std::uint64_t requestLimit = 0;  // 0: no limit
    std::int64_t startNs = 0;        // monotonicNs() when the run started
    std::int64_t deadlineNs = 0;     // 0: no deadline

    // Takes the right to start one more request. Thread-safe.
    bool claim() noexcept {
        if (requestLimit == 0) return true;
        if (tickets.load(std::memory_order_relaxed) >= requestLimit) return false;
        return tickets.fetch_add(1, std::memory_order_relaxed) < requestLimit;
    }
    // True once every ticket has been handed out. Thread-safe.
    bool exhausted() const noexcept {
        return requestLimit != 0 && tickets.load(std::memory_order_relaxed) >= requestLimit;
    }
};

}  // namespace sockwb::load
