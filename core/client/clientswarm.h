#pragma once
// ClientSwarm: many clients (1..500 and more) against one target, all driven
// by ONE thread running an epoll loop over non-blocking sockets — not one
// thread per client. Each client plays a scenario from the course: say
// "Bonjour" and read until "Au Revoir", ping an echo server every X ms and
// measure the round trip, chat like a bot, or just hold the connection
// (swarmconfig.h). Readers take snapshots of every client's status from any
// thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/client/clientconnection.h"
#include "core/client/swarmconfig.h"
#include "core/net/error.h"

namespace sockwb {

class ClientSwarm {
public:
    // trace is not owned, may be nullptr; it sees every call of the loop.
    explicit ClientSwarm(SwarmConfig config, TraceObserver* trace = nullptr);
    // Stops and joins.
    ~ClientSwarm();
    ClientSwarm(const ClientSwarm&) = delete;
    ClientSwarm& operator=(const ClientSwarm&) = delete;

    // Starts the loop thread; returns at once. Call once. Throws Error.
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
    void startConnect(size_t i, const Address& target);
    void onConnected(size_t i);
    void onReadable(size_t i);
    void onWritable(size_t i);
    void onMessage(size_t i, std::string_view message);
    void onTimer(size_t i);
    void queueSend(size_t i, std::string bytes);
    void updateEvents(size_t i);
    void end(size_t i, SwarmClientStatus::State state);
    void failClient(size_t i, const ErrorInfo& error);
    int nextTimeoutMs() const;
    void fireTimers();

    SwarmConfig config_;
    TraceObserver* trace_;
    std::thread thread_;
    int wakeFd_ = -1;
    int epollFd_ = -1;
    Address target_;                                // resolved once by the loop
    std::vector<std::unique_ptr<Client>> clients_;  // loop thread only
    size_t ended_ = 0;
    mutable std::mutex mutex_;  // guards status_
    std::vector<SwarmClientStatus> status_;
    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> finished_{false};
};

}  // namespace sockwb
