#pragma once
// One load thread: the project's reactor (EventLoop over epoll, level-
// triggered) driving its share of the connections with non-blocking
// sockets. Closed loop: each connection sends its next request as soon as
// the previous answer is in. Open loop (rate > 0): requests are due on a
// fixed schedule, each one timed from the moment it was due, not from when
// a connection was free to send it, so a stalled server shows up in the
// latency (no coordinated omission). The schedule has its own timerfd,
// watched by the loop: the TimerQueue counts in milliseconds, and a request
// released up to 1 ms late would add that much to every latency. The
// TimerQueue runs the rest: the deadline, the 50 ms timeout sweep, the
// reconnect back-off. A Wakeup is the loop's stop fd.
//
// TLS (https://): each connection gets a tls::Engine once TCP is connected.
// The worker's own non-blocking send()/recv() move the ciphertext; the
// request goes into the engine at once (it waits there for the handshake),
// so the handshake is part of the first request's time, as connect is.
// With no TLS context nothing of this runs: the plain path is unchanged.
//
// Throughput (2 shared, noisy cores; `tests/bench/run --only 3 --runs 5`,
// sockwb load / wrk on nginx, base = the old hand-written epoll loop, run
// back to back): -t1 -c64 base 0.97, this loop 1.21; -t2 -c64 base 1.06,
// this loop 1.06. Direct A/B, same nginx, 4 alternating 3 s runs: -t1
// 55k vs 57k req/s, -t2 54k vs 69k (medians, base vs this loop): no loss.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/load/loadconfig.h"
#include "core/load/loadstats.h"
#include "core/load/replyreader.h"
#include "core/load/runcontrol.h"
#include "core/net/wakeup.h"
#include "core/reactor/eventloop.h"
#include "core/tls/tlsengine.h"

namespace sockwb::load {

class LoadWorker {
public:
    // connections: how many this thread drives; rate: its share of the
    // requests/s (0 = closed loop). config and control must outlive the
    // worker; tls (null: plain TCP) is the client context every connection
    // shares (its session cache makes reconnects resume). Throws Error if
    // eventfd/epoll/timerfd cannot be created.
    LoadWorker(const LoadConfig& config, int connections, double rate, RunControl& control,
               std::shared_ptr<const tls::Context> tls = nullptr);
    ~LoadWorker();
    LoadWorker(const LoadWorker&) = delete;
    LoadWorker& operator=(const LoadWorker&) = delete;

    // Runs the loop until the deadline, the stop flag or the last ticket is
    // done; closes every socket before returning. Call on the worker's own thread.
    void run();
    // Wakes the loop so it sees the stop flag at once. Thread-safe.
    void wake() noexcept;
    // Live counters for the progress line. Thread-safe (relaxed reads).
    std::uint64_t liveRequests() const noexcept {
        return liveRequests_.load(std::memory_order_relaxed);
    }
    std::uint64_t liveErrors() const noexcept {
        return liveErrors_.load(std::memory_order_relaxed);
    }
    std::uint64_t liveBytes() const noexcept { return liveBytes_.load(std::memory_order_relaxed); }
    // The results; read only after run() returned. Not thread-safe.
    const LoadStats& stats() const noexcept { return stats_; }

private:
    enum class State : std::uint8_t { Closed, Connecting, Sending, Receiving, Idle, Backoff, Done };
    struct Conn {
        int fd = -1;
        State state = State::Closed;
        bool inFlight = false;  // holds a ticket: a request is under way
        unsigned events = 0;    // the loop's interest (Poller::In|Out), 0: unwatched
        std::uint32_t gen = 0;  // bumped on close: stale events are ignored
        std::size_t sendOffset = 0;
        std::int64_t startNs = 0;  // latency origin (intended time in open loop)
        std::int64_t deadlineNs = 0;
        std::int64_t connectedNs = 0;      // TLS: TCP connected (the handshake's start)
        std::unique_ptr<tls::Engine> tls;  // TLS: the connection's engine, null when plain
        std::string tlsOut;                // TLS: ciphertext not yet sent, from tlsOutOffset
        std::size_t tlsOutOffset = 0;
        ReplyReader reader;
        explicit Conn(ReplyReader r) : reader(std::move(r)) {}
    };

    void startRequest(std::uint32_t i, std::int64_t now);
    void beginNext(std::uint32_t i, std::int64_t now);
    void openSocket(std::uint32_t i, std::int64_t now);
    void onEvent(std::uint32_t i, std::uint32_t ev, std::int64_t now);
    void trySend(std::uint32_t i, std::int64_t now);
    void bulkWrite(std::uint32_t i, std::int64_t now);
    void onReadable(std::uint32_t i, std::int64_t now);
    // Handles n received bytes; false when the connection changed state.
    bool onData(std::uint32_t i, const char* data, std::size_t n, std::int64_t now);
    void onEof(std::uint32_t i, std::int64_t now);
    // TLS: starts the engine if needed and hands it the request.
    void tlsSend(std::uint32_t i, std::int64_t now);
    // TLS: sends the engine's output; false when the connection failed.
    bool tlsFlush(std::uint32_t i, std::int64_t now);
    // TLS: ciphertext received; false when the connection changed state.
    bool onTlsData(std::uint32_t i, const char* data, std::size_t n, std::int64_t now);
    void complete(std::uint32_t i, std::int64_t now);
    void fail(std::uint32_t i, LoadErrorKind kind, const std::string& what, int err,
              std::int64_t now, const ErrorInfo* info = nullptr);
    void countError(LoadErrorKind kind, const std::string& what, int err,
                    const ErrorInfo* info = nullptr);
    void closeConn(std::uint32_t i);
    void setEvents(std::uint32_t i, unsigned events);
    void release(std::uint32_t i, std::int64_t now);
    void dispatch(std::int64_t now);
    void sweep();
    void retry(std::uint32_t i);
    void armTimer(std::int64_t at);
    void startTimers(std::int64_t now);
    void endOfRound();
    bool finished(std::int64_t now) const;
    void publish() noexcept;
    const std::string& outgoing() const;

    const LoadConfig& config_;
    RunControl& control_;
    const double rate_;
    const std::int64_t timeoutNs_;
    double intervalNs_ = 0;
    std::uint64_t nextIndex_ = 0;  // open loop: next scheduled request
    Wakeup wake_;                  // the loop's stop fd (before loop_: outlives it)
    EventLoop loop_;
    int timerFd_ = -1;  // open loop: when the next request is due
    std::int64_t timerAt_ = 0;
    int busy_ = 0;
    std::vector<Conn> conns_;
    std::vector<std::uint32_t> free_;          // open loop: connections ready for a request
    int backoff_ = 0;                          // connections waiting to reconnect
    std::string request_;                      // HTTP request or echo payload
    std::string buffer_;                       // receive buffer, shared by the connections
    std::shared_ptr<const tls::Context> tls_;  // null: plain TCP
    std::string sessionKey_;                   // TLS: "host:port", the session cache's key
    std::string plain_;                        // TLS: decrypted bytes, shared by the connections
    LoadStats stats_;
    std::atomic<std::uint64_t> liveRequests_{0};
    std::atomic<std::uint64_t> liveErrors_{0};
    std::atomic<std::uint64_t> liveBytes_{0};
};

}  // namespace sockwb::load
