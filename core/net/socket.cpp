#include "core/net/socket.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"
#include "core/net/systext.h"

namespace sockwb {

namespace {
using Clock = std::chrono::steady_clock;

// Milliseconds left until deadline, for poll; -1 when there is no deadline.
int remainingMs(bool hasDeadline, Clock::time_point deadline) {
    if (!hasDeadline) return -1;
    auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
    return left < 0 ? 0 : static_cast<int>(left);
}
}  // namespace

Socket& Socket::operator=(Socket&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = other.release();
    }
    return *this;
}

Socket Socket::create(int family, int type, int protocol) {
    int fd = sys::socket(family, type | SOCK_CLOEXEC, protocol);
    if (fd < 0) throw Error::fromErrno("socket", errno, {}, sys::familyName(family));
    return Socket(fd);
}

int Socket::release() noexcept {
    int fd = fd_;
    fd_ = -1;
    return fd;
}

void Socket::close() noexcept {
    if (fd_ >= 0) {
        sys::close(fd_);
        fd_ = -1;
    }
}

// Both keep errno intact: they are called while building an Error from it
// (a reset connection makes getpeername fail with ENOTCONN).
std::string Socket::peerText() const noexcept {
    const int saved = errno;
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    std::string text;
    if (sys::getpeernameUntraced(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        text = sys::sockaddrText(reinterpret_cast<sockaddr*>(&ss), len);
    errno = saved;
    return text;
}

std::string Socket::localText() const noexcept {
    const int saved = errno;
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    std::string text;
    if (sys::getsocknameUntraced(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        text = sys::sockaddrText(reinterpret_cast<sockaddr*>(&ss), len);
    errno = saved;
    return text;
}

Address Socket::localAddress() const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (sys::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) != 0)
        throw Error::fromErrno("getsockname", errno);
    return Address(reinterpret_cast<sockaddr*>(&ss), len);
}

Address Socket::peerAddress() const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (sys::getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len) != 0)
        throw Error::fromErrno("getpeername", errno);
    return Address(reinterpret_cast<sockaddr*>(&ss), len);
}

void Socket::bind(const Address& address) {
    if (sys::bind(fd_, address.sockaddrPtr(), address.length()) != 0)
        throw Error::fromErrno("bind", errno, address.toString());
}

void Socket::listen(int backlog) {
    if (sys::listen(fd_, backlog) != 0) {
        const int e = errno;
        throw Error::fromErrno("listen", e, localText());
    }
}

Socket::Accepted Socket::accept(int flags) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    int fd = sys::accept(fd_, reinterpret_cast<sockaddr*>(&ss), &len, flags);
    if (fd < 0) {
        const int e = errno;
        throw Error::fromErrno("accept", e, localText());
    }
    return Accepted{Socket(fd), Address(reinterpret_cast<sockaddr*>(&ss), len)};
}

std::optional<Socket::Accepted> Socket::tryAccept(int flags) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    int fd = sys::accept(fd_, reinterpret_cast<sockaddr*>(&ss), &len, flags);
    if (fd < 0) {
        // ECONNABORTED: the client gave up while queued; nothing to accept.
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED) return std::nullopt;
        const int e = errno;
        throw Error::fromErrno("accept", e, localText());
    }
    return Accepted{Socket(fd), Address(reinterpret_cast<sockaddr*>(&ss), len)};
}

bool Socket::waitFor(short events, Millis timeout) const {
    const bool hasDeadline = timeout.count() >= 0;
    const auto deadline = Clock::now() + (hasDeadline ? timeout : Millis(0));
    for (;;) {
        pollfd p{fd_, events, 0};
        int r = sys::poll(&p, 1, remainingMs(hasDeadline, deadline));
        if (r < 0) {
            const int e = errno;
            throw Error::fromErrno("poll", e, peerText());
        }
        if (r > 0) return true;
        if (hasDeadline && Clock::now() >= deadline) return false;
    }
}

