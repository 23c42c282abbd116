// ClientConnection in poll mode: one I/O thread, a non-blocking socket.
// connect returns EINPROGRESS and poll waits for it (woken early by stop);
// then one poll on the socket and the eventfd that send(), shutdown() and
// disconnect() signal. With TLS the same loop makes the handshake, and
// sends ciphertext from tlsOut_ (clientconnectiontls.cpp).

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "core/client/clientconnection.h"
#include "core/client/clienttls.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {
using Clock = std::chrono::steady_clock;
// Reads per wake-up: bounded so a flood cannot delay a stop request.
constexpr int kReadsPerWake = 16;
}  // namespace

void ClientConnection::runPoll(const std::vector<Address>& addresses) {
    ErrorInfo failure;
    for (const auto& address : addresses) {
        failure = ErrorInfo{};
        if (connectPoll(address, failure)) {
            loopPoll();
            return;
        }
        if (stopRequested_) break;
    }
    if (!stopRequested_) fail(failure);
    finish(stopRequested_ ? CloseReason::Local : CloseReason::Error);
}

bool ClientConnection::connectPoll(const Address& address, ErrorInfo& failure) {
    Socket s = openSocket(address, true, failure);
    if (!s) return false;
    const int fd = s.fd();
    const std::string where = address.toString();
    const bool udp = isDatagram(config_.protocol);
    if (!udp && sys::connect(fd, address.sockaddrPtr(), address.length()) != 0) {
        if (errno != EINPROGRESS) {
            failure = Error::fromErrno("connect", errno, where).info();
            return false;
        }
        const auto deadline = Clock::now() + config_.connectTimeout;
        for (;;) {
            const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
            if (left <= 0) {
                failure =
                    withDetail(ErrorInfo{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, where, {}},
                               DetailCode::GaveUpAfterMs,
                               static_cast<uint64_t>(config_.connectTimeout.count()));
                return false;
            }
            pollfd fds[2] = {{fd, POLLOUT, 0}, {wakeup_->fd(), POLLIN, 0}};
            sys::poll(fds, 2, static_cast<int>(left));
            if (stopRequested_) return false;
            if (fds[1].revents & POLLIN) wakeup_->drain();  // queued sends wait in queue_
            if (fds[0].revents) break;
        }
        int err = 0;
        socklen_t len = sizeof err;
        if (sys::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
        if (err != 0) {
            failure = Error::fromErrno("connect", err, where).info();
            return false;
        }
    }
    {
        std::lock_guard lock(mutex_);
        socket_ = std::move(s);
    }
    peer_ = address;
    return true;
}

void ClientConnection::loopPoll() {
    reportConnected();
    const int fd = socket_.fd();
    // TLS: the ClientHello goes first; the handshake must end in time.
    auto handshakeDeadline = Clock::time_point::max();
    if (tls_) {
        tls_->attach(fd);
        try {
            tls_->start();
        } catch (const Error& e) {
            failTls(e);
            finish(CloseReason::Error);
            return;
        }
        tls_->takeOutput(tlsOut_);
        if (config_.connectTimeout.count() > 0)
            handshakeDeadline = Clock::now() + config_.connectTimeout;
    }
    while (!stopRequested_) {
        bool wantWrite;
        {
            std::lock_guard lock(mutex_);
            wantWrite = !queue_.empty();
        }
        int timeout = -1;
        if (tls_) {
            // Plaintext waits for the handshake; ciphertext goes when it can.
            const bool done = tls_->handshakeDone();
            wantWrite = !tlsOut_.empty() || (wantWrite && done);
            if (!done) {
                const auto left =
                    std::chrono::duration_cast<Millis>(handshakeDeadline - Clock::now()).count();
                if (left <= 0) {
                    fail(handshakeTimeout());
                    finish(CloseReason::Error);
                    return;
                }
                timeout = handshakeDeadline == Clock::time_point::max()
                              ? -1
                              : static_cast<int>(std::min<long long>(left, 86400000));
            }
        }
        // After SHUT_RD the socket stays readable (recv returns 0): not polled.
        const short in = readShut_ ? 0 : POLLIN;
        pollfd fds[2] = {{fd, static_cast<short>(in | (wantWrite ? POLLOUT : 0)), 0},
                         {wakeup_->fd(), POLLIN, 0}};
        sys::poll(fds, 2, timeout);
        if (stopRequested_) break;
        if (fds[1].revents & POLLIN) wakeup_->drain();
        if ((fds[0].revents & (POLLIN | POLLERR | POLLHUP)) && !readShut_) {
            if (!readSome()) return;
        }
        if (!(tls_ ? flushTls() : flushQueue())) return;
    }
    finish(CloseReason::Local);
}

bool ClientConnection::readSome() {
    std::string buffer(config_.recvSize, '\0');
    const bool udp = isDatagram(config_.protocol);
    for (int i = 0; i < kReadsPerWake && !stopRequested_ && !readShut_; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        const ssize_t n = udp ? sys::recvfrom(socket_.fd(), buffer.data(), buffer.size(), 0,
                                              reinterpret_cast<sockaddr*>(&ss), &len)
                              : sys::recv(socket_.fd(), buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
            const int err = errno;
            fail(Error::fromErrno(udp ? "recvfrom" : "recv", err, peer_.toString()).info());
            if (udp) return true;  // an ICMP error on a UDP socket does not end it
            finish(CloseReason::Error);
            return false;
        }
        if (n == 0 && !udp) {
            if (tls_ && !tls_->handshakeDone()) {
                fail(handshakeClosed());
                finish(CloseReason::Error);
                return false;
            }
            finish(CloseReason::PeerClosed);
            return false;
        }
        if (tls_) {
            if (!receiveTls(std::string_view(buffer.data(), static_cast<size_t>(n)))) {
                finish(CloseReason::Error);
                return false;
            }
            tls_->takeOutput(tlsOut_);  // the handshake's next flight
            continue;
        }
        const Address from =
            udp && len > 0 ? Address(reinterpret_cast<sockaddr*>(&ss), len) : peer_;
        deliver(std::string_view(buffer.data(), static_cast<size_t>(n)), from);
    }
    return true;
}

// Sends what the queue holds, in order, until the socket would block; each
// queued message is its own send() (a partial one is finished later).
bool ClientConnection::flushQueue() {
    const bool udp = isDatagram(config_.protocol);
    for (;;) {
        Outgoing* head;
        {
            std::lock_guard lock(mutex_);
            if (queue_.empty()) return true;
            head = &queue_.front();  // only this thread pops: stays valid unlocked
        }
        if (head->shutdownHow >= 0) {
            const int how = head->shutdownHow;
            {
                std::lock_guard lock(mutex_);
                queue_.pop_front();
            }
            doShutdown(how);
            continue;
        }
        const std::string& bytes = head->bytes;
        const ssize_t n =
            udp ? sys::sendto(socket_.fd(), bytes.data(), bytes.size(), 0, peer_.sockaddrPtr(),
                              peer_.length())
                : sys::send(socket_.fd(), bytes.data() + headSent_, bytes.size() - headSent_);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
        if (n < 0) {
            fail(Error::fromErrno(udp ? "sendto" : "send", errno, peer_.toString()).info());
            if (!udp) {
                finish(CloseReason::Error);
                return false;
            }
            // A refused datagram is dropped; the socket lives on.
        } else {
            bytesOut_ += static_cast<uint64_t>(n);
            headSent_ += static_cast<size_t>(n);
            notify([&](ClientObserver& o) { o.onSent(static_cast<size_t>(n)); });
            if (!udp && headSent_ < bytes.size()) continue;
        }
        std::lock_guard lock(mutex_);
        queue_.pop_front();
        headSent_ = 0;
    }
}

}  // namespace sockwb
