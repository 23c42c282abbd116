#pragma once
// ProcStats: what the Linux kernel says about a process in /proc: its
// resident memory and thread count (/proc/PID/status), its tasks
// (/proc/PID/task) and the memory it alone maps (/proc/PID/smaps_rollup).
// The Compare panel uses it to show what each concurrency model costs.
// A process may vanish at any moment: every reader answers "unknown"
// (nullopt, -1, empty) instead of throwing.

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sockwb {

// The lines of /proc/PID/status that matter here.
struct ProcStatus {
    std::int64_t rssKiB = -1;  // VmRSS; -1 when absent (a zombie has none)
    int threads = -1;          // Threads
};

class ProcStats final {
public:
    // /proc/PID/status of pid (0: this process); nullopt if it is gone. Thread-safe.
    static std::optional<ProcStatus> status(pid_t pid = 0);
    // Thread ids of pid (0: this process), sorted; empty if it is gone. Thread-safe.
    static std::vector<int> tasks(pid_t pid = 0);
    // The kernel name of thread tid of pid (0: this process), as in
    // /proc/PID/task/TID/comm without its newline; nullopt if it is gone. Thread-safe.
    static std::optional<std::string> taskName(pid_t pid, int tid);
    // True while tid is a live thread of pid (0: this process). Thread-safe.
    static bool hasTask(pid_t pid, int tid);
    // Private_Clean + Private_Dirty of /proc/PID/smaps_rollup in KiB: the
    // pages no other process maps (for a fork child: what it does not share
    // with its parent). -1 if unreadable (old kernel, process gone). Thread-safe.
    static std::int64_t privateKiB(pid_t pid);
};

}  // namespace sockwb
