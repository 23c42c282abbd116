#include "core/net/trace.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include "core/net/error.h"
#include "core/net/tracerecord.h"

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

void TraceObserver::onRecord(const TraceRecord& record) { onTrace(record.toEvent()); }

namespace {
// 0 until asked, and again in a fork child (the atfork handler below).
std::atomic<int> g_pid{0};
}  // namespace

int currentPid() noexcept {
    int p = g_pid.load(std::memory_order_relaxed);
    if (p != 0) return p;
    static const bool registered = [] {
        ::pthread_atfork(nullptr, nullptr, [] { g_pid.store(0, std::memory_order_relaxed); });
        return true;
    }();
    (void)registered;
    p = static_cast<int>(::getpid());
    g_pid.store(p, std::memory_order_relaxed);
    return p;
}

int64_t wallMicros() noexcept {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int currentTid() noexcept {
    // Cached per thread: gettid is a syscall and the trace asks often. A
    // fork child inherits the cache, so check the pid to refresh it.
    thread_local int tid = 0;
    thread_local int pid = 0;
    const int p = currentPid();
    if (tid == 0 || pid != p) {
        tid = static_cast<int>(::syscall(SYS_gettid));
        pid = p;
    }
    return tid;
}

void traceNote(const char* call, int fd, std::string args, int64_t result) {
    TraceObserver* obs = traceObserver();
    if (!obs) return;
    if (args.size() <= kTraceDataBytes) {
        // The text rides in the record's data: no formatter, nothing built.
        TraceRecord rec;
        rec.timeUs = wallMicros();
        rec.pid = currentPid();
        rec.tid = currentTid();
        rec.fd = fd;
        rec.call = call;
        rec.result = result;
        rec.setData(args.data(), args.size());
        obs->onRecord(rec);
        return;
    }
    TraceEvent ev;
    ev.timeUs = wallMicros();
    ev.pid = currentPid();
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
