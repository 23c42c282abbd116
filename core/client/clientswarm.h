#pragma once
// ClientSwarm: many clients (1..500 and more) against one target, all driven
// by ONE thread running the project's reactor (EventLoop over epoll, its
// TimerQueue for connect timeouts and ping/chat periods) over non-blocking
// sockets — not one thread per client. Each client plays a Scenario
// (swarmconfig.h). Readers take snapshots of every client's status from any
// thread. The loop's calls (epoll_create1, epoll_ctl, epoll_wait, socket,
// connect, send, recv...) go to the trace observer given at construction.

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/client/swarmconfig.h"
#include "core/net/address.h"
#include "core/net/error.h"

namespace sockwb {

class EventLoop;
class TraceObserver;
class Wakeup;

class ClientSwarm {
public:
    // trace is not owned, may be nullptr; it sees every call of the loop.
    explicit ClientSwarm(SwarmConfig config, TraceObserver* trace = nullptr);
    // Stops and joins.
    ~ClientSwarm();
    ClientSwarm(const ClientSwarm&) = delete;
    ClientSwarm& operator=(const ClientSwarm&) = delete;

    // Builds the loop (epoll, and a Wakeup as its stop fd) and starts its
    // thread; returns at once. Call once. Throws Error (eventfd, epoll).
    void start();
    // Closes every client and joins the loop thread. Prompt. Idempotent.
    // Not from an observer.
    void stop();

    // Every client's status, in client order. Thread-safe.
    std::vector<SwarmClientStatus> snapshot() const;
    // True once every client has ended (done, closed or failed). Thread-safe.
    bool finished() const noexcept { return finished_.load(); }
    const SwarmConfig& config() const noexcept { return config_; }

private:
    struct Client;
    void run();
    bool resolveTarget();
    void connectBatch();
    void startConnect(size_t i);
    void watchClient(size_t i, unsigned interest);
    void onEvent(size_t i, unsigned events);
    void onConnected(size_t i);
    void onReadable(size_t i);
    bool takeBytes(size_t i, const char* data, size_t n);
    void onWritable(size_t i);
    void onMessage(size_t i, std::string_view message);
    void armTimer(size_t i, std::chrono::steady_clock::time_point at);
    void onTimer(size_t i);
    void queueSend(size_t i, std::string bytes);
    void updateEvents(size_t i);
    void end(size_t i, SwarmClientStatus::State state);
    void failClient(size_t i, const ErrorInfo& error);
    void failRemaining(const ErrorInfo& error);
    std::string targetText() const;

    SwarmConfig config_;
    TraceObserver* trace_;
    std::thread thread_;
    std::unique_ptr<Wakeup> wake_;                  // stop(): the loop's stop fd
    std::unique_ptr<EventLoop> loop_;               // built by start(), then the loop thread's
    Address target_;                                // resolved once by the loop
    std::vector<std::unique_ptr<Client>> clients_;  // loop thread only
    size_t nextToConnect_ = 0;
    size_t ended_ = 0;
    mutable std::mutex mutex_;  // guards status_
    std::vector<SwarmClientStatus> status_;
    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> finished_{false};
};

}  // namespace sockwb
