#pragma once
// Keeps a repeating error from flooding the log: an accept that fails with
// EMFILE is retried every 100 ms, and each failure would otherwise be one
// more line (ten a second for as long as the descriptors stay used up).
// The first failure is reported; later ones within the interval are only
// counted, and the next report (or settle(), when the failures stop)
// carries how many were left out. The clock is injected for the tests.
// Thread-safe.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace sockwb {

class ErrorThrottle {
public:
    using Clock = std::chrono::steady_clock;
    explicit ErrorThrottle(Clock::duration interval = std::chrono::seconds(5))
        : interval_(interval) {}

    struct Decision {
        bool report = false;   // report this failure
        uint64_t skipped = 0;  // failures left out since the last report
    };
    // One failure now: report it, or only count it.
    Decision failed(Clock::time_point now = Clock::now());
    // The operation succeeded: failures counted and not reported yet (0 if
    // none); the next failure is reported at once.
    uint64_t settle();

private:
    const Clock::duration interval_;
    std::mutex mutex_;
    bool reported_ = false;  // a report within the interval
    Clock::time_point lastReport_{};
    uint64_t skipped_ = 0;
};

}  // namespace sockwb
