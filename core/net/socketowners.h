#pragma once
// Which processes hold which sockets: the /proc/PID/fd/N symlinks that read
// "socket:[INODE]", as `ss -p` finds them. Only the processes this user may
// look into are seen (their own, or all with CAP_SYS_PTRACE); the others
// are skipped silently. Bounded: at most kMaxFdsScanned descriptors are
// read, so a machine with millions of fds does not stall the caller.
// Thread-safe (no shared state).

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "core/net/sockdiag.h"

namespace sockwb::diag {

inline constexpr size_t kMaxFdsScanned = 1'000'000;

// The owners of each of `inodes` that were found (pid, fd, /proc/PID/comm),
// by pid then fd.
std::map<uint64_t, std::vector<SocketOwner>> findSocketOwners(const std::set<uint64_t>& inodes);

}  // namespace sockwb::diag
