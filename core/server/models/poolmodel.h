#pragma once
// pool: a fixed number of worker threads fed by a queue of accepted
// sockets. One acceptor thread pushes, workers pop and serve one client at
// a time each; clients beyond the pool wait in the queue (they are counted
// as active, so max connections covers them too).

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "core/server/acceptor.h"
#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class PoolModel final : public ConcurrencyModel {
public:
    std::string name() const override { return "pool"; }
    void start(ServerCore& core) override;
    void stop() override;

private:
    void acceptLoop();
    void workerLoop(int index);

    ServerCore* core_ = nullptr;
    std::thread acceptor_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<AcceptedClient> queue_;  // guarded by mutex_
    bool stopping_ = false;             // guarded by mutex_
};

}  // namespace sockwb
