#pragma once
// The kernel name of a server thread (/proc/PID/task/TID/comm, what top -H,
// ps -L and gdb show): "sw:" and the thread's role, cut to the kernel's 15
// bytes, the role's trailing number kept ("sw:pool worke 2"). The Compare
// panel counts a model's threads by this prefix, so a thread another part of
// the program starts at the same moment is never counted as the server's.

#include <string>
#include <string_view>

namespace sockwb {

inline constexpr std::string_view kServerThreadPrefix = "sw:";

// The name for role, at most 15 bytes.
std::string serverThreadName(std::string_view role);
// Names the calling thread serverThreadName(role). Never fails the caller.
void nameThisServerThread(std::string_view role);

}  // namespace sockwb
