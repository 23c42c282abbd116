// LoadWorker, its connections' I/O: connect, send the request (or keep a
// bulk stream full), read the reply into its ReplyReader, and hand the
// outcome back to the scheduling half (loadworker.cpp): complete() or fail().
// TLS connections run their ciphertext through a tls::Engine (tlsSend,
// tlsFlush, onTlsData); plain connections never reach those.

#include <netinet/tcp.h>
#include <openssl/ssl.h>

#include <cerrno>

#include "core/load/loadworker.h"
#include "core/net/sys.h"

namespace sockwb::load {

void LoadWorker::openSocket(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const Address& a = config_.target.address;
    const bool udp = config_.workload == Workload::UdpEcho;
    c.fd =
        sys::socket(a.family(), (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        fail(i, LoadErrorKind::Connect, "socket", errno, now);
        return;
    }
    if (!udp) {
        const int one = 1;
        sys::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    if (sys::connect(c.fd, a.sockaddrPtr(), a.length()) == 0) {
        ++stats_.connectionsOpened;
        setEvents(i, Poller::In);
        if (config_.workload == Workload::Bulk) {
            c.state = State::Sending;
            bulkWrite(i, now);
        } else {
            trySend(i, now);
        }
        return;
    }
    if (errno != EINPROGRESS) {
        fail(i, LoadErrorKind::Connect, "connect " + a.toString(), errno, now);
        return;
    }
    c.state = State::Connecting;
    setEvents(i, Poller::Out);
}

void LoadWorker::onEvent(std::uint32_t i, unsigned ev, std::int64_t now) {
    Conn& c = conns_[i];
    switch (c.state) {
        case State::Connecting: {
            int err = 0;
            socklen_t len = sizeof err;
            sys::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err) {
                fail(i, LoadErrorKind::Connect, "connect " + config_.target.address.toString(), err,
                     now);
                return;
            }
            ++stats_.connectionsOpened;
            if (config_.workload == Workload::Bulk) {
                c.state = State::Sending;
                setEvents(i, Poller::In | Poller::Out);
                bulkWrite(i, now);
            } else {
                setEvents(i, Poller::In);
                trySend(i, now);
            }
            return;
        }
        case State::Sending:
            if (config_.workload == Workload::Bulk) {
                const std::uint32_t gen = c.gen;
                if (ev & (Poller::In | Poller::Err)) onReadable(i, now);
                if ((ev & Poller::Out) && conns_[i].gen == gen && conns_[i].state == State::Sending)
                    bulkWrite(i, now);
                return;
            }
            // Err is an error or a hang-up: the send says which.
            if (ev & (Poller::Out | Poller::Err))
                trySend(i, now);
            else if (ev & Poller::In)
                onReadable(i, now);
            return;
        case State::Receiving:
        case State::Idle:
        case State::Done:
            if (c.tls) {
                // TLS: ciphertext may wait for room in the socket buffer.
                const std::uint32_t gen = c.gen;
                if ((ev & Poller::Out) && !tlsFlush(i, now)) return;
                if (conns_[i].gen == gen && (ev & (Poller::In | Poller::Err))) onReadable(i, now);
                return;
            }
            onReadable(i, now);
            return;
        case State::Closed:
        case State::Backoff:
            return;
    }
}

void LoadWorker::trySend(std::uint32_t i, std::int64_t now) {
    if (tls_) {
        tlsSend(i, now);
        return;
    }
    Conn& c = conns_[i];
    const std::string& out = outgoing();
    while (c.sendOffset < out.size()) {
        const ssize_t r = sys::send(c.fd, out.data() + c.sendOffset, out.size() - c.sendOffset);
        if (r > 0) {
            c.sendOffset += std::size_t(r);
            stats_.bytesSent += std::uint64_t(r);
            continue;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            c.state = State::Sending;
            setEvents(i, Poller::In | Poller::Out);
            return;
        }
        fail(i,
             config_.workload == Workload::UdpEcho && errno == ECONNREFUSED ? LoadErrorKind::Connect
                                                                            : LoadErrorKind::Write,
             "send", errno, now);
        return;
    }
    c.state = State::Receiving;
    setEvents(i, Poller::In);
}

// Bulk: each full payload sent is one "request"; keeps the socket buffer full.
void LoadWorker::bulkWrite(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const std::string& out = outgoing();
    while (true) {
        const ssize_t r = sys::send(c.fd, out.data() + c.sendOffset, out.size() - c.sendOffset);
        if (r > 0) {
            c.sendOffset += std::size_t(r);
            stats_.bytesSent += std::uint64_t(r);
            if (c.sendOffset < out.size()) continue;
            ++stats_.requests;
            c.sendOffset = 0;
            c.deadlineNs = now + timeoutNs_;
            if (!control_.claim()) {
                c.inFlight = false;
                --busy_;
                c.state = State::Done;
                setEvents(i, Poller::In);
                return;
            }
            continue;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setEvents(i, Poller::In | Poller::Out);
            return;
        }
        fail(i, LoadErrorKind::Write, "send", errno, now);
        return;
    }
}

void LoadWorker::onReadable(std::uint32_t i, std::int64_t now) {
    while (true) {
        Conn& c = conns_[i];
        const ssize_t r = sys::recv(c.fd, buffer_.data(), buffer_.size());
        if (r > 0) {
            stats_.bytesReceived += std::uint64_t(r);
            if (!(c.tls ? onTlsData(i, buffer_.data(), std::size_t(r), now)
                        : onData(i, buffer_.data(), std::size_t(r), now)))
                return;
            if (std::size_t(r) < buffer_.size()) return;
            continue;
        }
        if (r == 0) {
            onEof(i, now);
            return;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) return;
        if (!c.inFlight) {
            closeConn(i);  // an idle connection reset: reconnect on next use
            return;
        }
        fail(i,
             config_.workload == Workload::UdpEcho && errno == ECONNREFUSED ? LoadErrorKind::Connect
                                                                            : LoadErrorKind::Read,
             "recv", errno, now);
        return;
    }
}

bool LoadWorker::onData(std::uint32_t i, const char* data, std::size_t n, std::int64_t now) {
    Conn& c = conns_[i];
    if (!c.inFlight || c.state != State::Receiving) {
        if (config_.workload == Workload::Bulk)
            return true;  // a discard server says nothing; ignore
        if (c.inFlight) {
            fail(i, LoadErrorKind::Parse, "bytes arrived before the request was sent", 0, now);
        } else {
            // Unsolicited bytes on a resting connection: count them, drop the
            // connection (it is already listed as free, so no backoff).
            countError(LoadErrorKind::Parse, "bytes arrived with no request outstanding", 0);
            closeConn(i);
        }
        return false;
    }
    switch (c.reader.feed(std::string_view(data, n))) {
        case ReplyReader::Result::NeedMore:
            return true;
        case ReplyReader::Result::Error:
            fail(i, LoadErrorKind::Parse, c.reader.error(), 0, now);
            return false;
        case ReplyReader::Result::Complete:
            complete(i, monotonicNs());
            return false;
    }
    return true;
}

void LoadWorker::onEof(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    if (!c.inFlight) {
        closeConn(i);  // the server closed an idle keep-alive connection: not an error
        return;
    }
    if (c.state == State::Receiving && c.reader.onEof() == ReplyReader::Result::Complete) {
        complete(i, monotonicNs());  // a close-delimited HTTP body
        return;
    }
    fail(i, LoadErrorKind::Read,
         c.state == State::Receiving ? c.reader.error() : "the server closed the connection", 0,
         now);
}

void LoadWorker::tlsSend(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    try {
        if (!c.tls) {
            c.tls = std::make_unique<tls::Engine>(tls_, config_.target.serverName, sessionKey_);
            // Keep the record buffers between requests (no malloc/free per read).
            SSL_clear_mode(c.tls->native(), SSL_MODE_RELEASE_BUFFERS);
            c.connectedNs = now;
            c.tls->start();
        }
        // Before the handshake is done the engine keeps it and sends it
        // right after the client's Finished.
        c.tls->write(outgoing());
    } catch (const Error& e) {
        fail(i, LoadErrorKind::Tls, e.what(), 0, now, &e.info());
        return;
    }
    c.state = State::Receiving;
    tlsFlush(i, now);
}

bool LoadWorker::tlsFlush(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    if (c.tlsOutOffset == c.tlsOut.size()) {
        c.tlsOut.clear();
        c.tlsOutOffset = 0;
    }
    c.tls->takeOutput(c.tlsOut);
    while (c.tlsOutOffset < c.tlsOut.size()) {
        const ssize_t r =
            sys::send(c.fd, c.tlsOut.data() + c.tlsOutOffset, c.tlsOut.size() - c.tlsOutOffset);
        if (r > 0) {
            c.tlsOutOffset += std::size_t(r);
            stats_.bytesSent += std::uint64_t(r);
            continue;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setEvents(i, Poller::In | Poller::Out);
            return true;
        }
        fail(i, LoadErrorKind::Write, "send", errno, now);
        return false;
    }
    c.tlsOut.clear();
    c.tlsOutOffset = 0;
    setEvents(i, Poller::In);
    return true;
}

bool LoadWorker::onTlsData(std::uint32_t i, const char* data, std::size_t n, std::int64_t now) {
    Conn& c = conns_[i];
    const std::uint32_t gen = c.gen;
    plain_.clear();
    try {
        c.tls->receive(std::string_view(data, n));
        c.tls->read(plain_);
    } catch (const Error& e) {
        // The alert the engine queued goes out first, as far as it can.
        std::string alert;
        if (c.tls->takeOutput(alert)) sys::send(c.fd, alert.data(), alert.size());
        if (c.inFlight)
            fail(i, LoadErrorKind::Tls, e.what(), 0, now, &e.info());
        else {
            countError(LoadErrorKind::Tls, e.what(), 0, &e.info());
            closeConn(i);
        }
        return false;
    }
    if (c.tls->takeHandshakeCompleted()) {
        ++stats_.tlsHandshakes;
        if (SSL_session_reused(c.tls->native())) ++stats_.tlsResumed;
        stats_.tlsHandshakeNs += std::uint64_t(now - c.connectedNs);
    }
    // The handshake's next flight, the request that waited for it, or a
    // key update: whatever read() left to send.
    if ((c.tls->hasOutput() || c.tlsOutOffset < c.tlsOut.size()) && !tlsFlush(i, now)) return false;
    if (!plain_.empty() && !onData(i, plain_.data(), plain_.size(), now)) return false;
    if (conns_[i].gen == gen && c.tls->peerClosed()) {
        onEof(i, now);  // close_notify: the same as the TCP FIN that follows it
        return false;
    }
    return true;
}

void LoadWorker::complete(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const int status = c.reader.status();
    const bool keep = c.reader.keepAlive() && config_.keepAlive;
    c.reader.reset();
    ++stats_.requests;
    if (status < 200 || status > 299) ++stats_.non2xx;
    const std::int64_t us = (now - c.startNs) / 1000;
    stats_.latency.record(us > 0 ? std::uint64_t(us) : 0);
    c.inFlight = false;
    --busy_;
    if (keep)
        c.state = State::Idle;
    else
        closeConn(i);
    release(i, now);
}

}  // namespace sockwb::load
