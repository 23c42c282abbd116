#pragma once
// select, poll, epoll: one thread multiplexes every listener (TCP and UDP,
// several services on several ports: the course's multi-service server)
// and every connection, with non-blocking I/O and the services' waits as
// timers in the loop. The model's name is its poller's.
//
// epoll with ServerConfig::loops = N > 1 (nginx's worker_processes N): N
// loops on N threads, each serving its own SO_REUSEPORT copy of every TCP
// listener (Listener::loop) and only the connections it accepted; UDP
// listeners stay on loop 0. A chat line for a connection of another loop is
// posted to that loop (EventLoop::post). start() and stop() on the
// caller's thread; everything else on the loop threads.

#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/net/address.h"
#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class EventLoop;
class EventConnection;
class DatagramEndpoint;
struct Listener;

class EventModel final : public ConcurrencyModel {
public:
    // backend: "select", "poll" or "epoll".
    explicit EventModel(std::string backend);
    ~EventModel() override;
    std::string name() const override { return backend_; }
    bool eventDriven() const override { return true; }
    void start(ServerCore& core) override;
    void stop() override;

private:
    // One event loop, its thread and what it serves. Its thread only
    // (and stop() after the join).
    struct Loop {
        size_t index = 0;
        std::unique_ptr<EventLoop> loop;
        std::thread thread;
        std::unordered_map<uint64_t, std::unique_ptr<EventConnection>> connections;
        std::vector<std::unique_ptr<EventConnection>> finished;
        std::vector<std::unique_ptr<DatagramEndpoint>> endpoints;
    };
    void setUp(Loop& lp);
    void run(Loop& lp);
    void acceptReady(Loop& lp, size_t listener);
    void serve(Loop& lp, int fd, const Address& peer, size_t listener);
    void pauseAccepting(Loop& lp, size_t listener);
    void closeAll(Loop& lp);  // loop thread, at the end

    std::string backend_;
    ServerCore* core_ = nullptr;
    std::vector<std::unique_ptr<Loop>> loops_;
};

}  // namespace sockwb
