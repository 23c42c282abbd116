#include "core/reactor/selectpoller.h"

#include <sys/select.h>

#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb {

bool SelectPoller::canWatch(int fd) const noexcept { return fd >= 0 && fd < FD_SETSIZE; }

void SelectPoller::add(int fd, unsigned interest) {
    if (!canWatch(fd))
        throw Error::fromErrno(
            "select", EINVAL, {},
            "fd " + std::to_string(fd) + " is >= FD_SETSIZE (" + std::to_string(FD_SETSIZE) + ")");
    interest_[fd] = interest;
}

void SelectPoller::modify(int fd, unsigned interest) {
    auto it = interest_.find(fd);
    if (it != interest_.end()) it->second = interest;
}

void SelectPoller::remove(int fd) { interest_.erase(fd); }

int SelectPoller::wait(int timeoutMs, std::vector<Ready>& out) {
    fd_set r, w, e;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_ZERO(&e);
    int maxFd = -1;
    for (auto [fd, in] : interest_) {
        if (in & In) FD_SET(fd, &r);
        if (in & Out) FD_SET(fd, &w);
        FD_SET(fd, &e);
        maxFd = fd;
    }
    timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    int n = sys::select(maxFd + 1, &r, &w, &e, timeoutMs < 0 ? nullptr : &tv);
    if (n <= 0) return n;
    for (auto [fd, in] : interest_) {
        unsigned ev = 0;
        if (FD_ISSET(fd, &r)) ev |= In;
        if (FD_ISSET(fd, &w)) ev |= Out;
        if (FD_ISSET(fd, &e)) ev |= Err;
        if (ev) out.push_back({fd, ev});
    }
    return int(out.size());
}

}  // namespace sockwb
