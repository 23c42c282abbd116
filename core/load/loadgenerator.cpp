#include "core/load/loadgenerator.h"

#include <condition_variable>
#include <thread>

#include "core/load/loadworker.h"
#include "core/net/trace.h"

namespace sockwb::load {

LoadGenerator::LoadGenerator(LoadConfig config) : config_(std::move(config)) {
    config_.validate();
    if (config_.target.tls) tls_ = tls::Context::client(config_.tlsOptions);
}

LoadGenerator::~LoadGenerator() { stop(); }

void LoadGenerator::stop() noexcept {
    control_.stop.store(true);
    std::lock_guard lock(mutex_);
    for (auto& w : workers_) w->wake();
}

LoadProgress LoadGenerator::snapshot(std::int64_t now) const {
    LoadProgress p;
    p.elapsedSec = double(now - control_.startNs) / 1e9;
    std::lock_guard lock(mutex_);
    for (const auto& w : workers_) {
        p.requests += w->liveRequests();
        p.errors += w->liveErrors();
        p.bytes += w->liveBytes();
    }
    return p;
}

LoadStats LoadGenerator::run(const std::function<void(const LoadProgress&)>& progress,
                             std::chrono::milliseconds interval) {
    const int t = config_.threads;
    {
        std::lock_guard lock(mutex_);
        for (int k = 0; k < t; ++k) {
            const int conns = config_.connections / t + (k < config_.connections % t ? 1 : 0);
            workers_.push_back(
                std::make_unique<LoadWorker>(config_, conns, config_.rate / t, control_, tls_));
        }
    }
    control_.requestLimit = config_.requests;
    control_.startNs = monotonicNs();
    if (config_.duration.count() > 0)
        control_.deadlineNs = control_.startNs + std::int64_t(config_.duration.count()) * 1'000'000;

    std::mutex doneMutex;
    std::condition_variable doneCv;
    int running = t;
    std::int64_t endNs = control_.startNs;
    std::vector<std::thread> threads;
    threads.reserve(std::size_t(t));
    for (int k = 0; k < t; ++k) {
        LoadWorker* w = workers_[std::size_t(k)].get();
        threads.emplace_back([&, w] {
            traceNote("thread_start", -1, "load worker");
            w->run();
            const std::int64_t now = monotonicNs();
            std::lock_guard lock(doneMutex);
            if (now > endNs) endNs = now;
            if (--running == 0) doneCv.notify_all();
        });
    }
    {
        std::unique_lock lock(doneMutex);
        auto nextReport = std::chrono::steady_clock::now() + interval;
        while (running > 0) {
            if (doneCv.wait_until(lock, nextReport, [&] { return running == 0; })) break;
            nextReport += interval;
            if (progress) {
                lock.unlock();
                progress(snapshot(monotonicNs()));
                lock.lock();
            }
        }
    }
    for (auto& th : threads) th.join();

    LoadStats total;
    for (const auto& w : workers_) total.merge(w->stats());
    // A duration run counts its nominal duration when it ran to the deadline
    // (threads leave a few microseconds late); otherwise the real time.
    std::int64_t elapsed = endNs - control_.startNs;
    if (control_.deadlineNs && endNs >= control_.deadlineNs && !control_.stop.load())
        elapsed = control_.deadlineNs - control_.startNs;
    total.elapsed = std::chrono::nanoseconds(elapsed);
    return total;
}

}  // namespace sockwb::load
