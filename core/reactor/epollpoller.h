#pragma once
// epoll(7) backend, level-triggered (as redis' ae_epoll.c): the loop reads
// what it can and comes back, no starvation games with EPOLLET.

#include <sys/epoll.h>

#include <vector>

#include "core/reactor/poller.h"

namespace sockwb {

class EpollPoller final : public Poller {
public:
    EpollPoller();  // throws Error when epoll_create1 fails
    ~EpollPoller() override;
    EpollPoller(const EpollPoller&) = delete;
    EpollPoller& operator=(const EpollPoller&) = delete;
    const char* name() const noexcept override { return "epoll"; }
    void add(int fd, unsigned interest) override;
    void modify(int fd, unsigned interest) override;
    void remove(int fd) override;
    // Nothing to do: close(2) takes the fd out of the epoll set by itself
    // (its file has no other descriptor: sockets are SOCK_CLOEXEC and fork
    // children close what they inherit at once), which saves one epoll_ctl
    // per connection.
    void forget(int) override {}
    int wait(int timeoutMs, std::vector<Ready>& out) override;

private:
    int epfd_ = -1;
    std::vector<epoll_event> events_ = std::vector<epoll_event>(256);
};

}  // namespace sockwb
