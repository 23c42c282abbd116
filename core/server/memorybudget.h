#pragma once
// The server-wide memory budget (ServerConfig::memoryBudget): what every
// connection of one server holds in memory, counted in one place. Output
// buffers (OutputBuffer) and the http sessions' request buffers charge
// their bytes as they grow and release them as they shrink or go
// (MemoryCharge). When the count reaches the budget, reads pause: the
// drivers stop calling recv() until it is under the budget again, so a
// server holds at most its budget plus what the reads already under way
// bring in (one read per serving thread). Reads resume as soon as the count
// is under the budget, with no lower mark: what paused connections hold
// (http requests half received) may never shrink while they wait, and a
// lower mark could then keep every read paused for ever. A budget of 0
// counts without pausing.
//
// Thread-safe: atomic counters, charged from every serving thread. A fork
// child counts into its own copy (its connection's memory only).

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace sockwb {

class MemoryBudget {
public:
    explicit MemoryBudget(uint64_t limit = 0) noexcept : limit_(limit) {}
    MemoryBudget(const MemoryBudget&) = delete;
    MemoryBudget& operator=(const MemoryBudget&) = delete;

    void charge(uint64_t bytes) noexcept;
    void release(uint64_t bytes) noexcept;

    uint64_t limit() const noexcept { return limit_; }
    uint64_t used() const noexcept { return used_.load(std::memory_order_relaxed); }
    uint64_t peak() const noexcept { return peak_.load(std::memory_order_relaxed); }
    // True while reads are paused: used() has reached a non-zero limit.
    // Cheap (one atomic load).
    bool readsPaused() const noexcept { return limit_ != 0 && used() >= limit_; }

    // What changed since the last call: for the one log line per pause and
    // per resume. Several threads may call it; each change is reported once.
    enum class Change { None, Paused, Resumed };
    Change takeChange() noexcept;
    // The log line for a change, "" when rate-limited: a pause is logged at
    // most once a second (the next line counts those left out), a resume
    // only after a logged pause. Thread-safe.
    std::string lineFor(Change change);

private:
    const uint64_t limit_;
    std::atomic<uint64_t> used_{0}, peak_{0};
    std::atomic<bool> reported_{false};  // the state last reported by takeChange
    std::atomic<int64_t> lastPauseLogMs_{-1000000};
    std::atomic<uint64_t> unlogged_{0};  // pauses not logged since the last line
    std::atomic<bool> pauseLogged_{false};
};

class SessionReporter;

// How often a driver whose reads are paused looks at the budget again.
inline constexpr std::chrono::milliseconds kBudgetRecheck{20};

// The drivers' question before each recv(): true while reads are paused.
// Logs the pause and the resume through reporter (MemoryBudget::lineFor).
// A null budget never pauses. Thread-safe.
bool readsPaused(MemoryBudget* budget, SessionReporter& reporter);

// What one owner (an output buffer, a parser) has charged to a budget: set()
// moves the charge to the new amount, the destructor releases it. A null
// budget counts nothing. One thread at a time, as its owner.
class MemoryCharge {
public:
    explicit MemoryCharge(MemoryBudget* budget = nullptr) noexcept : budget_(budget) {}
    ~MemoryCharge() { set(0); }
    MemoryCharge(const MemoryCharge&) = delete;
    MemoryCharge& operator=(const MemoryCharge&) = delete;

    // Attaches a budget (once, before anything is charged).
    void attach(MemoryBudget* budget) noexcept {
        if (charged_ == 0) budget_ = budget;
    }
    void set(uint64_t bytes) noexcept;
    uint64_t charged() const noexcept { return charged_; }
    MemoryBudget* budget() const noexcept { return budget_; }

private:
    MemoryBudget* budget_;
    uint64_t charged_ = 0;
};

}  // namespace sockwb
