#pragma once
// The shared session driver of the blocking models (iterative, thread,
// pool, fork): serves one TCP connection to its end on the calling thread.
// It never sleeps and never blocks where stop could not reach it: one poll()
// waits on the connection, the server's stop fd and (chat) an inbox
// eventfd, with the next timer's deadline (or the idle deadline) as its
// timeout. The socket is non-blocking with an output buffer, so a peer that
// stops reading mid-transfer cannot pin the thread either.

#include <memory>

#include "core/net/socket.h"
#include "core/server/connectionrecord.h"
#include "core/server/service.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

struct BlockingSessionParams {
    const Service* service = nullptr;
    const ServiceOptions* options = nullptr;
    SessionReporter* reporter = nullptr;
    int stopFd = -1;
    int idleTimeoutMs = 0;
    bool broadcast = false;  // create an inbox so other sessions can reach this one
};

// Serves socket until the session closes, the peer goes, idle timeout or
// stop. record must be filled (id, peer, fd, tid, pid); the reporter is told
// opened/bytes/closed. Closes the socket. Never throws.
void runBlockingSession(Socket socket, std::shared_ptr<ConnectionRecord> record,
                        const BlockingSessionParams& params) noexcept;

}  // namespace sockwb
