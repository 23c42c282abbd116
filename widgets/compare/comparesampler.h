#pragma once
// CompareSampler: what a server costs while it is loaded, measured from
// /proc (core/load/procstats.h). The server runs inside this process, next to
// the load generator and the GUI, so the numbers are attributed carefully:
//  - server threads: the threads that appeared while Server::start() ran
//    (acceptor, event loop, pool workers) and carry a server thread's name
//    (core/server/threadname.h), plus the distinct threads named
//    by Server::connections() (thread model: one per client), counted only
//    while alive; the load generator's and the GUI's threads are not in it;
//  - child processes: the fork model's children (pids from connections());
//  - RSS delta: this process's VmRSS minus its VmRSS before the server
//    started (so it includes the load generator's buffers, the same for
//    every model) plus each child's private memory (smaps_rollup), the
//    pages it does not share with the parent.
// Each sample keeps the peak. Not thread-safe: one thread (the runner's).

#include <cstdint>
#include <set>
#include <vector>

namespace sockwb {

class Server;

class CompareSampler final {
public:
    // Records the baseline (RSS, threads) before the server exists.
    void baseline();
    // Records the threads Server::start() created. Call right after start().
    void serverStarted();
    // Samples now and keeps the peaks; server must be running.
    void sample(const Server& server);

    int samples() const { return samples_; }
    int serverThreads() const { return peakThreads_; }
    int childProcesses() const { return peakChildren_; }
    int openConnections() const { return peakOpen_; }
    // Peak RSS delta in KiB (may be slightly negative if memory was returned).
    std::int64_t rssDeltaKiB() const { return samples_ ? peakRssKiB_ : 0; }

private:
    std::vector<int> baselineTasks_;
    std::set<int> startTasks_;  // created by Server::start()
    std::int64_t baselineRssKiB_ = 0;
    int samples_ = 0;
    int peakThreads_ = 0;
    int peakChildren_ = 0;
    int peakOpen_ = 0;
    std::int64_t peakRssKiB_ = 0;
};

}  // namespace sockwb
