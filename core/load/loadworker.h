#pragma once
// One load thread: an epoll loop driving its share of the connections with
// non-blocking sockets, level-triggered. Closed loop: each connection sends
// its next request as soon as the previous answer is in. Open loop (rate >
// 0): requests are due on a fixed schedule, each one timed from the moment
// it was due, not from when a connection was free to send it, so a stalled
// server shows up in the latency (no coordinated omission).

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/load/loadconfig.h"
#include "core/load/loadstats.h"
#include "core/load/replyreader.h"
#include "core/load/runcontrol.h"

namespace sockwb::load {

class LoadWorker {
public:
    // connections: how many this thread drives; rate: its share of the
    // requests/s (0 = closed loop). config and control must outlive the
    // worker. Throws Error if epoll/eventfd/timerfd cannot be created.
    LoadWorker(const LoadConfig& config, int connections, double rate, RunControl& control);
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
        bool inFlight = false;     // holds a ticket: a request is under way
        std::uint32_t events = 0;  // the epoll mask registered
        std::uint32_t gen = 0;     // bumped on close: stale events are ignored
        std::size_t sendOffset = 0;
        std::int64_t startNs = 0;  // latency origin (intended time in open loop)
        std::int64_t deadlineNs = 0;
        std::int64_t retryNs = 0;
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
    void complete(std::uint32_t i, std::int64_t now);
    void fail(std::uint32_t i, LoadErrorKind kind, const std::string& what, int err,
              std::int64_t now);
    void countError(LoadErrorKind kind, const std::string& what, int err);
    void closeConn(std::uint32_t i);
    void setEvents(std::uint32_t i, std::uint32_t events);
    void release(std::uint32_t i, std::int64_t now);
    void dispatch(std::int64_t now);
    void sweep(std::int64_t now);
    void retryDue(std::int64_t now);
    void armTimer(std::int64_t at);
    int waitTimeoutMs(std::int64_t now) const;
    void publish() noexcept;
    const std::string& outgoing() const;

    const LoadConfig& config_;
    RunControl& control_;
    const double rate_;
    const std::int64_t timeoutNs_;
    double intervalNs_ = 0;
    std::uint64_t nextIndex_ = 0;  // open loop: next scheduled request
    int epfd_ = -1;
    int wakeFd_ = -1;
    int timerFd_ = -1;
    std::int64_t timerAt_ = 0;
    std::int64_t nextSweepNs_ = 0;
    int busy_ = 0;
    std::vector<Conn> conns_;
    std::vector<std::uint32_t> free_;     // open loop: connections ready for a request
    std::vector<std::uint32_t> backoff_;  // waiting to reconnect
    std::string request_;                 // HTTP request or echo payload
    std::string buffer_;                  // receive buffer, shared by the connections
    LoadStats stats_;
    std::atomic<std::uint64_t> liveRequests_{0};
    std::atomic<std::uint64_t> liveErrors_{0};
    std::atomic<std::uint64_t> liveBytes_{0};
};

}  // namespace sockwb::load
