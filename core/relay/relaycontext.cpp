// RelayContext: live faults and counters under one lock, the loop's random
// generator, the observer calls.

#include "core/relay/relaycontext.h"

#include <chrono>

namespace sockwb {

RelayContext::RelayContext(RelayConfig config)
    : config_(std::move(config)),
      rng_(config_.seed ? config_.seed
                        : uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())) {
    faults_[0] = config_.up;
    faults_[1] = config_.down;
}

DirectionFaults RelayContext::faults(RelayDirection d) const {
    std::lock_guard lock(mutex_);
    return faults_[d == RelayDirection::Up ? 0 : 1];
}

void RelayContext::setFaults(RelayDirection d, const DirectionFaults& f) {
    std::lock_guard lock(mutex_);
    faults_[d == RelayDirection::Up ? 0 : 1] = f;
}

RelayStats RelayContext::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void RelayContext::count(const std::function<void(RelayStats&)>& change) {
    std::lock_guard lock(mutex_);
    change(stats_);
}

bool RelayContext::chance(double p) {
    if (p >= 1.0) return true;
    if (p <= 0.0) return false;
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p;
}

int RelayContext::pick(const Spread& s) {
    if (s.spread <= 0) return s.value;
    const int v = std::uniform_int_distribution<int>(s.value - s.spread, s.value + s.spread)(rng_);
    return v < 0 ? 0 : v;
}

void RelayContext::log(const std::string& line) {
    if (observer) observer->onLog(line);
}

void RelayContext::error(const ErrorInfo& e) {
    count([](RelayStats& s) { ++s.errors; });
    if (observer) observer->onError(e);
}

}  // namespace sockwb
