#pragma once
// select, poll, epoll: one thread multiplexes every listener (TCP and UDP,
// several services on several ports: the course's multi-service server)
// and every connection, with non-blocking I/O and the services' waits as
// timers in the loop. The model's name is its poller's.

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
    void acceptReady(size_t listener);
    void serve(int fd, const Address& peer, size_t listener);
    void pauseAccepting(size_t listener);
    void closeAll();  // loop thread, at the end

    std::string backend_;
    ServerCore* core_ = nullptr;
    std::unique_ptr<EventLoop> loop_;
    std::thread thread_;
    // Loop thread only (and stop() after the join).
    std::unordered_map<uint64_t, std::unique_ptr<EventConnection>> connections_;
    std::vector<std::unique_ptr<EventConnection>> finished_;
    std::vector<std::unique_ptr<DatagramEndpoint>> endpoints_;
};

}  // namespace sockwb
