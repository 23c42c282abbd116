// ClientConnection in blocking mode: the course's client. The reader thread
// connects with a blocking connect (SO_SNDTIMEO bounds it), then sits in
// recv/recvfrom; the writer thread takes queued sends and shutdowns and makes
// blocking calls. disconnect() wakes both with shutdown(SHUT_RDWR), which
// makes a blocked recv return 0 and a blocked send fail (EPIPE); the reader
// joins the writer before it closes the socket. With TLS the reader makes
// the handshake before the writer starts (clientconnectiontls.cpp).

#include <cerrno>

#include "core/client/blockingconnect.h"
#include "core/client/clientconnection.h"
#include "core/client/clienttls.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {

// ICMP errors reported on a UDP socket (a port unreachable answer...): the
// socket lives on. Anything else ends the connection.
bool udpTransient(int err) {
    return err == ECONNREFUSED || err == EHOSTUNREACH || err == ENETUNREACH || err == EHOSTDOWN ||
           err == ENETDOWN;
}

}  // namespace

void ClientConnection::runBlocking(const std::vector<Address>& addresses) {
    ErrorInfo failure;
    bool connected = false;
    for (const auto& address : addresses) {
        failure = ErrorInfo{};
        connected = connectBlocking(address, failure);
        if (connected || stopRequested_) break;
    }
    if (!connected || stopRequested_) {
        if (!stopRequested_) fail(failure);
        finish(stopRequested_ ? CloseReason::Local : CloseReason::Error);
        return;
    }
    reportConnected();
    if (tls_ && !handshakeBlocking()) {
        finish(stopRequested_ ? CloseReason::Local : CloseReason::Error);
        return;
    }
    try {
        writer_ = std::thread(&ClientConnection::writeBlocking, this);
    } catch (const std::system_error& e) {
        fail(Error::fromErrno("pthread_create", e.code().value()).info());
        finish(CloseReason::Error);
        return;
    }
    readBlocking();
}

bool ClientConnection::connectBlocking(const Address& address, ErrorInfo& failure) {
    Socket s = openSocket(address, false, failure);
    if (!s) return false;
    const int fd = s.fd();
    {
        std::lock_guard lock(mutex_);  // disconnect() may shut it down from now on
        socket_ = std::move(s);
    }
    peer_ = address;
    // The course's UDP client does not connect: sendto/recvfrom the target.
    if (isDatagram(config_.protocol) || stopRequested_) return true;
    try {
        sockwb::connectBlocking(fd, address, config_.connectTimeout);
        if (config_.connectTimeout.count() > 0) restoreSendTimeout(fd);
        return true;
    } catch (const Error& e) {
        failure = e.info();
    }
    std::lock_guard lock(mutex_);
    socket_.close();  // the next address gets a fresh socket
    wokeWithShutdown_ = false;
    return false;
}

void ClientConnection::readBlocking() {
    const bool udp = isDatagram(config_.protocol);
    const int fd = socket_.fd();  // only this thread changes socket_
    std::string buffer(config_.recvSize, '\0');
    CloseReason reason = CloseReason::Local;
    while (!stopRequested_) {
        Address from = peer_;
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        const ssize_t n = udp ? sys::recvfrom(fd, buffer.data(), buffer.size(), 0,
                                              reinterpret_cast<sockaddr*>(&ss), &len)
                              : sys::recv(fd, buffer.data(), buffer.size());
        const int err = errno;
        if (stopRequested_) break;
        bool writerFailed;
        {
            std::lock_guard lock(mutex_);
            writerFailed = writerFailed_;
        }
        if (writerFailed) {
            reason = CloseReason::Error;  // the writer reported why
            break;
        }
        if (n < 0) {
            fail(Error::fromErrno(udp ? "recvfrom" : "recv", err, peer_.toString()).info());
            if (udp && udpTransient(err)) continue;
            reason = CloseReason::Error;
            break;
        }
        if (n == 0 && readShut_) {
            parkUntilStopped();  // SHUT_RD: no more reading, sends may go on
            break;
        }
        if (n == 0 && !udp) {
            reason = CloseReason::PeerClosed;
            break;
        }
        if (tls_) {
            if (!receiveTls(std::string_view(buffer.data(), static_cast<size_t>(n)))) {
                reason = CloseReason::Error;
                break;
            }
            if (tls_->hasOutput()) {  // the writer alone sends after the handshake
                std::lock_guard lock(mutex_);
                tlsFlush_ = true;
                changed_.notify_all();
            }
            continue;
        }
        if (udp && len > 0) from = Address(reinterpret_cast<sockaddr*>(&ss), len);
        deliver(std::string_view(buffer.data(), static_cast<size_t>(n)), from);
    }
    bool writerBusy;
    {
        std::lock_guard lock(mutex_);
        readerDone_ = true;
        writerBusy = writerBusy_;
        changed_.notify_all();
    }
    // A writer blocked in send (a peer that stopped reading) is woken too.
    if (writerBusy) wakeBlocked();
    if (writer_.joinable()) writer_.join();
    finish(reason);
}

