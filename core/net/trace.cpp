#include "core/net/trace.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include "core/net/error.h"

namespace sockwb {

namespace detail {
thread_local TraceObserver* t_traceObserver = nullptr;
namespace {
std::atomic<TraceObserver*> g_observer{nullptr};
}
TraceObserver* globalTraceObserver() noexcept { return g_observer.load(std::memory_order_acquire); }
}  // namespace detail

void setGlobalTraceObserver(TraceObserver* observer) noexcept {
    detail::g_observer.store(observer, std::memory_order_release);
}

TraceScope::TraceScope(TraceObserver* observer) noexcept : previous_(detail::t_traceObserver) {
    detail::t_traceObserver = observer;
}

TraceScope::~TraceScope() { detail::t_traceObserver = previous_; }

int currentTid() noexcept {
    // Cached per thread: gettid is a syscall and the trace asks often. A
    // fork child inherits the cache, so check the pid to refresh it.
    thread_local int tid = 0;
    thread_local int pid = 0;
    int p = static_cast<int>(::getpid());
    if (tid == 0 || pid != p) {
        tid = static_cast<int>(::syscall(SYS_gettid));
        pid = p;
    }
    return tid;
}

void traceNote(const char* call, int fd, std::string args, int64_t result) {
    TraceObserver* obs = traceObserver();
    if (!obs) return;
    TraceEvent ev;
    ev.timeUs = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
    ev.pid = static_cast<int>(::getpid());
    ev.tid = currentTid();
    ev.fd = fd;
    ev.call = call;
    ev.args = std::move(args);
    ev.result = result;
    obs->onTrace(ev);
}

std::string TraceEvent::errName() const { return err ? errnoName(err) : std::string{}; }

std::string TraceEvent::toLine() const {
    std::string line = call + "(" + args + ") = " + std::to_string(result);
    if (err) line += " " + errnoName(err);
    char dur[48];
    std::snprintf(dur, sizeof dur, " <%.1fus>", static_cast<double>(durationNs) / 1000.0);
    line += dur;
    return line;
}

}  // namespace sockwb
