#include "core/net/sys.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "core/net/systext.h"
#include "core/net/trace.h"
#include "core/net/tracedcall.h"
#include "core/net/traceformat.h"
#include "core/net/tracerecord.h"

namespace sockwb::sys {

namespace {

using detail::endpointKnown;
using detail::localInto;
using detail::peerInto;
using detail::recorded;

// The bytes a send-like call offered: what it moved (up to
// kTraceDataBytes) and at least what the argument preview shows.
void keepOffered(TraceRecord& rec, const void* buf, size_t len, ssize_t moved) {
    const size_t want = std::max<size_t>(moved > 0 ? size_t(moved) : 0, 33);
    rec.setData(buf, std::min(len, want));
}

}  // namespace

int socket(int domain, int type, int protocol) {
    return recorded(
        "socket", -1, fmt::socketText, [&] { return ::socket(domain, type, protocol); },
        [&](TraceRecord& rec, int) {
            rec.arg[0] = domain;
            rec.arg[1] = type;
            rec.arg[2] = protocol;
        });
}

int bind(int fd, const sockaddr* addr, socklen_t len) {
    return recorded(
        "bind", fd, fmt::bindText, [&] { return ::bind(fd, addr, len); },
        [&](TraceRecord& rec, int r) {
            rec.addr.set(addr, len);
            rec.arg[0] = len;
            if (r == 0) localInto(rec.local, fd);  // port 0 made real
        });
}

int listen(int fd, int backlog) {
    return recorded(
        "listen", fd, fmt::listenText, [&] { return ::listen(fd, backlog); },
        [&](TraceRecord& rec, int r) {
            rec.arg[0] = backlog;
            if (r == 0) localInto(rec.local, fd);
        });
}

int accept(int fd, sockaddr* addr, socklen_t* len, int flags) {
    const socklen_t room = len ? *len : 0;
    return recorded(
        "accept4", fd, fmt::acceptText,
        [&] {
            int r;
            do r = ::accept4(fd, addr, len, flags | SOCK_CLOEXEC);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](TraceRecord& rec, int r) {
            rec.arg[0] = flags;
            rec.arg[1] = len != nullptr;
            if (r < 0) return;
            // What the buffer holds (the kernel reports the full length even
            // when it cut the address).
            if (len) rec.addr.set(addr, std::min(*len, room));
            localInto(rec.local, r);  // the new socket's, not the listener's
            if (!(addr && len && endpointKnown(addr, std::min(*len, room)))) peerInto(rec.peer, r);
        });
}

int connect(int fd, const sockaddr* addr, socklen_t len) {
    return recorded(
        "connect", fd, fmt::connectText, [&] { return ::connect(fd, addr, len); },
        [&](TraceRecord& rec, int r) {
            rec.addr.set(addr, len);
            rec.arg[0] = len;
            // Under way (EINPROGRESS) the socket is bound already.
            if (r == 0 || rec.err == EINPROGRESS) localInto(rec.local, fd);
        });
}

ssize_t send(int fd, const void* buf, size_t len, int flags) {
    flags |= MSG_NOSIGNAL;
    return recorded(
        "send", fd, fmt::sendText,
        [&] {
            ssize_t r;
            do r = ::send(fd, buf, len, flags);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](TraceRecord& rec, ssize_t r) {
            rec.arg[0] = static_cast<int64_t>(len);
            rec.arg[1] = flags;
            keepOffered(rec, buf, len, r);
        });
}

ssize_t recv(int fd, void* buf, size_t len, int flags) {
    return recorded(
        "recv", fd, fmt::recvText,
        [&] {
            ssize_t r;
            do r = ::recv(fd, buf, len, flags);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](TraceRecord& rec, ssize_t r) {
            rec.arg[0] = static_cast<int64_t>(len);
            rec.arg[1] = flags;
            // MSG_TRUNC returns the real length, which may exceed the buffer.
            if (r > 0) rec.setData(buf, std::min(size_t(r), len));
        });
}

ssize_t sendto(int fd, const void* buf, size_t len, int flags, const sockaddr* to,
               socklen_t tolen) {
    flags |= MSG_NOSIGNAL;
    return recorded(
        "sendto", fd, fmt::sendtoText,
        [&] {
            ssize_t r;
            do r = ::sendto(fd, buf, len, flags, to, tolen);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](TraceRecord& rec, ssize_t r) {
            rec.arg[0] = static_cast<int64_t>(len);
            rec.arg[1] = flags;
            rec.arg[2] = to != nullptr;
            keepOffered(rec, buf, len, r);
            rec.addr.set(to, tolen);
            if (!to) peerInto(rec.peer, fd);
            localInto(rec.local, fd);  // a first sendto binds the socket
        });
}

ssize_t recvfrom(int fd, void* buf, size_t len, int flags, sockaddr* from, socklen_t* fromlen) {
    const socklen_t room = fromlen ? *fromlen : 0;
    return recorded(
        "recvfrom", fd, fmt::recvfromText,
        [&] {
            ssize_t r;
            do r = ::recvfrom(fd, buf, len, flags, from, fromlen);
            while (r < 0 && errno == EINTR);
            return r;
        },
        [&](TraceRecord& rec, ssize_t r) {
            rec.arg[0] = static_cast<int64_t>(len);
            rec.arg[1] = flags;
            rec.arg[2] = fromlen != nullptr;
            rec.arg[3] = from != nullptr;
            if (r < 0) return;
            if (r > 0) rec.setData(buf, std::min(size_t(r), len));
            if (fromlen) rec.addr.set(from, std::min(*fromlen, room));
            if (!(from && fromlen)) peerInto(rec.peer, fd);
            localInto(rec.local, fd);
        });
}

int shutdown(int fd, int how) {
    return recorded(
        "shutdown", fd, fmt::shutdownText, [&] { return ::shutdown(fd, how); },
        [&](TraceRecord& rec, int) { rec.arg[0] = how; });
}

int ioctlInt(int fd, unsigned long request, int* value) {
    return recorded(
        "ioctl", fd, fmt::ioctlText, [&] { return ::ioctl(fd, request, value); },
        [&](TraceRecord& rec, int r) {
            rec.arg[0] = static_cast<int64_t>(request);
            if (r == 0) rec.arg[1] = *value;
        });
}

int close(int fd) {
    return recorded("close", fd, fmt::closeText, [&] { return ::close(fd); });
}

int setsockopt(int fd, int level, int name, const void* value, socklen_t len) {
    return recorded(
        "setsockopt", fd, fmt::setsockoptText,
        [&] { return ::setsockopt(fd, level, name, value, len); },
        [&](TraceRecord& rec, int) {
            rec.arg[0] = level;
            rec.arg[1] = name;
            rec.arg[2] = len;
            if (value) rec.setData(value, len);
        });
}

int getsockopt(int fd, int level, int name, void* value, socklen_t* len) {
    return recorded(
        "getsockopt", fd, fmt::getsockoptText,
        [&] { return ::getsockopt(fd, level, name, value, len); },
        [&](TraceRecord& rec, int r) {
            rec.arg[0] = level;
            rec.arg[1] = name;
            rec.arg[2] = r == 0 && *len == sizeof(int);
            if (rec.arg[2]) rec.arg[3] = *static_cast<const int*>(value);
        });
}

int getsockname(int fd, sockaddr* addr, socklen_t* len) {
    const socklen_t room = *len;
    return recorded(
        "getsockname", fd, fmt::socknameText, [&] { return ::getsockname(fd, addr, len); },
        [&](TraceRecord& rec, int r) {
            if (r == 0) rec.addr.set(addr, std::min(*len, room));
        });
}

int getpeername(int fd, sockaddr* addr, socklen_t* len) {
    const socklen_t room = *len;
    return recorded(
        "getpeername", fd, fmt::socknameText, [&] { return ::getpeername(fd, addr, len); },
        [&](TraceRecord& rec, int r) {
            if (r == 0) rec.addr.set(addr, std::min(*len, room));
        });
}

int setNonBlocking(int fd, bool on) {
    return recorded(
        "fcntl", fd, fmt::fcntlText,
        [&] {
            int flags = ::fcntl(fd, F_GETFL);
            if (flags < 0) return flags;
            flags = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
            return ::fcntl(fd, F_SETFL, flags);
        },
        [&](TraceRecord& rec, int) { rec.arg[0] = on; });
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
    ev.pid = currentPid();
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
    ev.pid = currentPid();
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
    return recorded(
        "unlink", -1, fmt::unlinkText, [&] { return ::unlink(path); },
        [&](TraceRecord& rec, int) {
            const size_t n = std::strlen(path);
            rec.arg[0] = static_cast<int64_t>(n);
            rec.setData(path, std::min<size_t>(n, 121));
        });
}

int nanosleep(int64_t ms) {
    return recorded(
        "nanosleep", -1, fmt::nanosleepText,
        [&] {
            timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
            // clock_nanosleep returns the error number instead of setting errno.
            const int err = ::clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr);
            if (err == 0) return 0;
            errno = err;
            return -1;
        },
        [&](TraceRecord& rec, int) { rec.arg[0] = ms; });
}

int getsocknameUntraced(int fd, sockaddr* addr, socklen_t* len) {
    return ::getsockname(fd, addr, len);
}

int getpeernameUntraced(int fd, sockaddr* addr, socklen_t* len) {
    return ::getpeername(fd, addr, len);
}

}  // namespace sockwb::sys
