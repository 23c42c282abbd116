#include "core/client/blockingconnect.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb {

int setSocketTimeout(int fd, int option, Millis timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>(timeout.count() % 1000 * 1000);
    return sys::setsockopt(fd, SOL_SOCKET, option, &tv, sizeof tv);
}

void connectBlocking(int fd, const Address& address, Millis timeout, bool keepSendTimeout) {
    const bool bounded = timeout.count() > 0;
    if (bounded) setSocketTimeout(fd, SO_SNDTIMEO, timeout);
    if (sys::connect(fd, address.sockaddrPtr(), address.length()) == 0) {
        if (bounded && !keepSendTimeout) setSocketTimeout(fd, SO_SNDTIMEO, Millis(0));
        return;
    }
    const int err = errno;
    if (bounded && (err == EINPROGRESS || err == EAGAIN)) {
        ErrorInfo info{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, address.toString(), {}};
        throw Error(
            withDetail(info, DetailCode::GaveUpAfterMs, static_cast<uint64_t>(timeout.count())));
    }
    throw Error::fromErrno("connect", err, address.toString());
}

}  // namespace sockwb
