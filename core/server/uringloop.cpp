#include "core/server/uringloop.h"

#include <poll.h>

#include <chrono>

#include "core/net/error.h"
#include "core/net/sys.h"
#include "core/server/datagramendpoint.h"
#include "core/server/servercore.h"
#include "core/server/uringconnection.h"

namespace sockwb {

namespace {
// The loop whose run() this thread is in (each thread reads its own copy).
thread_local const UringLoop* t_running = nullptr;
// Submission queue entries: a round queues at most a send and a receive per
// connection that had a completion; sqe() submits early when it fills.
constexpr unsigned kEntries = 1024;
}  // namespace

UringLoop::UringLoop(ServerCore& core, size_t index)
    : core_(core), index_(index), ring_(kEntries) {}

UringLoop::~UringLoop() {
    // Connections first: their destructors may queue on the ring.
    connections_.clear();
    endpoints_.clear();
}

void UringLoop::run() {
    t_running = this;
    try {
        ring_.enableOnThisThread();
        serveRounds();
    } catch (const Error& e) {
        core_.error(e.info());
    }
    closeAll();
    t_running = nullptr;
}

void UringLoop::post(std::function<void()> task) {
    bool wasEmpty = false;
    {
        std::lock_guard lock(postMutex_);
        wasEmpty = posted_.empty();
        posted_.push_back(std::move(task));
    }
    // The first task since the loop last took the queue wakes it; the loop
    // drains the eventfd before it takes the queue, so none is left behind.
    if (wasEmpty) postWakeup_.notify();
}

bool UringLoop::inLoopThread() const noexcept { return t_running == this; }

void UringLoop::armPosts() {
    io_uring_sqe* sqe = ring_.sqe();
    io_uring_prep_poll_add(sqe, postWakeup_.fd(), POLLIN);
    sqe->user_data = uringTag(0, UringOp::Posted);
}

void UringLoop::runPosted() {
    postWakeup_.drain();
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(postMutex_);
        tasks.swap(posted_);
    }
    for (auto& task : tasks) task();
}

void UringLoop::serveRounds() {
    armStop();
    // Another loop's chat lines for our connections (--loops N). Plumbing:
    // the eventfd's poll is not traced, as EventLoop's wakeups are not.
    if (core_.loopCount() > 1) armPosts();
    auto& ls = core_.listeners();
    for (size_t i = 0; i < ls.size(); ++i) {
        if (ls[i].loop != index_) continue;
        if (isStream(ls[i].config.protocol)) {
            armAccept(i);
        } else {
            endpoints_.push_back(std::make_unique<DatagramEndpoint>(core_, i, timers_));
            armDatagram(endpoints_.size() - 1);
        }
    }
    // Registered files (IORING_REGISTER_FILES) are left out: they save the
    // fd table lookup of each request, about 1.4% of the loop's samples
    // under wrk -c64 here (perf: fget), and they would need a slot table
    // kept in step with every accept and close.
    while (!quit_) {
        ring_.submitAndWait(timers_.nextTimeoutMs());
        ring_.reap([this](const io_uring_cqe& cqe) { dispatch(cqe); });
        timers_.runDue();
        sweep();
    }
}

void UringLoop::armStop() {
    io_uring_sqe* sqe = ring_.sqe();
    io_uring_prep_poll_add(sqe, core_.stopFd(), POLLIN);
    sqe->user_data = uringTag(0, UringOp::Stop);
    if (UringRing::traced())
        UringRing::noteSqe(core_.stopFd(),
                           "poll fd " + std::to_string(core_.stopFd()) + ", POLLIN (stop)");
}

void UringLoop::armAccept(size_t i) {
    const int fd = core_.listeners()[i].socket.fd();
    io_uring_sqe* sqe = ring_.sqe();
    // Blocking accepted sockets: io_uring never blocks on a socket (it
    // tries at once, else waits for readiness itself), and O_NONBLOCK would
    // only make it hand EAGAIN back to us.
    io_uring_prep_multishot_accept(sqe, fd, nullptr, nullptr, SOCK_CLOEXEC);
    sqe->user_data = uringTag(i, UringOp::Accept);
    if (UringRing::traced()) UringRing::noteSqe(fd, "accept multishot fd " + std::to_string(fd));
}

void UringLoop::armDatagram(size_t e) {
    // A one-shot poll, re-armed after each batch: readReady() reads a
    // bounded batch, and a multishot poll (edge-triggered) would not
    // report the datagrams left behind.
    const int fd = endpoints_[e]->fd();
    io_uring_sqe* sqe = ring_.sqe();
    io_uring_prep_poll_add(sqe, fd, POLLIN);
    sqe->user_data = uringTag(e, UringOp::DatagramPoll);
    if (UringRing::traced()) UringRing::noteSqe(fd, "poll fd " + std::to_string(fd) + ", POLLIN");
}

