#include "core/server/models/forkmodel.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <vector>

#include "core/net/sys.h"
#include "core/server/acceptor.h"
#include "core/server/blockingsession.h"
#include "core/server/models/forkchannel.h"
#include "core/server/servercore.h"
#include "core/services/wallclock.h"

namespace sockwb {

namespace {
int openPidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return int(::syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    errno = ENOSYS;
    return -1;
#endif
}
// The child inherits every descriptor of the parent process: in the GUI
// that includes client sockets connected to this very server, whose peer
// would then never see the connection close. Keep stdio and what the
// session needs, close the rest (close_range is one syscall, no allocation).
void closeInheritedFds(std::vector<int> keep) {
    std::sort(keep.begin(), keep.end());
    unsigned from = 3;
    for (int fd : keep) {
        if (fd < int(from)) continue;
        if (unsigned(fd) > from) ::close_range(from, unsigned(fd) - 1, 0);
        from = unsigned(fd) + 1;
    }
    ::close_range(from, ~0U, 0);
    traceNote("close_range", -1, "inherited descriptors except the connection and the report pipe");
}

// In the child, first thing: a SIGKILLed server takes its children with it
// (they would otherwise be re-parented to PID 1 and serve on). The death
// signal is armed after fork, so a parent that died in between is caught
// by getppid(): it no longer names the pid saved before the fork.
void dieWithParent(pid_t parent) {
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent) ::_exit(1);
}

}  // namespace

ForkModel::ForkModel() = default;

ForkModel::~ForkModel() { stop(); }

void ForkModel::start(ServerCore& core) {
    core_ = &core;
    if (::pipe2(pipe_, O_CLOEXEC) != 0) throw Error::fromErrno("pipe2", errno);
    // Only the parent's end is non-blocking: a child that fills the pipe
    // waits for the parent to read, it does not lose its reports.
    ::fcntl(pipe_[0], F_SETFL, O_NONBLOCK);
    reader_ = std::make_unique<ForkChannelReader>(pipe_[0], core);
    childAdded_.emplace();
    supervisor_ = std::thread([this] {
        ServerThreadScope scope(*core_, "fork model reports and reaping");
        superviseLoop();
    });
    thread_ = std::thread([this] {
        ServerThreadScope scope(*core_, "fork model accept loop");
        acceptLoop();
        // The children's parent, as PR_SET_PDEATHSIG sees it, is this
        // thread: it lives until they are all reaped, so a child dies of its
        // death signal only when the whole server process dies.
        waitForStop();
        if (supervisor_.joinable()) supervisor_.join();
        killAndReapAll();
    });
}

void ForkModel::waitForStop() {
    // acceptLoop() also returns on a poll error while the server runs on.
    pollfd stop{core_->stopFd(), POLLIN, 0};
    while (!core_->stopRequested())
        if (sys::poll(&stop, 1, -1) < 0 && errno != EINTR) break;
}

void ForkModel::acceptLoop() {
    Acceptor acceptor(*core_);
    const auto maxChildren = size_t(core_->config().maxWorkers);
    while (auto client = acceptor.next()) {
        // Held across fork and registration: the supervisor replays no
        // report of this child before its record is registered.
        std::unique_lock lock(mutex_);
        if (maxChildren > 0 && children_.size() >= maxChildren) {
            reap();  // the dead do not count
            if (children_.size() >= maxChildren) {
                lock.unlock();
                core_->refuseAdmitted(client->socket, client->peer, client->listener,
                                      std::to_string(maxChildren) +
                                          " children already (max workers " +
                                          std::to_string(maxChildren) + ")");
                continue;
            }
        }
        auto record = core_->newRecord(client->listener, client->peer, client->socket.fd());
        // Why forking here is safe even inside the GUI process: the child
        // starts with this one thread, which holds no lock of ours but
        // mutex_ (the child never touches it). In the child we only run the
        // session over the already-accepted socket, our own fresh objects,
        // glibc's malloc (which its own atfork handlers keep usable) and raw
        // write(2) to the pipe: the parent's observers, Qt objects and
        // locks other threads may have held are never touched (the trace
        // observers are swapped for a pipe writer before any traced call),
        // and the child leaves with _exit, running no atexit handler or
        // static destructor of the parent. Inherited descriptors are closed
        // (close_range) so the child holds only its connection and the pipe.
        // glibc resets its malloc and stdio locks in the child, but not its
        // time-zone lock: a child forked while another thread was inside
        // localtime_r (the thread server's clock in the fork-vs-thread lab,
        // the GUI) would wait for that lock for ever at its first clock tick
        // (seen with gdb). So the zone is read here, in the parent, and the
        // child converts with it by arithmetic (pinLocalZone). Built with
        // AddressSanitizer (GCC 12's), malloc is the sanitizer's, which has
        // no fork handlers: a child forked while another thread held one of
        // its locks waits for ever at its next allocation (seen in the
        // sanitizer CI stage). The worst case is one stuck child, which
        // stop() still kills; a zygote helper process would remove even that.
        const pid_t parent = ::getpid();
        const LocalZone zone = currentLocalZone();
        pid_t pid = sys::fork();
        if (pid == 0) {
            pinLocalZone(zone);
            dieWithParent(parent);
            runChild(*client, record);
        }
        if (pid < 0) {
            core_->error(
                ErrorInfo{ErrorKind::System, "fork", errno, 0, client->peer.toString(), {}});
            core_->discardAdmitted();
            continue;
        }
        record->pid = pid;
        record->tid = pid;
        client->socket.close();  // the parent's copy: the child serves it
        children_.emplace(pid, Child{record, openPidfd(pid)});
        core_->connectionOpened(*record);
        lock.unlock();
        childAdded_->notify();
    }
}

