#include "core/server/models/threadmodel.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

#include "core/server/acceptor.h"
#include "core/server/blockingsession.h"
#include "core/server/servercore.h"

namespace sockwb {

ThreadModel::~ThreadModel() {
    if (doneFd_ >= 0) ::close(doneFd_);
}

void ThreadModel::start(ServerCore& core) {
    core_ = &core;
    doneFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (doneFd_ < 0) throw Error::fromErrno("eventfd", errno);
    acceptor_ = std::thread([this] {
        ServerThreadScope scope(*core_, "thread model accept loop");
        acceptLoop();
    });
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
    acceptor.extraFds = {doneFd_};
    acceptor.onReady = [this](int fd) {
        uint64_t n;
        ssize_t r = ::read(fd, &n, sizeof n);
        (void)r;
        reapFinished();
    };
    while (auto client = acceptor.next()) {
        reapFinished();
        auto socket = std::make_shared<Socket>(std::move(client->socket));
        const size_t index = client->listener;
        const Address peer = client->peer;
        Worker w;
        auto done = w.done;
        const int doneFd = doneFd_;
        try {
            w.thread = std::thread([this, socket, index, peer, done, doneFd] {
                ServerThreadScope scope(*core_, "thread for client " + peer.toString());
                const auto& l = core_->listeners()[index];
                BlockingSessionParams params;
                params.service = l.service.get();
                params.options = &core_->options();
                params.reporter = core_;
                params.stopFd = core_->stopFd();
                params.idleTimeoutMs = core_->config().idleTimeoutMs;
                params.broadcast = l.service->needsBroadcast();
                auto record = core_->newRecord(index, peer, socket->fd());
                runBlockingSession(std::move(*socket), std::move(record), params);
                done->store(true);
                uint64_t one = 1;
                ssize_t r = ::write(doneFd, &one, sizeof one);
                (void)r;
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
    if (doneFd_ >= 0) ::close(doneFd_);
    doneFd_ = -1;
}

}  // namespace sockwb
