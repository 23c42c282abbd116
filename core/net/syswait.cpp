// The syscall layer's waiting calls (see sys.h): poll, select and epoll,
// traced like the rest of core/net/sys.cpp, and the eventfd a loop is woken
// with (plumbing, not traced).

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

#include "core/net/sys.h"
#include "core/net/tracedcall.h"
#include "core/net/traceformat.h"
#include "core/net/tracerecord.h"

namespace sockwb::sys {

using detail::recorded;

int poll(pollfd* fds, nfds_t n, int timeoutMs) {
    return recorded(
        "poll", n == 1 ? fds[0].fd : -1, fmt::pollText,
        [&] {
            int r = ::poll(fds, n, timeoutMs);
            if (r < 0 && errno == EINTR) r = 0;
            return r;
        },
        [&](TraceRecord& rec, int) {
            rec.arg[0] = static_cast<int64_t>(n);
            rec.arg[1] = timeoutMs;
        });
}

int select(int nfds, fd_set* r, fd_set* w, fd_set* e, timeval* timeout) {
    return recorded(
        "select", -1, fmt::selectText,
        [&] {
            int res = ::select(nfds, r, w, e, timeout);
            if (res < 0 && errno == EINTR) res = 0;
            return res;
        },
        [&](TraceRecord& rec, int) {
            rec.arg[0] = nfds;
            rec.arg[1] = timeout != nullptr;
            // After the call: Linux leaves the time not slept in *timeout.
            if (timeout) rec.arg[2] = timeout->tv_sec * 1000 + timeout->tv_usec / 1000;
        });
}

int epollCreate() {
    return recorded("epoll_create1", -1, fmt::epollCreateText,
                    [&] { return ::epoll_create1(EPOLL_CLOEXEC); });
}

int epollCtl(int epfd, int op, int fd, epoll_event* ev) {
    return recorded(
        "epoll_ctl", fd, fmt::epollCtlText, [&] { return ::epoll_ctl(epfd, op, fd, ev); },
        [&](TraceRecord& rec, int) {
            rec.arg[0] = epfd;
            rec.arg[1] = op;
            rec.arg[2] = ev != nullptr;
            if (ev) rec.arg[3] = ev->events;
        });
}

int epollWait(int epfd, epoll_event* events, int max, int timeoutMs) {
    return recorded(
        "epoll_wait", epfd, fmt::epollWaitText,
        [&] {
            int r = ::epoll_wait(epfd, events, max, timeoutMs);
            if (r < 0 && errno == EINTR) r = 0;
            return r;
        },
        [&](TraceRecord& rec, int) {
            rec.arg[0] = max;
            rec.arg[1] = timeoutMs;
        });
}

int eventfdCreate() { return ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }

int eventfdSignal(int fd) {
    const uint64_t one = 1;
    for (;;) {
        if (::write(fd, &one, sizeof one) == sizeof one) return 0;
        if (errno == EINTR) continue;
        return errno == EAGAIN ? 0 : -1;
    }
}

uint64_t eventfdDrain(int fd) {
    uint64_t value = 0;
    for (;;) {
        if (::read(fd, &value, sizeof value) == sizeof value) return value;
        if (errno == EINTR) continue;
        return 0;
    }
}

int eventfdClose(int fd) { return ::close(fd); }

}  // namespace sockwb::sys