void ClientConnection::parkUntilStopped() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopRequested_.load() || writerFailed_; });
}

void ClientConnection::writeBlocking() {
    TraceScope scope(trace_);
    const bool udp = isDatagram(config_.protocol);
    for (;;) {
        Outgoing item;
        bool flushOnly = false;  // TLS: only send what the reader's receive() made
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] {
                return stopRequested_ || readerDone_ || !queue_.empty() || tlsFlush_;
            });
            if (stopRequested_ || readerDone_) return;
            tlsFlush_ = false;
            flushOnly = queue_.empty();
            if (!flushOnly) {
                item = std::move(queue_.front());
                queue_.pop_front();
            }
            writerBusy_ = true;
        }
        const bool ok = flushOnly               ? sendTlsOutputBlocking()
                        : item.shutdownHow >= 0 ? shutdownBlocking(item.shutdownHow)
                        : tls_                  ? sendTlsBlocking(item.bytes)
                                                : sendAllBlocking(item.bytes);
        std::lock_guard lock(mutex_);
        writerBusy_ = false;
        if (ok || udp || stopRequested_) continue;
        // A send error ends a TCP connection: wake the reader, which closes.
        writerFailed_ = true;
        changed_.notify_all();
        sys::shutdown(socket_.fd(), SHUT_RDWR);
        return;
    }
}

bool ClientConnection::sendAllBlocking(std::string_view bytes, bool report) {
    const bool udp = isDatagram(config_.protocol);
    const int fd = socket_.fd();
    size_t done = 0;
    do {  // one call even for 0 bytes: an empty datagram is a message
        const ssize_t n = udp ? sys::sendto(fd, bytes.data(), bytes.size(), 0, peer_.sockaddrPtr(),
                                            peer_.length())
                              : sys::send(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            bool readerDone;
            {
                std::lock_guard lock(mutex_);
                readerDone = readerDone_;
            }
            // Woken by disconnect() or by the reader's end: not an error of its own.
            if (stopRequested_ || readerDone) return true;
            fail(Error::fromErrno(udp ? "sendto" : "send", errno, peer_.toString()).info());
            return false;
        }
        done += static_cast<size_t>(n);
        if (!report) continue;
        bytesOut_ += static_cast<uint64_t>(n);
        notify([&](ClientObserver& o) { o.onSent(static_cast<size_t>(n)); });
    } while (!udp && done < bytes.size());
    return true;
}

// Any thread: wakes a blocked connect, recv or send with shutdown(SHUT_RDWR)
// (once), and the writer or a parked reader through the condition.
void ClientConnection::wakeBlocked() {
    std::lock_guard lock(mutex_);
    changed_.notify_all();
    if (config_.io != ClientIo::Blocking || wokeWithShutdown_ || !socket_) return;
    wokeWithShutdown_ = true;
    TraceScope scope(trace_);
    sys::shutdown(socket_.fd(), SHUT_RDWR);
}

}  // namespace sockwb
