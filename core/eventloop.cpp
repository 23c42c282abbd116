#include "core/eventloop.h"

#include <cerrno>

#include "core/error.h"

namespace sockwb {

EventLoop::EventLoop(std::unique_ptr<Poller> poller, int stopFd)
    : poller_(std::move(poller)), stopFd_(stopFd) {
    poller_->add(stopFd_, Poller::In);
}

EventLoop::~EventLoop() {
    for (auto& [fd, w] : watches_)
        if (w.interest != 0) poller_->remove(fd);
    poller_->remove(stopFd_);
}

void EventLoop::watch(int fd, unsigned interest, Handler handler) {
    if (interest != 0) poller_->add(fd, interest);
    watches_[fd] = Watch{interest, std::make_shared<Handler>(std::move(handler))};
}

void EventLoop::setInterest(int fd, unsigned interest) {
    auto it = watches_.find(fd);
    if (it == watches_.end() || it->second.interest == interest) return;
    const unsigned before = it->second.interest;
    it->second.interest = interest;
    // An fd with no interest is taken out of the poller altogether: poll and
    // epoll report a hang-up even with no event asked for, and the loop
    // would spin on a half-closed connection that only waits for a timer.
    if (interest == 0)
        poller_->remove(fd);
    else if (before == 0)
        poller_->add(fd, interest);
    else
        poller_->modify(fd, interest);
}

void EventLoop::unwatch(int fd) {
    auto it = watches_.find(fd);
    if (it == watches_.end()) return;
    if (it->second.interest != 0) poller_->remove(fd);
    watches_.erase(it);
}

void EventLoop::run() {
    quit_ = false;
    while (!quit_) {
        ready_.clear();
        int n = poller_->wait(timers_.nextTimeoutMs(), ready_);
        if (n < 0) throw Error::fromErrno(poller_->name(), errno);
        for (const auto& r : ready_) {
            if (r.fd == stopFd_) {
                quit_ = true;
                break;
            }
            auto it = watches_.find(r.fd);
            if (it == watches_.end()) continue;  // unwatched by an earlier handler
            // A copy of the pointer keeps the handler alive while it runs,
            // even if it unwatches itself.
            auto handler = it->second.handler;
            (*handler)(r.events);
        }
        if (quit_) break;
        timers_.runDue();
        if (afterRound) afterRound();
    }
}

}  // namespace sockwb
