#pragma once
// ProcMeter: what a server and every process it forked cost, read from /proc
// (sockwb_hostile's measure). A sample walks /proc once: the roots and all
// their descendants, their resident memory (VmRSS, summed: fork children
// share pages, so the sum overstates what they really hold) and their CPU
// ticks (utime + stime, plus cutime + cstime: a child that exited and was
// reaped moves its ticks into its parent's). Used from one thread.

#include <sys/types.h>

#include <cstdint>
#include <vector>

namespace sockwb::bench {

struct ProcSample {
    uint64_t rssKb = 0;      // VmRSS of the roots and their descendants
    uint64_t ticks = 0;      // CPU clock ticks used so far by the same set
    int processes = 0;       // how many of them are alive
    bool rootsAlive = true;  // false once a root is gone
};

class ProcMeter {
public:
    explicit ProcMeter(std::vector<pid_t> roots) : roots_(std::move(roots)) {}
    ProcSample sample() const;

private:
    std::vector<pid_t> roots_;
};

}  // namespace sockwb::bench
