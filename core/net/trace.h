#pragma once
// The syscall trace: every wrapped socket call reports one TraceEvent to the
// observer attached to the calling thread (or, failing that, to the
// process-wide one). With no observer attached the cost is one branch: the
// event and its argument text are only built when someone listens.

#include <cstdint>
#include <string>

namespace sockwb {

struct TraceEvent {
    int64_t timeUs = 0;      // wall clock, microseconds since the Unix epoch
    int pid = 0;             // process that made the call (a fork child has its own)
    int tid = 0;             // kernel thread id (gettid)
    int fd = -1;             // descriptor the call is about, -1 when none
    std::string call;        // "socket", "bind", "accept4", "recv", ...
    std::string args;        // arguments as text: "3, [127.0.0.1:8080], 16"
    int64_t result = 0;      // the return value
    int err = 0;             // errno when the call failed, else 0
    int64_t durationNs = 0;  // how long the call took

    // errnoName(err), or "" when the call succeeded.
    std::string errName() const;
    // One line in the style of strace: "accept4(3, ...) = 5 <12us>"
    std::string toLine() const;
    // One JSON object (no newline) with every field.
    std::string toJson() const;
};

// Receives events on the thread that made the call: implementations must be
// thread-safe when shared between threads, and must not make traced calls.
class TraceObserver {
public:
    virtual ~TraceObserver() = default;
    virtual void onTrace(const TraceEvent& event) = 0;
};

namespace detail {
extern thread_local TraceObserver* t_traceObserver;
TraceObserver* globalTraceObserver() noexcept;
}  // namespace detail

// The observer for the calling thread: its own if set, else the global one.
inline TraceObserver* traceObserver() noexcept {
    if (detail::t_traceObserver) return detail::t_traceObserver;
    return detail::globalTraceObserver();
}

// Sets the process-wide fallback observer (nullptr to detach). The caller
// keeps ownership and must keep it alive while attached. Thread-safe.
void setGlobalTraceObserver(TraceObserver* observer) noexcept;

// Attaches an observer to the current thread for the scope's lifetime and
// restores the previous one afterwards. Not copyable; use on one thread.
class TraceScope {
public:
    explicit TraceScope(TraceObserver* observer) noexcept;
    ~TraceScope();
    TraceScope(const TraceScope&) = delete;
    TraceScope& operator=(const TraceScope&) = delete;

private:
    TraceObserver* previous_;
};

// Reports an event that is not a wrapped syscall (thread start, a service
// decision...). Cheap when no observer is attached. Thread-safe.
void traceNote(const char* call, int fd, std::string args, int64_t result = 0);

// Current kernel thread id. Thread-safe.
int currentTid() noexcept;

}  // namespace sockwb