void UringLoop::dispatch(const io_uring_cqe& cqe) {
    const uint64_t key = uringKeyOf(cqe.user_data);
    switch (uringOpOf(cqe.user_data)) {
        case UringOp::Ignore:
            return;
        case UringOp::Posted:
            if (quit_) return;
            runPosted();
            armPosts();
            return;
        case UringOp::Stop:
            if (UringRing::traced()) UringRing::noteCqe(core_.stopFd(), "poll: stop", cqe.res);
            quit_ = true;
            return;
        case UringOp::Accept:
            return accepted(size_t(key), cqe);
        case UringOp::DatagramPoll: {
            DatagramEndpoint& ep = *endpoints_[key];
            if (UringRing::traced()) UringRing::noteCqe(ep.fd(), "poll: readable", cqe.res);
            if (quit_ || core_.stopRequested()) return;
            if (cqe.res >= 0) ep.readReady();
            armDatagram(size_t(key));
            return;
        }
        case UringOp::Recv:
        case UringOp::Send: {
            auto it = connections_.find(key);
            if (it != connections_.end()) return it->second->completed(cqe);
            // The connection is gone (cannot happen while a request is in
            // flight, but a buffer must never be lost).
            if (cqe.flags & IORING_CQE_F_BUFFER)
                ring_.recycle(cqe.flags >> IORING_CQE_BUFFER_SHIFT);
            return;
        }
    }
}

void UringLoop::accepted(size_t i, const io_uring_cqe& cqe) {
    const bool more = (cqe.flags & IORING_CQE_F_MORE) != 0;
    Listener& l = core_.listeners()[i];
    const int res = cqe.res;
    if (res >= 0) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        sys::getpeernameUntraced(res, reinterpret_cast<sockaddr*>(&ss), &len);
        const Address peer(reinterpret_cast<sockaddr*>(&ss), len);
        if (UringRing::traced())
            UringRing::noteCqe(l.socket.fd(), "accept multishot → fd " + std::to_string(res), res,
                               {}, l.address.toString(), peer.toString());
        if (!quit_) {
            core_.acceptSucceeded();
            serve(res, peer, i);
        } else {
            sys::close(res);
        }
    } else if (UringRing::traced()) {
        UringRing::noteCqe(l.socket.fd(), "accept multishot " + UringRing::errName(-res), res);
    }
    if (quit_ || core_.stopRequested() || res == -ECANCELED) return;
    if (res < 0 && res != -EAGAIN && res != -ECONNABORTED && res != -EINTR) {
        core_.acceptFailed(
            ErrorInfo{ErrorKind::System, "accept4", -res, 0, l.address.toString(), {}});
        // EMFILE: wait a little before accepting again.
        if (!more) timers_.add(Millis(100), [this, i] { armAccept(i); });
        return;
    }
    if (!more) armAccept(i);
}

void UringLoop::serve(int fd, const Address& peer, size_t i) {
    Socket socket(fd);
    if (!core_.admit(socket, peer, i)) return;
    auto record = core_.newRecord(i, peer, fd);
    const uint64_t id = record->id;
    auto conn = std::make_unique<UringConnection>(*this, ring_, timers_, core_, std::move(socket),
                                                  std::move(record),
                                                  [this](uint64_t cid) { closed_.push_back(cid); });
    UringConnection* raw = conn.get();
    connections_.emplace(id, std::move(conn));
    try {
        raw->open();
    } catch (const std::exception& e) {
        core_.log(std::string("connection failed to open: ") + e.what());
        raw->abort();
    }
}

void UringLoop::sweep() {
    if (closed_.empty()) return;
    std::vector<uint64_t> waiting;
    for (uint64_t id : closed_) {
        auto it = connections_.find(id);
        if (it == connections_.end()) continue;
        if (it->second->idle())
            connections_.erase(it);
        else
            waiting.push_back(id);  // the kernel still holds a request of it
    }
    closed_.swap(waiting);
}

void UringLoop::closeAll() {
    quit_ = true;
    std::vector<UringConnection*> open;
    for (auto& [id, c] : connections_) open.push_back(c.get());
    for (UringConnection* c : open) c->abort();
    timers_.clear();
    try {
        // Every request still in the kernel (accepts, polls, receives,
        // sends) is cancelled; wait for their last completions so no
        // request outlives the memory and sockets it uses.
        io_uring_sqe* sqe = ring_.sqe();
        io_uring_prep_cancel64(sqe, 0, IORING_ASYNC_CANCEL_ANY | IORING_ASYNC_CANCEL_ALL);
        sqe->user_data = uringTag(0, UringOp::Ignore);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        while (ring_.inFlight() > 0 && std::chrono::steady_clock::now() < deadline) {
            ring_.submitAndWait(50);
            ring_.reap([this](const io_uring_cqe& cqe) { dispatch(cqe); });
        }
    } catch (const Error& e) {
        core_.error(e.info());
    }
    connections_.clear();
    closed_.clear();
    endpoints_.clear();
}

}  // namespace sockwb
