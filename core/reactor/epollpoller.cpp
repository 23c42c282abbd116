#include "core/reactor/epollpoller.h"

#include <unistd.h>

#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {
epoll_event toEpoll(int fd, unsigned interest) {
    epoll_event ev{};
    if (interest & Poller::In) ev.events |= EPOLLIN;
    if (interest & Poller::Out) ev.events |= EPOLLOUT;
    ev.data.fd = fd;
    return ev;
}
}  // namespace

EpollPoller::EpollPoller() : epfd_(sys::epollCreate()) {
    if (epfd_ < 0) throw Error::fromErrno("epoll_create1", errno);
}

EpollPoller::~EpollPoller() {
    if (epfd_ >= 0) sys::close(epfd_);
}

void EpollPoller::add(int fd, unsigned interest) {
    auto ev = toEpoll(fd, interest);
    if (sys::epollCtl(epfd_, EPOLL_CTL_ADD, fd, &ev) != 0)
        throw Error::fromErrno("epoll_ctl", errno);
}

void EpollPoller::modify(int fd, unsigned interest) {
    auto ev = toEpoll(fd, interest);
    sys::epollCtl(epfd_, EPOLL_CTL_MOD, fd, &ev);
}

void EpollPoller::remove(int fd) { sys::epollCtl(epfd_, EPOLL_CTL_DEL, fd, nullptr); }

int EpollPoller::wait(int timeoutMs, std::vector<Ready>& out) {
    int n = sys::epollWait(epfd_, events_.data(), int(events_.size()), timeoutMs);
    if (n <= 0) return n;
    for (int i = 0; i < n; ++i) {
        unsigned ev = 0;
        if (events_[i].events & EPOLLIN) ev |= In;
        if (events_[i].events & EPOLLOUT) ev |= Out;
        if (events_[i].events & (EPOLLERR | EPOLLHUP)) ev |= Err;
        out.push_back({events_[i].data.fd, ev});
    }
    if (size_t(n) == events_.size()) events_.resize(events_.size() * 2);
    return n;
}

}  // namespace sockwb
