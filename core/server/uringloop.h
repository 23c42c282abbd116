#pragma once
// One event loop of the io_uring model: its ring, its timers, the TCP
// listeners whose Listener::loop is its index (a multishot accept each),
// the UDP listeners when it is loop 0, and the connections it accepted.
// A round is one io_uring_enter that submits what the last round queued
// and waits for a completion (the nearest timer as its timeout), then the
// completions, then the due timers. The server's stop eventfd is watched
// by a poll request; at stop every request is cancelled and the loop waits
// (a second at most) for the kernel to give back what it holds.
// Built on the caller's thread, then run() on the loop's own thread only,
// except post() and inLoopThread(), which any thread may call.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/net/address.h"
#include "core/net/wakeup.h"
#include "core/reactor/timerqueue.h"
#include "core/reactor/uringring.h"

namespace sockwb {

class ServerCore;
class UringConnection;
class DatagramEndpoint;

class UringLoop {
public:
    // Sets up the ring; throws Error::unsupported when the kernel refuses.
    UringLoop(ServerCore& core, size_t index);
    ~UringLoop();
    UringLoop(const UringLoop&) = delete;
    UringLoop& operator=(const UringLoop&) = delete;

    // Serves until the server's stop fd is readable, then closes everything.
    void run();
    // Hands work to this loop from another thread (a chat line for one of
    // its connections, from a session of another loop): task runs on the
    // loop thread in a later round, in the order posted; tasks still
    // queued at the end are destroyed unrun. Any thread.
    void post(std::function<void()> task);
    // True on the thread inside this loop's run(). Any thread.
    bool inLoopThread() const noexcept;

private:
    void serveRounds();
    void armStop();
    void armAccept(size_t listener);
    void armDatagram(size_t endpoint);
    void armPosts();  // a poll request on postWakeup_
    void runPosted();
    void dispatch(const io_uring_cqe& cqe);
    void accepted(size_t listener, const io_uring_cqe& cqe);
    void serve(int fd, const Address& peer, size_t listener);
    void sweep();  // destroys the finished connections the kernel let go
    void closeAll();

    ServerCore& core_;
    const size_t index_;
    UringRing ring_;
    TimerQueue timers_;
    bool quit_ = false;
    std::unordered_map<uint64_t, std::unique_ptr<UringConnection>> connections_;
    std::vector<uint64_t> closed_;  // finished, maybe still with requests in flight
    std::vector<std::unique_ptr<DatagramEndpoint>> endpoints_;
    // post(): the queue under its mutex, and the eventfd that wakes the ring.
    Wakeup postWakeup_;
    std::mutex postMutex_;
    std::vector<std::function<void()>> posted_;
};

}  // namespace sockwb
