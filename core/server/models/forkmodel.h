#pragma once
// fork: a process per client (course: fork after accept, the child closes
// the listening socket and serves, the parent closes the connected one and
// goes back to accept). One parent thread accepts, forks, reads the
// children's reports from a pipe and reaps them (pidfd readable = child
// exited; waitpid WNOHANG). At stop the children see the shared stop
// eventfd and leave; stragglers get SIGTERM, then SIGKILL; all are reaped.

#include <sys/types.h>

#include <map>
#include <memory>
#include <thread>

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
    [[noreturn]] void runChild(AcceptedClient& client, std::shared_ptr<ConnectionRecord> record);
    // waitpid(WNOHANG) on each child; closes the records of the dead.
    void reap();
    void forget(pid_t pid, int status);
    void killAndReapAll();

    ServerCore* core_ = nullptr;
    int pipe_[2] = {-1, -1};
    std::unique_ptr<ForkChannelReader> reader_;
    std::thread thread_;
    std::map<pid_t, Child> children_;  // parent fork thread; stop() after joining it
};

}  // namespace sockwb
