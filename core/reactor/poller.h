#pragma once
// The I/O multiplexing backend of the event loop, in the manner of redis'
// ae_select.c / ae_epoll.c and muduo's Poller: the same four operations over
// select(2), poll(2) or epoll(7), chosen at run time by name. Not
// thread-safe: a poller belongs to its loop's thread.

#include <memory>
#include <string_view>
#include <vector>

namespace sockwb {

class Poller {
public:
    enum Event : unsigned { In = 1, Out = 2, Err = 4 };  // Err: hang-up or error
    struct Ready {
        int fd;
        unsigned events;
    };

    virtual ~Poller() = default;
    // "select", "poll", "epoll".
    virtual const char* name() const noexcept = 0;
    // select cannot watch an fd >= FD_SETSIZE; the others can watch any.
    virtual bool canWatch(int fd) const noexcept { return fd >= 0; }
    // Starts watching fd for interest (In|Out). Throws Error.
    virtual void add(int fd, unsigned interest) = 0;
    virtual void modify(int fd, unsigned interest) = 0;
    virtual void remove(int fd) = 0;
    // Stops watching fd that the caller closes right after (default: remove).
    virtual void forget(int fd) { remove(fd); }
    // Waits up to timeoutMs (-1: forever) and fills out with ready fds.
    // Returns how many, or -1 with errno set (EINTR counts as 0).
    virtual int wait(int timeoutMs, std::vector<Ready>& out) = 0;
};

// "select", "poll" or "epoll"; nullptr for another name. Throws Error when
// the backend cannot be created (epoll_create1 failing).
std::unique_ptr<Poller> makePoller(std::string_view name);

}  // namespace sockwb
