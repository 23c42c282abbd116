#include "core/reactor/pollpoller.h"

#include "core/net/sys.h"

namespace sockwb {

namespace {
short toPoll(unsigned interest) {
    short ev = 0;
    if (interest & Poller::In) ev |= POLLIN;
    if (interest & Poller::Out) ev |= POLLOUT;
    return ev;
}
}  // namespace

void PollPoller::add(int fd, unsigned interest) {
    index_[fd] = fds_.size();
    fds_.push_back({fd, toPoll(interest), 0});
}

void PollPoller::modify(int fd, unsigned interest) {
    auto it = index_.find(fd);
    if (it != index_.end()) fds_[it->second].events = toPoll(interest);
}

void PollPoller::remove(int fd) {
    auto it = index_.find(fd);
    if (it == index_.end()) return;
    size_t i = it->second;
    index_.erase(it);
    if (i != fds_.size() - 1) {
        fds_[i] = fds_.back();
        index_[fds_[i].fd] = i;
    }
    fds_.pop_back();
}

int PollPoller::wait(int timeoutMs, std::vector<Ready>& out) {
    int n = sys::poll(fds_.data(), fds_.size(), timeoutMs);
    if (n <= 0) return n;
    for (const auto& p : fds_) {
        if (!p.revents) continue;
        unsigned ev = 0;
        if (p.revents & POLLIN) ev |= In;
        if (p.revents & POLLOUT) ev |= Out;
        if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) ev |= Err;
        out.push_back({p.fd, ev});
    }
    return int(out.size());
}

}  // namespace sockwb
