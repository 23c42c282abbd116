#pragma once
// The syscall trace: every wrapped socket call reports one TraceEvent to the
// observer attached to the calling thread (or, failing that, to the
// process-wide one). With no observer attached the cost is one branch: the
// event and its argument text are only built when someone listens. An
// observer that overrides onRecord() gets the calls in binary form
// (TraceRecord, tracerecord.h) and formats them only when it shows them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sockwb {

struct TraceRecord;

// The most bytes of a send or recv a TraceEvent keeps in `data`.
inline constexpr size_t kTraceDataBytes = 512;

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

    // Structured details for the views that rebuild an exchange from the
    // calls (the sequence view). Empty when the call does not know them.
    //  - data: the bytes moved (send/recv/read/write/sendto/recvfrom/
    //    sendmsg/recvmsg with result > 0): the first min(result,
    //    kTraceDataBytes) bytes, raw (binary safe).
    //  - local / peer: the socket's endpoints, spelt as Address::toString()
    //    spells them ("127.0.0.1:5000", "[::1]:80", "unix:/path"; an
    //    IPv4-mapped IPv6 address as plain IPv4; a wildcard as
    //    "0.0.0.0:5000" / "[::]:5000"). Filled by: bind, listen (local),
    //    connect (peer = the destination, local = getsockname after it when
    //    it returned 0 or EINPROGRESS), accept/accept4 (the NEW socket's
    //    local and peer), sendto/sendmsg (peer = destination, local =
    //    getsockname after), recvfrom/recvmsg (peer = source, local).
    std::string data;
    std::string local;
    std::string peer;

    // errnoName(err), or "" when the call succeeded.
    std::string errName() const;
    // One line in the style of strace: "accept4(3, ...) = 5 <12us>"
    std::string toLine() const;
    // One JSON object (no newline) with every field; "data_b64" (data in
    // base64), "local" and "peer" only when not empty. In tracejson.cpp.
    std::string toJson() const;
    // Reads back what toJson() wrote: the object itself, or a line of the
    // CLI's --json output that holds it ({"event":"trace","trace":{...}}).
    // Strings are read as JsonWriter writes them (\u00XX is the byte XX, so
    // binary args survive). Unknown keys are skipped, missing ones keep
    // their defaults. nullopt when the line is not valid JSON, or not a
    // trace event (no "call"). Thread-safe (pure).
    static std::optional<TraceEvent> fromJson(std::string_view line);
};

// Receives events on the thread that made the call: implementations must be
// thread-safe when shared between threads, and must not make traced calls.
class TraceObserver {
public:
    virtual ~TraceObserver() = default;
    virtual void onTrace(const TraceEvent& event) = 0;
    // The wrapped calls and traceNote() report here, in binary form. The
    // default formats the record on the spot and calls onTrace(), so an
    // observer that only wants events overrides nothing; one that keeps
    // records (and formats them later, elsewhere) overrides this. Calls that
    // are reported as events only (getaddrinfo, fork, a note longer than
    // kTraceDataBytes) still come through onTrace(). Same thread contract.
    virtual void onRecord(const TraceRecord& record);
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
// getpid(), cached (glibc no longer caches it and the trace asks on every
// call); a fork child refreshes it. Thread-safe.
int currentPid() noexcept;
// Wall clock in microseconds since the Unix epoch, as TraceEvent::timeUs.
int64_t wallMicros() noexcept;

}  // namespace sockwb
