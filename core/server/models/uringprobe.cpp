#include "core/server/models/uringprobe.h"

#include <liburing.h>

#include <fstream>
#include <mutex>

#include "core/net/error.h"

namespace sockwb {

namespace {

std::string sysctlValue() {
    std::ifstream in("/proc/sys/kernel/io_uring_disabled");
    std::string value;
    if (in >> value) return value;
    return {};
}

std::string probe() {
    io_uring ring{};
    const int rc = io_uring_queue_init(2, &ring, 0);
    if (rc == 0) {
        io_uring_queue_exit(&ring);
        return {};
    }
    const int err = -rc;
    std::string why = "io_uring_setup failed with " + errnoName(err);
    const std::string sysctl = sysctlValue();
    if (!sysctl.empty() && sysctl != "0")
        why += ": kernel.io_uring_disabled is " + sysctl + " (0 allows it)";
    else if (err == ENOSYS)
        why += ": this kernel was built without io_uring";
    return why + "; serve with epoll instead";
}

}  // namespace

std::string ioUringUnavailableReason() {
    static std::once_flag once;
    static std::string reason;
    std::call_once(once, [] { reason = probe(); });
    return reason;
}

}  // namespace sockwb
