#pragma once
// A TLS connection over a connected Socket for code that reads and writes
// in order (the http client, the raw client): an Engine driven with the
// Socket's own traced send()/recv(), so every ciphertext byte still goes
// through the socket API and shows in the trace, with the engine's "tls"
// notes around the calls. Works on blocking and non-blocking sockets: when
// a non-blocking call would block, the stream calls its Wait, which polls
// (with the caller's timeout, cancel fd, deadline) or throws.
//
// Errors: the engine's Error (ErrorKind::Tls) with the stream's address
// filled in, after the alert the engine wrote was sent (best effort);
// socket errors as Socket throws them; Timeout / Cancelled from the Wait.
//
// Not thread-safe: one thread drives a stream. It refers to the Socket,
// which must outlive it (and stay connected while it is used).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/net/error.h"
#include "core/net/millis.h"
#include "core/net/socket.h"
#include "core/tls/tlsengine.h"

namespace sockwb::tls {

class TlsStream {
public:
    // Waits until the socket is ready for events (POLLIN / POLLOUT) or
    // throws; what names the step for the error ("recv", "send", "SSL_connect").
    using Wait = std::function<void(short events, const char* what)>;

    // A Wait that polls fd (and cancelFd when >= 0) at most timeout each
    // time (negative: no limit). Throws Error (Timeout, ETIMEDOUT, naming
    // what and address) when it expires, Error (Cancelled) when cancelFd
    // is readable (it does not drain it: its owner does).
    static Wait pollWait(int fd, Millis timeout = Millis(-1), int cancelFd = -1,
                         std::string address = {});

    // Client side: serverName goes out as SNI and is checked against the
    // certificate; sessionKey ("host:port") picks the session to resume.
    // address ("localhost:8443") goes into errors. wait: see Wait; empty
    // means pollWait(socket.fd()) without a limit.
    TlsStream(Socket& socket, std::shared_ptr<const Context> context, std::string serverName,
              std::string sessionKey, std::string address = {}, Wait wait = {});
    ~TlsStream();
    TlsStream(const TlsStream&) = delete;
    TlsStream& operator=(const TlsStream&) = delete;

    // Runs the client handshake to its end: ClientHello out, the server's
    // flight in, ... Returns what it agreed (also info()). Throws (see above;
    // a peer that closes during the handshake is Error Tls NotTls / Other).
    const SessionInfo& handshake();
    bool handshakeDone() const noexcept { return engine_.handshakeDone(); }
    // Valid after handshake().
    const SessionInfo& info() const noexcept { return info_; }

    // Encrypts plain and sends all of it (waiting when the socket is full).
    void write(std::string_view plain);
    // Appends the plaintext available to out, receiving when none is:
    // Ok with the bytes appended; Eof when the peer closed (close_notify or
    // the TCP end); WouldBlock when wait is false and nothing came; TimedOut
    // when a blocking socket's SO_RCVTIMEO expired. Replies the engine
    // makes meanwhile (key updates, alerts) are sent.
    IoResult read(std::string& out, bool wait = true);
    // For a kept-alive connection about to be reused: takes in what the
    // peer sent meanwhile without waiting (late session tickets). False
    // when the peer closed or sent data nobody asked for.
    bool idleAndOpen();
    // Sends close_notify without waiting (best effort, never throws).
    void close() noexcept;
    bool peerClosed() const noexcept { return engine_.peerClosed(); }

    // Ciphertext bytes the socket moved, both ways, since the stream began.
    std::uint64_t wireSent() const noexcept { return wireSent_; }
    std::uint64_t wireReceived() const noexcept { return wireReceived_; }

    Engine& engine() noexcept { return engine_; }
    const Socket& socket() const noexcept { return socket_; }

private:
    // Sends the engine's output, all of it (waits when needed).
    void flush();
    // One recv into the engine: Ok (bytes > 0), Eof, WouldBlock, TimedOut.
    IoResult receiveOnce();
    // Runs engine.read() into plain_; rethrows its error with the address
    // after sending the alert.
    void decrypt();
    [[noreturn]] void rethrow(const Error& e);

    Socket& socket_;
    Engine engine_;
    std::string address_;
    Wait wait_;
    SessionInfo info_;
    std::string out_;    // ciphertext not yet sent
    std::string in_;     // recv buffer
    std::string plain_;  // plaintext decrypted, not yet handed out
    std::uint64_t wireSent_ = 0;
    std::uint64_t wireReceived_ = 0;
};

}  // namespace sockwb::tls
