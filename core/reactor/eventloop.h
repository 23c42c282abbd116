#pragma once
// A single-threaded reactor (redis' ae, muduo's EventLoop): fds with
// handlers, a pluggable Poller, one-shot timers in a min-heap whose next
// deadline is the poll timeout, and a stop fd (the server's eventfd)
// watched like any other to leave run() at once. Every method must be
// called on the loop's thread, except that run() is what makes it so.

#include <functional>
#include <memory>
#include <vector>

#include "core/reactor/poller.h"
#include "core/reactor/timerqueue.h"

namespace sockwb {

class EventLoop {
public:
    using Handler = std::function<void(unsigned events)>;

    // Owns poller; stopFd is watched, not owned.
    EventLoop(std::unique_ptr<Poller> poller, int stopFd);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    const char* backendName() const noexcept { return poller_->name(); }
    // False when the backend cannot watch fd (select: fd >= FD_SETSIZE).
    bool canWatch(int fd) const noexcept { return poller_->canWatch(fd); }
    // Watches fd for interest (Poller::In|Out); handler gets the ready set.
    // Throws Error. A handler may watch/unwatch anything, itself included.
    void watch(int fd, unsigned interest, Handler handler);
    // Changes the interest of a watched fd (no-op when unchanged).
    void setInterest(int fd, unsigned interest);
    // Stops watching fd.
    void unwatch(int fd);
    // Stops watching fd that the caller closes right after: the same, minus
    // the epoll_ctl(DEL) that close(2) makes useless.
    void unwatchClosing(int fd);
    TimerQueue& timers() noexcept { return timers_; }
    // Called after each round of handlers and timers (deferred deletes).
    std::function<void()> afterRound;

    // Dispatches until the stop fd becomes readable or quit() is called.
    void run();
    void quit() noexcept { quit_ = true; }

private:
    // Indexed by fd (fds are small and dense): the dispatch of one event is
    // an array access, no hashing. The handler lives on the heap so that its
    // address survives the vector growing while it runs (a handler may watch
    // new fds), and an unwatched handler is retired, not destroyed, until the
    // round ends (a handler may unwatch itself).
    struct Watch {
        unsigned interest = 0;
        std::unique_ptr<Handler> handler;  // null: not watched
    };
    Watch* find(int fd) noexcept {
        return fd >= 0 && size_t(fd) < watches_.size() && watches_[size_t(fd)].handler
                   ? &watches_[size_t(fd)]
                   : nullptr;
    }
    std::unique_ptr<Poller> poller_;
    int stopFd_;
    TimerQueue timers_;
    std::vector<Watch> watches_;
    std::vector<std::unique_ptr<Handler>> retired_;
    std::vector<Poller::Ready> ready_;
    bool quit_ = false;
};

}  // namespace sockwb
