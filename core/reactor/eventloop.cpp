#include "core/reactor/eventloop.h"

#include <algorithm>
#include <cerrno>
#include <utility>

#include "core/net/error.h"
#include "core/net/wakeup.h"

namespace sockwb {

namespace {
// The loop whose run() this thread is in (inLoopThread without a race: a
// thread only ever reads its own copy).
thread_local const EventLoop* t_running = nullptr;
}  // namespace

EventLoop::EventLoop(std::unique_ptr<Poller> poller, int stopFd)
    : poller_(std::move(poller)), stopFd_(stopFd) {
    if (stopFd_ >= 0) poller_->add(stopFd_, Poller::In);
}

EventLoop::~EventLoop() {
    for (size_t fd = 0; fd < watches_.size(); ++fd)
        if (watches_[fd].handler && watches_[fd].interest != 0) poller_->remove(int(fd));
    if (stopFd_ >= 0) poller_->remove(stopFd_);
}

void EventLoop::watch(int fd, unsigned interest, Handler handler) {
    if (fd < 0) throw Error::invalid("watch", "negative fd");
    if (size_t(fd) >= watches_.size())
        watches_.resize(std::max(size_t(fd) + 1, watches_.size() * 2));
    Watch& w = watches_[size_t(fd)];
    if (w.handler) {
        // Watched again without an unwatch: replace, as the map did.
        if (w.interest != 0) poller_->remove(fd);
        retired_.push_back(std::move(w.handler));
        w.interest = 0;
    }
    if (interest != 0) poller_->add(fd, interest);
    w.interest = interest;
    w.since = round_;
    w.handler = std::make_unique<Handler>(std::move(handler));
}

void EventLoop::setInterest(int fd, unsigned interest) {
    Watch* w = find(fd);
    if (!w || w->interest == interest) return;
    const unsigned before = w->interest;
    w->interest = interest;
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
    Watch* w = find(fd);
    if (!w) return;
    if (w->interest != 0) poller_->remove(fd);
    w->interest = 0;
    // It may be the handler running right now: destroyed after the round.
    retired_.push_back(std::move(w->handler));
}

void EventLoop::unwatchClosing(int fd) {
    Watch* w = find(fd);
    if (!w) return;
    if (w->interest != 0) poller_->forget(fd);
    w->interest = 0;
    retired_.push_back(std::move(w->handler));
}

void EventLoop::acceptPosts() {
    if (postWakeup_) return;
    postWakeup_ = std::make_unique<Wakeup>();
    watch(postWakeup_->fd(), Poller::In, [this](unsigned) { runPosted(); });
}

void EventLoop::post(std::function<void()> task) {
    bool wasEmpty = false;
    {
        std::lock_guard lock(postMutex_);
        wasEmpty = posted_.empty();
        posted_.push_back(std::move(task));
    }
    // The first task since the loop last took the queue wakes it; it drains
    // before it takes the queue, so no task is left without a wakeup.
    if (wasEmpty && postWakeup_) postWakeup_->notify();
}

bool EventLoop::inLoopThread() const noexcept { return t_running == this; }

void EventLoop::runPosted() {
    postWakeup_->drain();
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(postMutex_);
        tasks.swap(posted_);
    }
    for (auto& task : tasks) task();
}

void EventLoop::run() {
    const EventLoop* outer = std::exchange(t_running, this);
    struct Restore {
        const EventLoop* outer;
        ~Restore() { t_running = outer; }
    } restore{outer};
    while (!quit_) {
        ready_.clear();
        ++round_;
        int n = poller_->wait(timers_.nextTimeoutMs(), ready_);
        if (n < 0) throw Error::fromErrno(poller_->name(), errno);
        for (const auto& r : ready_) {
            if (r.fd == stopFd_) {
                quit_ = true;
                break;
            }
            Watch* w = find(r.fd);
            // Unwatched by an earlier handler, or watched again in this
            // round: the event belongs to the file the fd named before.
            if (!w || w->since == round_) continue;
            // Through a raw pointer: the Handler object stays where it is
            // (and alive, see retired_) even if the call grows watches_.
            Handler* handler = w->handler.get();
            (*handler)(r.events);
        }
        retired_.clear();
        if (quit_) break;
        timers_.runDue();
        retired_.clear();
        if (afterRound) afterRound();
    }
    quit_ = false;  // the next run() starts afresh
}

}  // namespace sockwb
