#include "core/server/models/threadmodel.h"

#include <system_error>

#include "core/server/acceptor.h"
#include "core/server/blockingsession.h"
#include "core/server/servercore.h"

namespace sockwb {

void ThreadModel::start(ServerCore& core) {
    core_ = &core;
    workerDone_.emplace();
    try {
        acceptor_ = std::thread([this] {
            ServerThreadScope scope(*core_, "thread model accept loop");
            acceptLoop();
        });
    } catch (const std::system_error& e) {
        // Out of threads (EAGAIN): worded as the thread limit, not "would block".
        throw Error::fromErrno("pthread_create", e.code().value());
    }
}

void ThreadModel::reapFinished() {
    for (auto it = workers_.begin(); it != workers_.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = workers_.erase(it);
        } else {
            ++it;
        }
    }
}

void ThreadModel::acceptLoop() {
    Acceptor acceptor(*core_);
    // Blocking calls: accept() cannot also wait for the eventfd, so finished
    // workers are joined when the next client comes (and at stop).
    if (!core_->blockingCalls()) acceptor.extraFds = {workerDone_->fd()};
    acceptor.onReady = [this](int) {
        workerDone_->drain();
        reapFinished();
    };
    const auto maxThreads = size_t(core_->config().maxWorkers);
    while (auto client = acceptor.next()) {
        reapFinished();
        if (maxThreads > 0 && workers_.size() >= maxThreads) {
            core_->refuseAdmitted(client->socket, client->peer, client->listener,
                                  std::to_string(maxThreads) + " threads already (max workers " +
                                      std::to_string(maxThreads) + ")");
            continue;
        }
        auto socket = std::make_shared<Socket>(std::move(client->socket));
        const size_t index = client->listener;
        const Address peer = client->peer;
        Worker w;
        auto done = w.done;
        const Wakeup* workerDone = &*workerDone_;  // outlives every worker: stop() joins first
        try {
            w.thread = std::thread([this, socket, index, peer, done, workerDone] {
                ServerThreadScope scope(*core_, "thread for client " + peer.toString());
                const auto& l = core_->listeners()[index];
                BlockingSessionParams params;
                params.service = l.service.get();
                params.options = &core_->options();
                params.reporter = core_;
                params.stopFd = core_->stopFd();
                params.waits = core_->blockingCalls() ? &core_->waits() : nullptr;
                params.idleTimeoutMs = core_->config().idleTimeoutMs;
                params.budget = &core_->memoryBudget();
                params.outputLimit = core_->config().outputLimit;
                params.broadcast = l.service->needsBroadcast();
                auto record = core_->newRecord(index, peer, socket->fd());
                runBlockingSession(std::move(*socket), std::move(record), params);
                done->store(true);
                workerDone->notify();
            });
        } catch (const std::system_error& e) {
            // Out of threads (EAGAIN): this client is dropped, the server goes on.
            core_->error(ErrorInfo{
                ErrorKind::System, "pthread_create", e.code().value(), 0, peer.toString(), {}});
            core_->discardAdmitted();
            continue;
        }
        workers_.push_back(std::move(w));
    }
}

void ThreadModel::stop() {
    if (acceptor_.joinable()) acceptor_.join();
    for (auto& w : workers_) w.thread.join();
    workers_.clear();
    workerDone_.reset();
}

}  // namespace sockwb
