#include "core/client/clientconnection.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <vector>

#include "core/net/sys.h"
#include "core/net/trace.h"
#include "core/net/unixsocket.h"

namespace sockwb {

namespace {
using Clock = std::chrono::steady_clock;
constexpr size_t kReadBuffer = 64 * 1024;
// Reads per wake-up: bounded so a flood cannot delay a stop request.
constexpr int kReadsPerWake = 16;
}  // namespace

ClientConnection::ClientConnection(ClientConfig config, ClientObserver* observer,
                                   TraceObserver* trace)
    : config_(std::move(config)), observer_(observer), trace_(trace) {}

ClientConnection::~ClientConnection() { stop(); }

void ClientConnection::start() {
    if (thread_.joinable() || wakeup_) return;
    wakeup_.emplace();
    state_ = State::Connecting;
    try {
        thread_ = std::thread(&ClientConnection::run, this);
    } catch (const std::system_error& e) {
        state_ = State::Closed;
        throw Error::fromErrno("pthread_create", e.code().value());
    }
}

void ClientConnection::send(std::string bytes) {
    {
        std::lock_guard lock(mutex_);
        if (shutdownRequested_ || stopRequested_ || state_ == State::Closed) return;
        queue_.push_back(std::move(bytes));
    }
    wake();
}

void ClientConnection::shutdownWrite() {
    {
        std::lock_guard lock(mutex_);
        shutdownRequested_ = true;
    }
    wake();
}

void ClientConnection::disconnect() {
    stopRequested_ = true;
    wake();
}

void ClientConnection::stop() {
    disconnect();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void ClientConnection::wake() {
    if (wakeup_) wakeup_->notify();
}

void ClientConnection::drainWake() { wakeup_->drain(); }

void ClientConnection::run() {
    TraceScope scope(trace_);
    traceNote("thread", -1,
              "client I/O thread for " +
                  (isUnixDomain(config_.protocol)
                       ? std::string(protocolName(config_.protocol)) + ":" + config_.host
                       : config_.host + ":" + std::to_string(config_.port)));
    if (!connectSocket()) {
        finish(stopRequested_ ? CloseReason::Local : CloseReason::Error);
        return;
    }
    loop();
}

bool ClientConnection::connectSocket() {
    const bool udp = isDatagram(config_.protocol);
    const bool local = isUnixDomain(config_.protocol);  // host is a socket path
    std::vector<Address> addresses;
    try {
        addresses = local ? std::vector<Address>{Address::unixPath(config_.host)}
                          : Address::resolve(config_.host, std::to_string(config_.port),
                                             udp ? SOCK_DGRAM : SOCK_STREAM);
    } catch (const Error& e) {
        fail(e.info());
        return false;
    }
    if (stopRequested_ || addresses.empty()) return false;
    if (udp) {
        // The course's UDP client: no connect, sendto/recvfrom to the target.
        try {
            // A Unix datagram client autobinds a name, or no answer could reach it.
            socket_ = local ? unixDatagramClient()
                            : Socket::create(addresses.front().family(), SOCK_DGRAM);
            socket_.setNonBlocking(true);
        } catch (const Error& e) {
            fail(e.info());
            return false;
        }
        peer_ = addresses.front();
        return true;
    }
    ErrorInfo failure;
    for (const auto& address : addresses) {
        failure = ErrorInfo{};
        if (connectOne(address, failure)) return true;
        if (stopRequested_) return false;
    }
    fail(failure);
    return false;
}

bool ClientConnection::connectOne(const Address& address, ErrorInfo& failure) {
    const std::string where = address.toString();
    int fd = sys::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        failure = Error::fromErrno("socket", errno, where).info();
        return false;
    }
    Socket s(fd);
    if (sys::connect(fd, address.sockaddrPtr(), address.length()) != 0) {
        if (errno != EINPROGRESS) {
            failure = Error::fromErrno("connect", errno, where).info();
            return false;
        }
        const auto deadline = Clock::now() + config_.connectTimeout;
        for (;;) {
            auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
            if (left <= 0) {
                failure =
                    withDetail(ErrorInfo{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, where, {}},
                               DetailCode::GaveUpAfterMs, config_.connectTimeout.count());
                return false;
            }
            pollfd fds[2] = {{fd, POLLOUT, 0}, {wakeup_->fd(), POLLIN, 0}};
            sys::poll(fds, 2, static_cast<int>(left));
            if (stopRequested_) return false;
            if (fds[1].revents & POLLIN) drainWake();  // queued sends wait in queue_
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
    socket_ = std::move(s);
    peer_ = address;
    return true;
}

void ClientConnection::loop() {
    state_ = State::Connected;
    if (observer_) {
        Address local;
        try {
            local = socket_.localAddress();
        } catch (const Error&) {
            // Only shown to the user; an unknown local address is not fatal.
        }
        observer_->onConnected(local, peer_);
    }
    const int fd = socket_.fd();
    while (!stopRequested_) {
        bool wantWrite;
        {
            std::lock_guard lock(mutex_);
            wantWrite = !queue_.empty();
        }
        pollfd fds[2] = {{fd, static_cast<short>(POLLIN | (wantWrite ? POLLOUT : 0)), 0},
                         {wakeup_->fd(), POLLIN, 0}};
        sys::poll(fds, 2, -1);
        if (stopRequested_) break;
        if (fds[1].revents & POLLIN) drainWake();
        if (fds[0].revents & (POLLIN | POLLERR | POLLHUP)) {
            if (!readSome()) return;
        }
        if (!flushQueue()) return;
    }
    finish(CloseReason::Local);
}

bool ClientConnection::readSome() {
    std::string buffer(kReadBuffer, '\0');
    const bool udp = isDatagram(config_.protocol);
    for (int i = 0; i < kReadsPerWake && !stopRequested_; ++i) {
        ssize_t n;
        if (udp) {
            sockaddr_storage from{};
            socklen_t fromLen = sizeof from;
            n = sys::recvfrom(socket_.fd(), buffer.data(), buffer.size(), 0,
                              reinterpret_cast<sockaddr*>(&from), &fromLen);
        } else {
            n = sys::recv(socket_.fd(), buffer.data(), buffer.size());
        }
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
            const int err = errno;
            if (udp) {
                // An ICMP error on a UDP socket does not end it: report, go on.
                fail(Error::fromErrno("recvfrom", err, peer_.toString()).info());
                return true;
            }
            fail(Error::fromErrno("recv", err, peer_.toString()).info());
            finish(CloseReason::Error);
            return false;
        }
        if (n == 0 && !udp) {
            finish(CloseReason::PeerClosed);
            return false;
        }
        bytesIn_ += static_cast<uint64_t>(n);
        if (observer_) observer_->onData(std::string_view(buffer.data(), static_cast<size_t>(n)));
    }
    return true;
}

bool ClientConnection::flushQueue() {
    const bool udp = isDatagram(config_.protocol);
    size_t sent = 0;
    ErrorInfo error;
    bool failed = false;
    bool fatal = false;
    {
        std::lock_guard lock(mutex_);
        while (!queue_.empty()) {
            const std::string& head = queue_.front();
            ssize_t n;
            if (udp) {
                n = sys::sendto(socket_.fd(), head.data(), head.size(), 0, peer_.sockaddrPtr(),
                                peer_.length());
            } else {
                n = sys::send(socket_.fd(), head.data() + headSent_, head.size() - headSent_);
            }
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK) break;
                error = Error::fromErrno(udp ? "sendto" : "send", errno, peer_.toString()).info();
                failed = true;
                fatal = !udp;  // a refused datagram is dropped, the socket lives on
                if (udp) queue_.pop_front();
                break;
            }
            sent += static_cast<size_t>(n);
            headSent_ += static_cast<size_t>(n);
            if (udp || headSent_ >= head.size()) {
                queue_.pop_front();
                headSent_ = 0;
            }
        }
        if (!failed && !udp && queue_.empty() && shutdownRequested_ && !shutdownDone_) {
            shutdownDone_ = true;
            if (sys::shutdown(socket_.fd(), SHUT_WR) != 0) {
                error = Error::fromErrno("shutdown", errno, peer_.toString()).info();
                failed = true;
            }
        }
    }
    // Observers are called without the lock so they may send() again.
    if (sent > 0) {
        bytesOut_ += sent;
        if (observer_) observer_->onSent(sent);
    }
    if (failed) {
        fail(error);
        if (fatal) {
            finish(CloseReason::Error);
            return false;
        }
    }
    return true;
}

void ClientConnection::fail(const ErrorInfo& info) {
    if (observer_) observer_->onError(info);
}

void ClientConnection::finish(CloseReason reason) {
    if (finished_) return;
    finished_ = true;
    socket_.close();
    state_ = State::Closed;
    if (observer_) observer_->onClosed(reason);
}

}  // namespace sockwb
