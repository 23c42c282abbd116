#pragma once
// How sys:: reports a call (sys.cpp's only): traced() runs the syscall and,
// when an observer listens, times it and builds its TraceEvent (argument
// text, then the structured fields: data, local, peer). With no observer the
// cost is one branch: nothing is formatted, copied or asked. The helpers
// ask the kernel for endpoints through the untraced getsockname/getpeername,
// so reporting a call never adds a row. Called on the thread making the
// call; the observer's own contract applies (trace.h).

#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>

#include "core/net/sys.h"
#include "core/net/systext.h"
#include "core/net/trace.h"

namespace sockwb::sys::detail {

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
