#pragma once
// The accept side of the blocking models (iterative, thread, pool, fork).
// Two ways to wait, then max connections is applied:
//   - blocking accept (ServerCore::blockingAccept(): blocking calls, one TCP
//     listener, no extra fds): the course's loop, accept() waits in the
//     kernel and its duration in the trace is the wait. Stop shuts the
//     listener down (BlockingWaits), which makes the blocked accept fail
//     with EINVAL at once.
//   - poll() on every TCP listener plus the stop fd (plus the model's own
//     fds), then accept4 on the one that is ready. The listeners are then
//     non-blocking, so a client that went away between poll and accept
//     costs an EAGAIN, never a thread stuck in accept at stop.

#include <functional>
#include <optional>
#include <vector>

#include "core/server/servercore.h"

namespace sockwb {

struct AcceptedClient {
    Socket socket;
    Address peer;
    size_t listener = 0;
};

class Acceptor {
public:
    // Not owned; core must outlive the acceptor. One acceptor per thread.
    explicit Acceptor(ServerCore& core);

    // Extra fds polled alongside (fork: event pipe, pidfds). onReady(fd) is
    // called when one is readable; it may change extraFds.
    std::vector<int> extraFds;
    std::function<void(int)> onReady;
    // Poll timeout while nothing happens (-1: none). For periodic work.
    int idleTimeoutMs = -1;
    std::function<void()> onIdle;

    // Blocks until a client is admitted or stop is requested (nullopt).
    // Accept errors (EMFILE...) are reported to the core (rate-limited:
    // ServerCore::acceptFailed) and accepting pauses 100 ms instead of
    // spinning on a listener that stays readable.
    std::optional<AcceptedClient> next();

private:
    std::optional<AcceptedClient> acceptOn(size_t listener);
    std::optional<AcceptedClient> nextBlocking();
    std::optional<AcceptedClient> nextPolled();

    ServerCore& core_;
    std::chrono::steady_clock::time_point pausedUntil_{};
};

}  // namespace sockwb
