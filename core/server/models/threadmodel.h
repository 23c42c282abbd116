#pragma once
// thread: a thread per client (course: pthread_create + detach). Here the
// threads are kept in a list and joined: finished ones as new clients come,
// the rest at stop, where the stop fd in every session's poll (or, with
// blocking calls, the shutdown of every session's socket) ends them.
// IoMode::Poll: a finishing thread notifies a Wakeup the acceptor polls,
// so it is joined at once, not when the next client happens to come.
// IoMode::Blocking: the acceptor waits in accept() alone, so finished
// threads (already gone from the kernel) are joined at the next client.
// At most ServerConfig::maxWorkers client threads at once: over it a client
// is refused (ServerCore::refuseAdmitted), after finished ones are joined.

#include <atomic>
#include <list>
#include <memory>
#include <optional>
#include <thread>

#include "core/net/wakeup.h"
#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class ThreadModel final : public ConcurrencyModel {
public:
    std::string name() const override { return "thread"; }
    void start(ServerCore& core) override;
    void stop() override;

private:
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done = std::make_shared<std::atomic<bool>>(false);
    };
    void acceptLoop();
    void reapFinished();  // acceptor thread only

    ServerCore* core_ = nullptr;
    std::thread acceptor_;
    std::list<Worker> workers_;         // touched by the acceptor, then by stop() after joining it
    std::optional<Wakeup> workerDone_;  // "a worker has finished"; from start() to stop()
};

}  // namespace sockwb
