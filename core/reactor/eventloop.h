#pragma once
// A single-threaded reactor (redis' ae, muduo's EventLoop): fds with
// handlers, a pluggable Poller, one-shot timers in a min-heap whose next
// deadline is the poll timeout, and an optional stop fd (the server's
// eventfd, a client's Wakeup) watched like any other to leave run() at
// once. It serves the event-driven server models, ClientSwarm and the load
// generator's workers. Every method must be called on the loop's thread,
// except that run() is what makes it so (build it, then hand it over), and
// post() and inLoopThread(), which any thread may call.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/reactor/poller.h"
#include "core/reactor/timerqueue.h"

namespace sockwb {

class Wakeup;

class EventLoop {
public:
    using Handler = std::function<void(unsigned events)>;

    // Owns poller; stopFd is watched, not owned, and never drained: once
    // readable, every run() returns at once. -1: no stop fd (leave with quit()).
    explicit EventLoop(std::unique_ptr<Poller> poller, int stopFd = -1);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    const char* backendName() const noexcept { return poller_->name(); }
    // False when the backend cannot watch fd (select: fd >= FD_SETSIZE).
    bool canWatch(int fd) const noexcept { return poller_->canWatch(fd); }
    // Watches fd for interest (Poller::In|Out); handler gets the ready set.
    // Throws Error. A handler may watch/unwatch anything, itself included.
    // A handler first runs in the round after the one that watched it: an
    // fd number closed and reused within a round never receives the event
    // the poller reported for the old file (a connecting socket taking a
    // stale "writable" for "connected").
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
    // A round: wait, the handlers of the ready fds, the due timers, afterRound.
    void run();
    // Leaves run() at the end of this round (at once when called before it).
    void quit() noexcept { quit_ = true; }

    // Lets other threads hand work to this loop (muduo's queueInLoop): a
    // Wakeup is watched, and each post() runs on the loop thread in the
    // round after it, in the order posted. Before run(), on the building
    // thread. Throws Error (eventfd).
    void acceptPosts();
    // Any thread, after acceptPosts(). What is still queued when the loop
    // is destroyed is destroyed unrun.
    void post(std::function<void()> task);
    // True on the thread inside this loop's run(). Any thread.
    bool inLoopThread() const noexcept;

private:
    // Indexed by fd (fds are small and dense): the dispatch of one event is
    // an array access, no hashing. The handler lives on the heap so that its
    // address survives the vector growing while it runs (a handler may watch
    // new fds), and an unwatched handler is retired, not destroyed, until the
    // round ends (a handler may unwatch itself).
    struct Watch {
        unsigned interest = 0;
        std::uint64_t since = 0;           // the round that watched it
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
    std::uint64_t round_ = 0;  // rounds waited so far
    bool quit_ = false;
    // post(): the queue under its mutex, and the fd that wakes the loop.
    void runPosted();
    std::unique_ptr<Wakeup> postWakeup_;
    std::mutex postMutex_;
    std::vector<std::function<void()>> posted_;
};

}  // namespace sockwb
