#include "core/server/memorybudget.h"

#include <cstdio>

#include "core/server/sessionreporter.h"

namespace sockwb {

namespace {

std::string mib(uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", double(bytes) / (1024.0 * 1024.0));
    return text;
}

int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void MemoryBudget::charge(uint64_t bytes) noexcept {
    const uint64_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    uint64_t peak = peak_.load(std::memory_order_relaxed);
    while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
}

void MemoryBudget::release(uint64_t bytes) noexcept {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
}

MemoryBudget::Change MemoryBudget::takeChange() noexcept {
    const bool paused = readsPaused();
    bool was = reported_.load(std::memory_order_relaxed);
    if (was == paused || !reported_.compare_exchange_strong(was, paused)) return Change::None;
    return paused ? Change::Paused : Change::Resumed;
}

std::string MemoryBudget::lineFor(Change change) {
    if (change == Change::Resumed) {
        if (!pauseLogged_.exchange(false)) return {};
        return "memory budget: reads resumed, the connections hold " + mib(used()) + " of " +
               mib(limit_);
    }
    if (change != Change::Paused) return {};
    const int64_t now = nowMs();
    int64_t last = lastPauseLogMs_.load();
    if (now - last < 1000 || !lastPauseLogMs_.compare_exchange_strong(last, now)) {
        unlogged_.fetch_add(1);
        return {};
    }
    pauseLogged_.store(true);
    std::string line = "memory budget reached: the connections hold " + mib(used()) + " of " +
                       mib(limit_) + "; reads paused until they hold less";
    if (const uint64_t left = unlogged_.exchange(0))
        line += " (" + std::to_string(left) + " more pauses since the last line)";
    return line;
}

bool readsPaused(MemoryBudget* budget, SessionReporter& reporter) {
    if (!budget || budget->limit() == 0) return false;
    const MemoryBudget::Change change = budget->takeChange();
    if (change != MemoryBudget::Change::None)
        if (std::string line = budget->lineFor(change); !line.empty()) reporter.log(line);
    return budget->readsPaused();
}

void MemoryCharge::set(uint64_t bytes) noexcept {
    if (!budget_ || bytes == charged_) return;
    if (bytes > charged_)
        budget_->charge(bytes - charged_);
    else
        budget_->release(charged_ - bytes);
    charged_ = bytes;
}

}  // namespace sockwb
