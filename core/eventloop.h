#pragma once
// A single-threaded reactor (redis' ae, muduo's EventLoop): fds with
// handlers, a pluggable Poller, one-shot timers in a min-heap whose next
// deadline is the poll timeout, and a stop fd (the server's eventfd)
// watched like any other to leave run() at once. Every method must be
// called on the loop's thread, except that run() is what makes it so.

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "core/poller.h"
#include "core/timerqueue.h"

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
    // Stops watching fd (before closing it).
    void unwatch(int fd);
    TimerQueue& timers() noexcept { return timers_; }
    // Called after each round of handlers and timers (deferred deletes).
    std::function<void()> afterRound;

    // Dispatches until the stop fd becomes readable or quit() is called.
    void run();
    void quit() noexcept { quit_ = true; }

private:
    struct Watch {
        unsigned interest;
        std::shared_ptr<Handler> handler;
    };
    std::unique_ptr<Poller> poller_;
    int stopFd_;
    TimerQueue timers_;
    std::unordered_map<int, Watch> watches_;
    std::vector<Poller::Ready> ready_;
    bool quit_ = false;
};

}  // namespace sockwb
