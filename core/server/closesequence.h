#pragma once
// How both session drivers end a TCP connection they close themselves, so
// that the peer never loses the last answer. Closing a socket that still
// has unread input makes the kernel answer with a RST, and a RST can
// overtake data the peer has not read yet. So, once the output is sent:
//   1. beginGracefulClose(): shutdown(SHUT_WR), our FIN after our data;
//   2. discardInput() each time the socket is readable: read and count
//      what the peer still sends, until it closes too (or resets);
//   3. close(2) when discardInput() says the peer is done, or after
//      kDrainLimit at most (a peer that never closes).
// The event driver skips 1-2 when the receive queue is empty (FIONREAD 0):
// close(2) alone then sends a FIN, as nginx does. connectionError() is the
// ErrorInfo both report for a failed recv/send/poll on a connection.

#include <chrono>

#include "core/net/error.h"
#include "core/net/millis.h"

namespace sockwb {

class SessionReporter;
struct ConnectionRecord;

namespace closesequence {

constexpr Millis kDrainLimit{1000};

void beginGracefulClose(int fd);
// One recv, its bytes reported as incoming. False once the peer has closed
// (recv 0) or failed (ECONNRESET...): close now. True on data or EAGAIN.
bool discardInput(int fd, SessionReporter& reporter, ConnectionRecord& record);
// The idle timeout's check (ServerConfig::idleTimeoutMs = idleMs > 0) for
// the event-driven connections: the ms left before the connection has been
// quiet for idleMs (check again then), or 0 once it has, after logging
// "closing connection N from PEER: idle for idleMs ms" (close it now).
int idleLeftMs(SessionReporter& reporter, const ConnectionRecord& record, int idleMs,
               std::chrono::steady_clock::time_point lastActivity);

}  // namespace closesequence

// "recv ECONNRESET from 127.0.0.1:5000, connection 7": a peer that resets
// or vanishes is routine for a server, logged and counted.
ErrorInfo connectionError(const ConnectionRecord& record, const char* call, int err);

}  // namespace sockwb
