#include "widgets/common/tcpsampler.h"

#include <chrono>
#include <utility>

namespace sockwb {

TcpSampler::TcpSampler(QObject* parent, int intervalMs, TcpWatch watch)
    : QObject(parent),
      intervalMs_(intervalMs > 0 ? intervalMs : kDefaultIntervalMs),
      watch_(std::move(watch)) {
    qRegisterMetaType<sockwb::TcpSamples>();
}

TcpSampler::~TcpSampler() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
    // A result posted before the join is dropped with this object's events.
}

void TcpSampler::setTargets(std::vector<TcpWatchTarget> targets) {
    sampling_ = !targets.empty();
    ++generation_;
    {
        std::lock_guard lock(mutex_);
        targets_ = std::move(targets);
        targetsGeneration_ = generation_;
    }
    changed_.notify_all();
    if (sampling_ && !thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void TcpSampler::run() {
    using Clock = std::chrono::steady_clock;
    std::unique_lock lock(mutex_);
    quint64 seen = 0;  // the targets' generation of the last tick
    Clock::time_point next = Clock::now();
    for (;;) {
        // Wait for targets, then for the next tick; new targets tick at once.
        changed_.wait(lock, [&] { return stop_ || !targets_.empty(); });
        if (stop_) return;
        if (targetsGeneration_ == seen &&
            changed_.wait_until(lock, next, [&] { return stop_ || targetsGeneration_ != seen; }))
            continue;  // stopped or retargeted: decide again
        if (targets_.empty()) continue;
        const std::vector<TcpWatchTarget> targets = targets_;
        seen = targetsGeneration_;
        const quint64 generation = targetsGeneration_;
        lock.unlock();
        next = Clock::now() + std::chrono::milliseconds(intervalMs_);
        TcpSamples result;
        try {
            result.index = std::make_shared<const TcpSampleIndex>(watch_.sample(targets));
        } catch (const Error& e) {
            result.index = std::make_shared<const TcpSampleIndex>();
            result.error = e.info();
        } catch (const std::exception& e) {  // bad_alloc: the thread must go on
            result.index = std::make_shared<const TcpSampleIndex>();
            result.error = ErrorInfo{};
            result.error->call = "sock_diag";
            result.error->detail = e.what();
        }
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), generation]() mutable {
                deliver(std::move(result), generation);
            },
            Qt::QueuedConnection);
        lock.lock();
    }
}

void TcpSampler::deliver(TcpSamples samples, quint64 generation) {
    // Samples of targets since replaced (another connection, or none) are stale.
    if (generation != generation_ || !sampling_) return;
    emit sampled(samples);
}

}  // namespace sockwb
