#pragma once
// How a wrapper reports a call. recorded() runs the syscall and, when an
// observer listens, times it and fills a TraceRecord with the raw
// arguments (a `fill` lambda: integers, sockaddrs, the bytes moved), hands
// it to the observer's onRecord() and lets the call kind's formatter
// (traceformat.h) make the text whenever the event is shown: nothing is
// allocated or formatted here. traced() is the older form that builds the
// TraceEvent's text on the spot (for a call without a formatter yet); its
// event reaches the observer's onTrace(). With no observer either costs
// one branch. The endpoint helpers ask the kernel through the untraced
// getsockname/getpeername, so reporting a call never adds a row. Called on
// the thread making the call; the observer's own contract applies (trace.h).

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>

#include "core/net/sys.h"
#include "core/net/systext.h"
#include "core/net/trace.h"
#include "core/net/traceformat.h"
#include "core/net/tracerecord.h"

namespace sockwb::sys::detail {

// Nothing more to keep about a call than its fd and result.
struct NoFill {
    template <class R>
    void operator()(TraceRecord&, R) const {}
};

// Runs one syscall, and when an observer listens, times it and reports it
// as a record: `fill` stores what `format` will need, after the call.
template <class Call, class Fill = NoFill>
auto recorded(const char* name, int fd, TraceFormatter format, Call&& call, Fill&& fill = {})
    -> decltype(call()) {
    TraceObserver* obs = traceObserver();
    if (!obs) return call();
    const int64_t wall = wallMicros();
    const auto t0 = std::chrono::steady_clock::now();
    auto result = call();
    const int savedErrno = errno;
    const auto t1 = std::chrono::steady_clock::now();
    TraceRecord rec;
    rec.call = name;
    rec.format = format;
    rec.timeUs = wall;
    rec.pid = currentPid();
    rec.tid = currentTid();
    rec.fd = fd;
    rec.result = static_cast<int64_t>(result);
    rec.err = result < 0 ? savedErrno : 0;
    rec.durationNs = std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
    fill(rec, result);
    obs->onRecord(rec);
    errno = savedErrno;
    return result;
}

// A descriptor's own endpoint / its peer's, untraced (the program did not
// ask), raw: len 0 when the kernel has none to give.
inline void localInto(TraceAddr& a, int fd) {
    a.len = sizeof a.bytes;
    if (getsocknameUntraced(fd, reinterpret_cast<sockaddr*>(a.bytes), &a.len) != 0) a.len = 0;
}

inline void peerInto(TraceAddr& a, int fd) {
    a.len = sizeof a.bytes;
    if (getpeernameUntraced(fd, reinterpret_cast<sockaddr*>(a.bytes), &a.len) != 0) a.len = 0;
}

// Whether endpointText() has something to say about addr (an IP or Unix
// address long enough): accept falls back to getpeername when not.
inline bool endpointKnown(const sockaddr* addr, socklen_t len) {
    if (!addr || len < sizeof(sa_family_t)) return false;
    switch (addr->sa_family) {
        case AF_INET:
            return len >= sizeof(sockaddr_in);
        case AF_INET6:
            return len >= sizeof(sockaddr_in6);
        case AF_UNIX:
            return true;
        default:
            return false;
    }
}

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
    ev.pid = currentPid();
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
inline std::string movedBytes(const void* buf, ssize_t moved) {
    if (moved <= 0 || !buf) return {};
    const size_t n =
        static_cast<size_t>(moved) < kTraceDataBytes ? static_cast<size_t>(moved) : kTraceDataBytes;
    return std::string(static_cast<const char*>(buf), n);
}

// A descriptor's own endpoint / its peer's, untraced (the program did not
// ask): "" when the kernel has none to give.
inline std::string localOf(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getsocknameUntraced(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};
    return endpointText(reinterpret_cast<const sockaddr*>(&ss), len);
}

inline std::string peerOf(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getpeernameUntraced(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};
    return endpointText(reinterpret_cast<const sockaddr*>(&ss), len);
}

}  // namespace sockwb::sys::detail
