#include "core/tls/tlsstream.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb::tls {

namespace {

constexpr std::size_t kRecvBytes = 64 * 1024;

}  // namespace

TlsStream::Wait TlsStream::pollWait(int fd, Millis timeout, int cancelFd, std::string address) {
    return [fd, timeout, cancelFd, address = std::move(address)](short events, const char* what) {
        using Clock = std::chrono::steady_clock;
        const bool limited = timeout.count() >= 0;
        const auto deadline = Clock::now() + (limited ? timeout : Millis(0));
        for (;;) {
            int waitMs = -1;
            if (limited) {
                const auto left =
                    std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
                if (left <= 0) {
                    ErrorInfo info{ErrorKind::Timeout, what, ETIMEDOUT, 0, address, {}};
                    throw Error(withDetail(info, DetailCode::GaveUpAfterMs,
                                           static_cast<std::uint64_t>(timeout.count())));
                }
                waitMs = static_cast<int>(std::min<long long>(left, 1 << 30));
            }
            pollfd fds[2] = {{fd, events, 0}, {cancelFd, POLLIN, 0}};
            const int r = sys::poll(fds, cancelFd >= 0 ? 2 : 1, waitMs);
            if (r < 0) throw Error::fromErrno("poll", errno, address);
            if (cancelFd >= 0 && (fds[1].revents & POLLIN))
                throw Error(withDetail(ErrorInfo{ErrorKind::Cancelled, what, 0, 0, address, {}},
                                       DetailCode::ByTheUser));
            if (fds[0].revents) return;
        }
    };
}

TlsStream::TlsStream(Socket& socket, std::shared_ptr<const Context> context, std::string serverName,
                     std::string sessionKey, std::string address, Wait wait)
    : socket_(socket),
      engine_(std::move(context), std::move(serverName), std::move(sessionKey)),
      address_(std::move(address)),
      wait_(wait ? std::move(wait) : pollWait(socket.fd(), Millis(-1), -1, address_)) {
    engine_.setTraceFd(socket_.fd());
}

TlsStream::~TlsStream() = default;

void TlsStream::rethrow(const Error& e) {
    // The alert the engine wrote tells the peer why: send it if the socket
    // takes it now, never wait for it.
    try {
        engine_.takeOutput(out_);
        if (!out_.empty()) {
            const IoResult r = socket_.send(out_);
            wireSent_ += r.bytes;
        }
    } catch (const Error&) {
        // The error being reported matters more than the alert.
    }
    out_.clear();
    ErrorInfo info = e.info();
    if (info.address.empty()) info.address = address_;
    throw Error(info);
}

void TlsStream::flush() {
    engine_.takeOutput(out_);
    std::size_t done = 0;
    while (done < out_.size()) {
        const IoResult r = socket_.send(std::string_view(out_).substr(done));
        if (r.status == IoResult::WouldBlock) {
            wait_(POLLOUT, "send");
            continue;
        }
        done += r.bytes;
        wireSent_ += r.bytes;
    }
    out_.clear();
}

IoResult TlsStream::receiveOnce() {
    in_.resize(kRecvBytes);
    const IoResult r = socket_.recv(in_.data(), in_.size());
    if (r.ok() && r.bytes > 0) {
        wireReceived_ += r.bytes;
        engine_.receive(std::string_view(in_.data(), r.bytes));
    }
    return r;
}

void TlsStream::decrypt() {
    try {
        engine_.read(plain_);
    } catch (const Error& e) {
        rethrow(e);
    }
}

const SessionInfo& TlsStream::handshake() {
    try {
        engine_.start();
    } catch (const Error& e) {
        rethrow(e);
    }
    flush();
    while (!engine_.handshakeDone()) {
        const IoResult r = receiveOnce();
        if (r.status == IoResult::WouldBlock) {
            wait_(POLLIN, "SSL_connect");
            continue;
        }
        if (r.status == IoResult::TimedOut) {
            ErrorInfo info{ErrorKind::Timeout, "SSL_connect", ETIMEDOUT, 0, address_, {}};
            throw Error(withDetail(info, DetailCode::GaveUpAfterMs,
                                   static_cast<std::uint64_t>(socket_.recvTimeout().count())));
        }
        if (r.eof())
            throw Error::tlsFailure("SSL_connect", TlsProblem::Other,
                                    "the peer closed the connection during the handshake",
                                    address_);
        decrypt();
        flush();
    }
    engine_.takeHandshakeCompleted();
    info_ = engine_.info();
    return info_;
}

void TlsStream::write(std::string_view plain) {
    try {
        engine_.write(plain);
    } catch (const Error& e) {
        rethrow(e);
    }
    flush();
}

IoResult TlsStream::read(std::string& out, bool wait) {
    for (;;) {
        if (!plain_.empty()) {
            const std::size_t n = plain_.size();
            if (out.empty())
                out.swap(plain_);
            else
                out += plain_;
            plain_.clear();
            return {IoResult::Ok, n};
        }
        if (engine_.peerClosed()) return {IoResult::Eof, 0};
        const IoResult r = receiveOnce();
        if (r.ok()) {
            decrypt();
            flush();
            continue;
        }
        if (r.status == IoResult::WouldBlock && wait) {
            wait_(POLLIN, "recv");
            continue;
        }
        return r;  // Eof, TimedOut, or WouldBlock without waiting
    }
}

bool TlsStream::idleAndOpen() {
    try {
        for (;;) {
            if (!plain_.empty() || engine_.peerClosed()) return false;
            pollfd p{socket_.fd(), POLLIN, 0};
            if (sys::poll(&p, 1, 0) <= 0) return true;
            const IoResult r = receiveOnce();
            if (r.status == IoResult::WouldBlock) return true;
            if (!r.ok()) return false;
            decrypt();
            flush();
        }
    } catch (const Error&) {
        return false;  // a reset or an alert: not worth reusing
    }
}

void TlsStream::close() noexcept {
    try {
        engine_.close();
        engine_.takeOutput(out_);
        if (!out_.empty()) wireSent_ += socket_.send(out_).bytes;
    } catch (...) {
        // Best effort: the connection is going away anyway.
    }
    out_.clear();
}

}  // namespace sockwb::tls
