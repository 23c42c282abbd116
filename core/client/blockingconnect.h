#pragma once
// The course's connect: one blocking connect(2), as a student's client makes
// it, bounded all the same. Linux bounds a blocking connect with the socket's
// send timeout (SO_SNDTIMEO) and fails it with EINPROGRESS when it expires;
// that is reported as a Timeout. Shared by ClientConnection (blocking mode)
// and `sockwb client`. Thread-safe (one call per socket at a time).

#include "core/net/address.h"
#include "core/net/millis.h"

namespace sockwb {

// Sets SO_SNDTIMEO to timeout (when > 0), connects fd (a blocking socket)
// and, unless keepSendTimeout, sets SO_SNDTIMEO back to none so that sends
// may block as long as they need. Throws Error (connect: ECONNREFUSED...,
// Timeout with GaveUpAfterMs).
void connectBlocking(int fd, const Address& address, Millis timeout, bool keepSendTimeout = false);

// SO_SNDTIMEO / SO_RCVTIMEO as a timeval; 0 ms: no limit. Returns what
// setsockopt returns.
int setSocketTimeout(int fd, int option, Millis timeout);

}  // namespace sockwb
