#pragma once
// The session driver of the blocking models under IoMode::Poll (internal to
// blockingsession.cpp). It never sleeps and never blocks where stop could
// not reach it: one poll() waits on the connection, the server's stop fd
// and (chat) an inbox eventfd, with the next timer's deadline (or the idle
// deadline) as its timeout. The socket is non-blocking with an output
// buffer, so a peer that stops reading mid-transfer cannot pin the thread.

#include "core/server/blockingsession.h"

namespace sockwb {

// runBlockingSession() under IoMode::Poll. May throw (a service's exception).
void runPolledSession(Socket socket, std::shared_ptr<ConnectionRecord> record,
                      const BlockingSessionParams& params);

}  // namespace sockwb
