#include "widgets/compare/comparesampler.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>

#include "core/load/procstats.h"
#include "core/server/server.h"
#include "core/server/threadname.h"

namespace sockwb {

namespace {
// Named by its ServerThreadScope (core/server/threadname.h).
bool isServerThread(int tid) {
    const auto name = ProcStats::taskName(0, tid);
    return name && name->starts_with(kServerThreadPrefix);
}
}  // namespace

void CompareSampler::baseline() {
    // Memory the previous model freed goes back to the kernel first, so that
    // it is not counted in this baseline and then reused for free.
    ::malloc_trim(0);
    baselineTasks_ = ProcStats::tasks();
    const auto st = ProcStats::status();
    baselineRssKiB_ = st ? st->rssKiB : 0;
    startTasks_.clear();
    samples_ = peakThreads_ = peakChildren_ = peakOpen_ = 0;
    peakRssKiB_ = 0;
}

void CompareSampler::serverStarted() {
    // std::thread returns once the kernel task exists: every thread start()
    // made is listed now. A thread another part of the program started at
    // the same instant is listed too; sample() leaves it out by its name.
    const std::vector<int> now = ProcStats::tasks();
    std::set_difference(now.begin(), now.end(), baselineTasks_.begin(), baselineTasks_.end(),
                        std::inserter(startTasks_, startTasks_.end()));
}

void CompareSampler::sample(const Server& server) {
    const int self = static_cast<int>(::getpid());
    const std::vector<ConnectionInfo> conns = server.connections();
    const std::vector<int> alive = ProcStats::tasks();
    auto isAlive = [&](int tid) { return std::binary_search(alive.begin(), alive.end(), tid); };

    std::set<int> threads;
    for (int tid : startTasks_)
        if (isAlive(tid) && isServerThread(tid)) threads.insert(tid);
    std::set<int> children;
    int open = 0;
    for (const ConnectionInfo& c : conns) {
        if (c.state == ConnectionState::Open) ++open;
        if (c.pid != 0 && c.pid != self)
            children.insert(c.pid);
        else if (isAlive(c.tid))
            threads.insert(c.tid);
    }
    std::int64_t childKiB = 0;
    int liveChildren = 0;
    for (int pid : children) {
        const std::int64_t kib = ProcStats::privateKiB(pid);
        if (kib < 0) continue;  // gone (or reaped) since the snapshot
        childKiB += kib;
        ++liveChildren;
    }
    const auto st = ProcStats::status();
    const std::int64_t rss = (st ? st->rssKiB : baselineRssKiB_) - baselineRssKiB_ + childKiB;

    peakThreads_ = std::max(peakThreads_, static_cast<int>(threads.size()));
    peakChildren_ = std::max(peakChildren_, liveChildren);
    peakOpen_ = std::max(peakOpen_, open);
    peakRssKiB_ = samples_ == 0 ? rss : std::max(peakRssKiB_, rss);
    ++samples_;
}

}  // namespace sockwb
