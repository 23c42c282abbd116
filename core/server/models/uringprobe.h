#pragma once
// Can this kernel run the io_uring model? A ring is set up once, at the first
// question, and torn down: io_uring_setup fails with EPERM when the
// administrator disabled it (sysctl kernel.io_uring_disabled = 2, or 1 for
// a process outside io_uring_group), ENOSYS on a kernel built without it.
// The answer is cached for the life of the process. Thread-safe.

#include <string>

namespace sockwb {

// "" when io_uring works here, else why not, in one sentence that names the
// call, the errno and the sysctl when it is set.
std::string ioUringUnavailableReason();

}  // namespace sockwb