void Socket::connect(const Address& address, Millis timeout) {
    // Restores the caller's blocking mode on every path, failures included:
    // a socket that timed out must not come back silently non-blocking.
    struct BlockingRestore {
        Socket* s = nullptr;
        ~BlockingRestore() {
            if (!s) return;
            const int saved = errno;
            sys::setNonBlocking(s->fd_, false);
            errno = saved;
        }
    } restore;
    if (timeout.count() >= 0 && !isNonBlocking()) {
        setNonBlocking(true);
        restore.s = this;
    }
    if (sys::connect(fd_, address.sockaddrPtr(), address.length()) == 0) return;
    const int e = errno;
    // EINPROGRESS: a non-blocking connect under way. EINTR: a blocking
    // connect interrupted by a signal goes on in the background; calling
    // connect again would fail with EALREADY, so wait for it the same way.
    if (e != EINPROGRESS && e != EINTR) throw Error::fromErrno("connect", e, address.toString());
    if (!waitFor(POLLOUT, timeout)) {
        ErrorInfo info{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, address.toString(), {}};
        throw Error(withDetail(info, DetailCode::GaveUpAfterMs, timeout.count()));
    }
    const int err = pendingError();
    if (err != 0) throw Error::fromErrno("connect", err, address.toString());
}

IoResult Socket::send(std::string_view data) {
    ssize_t n = sys::send(fd_, data.data(), data.size());
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return {IoResult::WouldBlock, 0};
        const int e = errno;
        throw Error::fromErrno("send", e, peerText());
    }
    return {IoResult::Ok, static_cast<size_t>(n)};
}

void Socket::sendAll(std::string_view data, Millis timeout) {
    const bool hasDeadline = timeout.count() >= 0;
    const auto deadline = Clock::now() + (hasDeadline ? timeout : Millis(0));
    while (!data.empty()) {
        IoResult r = send(data);
        if (r.status == IoResult::WouldBlock) {
            if (!waitFor(POLLOUT, hasDeadline
                                      ? std::max(Millis(0), std::chrono::duration_cast<Millis>(
                                                                deadline - Clock::now()))
                                      : Millis(-1))) {
                ErrorInfo info{ErrorKind::Timeout, "send", ETIMEDOUT, 0, peerText(), {}};
                throw Error(withDetail(info, DetailCode::BytesUnsent, data.size()));
            }
            continue;
        }
        data.remove_prefix(r.bytes);
    }
}

IoResult Socket::recv(void* buffer, size_t size) {
    ssize_t n = sys::recv(fd_, buffer, size);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            // On a blocking socket EAGAIN means SO_RCVTIMEO expired.
            const int flags = ::fcntl(fd_, F_GETFL);
            const bool blocking = flags >= 0 && !(flags & O_NONBLOCK);
            return {blocking ? IoResult::TimedOut : IoResult::WouldBlock, 0};
        }
        const int e = errno;
        throw Error::fromErrno("recv", e, peerText());
    }
    if (n == 0 && size > 0) return {IoResult::Eof, 0};
    return {IoResult::Ok, static_cast<size_t>(n)};
}

IoResult Socket::recv(void* buffer, size_t size, Millis timeout) {
    if (timeout.count() >= 0 && !waitFor(POLLIN, timeout)) return {IoResult::TimedOut, 0};
    return recv(buffer, size);
}

IoResult Socket::recvSome(std::string& out, size_t max, Millis timeout) {
    const size_t old = out.size();
    out.resize(old + max);
    IoResult r;
    try {
        r = recv(out.data() + old, max, timeout);
    } catch (...) {
        out.resize(old);
        throw;
    }
    out.resize(old + r.bytes);
    return r;
}

void Socket::recvExact(void* buffer, size_t size, Millis timeout) {
    auto* p = static_cast<char*>(buffer);
    size_t got = 0;
    while (got < size) {
        IoResult r = recv(p + got, size - got, timeout);
        if (r.status == IoResult::Eof) {
            ErrorInfo info{ErrorKind::EndOfStream, "recv", 0, 0, peerText(), {}};
            throw Error(withDetail(info, DetailCode::GotOfBytes, got, size));
        }
        if (r.status == IoResult::TimedOut) {
            ErrorInfo info{ErrorKind::Timeout, "recv", ETIMEDOUT, 0, peerText(), {}};
            throw Error(withDetail(info, DetailCode::GotOfBytes, got, size));
        }
        if (r.status == IoResult::WouldBlock) {
            waitFor(POLLIN, Millis(-1));
            continue;
        }
        got += r.bytes;
    }
}

