#pragma once
// fork: a process per client (course: fork after accept, the child closes
// the listening socket and serves, the parent closes the connected one and
// goes back to accept). One parent thread accepts and forks (with blocking
// calls it waits in accept()); a second one reads the children's reports
// from a pipe and reaps them (pidfd readable = child exited; waitpid
// WNOHANG); children_ is shared under mutex_. At stop, under IoMode::Poll
// the children see the shared stop eventfd and leave, stragglers get
// SIGTERM, then SIGKILL; with blocking calls (a child waits in recv() or
// sleeps) they get SIGTERM at once. All are reaped, by the accept thread
// itself: each child has PR_SET_PDEATHSIG = SIGKILL, which fires when the
// thread that forked it ends, so that thread outlives its children and a
// child dies of it only when the server process dies (SIGKILL, crash).
// At most ServerConfig::maxWorkers children at once (the dead reaped
// first): over it a client is refused (ServerCore::refuseAdmitted).

#include <sys/types.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/net/wakeup.h"
#include "core/server/connectionrecord.h"
#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class ForkChannelReader;
struct AcceptedClient;

class ForkModel final : public ConcurrencyModel {
public:
    ForkModel();
    ~ForkModel() override;
    std::string name() const override { return "fork"; }
    void start(ServerCore& core) override;
    void stop() override;

private:
    struct Child {
        std::shared_ptr<ConnectionRecord> record;
        int pidfd = -1;
    };
    void acceptLoop();
    void waitForStop();  // accept thread: until stop is requested
    void superviseLoop();
    [[noreturn]] void runChild(AcceptedClient& client, std::shared_ptr<ConnectionRecord> record);
    // waitpid(WNOHANG) on each child; closes the records of the dead.
    // Under mutex_ (or after both threads are joined), as forget().
    void reap();
    void forget(pid_t pid, int status);
    void killAndReapAll();

    ServerCore* core_ = nullptr;
    int pipe_[2] = {-1, -1};
    std::unique_ptr<ForkChannelReader> reader_;
    std::thread thread_;                // accepts, forks, at stop kills and reaps
    std::thread supervisor_;            // reports and reaping
    std::optional<Wakeup> childAdded_;  // from start() to stop()
    std::mutex mutex_;                  // guards children_ (stop(): threads joined)
    std::map<pid_t, Child> children_;
};

}  // namespace sockwb
