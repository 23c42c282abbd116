// Socket's option accessors: the int options (SO_REUSEADDR, TCP_NODELAY,
// buffer sizes, SO_ERROR, SO_TYPE), the timeouts and O_NONBLOCK, each one
// sys::setsockopt/getsockopt (or fcntl) call that throws Error on failure.
// The rest of Socket is in socket.cpp.

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/time.h>

#include <cerrno>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/net/systext.h"

namespace sockwb {

void Socket::setIntOption(int level, int name, int value, const char* what) {
    if (sys::setsockopt(fd_, level, name, &value, sizeof value) != 0)
        throw Error::fromErrno("setsockopt", errno, {}, what);
}

int Socket::intOption(int level, int name) const {
    int value = 0;
    socklen_t len = sizeof value;
    if (sys::getsockopt(fd_, level, name, &value, &len) != 0)
        throw Error::fromErrno("getsockopt", errno, {}, sys::sockoptName(level, name));
    return value;
}

void Socket::setReuseAddr(bool on) { setIntOption(SOL_SOCKET, SO_REUSEADDR, on, "SO_REUSEADDR"); }
bool Socket::reuseAddr() const { return intOption(SOL_SOCKET, SO_REUSEADDR) != 0; }
void Socket::setReusePort(bool on) { setIntOption(SOL_SOCKET, SO_REUSEPORT, on, "SO_REUSEPORT"); }
bool Socket::reusePort() const { return intOption(SOL_SOCKET, SO_REUSEPORT) != 0; }
void Socket::setKeepAlive(bool on) { setIntOption(SOL_SOCKET, SO_KEEPALIVE, on, "SO_KEEPALIVE"); }
bool Socket::keepAlive() const { return intOption(SOL_SOCKET, SO_KEEPALIVE) != 0; }
void Socket::setNoDelay(bool on) { setIntOption(IPPROTO_TCP, TCP_NODELAY, on, "TCP_NODELAY"); }
bool Socket::noDelay() const { return intOption(IPPROTO_TCP, TCP_NODELAY) != 0; }
void Socket::setRecvBufferSize(int bytes) {
    setIntOption(SOL_SOCKET, SO_RCVBUF, bytes, "SO_RCVBUF");
}
// Linux reports twice the size asked for (it counts its bookkeeping too).
int Socket::recvBufferSize() const { return intOption(SOL_SOCKET, SO_RCVBUF); }
void Socket::setSendBufferSize(int bytes) {
    setIntOption(SOL_SOCKET, SO_SNDBUF, bytes, "SO_SNDBUF");
}
int Socket::sendBufferSize() const { return intOption(SOL_SOCKET, SO_SNDBUF); }
int Socket::pendingError() const { return intOption(SOL_SOCKET, SO_ERROR); }
int Socket::socketType() const { return intOption(SOL_SOCKET, SO_TYPE); }

void Socket::setTimeout(int name, Millis timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    if (sys::setsockopt(fd_, SOL_SOCKET, name, &tv, sizeof tv) != 0)
        throw Error::fromErrno("setsockopt", errno, {},
                               name == SO_RCVTIMEO ? "SO_RCVTIMEO" : "SO_SNDTIMEO");
}

Millis Socket::timeout(int name) const {
    timeval tv{};
    socklen_t len = sizeof tv;
    if (sys::getsockopt(fd_, SOL_SOCKET, name, &tv, &len) != 0)
        throw Error::fromErrno("getsockopt", errno, {},
                               name == SO_RCVTIMEO ? "SO_RCVTIMEO" : "SO_SNDTIMEO");
    return Millis(tv.tv_sec * 1000 + tv.tv_usec / 1000);
}

void Socket::setRecvTimeout(Millis t) { setTimeout(SO_RCVTIMEO, t); }
Millis Socket::recvTimeout() const { return timeout(SO_RCVTIMEO); }
void Socket::setSendTimeout(Millis t) { setTimeout(SO_SNDTIMEO, t); }
Millis Socket::sendTimeout() const { return timeout(SO_SNDTIMEO); }

void Socket::setNonBlocking(bool on) {
    if (sys::setNonBlocking(fd_, on) != 0) throw Error::fromErrno("fcntl", errno, {}, "O_NONBLOCK");
}

bool Socket::isNonBlocking() const {
    int flags = ::fcntl(fd_, F_GETFL);
    if (flags < 0) throw Error::fromErrno("fcntl", errno, {}, "F_GETFL");
    return (flags & O_NONBLOCK) != 0;
}

}  // namespace sockwb