void Socket::shutdownWrite() { shutdown(SHUT_WR); }

void Socket::shutdown(int how) {
    if (sys::shutdown(fd_, how) != 0) {
        const int e = errno;
        throw Error::fromErrno("shutdown", e, peerText());
    }
}

size_t Socket::sendTo(std::string_view data, const Address& to) {
    ssize_t n = sys::sendto(fd_, data.data(), data.size(), 0, to.sockaddrPtr(), to.length());
    if (n < 0) throw Error::fromErrno("sendto", errno, to.toString());
    return static_cast<size_t>(n);
}

std::optional<Datagram> Socket::recvFrom(void* buffer, size_t size) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    // MSG_TRUNC makes recvfrom return the datagram's real length even when
    // it did not fit, so a cut datagram is detected instead of passing as whole.
    ssize_t n = sys::recvfrom(fd_, buffer, size, MSG_TRUNC, reinterpret_cast<sockaddr*>(&ss), &len);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return std::nullopt;
        const int e = errno;
        throw Error::fromErrno("recvfrom", e, localText());
    }
    Datagram d;
    d.wireSize = static_cast<size_t>(n);
    d.size = d.wireSize < size ? d.wireSize : size;
    d.truncated = d.wireSize > size;
    d.from = Address(reinterpret_cast<sockaddr*>(&ss), len);
    return d;
}

std::optional<Datagram> Socket::recvFrom(void* buffer, size_t size, Millis timeout) {
    if (timeout.count() >= 0 && !waitFor(POLLIN, timeout)) return std::nullopt;
    return recvFrom(buffer, size);
}

Socket tcpListen(const Address& address, int backlog, const ListenOptions& options) {
    Socket s =
        Socket::create(address.family(), SOCK_STREAM | (options.nonBlocking ? SOCK_NONBLOCK : 0));
    if (options.reuseAddr) s.setReuseAddr(true);
    if (options.reusePort) s.setReusePort(true);
    if (address.isV6()) {
        int v6only = options.v6Only ? 1 : 0;
        sys::setsockopt(s.fd(), IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
    }
    if (options.beforeBind) options.beforeBind(s);
    s.bind(address);
    s.listen(backlog);
    return s;
}

Socket tcpConnect(const Address& address, Millis timeout) {
    Socket s = Socket::create(address.family(), SOCK_STREAM);
    s.connect(address, timeout);
    return s;
}

Socket tcpConnect(std::string_view host, std::string_view port, Millis timeout) {
    auto addresses = Address::resolve(host, port, SOCK_STREAM);
    std::optional<Error> last;
    for (const auto& a : addresses) {
        try {
            return tcpConnect(a, timeout);
        } catch (const Error& e) {
            last = e;
        }
    }
    throw *last;
}

Socket udpBind(const Address& address, bool reuseAddr) {
    Socket s = Socket::create(address.family(), SOCK_DGRAM);
    if (reuseAddr) s.setReuseAddr(true);
    s.bind(address);
    return s;
}

Socket udpBind(const Address& address, const ListenOptions& options) {
    Socket s =
        Socket::create(address.family(), SOCK_DGRAM | (options.nonBlocking ? SOCK_NONBLOCK : 0));
    if (options.reuseAddr) s.setReuseAddr(true);
    if (options.reusePort) s.setReusePort(true);
    if (address.isV6() && options.v6Only) {  // the kernel's default is off
        int v6only = 1;
        sys::setsockopt(s.fd(), IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
    }
    if (options.beforeBind) options.beforeBind(s);
    s.bind(address);
    return s;
}

Socket udpSocket(int family) { return Socket::create(family, SOCK_DGRAM); }

}  // namespace sockwb
