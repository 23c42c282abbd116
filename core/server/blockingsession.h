#pragma once
// The shared session driver of the blocking models (iterative, thread,
// pool, fork): serves one TCP connection to its end on the calling thread.
// Two drivers behind one entry point, chosen by ServerConfig::io:
//
// IoMode::Blocking (params.waits set), the course's server loop with the
// service's events as its steps. The socket stays blocking:
//   - a timer pending (the clock's next tick): sleep until it is due
//     (BlockingWaits::sleepFor, a traced nanosleep), then onTimer. Data the
//     peer sends meanwhile waits in the kernel, as in the course's program;
//   - no timer: recv() blocks until the peer sends (or closes);
//   - what the session sent goes out with blocking send()s, all of it;
//   - idle timeout: SO_RCVTIMEO and SO_SNDTIMEO on the socket (a recv, or
//     a send to a peer that does not read, fails with EAGAIN);
//   - the graceful close of closesequence.h: shutdown(SHUT_WR), then recv
//     and discard with SO_RCVTIMEO = kDrainLimit;
//   - stop: the socket is watched by BlockingWaits, so shutdown(SHUT_RDWR)
//     wakes a blocked recv/send, and a signal interrupts the sleep;
//   - chat: a thread blocked in recv cannot also wait for an inbox, so the
//     sender's thread writes to the other clients' sockets itself (as seed
//     001's server does), under each target's send lock, with MSG_DONTWAIT.
//     A client whose socket buffer is full gets 500 ms (a poll for POLLOUT)
//     to make room; one that does not read would otherwise block every
//     sender, so it is then disconnected (shutdown, log line, counted as
//     a slow reader). Nothing queues in the server: no output limit needed.
//     The owner holds its send lock except while it waits (recv, sleep),
//     and relays what its session broadcast only then: relayed bytes never
//     come between two of its own sends, and go in the target session's
//     wire form (Session::relayForm: TLS records stay in order).
//
// IoMode::Poll (params.waits null): one poll() waits on the connection, the
// stop fd and (chat) an inbox eventfd, with the next timer's deadline (or
// the idle deadline) as its timeout; the socket is non-blocking with an
// output buffer (polledsession.h); chat bytes wait in an inbox, both
// bounded by the output limit (outputlimit.h).

#include <memory>

#include "core/net/socket.h"
#include "core/server/blockingwaits.h"
#include "core/server/connectionrecord.h"
#include "core/server/memorybudget.h"
#include "core/server/outputlimit.h"
#include "core/server/service.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

struct BlockingSessionParams {
    const Service* service = nullptr;
    const ServiceOptions* options = nullptr;
    SessionReporter* reporter = nullptr;
    int stopFd = -1;  // IoMode::Poll
    // IoMode::Blocking: where the socket is watched and the sleeps are made.
    BlockingWaits* waits = nullptr;
    int idleTimeoutMs = 0;
    // Charged with the output buffer; reads pause while it is exhausted.
    MemoryBudget* budget = nullptr;
    bool broadcast = false;   // let other sessions reach this one (chat)
    OutputLimit outputLimit;  // chat under IoMode::Poll: what may queue for it
};

// Serves socket until the session closes, the peer goes, idle timeout or
// stop. record must be filled (id, peer, fd, tid, pid); the reporter is told
// opened/bytes/closed. Closes the socket. Never throws.
void runBlockingSession(Socket socket, std::shared_ptr<ConnectionRecord> record,
                        const BlockingSessionParams& params) noexcept;

}  // namespace sockwb
