#include "core/server/models/poolmodel.h"

#include <system_error>

#include "core/server/blockingsession.h"
#include "core/server/servercore.h"

namespace sockwb {

void PoolModel::start(ServerCore& core) {
    core_ = &core;
    const int n = core.config().poolSize > 0 ? core.config().poolSize : 1;
    stopping_ = false;
    try {
        for (int i = 0; i < n; ++i) workers_.emplace_back([this, i] { workerLoop(i); });
        acceptor_ = std::thread([this] {
            ServerThreadScope scope(*core_, "pool accept loop");
            acceptLoop();
        });
    } catch (const std::system_error& e) {
        // Out of threads (EAGAIN): worded as the thread limit, not "would block".
        core.requestStop();
        stop();
        throw Error::fromErrno("pthread_create", e.code().value());
    } catch (...) {
        core.requestStop();
        stop();
        throw;
    }
}

void PoolModel::acceptLoop() {
    Acceptor acceptor(*core_);
    while (auto client = acceptor.next()) {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(*client));
        }
        ready_.notify_one();
    }
}

void PoolModel::workerLoop(int index) {
    ServerThreadScope scope(*core_, "pool worker " + std::to_string(index));
    BlockingSessionParams params;
    params.options = &core_->options();
    params.reporter = core_;
    params.stopFd = core_->stopFd();
    params.waits = core_->blockingCalls() ? &core_->waits() : nullptr;
    params.idleTimeoutMs = core_->config().idleTimeoutMs;
    params.budget = &core_->memoryBudget();
    params.outputLimit = core_->config().outputLimit;
    for (;;) {
        AcceptedClient client;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            client = std::move(queue_.front());
            queue_.pop_front();
        }
        const auto& l = core_->listeners()[client.listener];
        params.service = l.service.get();
        params.broadcast = l.service->needsBroadcast();
        auto record = core_->newRecord(client.listener, client.peer, client.socket.fd());
        runBlockingSession(std::move(client.socket), std::move(record), params);
    }
}

void PoolModel::stop() {
    if (acceptor_.joinable()) acceptor_.join();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& w : workers_)
        if (w.joinable()) w.join();
    workers_.clear();
    // Clients accepted but never served: close them and free their slots.
    for (auto& c : queue_) {
        c.socket.close();
        core_->discardAdmitted();
    }
    queue_.clear();
}

}  // namespace sockwb
