#pragma once
// The load generator behind `sockwb load` (and the GUI's Compare panel): it
// splits the connections and the request rate over T threads, one
// LoadWorker (epoll loop) each, runs them until the duration ends or the
// requested number of requests is done, and merges their statistics.
//
//   LoadGenerator gen(config);                 // validates; throws Error
//   LoadStats s = gen.run([](const LoadProgress& p) { ... });  // blocks

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/load/loadconfig.h"
#include "core/load/loadstats.h"
#include "core/load/runcontrol.h"
#include "core/tls/tlscontext.h"

namespace sockwb::load {

class LoadWorker;

// A snapshot while running: totals so far over every thread.
struct LoadProgress {
    double elapsedSec = 0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    std::uint64_t bytes = 0;  // received (bulk: sent)
};

class LoadGenerator {
public:
    // Checks the configuration (Error InvalidInput on a bad one) and, for
    // https://, makes the TLS client context (Error Tls when the CA or
    // certificate file cannot be used). Owns a copy.
    explicit LoadGenerator(LoadConfig config);
    // Stops and joins the threads if run() is still going elsewhere. Not thread-safe with run().
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    // Runs the load to its end (or stop()) and returns the merged results.
    // progress, when set, is called on the calling thread every interval.
    // Call once, from one thread. Throws Error if a worker cannot start.
    LoadStats run(const std::function<void(const LoadProgress&)>& progress = {},
                  std::chrono::milliseconds interval = std::chrono::seconds(1));
    // Asks the run to end now; run() returns promptly with what was measured.
    // Thread-safe; may be called before run() (then run() returns at once).
    void stop() noexcept;
    // The configuration in use. Const.
    const LoadConfig& config() const noexcept { return config_; }

private:
    LoadProgress snapshot(std::int64_t now) const;

    LoadConfig config_;
    RunControl control_;
    std::shared_ptr<const tls::Context>
        tls_;  // https://: shared by every worker (one session cache)
    std::vector<std::unique_ptr<LoadWorker>> workers_;
    mutable std::mutex mutex_;  // guards workers_ against stop() from another thread
};

}  // namespace sockwb::load
