#pragma once
// NetlinkDump: one NETLINK_SOCK_DIAG socket (SOCK_CLOEXEC) that sends
// SOCK_DIAG_BY_FAMILY dump requests and hands each answer's payload to a
// callback, until NLMSG_DONE. Untraced (raw syscalls, not sys::): this is
// the workbench looking at the machine. Reads are bounded: a message longer
// than the buffer grows it (MSG_PEEK | MSG_TRUNC tells the size) up to
// 1 MiB; EINTR is retried; NLMSG_ERROR becomes sockwb::Error. One instance
// per thread (it owns its fd; move-only).

#include <cstddef>
#include <functional>
#include <vector>

namespace sockwb::diag {

class NetlinkDump {
public:
    // Opens the socket. Throws Error("socket", errno).
    NetlinkDump();
    ~NetlinkDump();
    NetlinkDump(const NetlinkDump&) = delete;
    NetlinkDump& operator=(const NetlinkDump&) = delete;

    // Sends `request` (struct inet_diag_req_v2, unix_diag_req... of `length`
    // bytes) as SOCK_DIAG_BY_FAMILY with NLM_F_DUMP, then calls onAnswer(payload,
    // length) for each SOCK_DIAG_BY_FAMILY answer. `what` names the dump in an
    // error ("AF_INET6 TCP"). Returns false, without calling onAnswer, when
    // the kernel has no handler for this family/protocol (ENOENT: udp_diag
    // not built, IPv6 disabled...). Throws Error("sendmsg"/"recvmsg", errno).
    bool dump(const void* request, size_t length, const char* what,
              const std::function<void(const void*, size_t)>& onAnswer);

private:
    // One datagram of answers; its size, 0 at end of file.
    size_t receive(const char* what);

    int fd_ = -1;
    unsigned sequence_ = 0;
    std::vector<unsigned char> buffer_;
};

}  // namespace sockwb::diag
