#pragma once
// thread: a thread per client (course: pthread_create + detach). Here the
// threads are kept in a list and joined: finished ones as new clients come,
// the rest at stop, where the stop fd in every session's poll ends them.
// A finishing thread writes to an eventfd the acceptor polls, so it is
// joined at once, not when the next client happens to come.

#include <atomic>
#include <list>
#include <memory>
#include <thread>

#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class ThreadModel final : public ConcurrencyModel {
public:
    ~ThreadModel() override;
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
    std::list<Worker> workers_;  // touched by the acceptor, then by stop() after joining it
    int doneFd_ = -1;            // eventfd: "a worker has finished"
};

}  // namespace sockwb
