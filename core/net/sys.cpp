#include "core/net/sys.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "core/net/systext.h"
#include "core/net/trace.h"

namespace sockwb::sys {

namespace {

// Nothing more to say about a call than its arguments.
struct NoDetails {
    template <class R>
    void operator()(TraceEvent&, R) const {}
};

// Runs one syscall, and when an observer listens, times it and reports it.
// The argument text is built by a lambda so that nothing is formatted when
// nobody listens: the untraced cost is the observer branch. `details`
// fills the event's structured fields (data, local, peer) the same way:
// only when someone listens, after the call.
template <class Call, class Args, class Details = NoDetails>
auto traced(const char* name, int fd, Call&& call, Args&& args, Details&& details = {})
    -> decltype(call()) {
    TraceObserver* obs = traceObserver();
    if (!obs) return call();
    const auto wall = std::chrono::system_clock::now();
    const auto t0 = std::chrono::steady_clock::now();
    auto result = call();
    const int savedErrno = errno;
    const auto t1 = std::chrono::steady_clock::now();
    TraceEvent ev;
    ev.timeUs =
        std::chrono::duration_cast<std::chrono::microseconds>(wall.time_since_epoch()).count();
    ev.pid = static_cast<int>(::getpid());
    ev.tid = currentTid();
    ev.fd = fd;
    ev.call = name;
    ev.args = args(result);
    ev.result = static_cast<int64_t>(result);
    ev.err = result < 0 ? savedErrno : 0;
    ev.durationNs = std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
    details(ev, result);
    obs->onTrace(ev);
    errno = savedErrno;
    return result;
}

// The bytes a call moved: the first min(moved, kTraceDataBytes) of buf.
std::string movedBytes(const void* buf, ssize_t moved) {
    if (moved <= 0 || !buf) return {};
    const size_t n =
        static_cast<size_t>(moved) < kTraceDataBytes ? static_cast<size_t>(moved) : kTraceDataBytes;
    return std::string(static_cast<const char*>(buf), n);
}

// A descriptor's own endpoint / its peer's, untraced (the program did not
// ask): "" when the kernel has none to give.
std::string localOf(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getsocknameUntraced(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};
    return endpointText(reinterpret_cast<const sockaddr*>(&ss), len);
}

std::string peerOf(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getpeernameUntraced(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};
    return endpointText(reinterpret_cast<const sockaddr*>(&ss), len);
}

std::string num(long long v) { return std::to_string(v); }

}  // namespace

int socket(int domain, int type, int protocol) {
    return traced(
        "socket", -1, [&] { return ::socket(domain, type, protocol); },
        [&](int) { return familyName(domain) + ", " + sockTypeName(type) + ", " + num(protocol); });
}

int bind(int fd, const sockaddr* addr, socklen_t len) {
    return traced(
        "bind", fd, [&] { return ::bind(fd, addr, len); },
        [&](int) { return num(fd) + ", " + sockaddrText(addr, len) + ", " + num(len); },
        [&](TraceEvent& ev, int r) {
            if (r == 0) ev.local = localOf(fd);  // port 0 made real
        });
}

int listen(int fd, int backlog) {
    return traced(
        "listen", fd, [&] { return ::listen(fd, backlog); },
        [&](int) { return num(fd) + ", " + num(backlog); },
        [&](TraceEvent& ev, int r) {
            if (r == 0) ev.local = localOf(fd);
        });
}

int accept(int fd, sockaddr* addr, socklen_t* len, int flags) {
    return traced(
        "accept4", fd,
        [&] {
            int r;
            do r = ::accept4(fd, addr, len, flags | SOCK_CLOEXEC);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](int r) {
            return num(fd) + ", " +
                   (r >= 0 && len ? sockaddrText(addr, *len) : std::string("...")) + ", " +
                   ((flags & SOCK_NONBLOCK) ? "SOCK_NONBLOCK|SOCK_CLOEXEC" : "SOCK_CLOEXEC");
        },
        [&](TraceEvent& ev, int r) {
            if (r < 0) return;
            ev.local = localOf(r);  // the new socket's, not the listener's
            ev.peer = addr && len ? endpointText(addr, *len) : std::string();
            if (ev.peer.empty()) ev.peer = peerOf(r);
        });
}

int connect(int fd, const sockaddr* addr, socklen_t len) {
    return traced(
        "connect", fd, [&] { return ::connect(fd, addr, len); },
        [&](int) { return num(fd) + ", " + sockaddrText(addr, len) + ", " + num(len); },
        [&](TraceEvent& ev, int r) {
            ev.peer = endpointText(addr, len);
            // Under way (EINPROGRESS) the socket is bound already.
            if (r == 0 || ev.err == EINPROGRESS) ev.local = localOf(fd);
        });
}

ssize_t send(int fd, const void* buf, size_t len, int flags) {
    flags |= MSG_NOSIGNAL;
    return traced(
        "send", fd,
        [&] {
            ssize_t r;
            do r = ::send(fd, buf, len, flags);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](ssize_t) {
            return num(fd) + ", " + dataPreview(buf, len) + ", " +
                   num(static_cast<long long>(len)) + ", " + msgFlagsText(flags);
        },
        [&](TraceEvent& ev, ssize_t r) { ev.data = movedBytes(buf, r); });
}

ssize_t recv(int fd, void* buf, size_t len, int flags) {
    return traced(
        "recv", fd,
        [&] {
            ssize_t r;
            do r = ::recv(fd, buf, len, flags);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](ssize_t r) {
            return num(fd) + ", " +
                   (r > 0 ? dataPreview(buf, static_cast<size_t>(r)) : std::string("\"\"")) + ", " +
                   num(static_cast<long long>(len)) + ", " + msgFlagsText(flags);
        },
        [&](TraceEvent& ev, ssize_t r) {
            // MSG_TRUNC returns the real length, which may exceed the buffer.
            ev.data = movedBytes(buf, r < 0 ? r : std::min<ssize_t>(r, ssize_t(len)));
        });
}

ssize_t sendto(int fd, const void* buf, size_t len, int flags, const sockaddr* to,
               socklen_t tolen) {
    flags |= MSG_NOSIGNAL;
    return traced(
        "sendto", fd,
        [&] {
            ssize_t r;
            do r = ::sendto(fd, buf, len, flags, to, tolen);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](ssize_t) {
            return num(fd) + ", " + dataPreview(buf, len) + ", " +
                   num(static_cast<long long>(len)) + ", " + msgFlagsText(flags) + ", " +
                   sockaddrText(to, tolen);
        },
        [&](TraceEvent& ev, ssize_t r) {
            ev.data = movedBytes(buf, r);
            ev.peer = to ? endpointText(to, tolen) : peerOf(fd);
            ev.local = localOf(fd);  // a first sendto binds the socket
        });
}

ssize_t recvfrom(int fd, void* buf, size_t len, int flags, sockaddr* from, socklen_t* fromlen) {
    return traced(
        "recvfrom", fd,
        [&] {
            ssize_t r;
            do r = ::recvfrom(fd, buf, len, flags, from, fromlen);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](ssize_t r) {
            size_t shown =
                r > 0 ? (static_cast<size_t>(r) < len ? static_cast<size_t>(r) : len) : 0;
            return num(fd) + ", " + dataPreview(buf, shown) + ", " +
                   num(static_cast<long long>(len)) + ", " + msgFlagsText(flags) + ", " +
                   (r >= 0 && fromlen ? sockaddrText(from, *fromlen) : std::string("..."));
        },
        [&](TraceEvent& ev, ssize_t r) {
            if (r < 0) return;
            ev.data = movedBytes(buf, std::min<ssize_t>(r, ssize_t(len)));
            ev.peer = from && fromlen ? endpointText(from, *fromlen) : peerOf(fd);
            ev.local = localOf(fd);
        });
}

int shutdown(int fd, int how) {
    return traced(
        "shutdown", fd, [&] { return ::shutdown(fd, how); },
        [&](int) {
            return num(fd) + ", " +
                   (how == SHUT_WR   ? "SHUT_WR"
                    : how == SHUT_RD ? "SHUT_RD"
                                     : "SHUT_RDWR");
        });
}

int ioctlInt(int fd, unsigned long request, int* value) {
    return traced(
        "ioctl", fd, [&] { return ::ioctl(fd, request, value); },
        [&](int r) {
            return num(fd) + ", " +
                   (request == FIONREAD ? std::string("FIONREAD")
                                        : num(static_cast<long long>(request))) +
                   ", [" + (r == 0 ? num(*value) : std::string("?")) + "]";
        });
}

int close(int fd) {
    return traced(
        "close", fd, [&] { return ::close(fd); }, [&](int) { return num(fd); });
}

int setsockopt(int fd, int level, int name, const void* value, socklen_t len) {
    return traced(
        "setsockopt", fd, [&] { return ::setsockopt(fd, level, name, value, len); },
        [&](int) {
            std::string v = sockoptValue(level, name, value, len);
            if (v.empty()) v = "{...}";
            return num(fd) + ", " + sockoptName(level, name) + ", " + v + ", " + num(len);
        });
}

int getsockopt(int fd, int level, int name, void* value, socklen_t* len) {
    return traced(
        "getsockopt", fd, [&] { return ::getsockopt(fd, level, name, value, len); },
        [&](int r) {
            std::string v = r == 0 && *len == sizeof(int)
                                ? "[" + num(*static_cast<const int*>(value)) + "]"
                                : "{...}";
            return num(fd) + ", " + sockoptName(level, name) + ", " + v;
        });
}

int getsockname(int fd, sockaddr* addr, socklen_t* len) {
    return traced(
        "getsockname", fd, [&] { return ::getsockname(fd, addr, len); },
        [&](int r) {
            return num(fd) + ", " + (r == 0 ? sockaddrText(addr, *len) : std::string("..."));
        });
}

int getpeername(int fd, sockaddr* addr, socklen_t* len) {
    return traced(
        "getpeername", fd, [&] { return ::getpeername(fd, addr, len); },
        [&](int r) {
            return num(fd) + ", " + (r == 0 ? sockaddrText(addr, *len) : std::string("..."));
        });
}

int poll(pollfd* fds, nfds_t n, int timeoutMs) {
    return traced(
        "poll", n == 1 ? fds[0].fd : -1,
        [&] {
            int r = ::poll(fds, n, timeoutMs);
            if (r < 0 && errno == EINTR) r = 0;
            return r;
        },
        [&](int) { return "[" + num(static_cast<long long>(n)) + " fds], " + num(timeoutMs); });
}

int select(int nfds, fd_set* r, fd_set* w, fd_set* e, timeval* timeout) {
    return traced(
        "select", -1,
        [&] {
            int res = ::select(nfds, r, w, e, timeout);
            if (res < 0 && errno == EINTR) res = 0;
            return res;
        },
        [&](int) {
            return num(nfds) + ", ..., " +
                   (timeout ? num(timeout->tv_sec * 1000 + timeout->tv_usec / 1000) + "ms"
                            : std::string("NULL"));
        });
}

int epollCreate() {
    return traced(
        "epoll_create1", -1, [&] { return ::epoll_create1(EPOLL_CLOEXEC); },
        [&](int) { return std::string("EPOLL_CLOEXEC"); });
}

int epollCtl(int epfd, int op, int fd, epoll_event* ev) {
    return traced(
        "epoll_ctl", fd, [&] { return ::epoll_ctl(epfd, op, fd, ev); },
        [&](int) {
            const char* o = op == EPOLL_CTL_ADD   ? "EPOLL_CTL_ADD"
                            : op == EPOLL_CTL_MOD ? "EPOLL_CTL_MOD"
                                                  : "EPOLL_CTL_DEL";
            std::string evs;
            if (ev) {
                if (ev->events & EPOLLIN) evs += "EPOLLIN";
                if (ev->events & EPOLLOUT) evs += evs.empty() ? "EPOLLOUT" : "|EPOLLOUT";
            }
            return num(epfd) + ", " + o + ", " + num(fd) + (ev ? ", {" + evs + "}" : std::string{});
        });
}

int epollWait(int epfd, epoll_event* events, int max, int timeoutMs) {
    return traced(
        "epoll_wait", epfd,
        [&] {
            int r = ::epoll_wait(epfd, events, max, timeoutMs);
            if (r < 0 && errno == EINTR) r = 0;
            return r;
        },
        [&](int) { return num(epfd) + ", ..., " + num(max) + ", " + num(timeoutMs); });
}

int setNonBlocking(int fd, bool on) {
    return traced(
        "fcntl", fd,
        [&] {
            int flags = ::fcntl(fd, F_GETFL);
            if (flags < 0) return flags;
            flags = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
            return ::fcntl(fd, F_SETFL, flags);
        },
        [&](int) { return num(fd) + ", F_SETFL, " + (on ? "O_NONBLOCK" : "~O_NONBLOCK"); });
}

int getaddrinfo(const char* host, const char* service, const addrinfo* hints, addrinfo** res) {
    // Not through traced(): getaddrinfo returns a negative EAI_* code, not
    // -1 with errno, so errno is only meaningful for EAI_SYSTEM.
    TraceObserver* obs = traceObserver();
    if (!obs) return ::getaddrinfo(host, service, hints, res);
    const auto wall = std::chrono::system_clock::now();
    const auto t0 = std::chrono::steady_clock::now();
    const int r = ::getaddrinfo(host, service, hints, res);
    const int savedErrno = errno;
    TraceEvent ev;
    ev.timeUs =
        std::chrono::duration_cast<std::chrono::microseconds>(wall.time_since_epoch()).count();
    ev.pid = static_cast<int>(::getpid());
    ev.tid = currentTid();
    ev.call = "getaddrinfo";
    ev.args =
        std::string("\"") + (host ? host : "NULL") + "\", \"" + (service ? service : "NULL") + "\"";
    if (r != 0) ev.args += std::string(" -> ") + ::gai_strerror(r);
    ev.result = r;
    ev.err = r == EAI_SYSTEM ? savedErrno : 0;
    ev.durationNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    obs->onTrace(ev);
    errno = savedErrno;
    return r;
}

pid_t fork() {
    // Not through traced(): the child must not call the parent's observer
    // (it may hold locks owned by other threads of the parent). Only the
    // parent reports the call, once it returns.
    TraceObserver* obs = traceObserver();
    const auto t0 = std::chrono::steady_clock::now();
    pid_t r = ::fork();
    if (r == 0 || !obs) return r;
    const int savedErrno = errno;
    TraceEvent ev;
    ev.timeUs = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
    ev.pid = static_cast<int>(::getpid());
    ev.tid = currentTid();
    ev.call = "fork";
    ev.result = r;
    ev.err = r < 0 ? savedErrno : 0;
    ev.durationNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    obs->onTrace(ev);
    errno = savedErrno;
    return r;
}

int unlink(const char* path) {
    return traced(
        "unlink", -1, [&] { return ::unlink(path); },
        [&](int) { return dataPreview(path, std::strlen(path), 120); });
}

int nanosleep(int64_t ms) {
    return traced(
        "nanosleep", -1,
        [&] {
            timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
            // clock_nanosleep returns the error number instead of setting errno.
            const int err = ::clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr);
            if (err == 0) return 0;
            errno = err;
            return -1;
        },
        [&](int) { return "CLOCK_MONOTONIC, " + num(ms) + " ms"; });
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

int getsocknameUntraced(int fd, sockaddr* addr, socklen_t* len) {
    return ::getsockname(fd, addr, len);
}

int getpeernameUntraced(int fd, sockaddr* addr, socklen_t* len) {
    return ::getpeername(fd, addr, len);
}

}  // namespace sockwb::sys
