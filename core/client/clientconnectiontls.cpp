// ClientConnection with ClientConfig::tls: the engine between the socket
// calls and the observer (clienttls.h). Blocking mode: the reader makes the
// handshake right after connect (send the ClientHello, recv, send what the
// engine answers...), bounded by the connect timeout through SO_RCVTIMEO;
// then the writer alone sends ciphertext (what the reader's receive() makes
// after the handshake is handed to it). Poll mode: the loop sends tlsOut_
// whenever it holds bytes and encrypts the next queued message only once it
// is empty, so records leave in the order they were made.

#include <cerrno>

#include "core/client/blockingconnect.h"
#include "core/client/clientconnection.h"
#include "core/client/clienttls.h"
#include "core/net/sys.h"

namespace sockwb {

bool ClientConnection::prepareTls() {
    if (config_.protocol != Protocol::Tcp) {
        fail(Error::invalid(std::string("TLS over ") + protocolName(config_.protocol),
                            "TLS runs over TCP only: choose tcp")
                 .info());
        return false;
    }
    try {
        std::shared_ptr<const tls::Context> context = config_.tlsContext;
        if (!context) context = tls::Context::client(config_.tlsOptions);
        const std::string name =
            config_.tlsServerName.empty() ? config_.host : config_.tlsServerName;
        tls_ = std::make_unique<ClientTls>(std::move(context), name,
                                           config_.host + ":" + std::to_string(config_.port));
    } catch (const Error& e) {
        fail(e.info());
        return false;
    }
    return true;
}

ErrorInfo ClientConnection::handshakeTimeout() const {
    return withDetail(
        ErrorInfo{ErrorKind::Timeout, "SSL_connect", ETIMEDOUT, 0, peer_.toString(), {}},
        DetailCode::GaveUpAfterMs, static_cast<uint64_t>(config_.connectTimeout.count()));
}

ErrorInfo ClientConnection::handshakeClosed() const {
    return Error::tlsFailure("SSL_connect", TlsProblem::HandshakeFailure,
                             "the server closed the connection during the handshake",
                             peer_.toString())
        .info();
}

void ClientConnection::failTls(const Error& e) {
    // A handshake that fails leaves its alert (bad_certificate...) in the
    // output: the server learns why, as from OpenSSL's own client. Later
    // the writer may be in the middle of a record: nothing is added.
    if (!tls_->handshakeDone()) {
        std::string wire = std::move(tlsOut_);  // poll mode: what is not sent yet goes first
        tlsOut_.clear();
        if (tls_->takeOutput(wire)) sys::send(socket_.fd(), wire.data(), wire.size(), MSG_DONTWAIT);
    }
    ErrorInfo info = e.info();
    if (info.address.empty()) info.address = peer_.toString();
    fail(info);
}

void ClientConnection::reportTls() {
    if (!tls_->takeHandshakeReport()) return;
    const tls::SessionInfo info = tls_->info();
    notify([&](ClientObserver& o) { o.onTlsHandshake(info); });
}

bool ClientConnection::receiveTls(std::string_view ciphertext) {
    std::string plain;
    try {
        tls_->receive(ciphertext, plain);
    } catch (const Error& e) {
        failTls(e);
        return false;
    }
    reportTls();
    if (!plain.empty()) deliver(plain, peer_);
    return true;
}

bool ClientConnection::handshakeBlocking() {
    const int fd = socket_.fd();
    tls_->attach(fd);
    const bool bounded = config_.connectTimeout.count() > 0;
    if (bounded) setSocketTimeout(fd, SO_RCVTIMEO, config_.connectTimeout);
    std::string buffer(config_.recvSize, '\0');
    try {
        tls_->start();
    } catch (const Error& e) {
        failTls(e);
        return false;
    }
    for (;;) {
        if (!sendTlsOutputBlocking()) return false;
        if (tls_->handshakeDone()) break;
        const ssize_t n = sys::recv(fd, buffer.data(), buffer.size());
        const int err = errno;
        if (stopRequested_) return false;
        if (n < 0) {
            fail(err == EAGAIN || err == EWOULDBLOCK
                     ? handshakeTimeout()
                     : Error::fromErrno("recv", err, peer_.toString()).info());
            return false;
        }
        if (n == 0) {
            fail(handshakeClosed());
            return false;
        }
        if (!receiveTls(std::string_view(buffer.data(), static_cast<size_t>(n)))) return false;
    }
    if (bounded) {
        // The reader's recv waits as long as it takes again, or as asked.
        const SockoptSetting* asked = findSetting(config_.sockopts, "SO_RCVTIMEO");
        if (asked)
            sockwb::applySockopts(fd, {*asked}, SockoptStage::Connected);
        else
            setSocketTimeout(fd, SO_RCVTIMEO, Millis(0));
    }
    reportTls();
    return true;
}

bool ClientConnection::sendTlsOutputBlocking() {
    std::string wire;
    if (!tls_->takeOutput(wire)) return true;
    return sendAllBlocking(wire, false) && !stopRequested_;
}

bool ClientConnection::sendTlsBlocking(const std::string& plain) {
    try {
        tls_->write(plain);
    } catch (const Error& e) {
        failTls(e);
        return false;
    }
    std::string wire;
    if (tls_->takeOutput(wire) && !sendAllBlocking(wire, false)) return false;
    {
        std::lock_guard lock(mutex_);
        if (stopRequested_ || readerDone_) return true;  // woken, not sent
    }
    bytesOut_ += plain.size();
    notify([&](ClientObserver& o) { o.onSent(plain.size()); });
    return true;
}

bool ClientConnection::shutdownBlocking(int how) {
    if (tls_ && how != SHUT_RD) {
        tls_->close();
        if (!sendTlsOutputBlocking()) return false;
    }
    doShutdown(how);
    return true;
}

bool ClientConnection::flushTls() {
    const int fd = socket_.fd();
    for (;;) {
        if (!tlsOut_.empty()) {
            const ssize_t n = sys::send(fd, tlsOut_.data(), tlsOut_.size());
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
            if (n < 0) {
                fail(Error::fromErrno("send", errno, peer_.toString()).info());
                finish(CloseReason::Error);
                return false;
            }
            tlsOut_.erase(0, static_cast<size_t>(n));
            if (!tlsOut_.empty()) continue;
            if (tlsOutPlain_ > 0) {
                const size_t plain = tlsOutPlain_;
                tlsOutPlain_ = 0;
                bytesOut_ += plain;
                notify([&](ClientObserver& o) { o.onSent(plain); });
            }
        }
        if (!tls_->handshakeDone()) return true;
        Outgoing* head;
        {
            std::lock_guard lock(mutex_);
            if (queue_.empty()) return true;
            head = &queue_.front();  // only this thread pops: stays valid unlocked
        }
        const int how = head->shutdownHow;
        if (how >= 0 && how != SHUT_RD && !tlsCloseQueued_) {
            tls_->close();  // close_notify goes first, then the shutdown
            tls_->takeOutput(tlsOut_);
            tlsCloseQueued_ = true;
            continue;
        }
        if (how < 0) {
            try {
                tls_->write(head->bytes);
            } catch (const Error& e) {
                failTls(e);
                finish(CloseReason::Error);
                return false;
            }
            tls_->takeOutput(tlsOut_);
            tlsOutPlain_ = head->bytes.size();
        }
        {
            std::lock_guard lock(mutex_);
            queue_.pop_front();
        }
        if (how >= 0) doShutdown(how);
    }
}

}  // namespace sockwb
