#pragma once
// io_uring: the eighth model. Event-driven like epoll (the same sans-IO
// sessions), but completion-based: instead of asking which sockets are
// ready and then calling accept/recv/send on each, a loop queues requests
// (multishot accept, multishot receive into provided buffers, sends) and
// reaps their completions, one io_uring_enter per round for both
// (uringloop.h). ServerConfig::loops loops on as many threads, loop k
// serving the listeners whose Listener::loop is k (SO_REUSEPORT copies).
// start/stop on the caller's thread; each loop on its own.

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class UringLoop;

class UringModel final : public ConcurrencyModel {
public:
    UringModel();
    ~UringModel() override;
    std::string name() const override { return "io_uring"; }
    bool eventDriven() const override { return true; }
    // Throws Error::unsupported (the reason in one sentence) when the
    // kernel refuses a ring; nothing is left running then.
    void start(ServerCore& core) override;
    void stop() override;

private:
    ServerCore* core_ = nullptr;
    std::vector<std::unique_ptr<UringLoop>> loops_;
    std::vector<std::thread> threads_;
};

}  // namespace sockwb
