// NetlinkDump: see netlinkdump.h.

#include "core/net/netlinkdump.h"

#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/net/error.h"

namespace sockwb::diag {

namespace {

constexpr size_t kInitialBuffer = 32 * 1024;
constexpr size_t kMaxBuffer = 1024 * 1024;

}  // namespace

NetlinkDump::NetlinkDump() : buffer_(kInitialBuffer) {
    fd_ = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd_ < 0) throw Error::fromErrno("socket", errno, {}, "AF_NETLINK, NETLINK_SOCK_DIAG");
}

NetlinkDump::~NetlinkDump() {
    if (fd_ >= 0) ::close(fd_);
}

size_t NetlinkDump::receive(const char* what) {
    for (;;) {
        // The size of the next datagram, whatever the buffer's: grow to it.
        const ssize_t peeked = ::recv(fd_, buffer_.data(), 0, MSG_PEEK | MSG_TRUNC);
        if (peeked < 0 && errno == EINTR) continue;
        if (peeked < 0) throw Error::fromErrno("recvmsg", errno, {}, what);
        if (static_cast<size_t>(peeked) > buffer_.size()) {
            if (static_cast<size_t>(peeked) > kMaxBuffer)
                throw Error::fromErrno(
                    "recvmsg", EMSGSIZE, {},
                    std::string(what) + ": an answer of " + std::to_string(peeked) + " bytes");
            buffer_.resize(static_cast<size_t>(peeked));
        }
        sockaddr_nl from{};
        iovec iov{buffer_.data(), buffer_.size()};
        msghdr msg{};
        msg.msg_name = &from;
        msg.msg_namelen = sizeof from;
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        const ssize_t n = ::recvmsg(fd_, &msg, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error::fromErrno("recvmsg", errno, {}, what);
        if (msg.msg_flags & MSG_TRUNC)
            throw Error::fromErrno("recvmsg", EMSGSIZE, {}, std::string(what) + ": truncated");
        if (from.nl_pid != 0) continue;  // not from the kernel
        return static_cast<size_t>(n);
    }
}

bool NetlinkDump::dump(const void* request, size_t length, const char* what,
                       const std::function<void(const void*, size_t)>& onAnswer) {
    const unsigned sequence = ++sequence_;
    nlmsghdr header{};
    header.nlmsg_len = static_cast<uint32_t>(NLMSG_LENGTH(length));
    header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    header.nlmsg_seq = sequence;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    iovec iov[2] = {{&header, sizeof header}, {const_cast<void*>(request), length}};
    msghdr msg{};
    msg.msg_name = &kernel;
    msg.msg_namelen = sizeof kernel;
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    for (;;) {
        if (::sendmsg(fd_, &msg, 0) >= 0) break;
        if (errno != EINTR) throw Error::fromErrno("sendmsg", errno, {}, what);
    }
    for (;;) {
        const size_t received = receive(what);
        if (received == 0)
            throw Error::fromErrno("recvmsg", EPROTO, {}, std::string(what) + ": no NLMSG_DONE");
        int left = static_cast<int>(received);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buffer_.data()); NLMSG_OK(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_seq != sequence) continue;  // an answer to an earlier request
            if (h->nlmsg_type == NLMSG_DONE) return true;
            if (h->nlmsg_type == NLMSG_ERROR) {
                if (h->nlmsg_len < NLMSG_LENGTH(sizeof(nlmsgerr)))
                    throw Error::fromErrno("recvmsg", EPROTO, {},
                                           std::string(what) + ": a short NLMSG_ERROR");
                nlmsgerr error;
                std::memcpy(&error, NLMSG_DATA(h), sizeof error);
                if (error.error == 0) continue;  // an acknowledgement
                if (error.error == -ENOENT) return false;
                throw Error::fromErrno("recvmsg", -error.error, {},
                                       std::string(what) + ": NLMSG_ERROR");
            }
            if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY)
                onAnswer(NLMSG_DATA(h), h->nlmsg_len - NLMSG_LENGTH(0));
        }
    }
}

}  // namespace sockwb::diag