// Relays the children's reports and reaps them, whatever the accept
// thread is doing (with blocking calls it waits in accept()): one poll on
// the stop fd, the pipe, "a child was added" and one pidfd per child.
void ForkModel::superviseLoop() {
    for (;;) {
        std::vector<pollfd> fds{
            {core_->stopFd(), POLLIN, 0}, {pipe_[0], POLLIN, 0}, {childAdded_->fd(), POLLIN, 0}};
        int timeout = -1;
        {
            std::lock_guard lock(mutex_);
            for (auto& [pid, c] : children_)
                if (c.pidfd >= 0)
                    fds.push_back({c.pidfd, POLLIN, 0});
                else
                    timeout = 100;  // no pidfd (old kernel): reap on a tick
        }
        if (sys::poll(fds.data(), fds.size(), timeout) < 0) {
            core_->error(ErrorInfo{ErrorKind::System, "poll", errno, 0, {}, {}});
            return;
        }
        if (fds[0].revents) return;
        if (fds[2].revents) childAdded_->drain();
        std::lock_guard lock(mutex_);
        reader_->readAvailable();
        reap();
    }
}

void ForkModel::runChild(AcceptedClient& client, std::shared_ptr<ConnectionRecord> parentRecord) {
    // Inherited SIGINT/SIGTERM handlers (sockwb serve installs some) must
    // not keep the child alive when the parent kills it.
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN);
    ChildTraceObserver pipeTrace(pipe_[1]);
    TraceObserver* t = core_->traceObserver() ? &pipeTrace : nullptr;
    setGlobalTraceObserver(t);
    TraceScope scope(t);
    ChildReporter reporter(pipe_[1]);
    traceNote("process_start", client.socket.fd(), "fork child for " + client.peer.toString(),
              ::getpid());
    // The course's step: the child closes the listening sockets.
    for (auto& l : core_->listeners()) l.socket.close();
    closeInheritedFds({client.socket.fd(), pipe_[1], core_->stopFd()});
    auto record = std::make_shared<ConnectionRecord>();
    record->id = parentRecord->id;
    record->listener = parentRecord->listener;
    record->peer = parentRecord->peer;
    record->fd = client.socket.fd();
    record->pid = record->tid = ::getpid();
    const auto& l = core_->listeners()[client.listener];
    BlockingSessionParams params;
    params.service = l.service.get();
    params.options = &core_->options();
    params.reporter = &reporter;
    params.stopFd = core_->stopFd();
    // The child's own: the parent's may be locked by another of its threads.
    // The parent stops a child with SIGTERM.
    BlockingWaits waits;
    params.waits = core_->blockingCalls() ? &waits : nullptr;
    params.idleTimeoutMs = core_->config().idleTimeoutMs;
    params.budget = &core_->memoryBudget();
    runBlockingSession(std::move(client.socket), std::move(record), params);
    ::_exit(0);
}

void ForkModel::forget(pid_t pid, int status) {
    auto it = children_.find(pid);
    if (it == children_.end()) return;
    // Reports written before the child died are in the pipe: replay them
    // first so the record's bytes are complete when it closes.
    reader_->readAvailable();
    if (WIFSIGNALED(status) && !core_->stopRequested())
        core_->log("child " + std::to_string(pid) + " killed by signal " +
                   std::to_string(WTERMSIG(status)));
    core_->connectionClosed(*it->second.record);  // no-op if it said so itself
    if (it->second.pidfd >= 0) ::close(it->second.pidfd);
    children_.erase(it);
}

void ForkModel::reap() {
    std::vector<std::pair<pid_t, int>> dead;
    for (auto& [pid, c] : children_) {
        int status = 0;
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno == ECHILD)) dead.emplace_back(pid, status);
    }
    for (auto [pid, status] : dead) forget(pid, status);
}

void ForkModel::killAndReapAll() {
    using Clock = std::chrono::steady_clock;
    // The children watch the same stop eventfd, so most are already on
    // their way out: give them 300 ms, then SIGTERM, then SIGKILL.
    auto waitFor = [this](Clock::duration grace) {
        const auto until = Clock::now() + grace;
        while (!children_.empty() && Clock::now() < until) {
            std::vector<pollfd> fds{{pipe_[0], POLLIN, 0}};
            for (auto& [pid, c] : children_)
                if (c.pidfd >= 0) fds.push_back({c.pidfd, POLLIN, 0});
            int left =
                int(std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now()).count());
            sys::poll(fds.data(), fds.size(), fds.size() == 1 ? std::min(left, 10) : left);
            reader_->readAvailable();
            reap();
        }
    };
    // With blocking calls the children wait in recv() or sleep and never
    // see the stop fd: SIGTERM at once.
    if (!core_->blockingCalls()) waitFor(std::chrono::milliseconds(300));
    for (auto& [pid, c] : children_) ::kill(pid, SIGTERM);
    waitFor(std::chrono::milliseconds(200));
    for (auto& [pid, c] : children_) ::kill(pid, SIGKILL);
    while (!children_.empty()) {
        auto it = children_.begin();
        int status = 0;
        ::waitpid(it->first, &status, 0);
        forget(it->first, status);
    }
}

void ForkModel::stop() {
    if (thread_.joinable()) thread_.join();          // it reaps every child before it ends
    if (supervisor_.joinable()) supervisor_.join();  // start() failed before the accept thread
    childAdded_.reset();
    reader_.reset();
    for (int& fd : pipe_) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
}

}  // namespace sockwb
