#pragma once
// ClientTls: the TLS side of one ClientConnection (ClientConfig::tls): a
// tls::Engine between the connection's own traced send()/recv() and the
// plaintext its observer sees. The bytes never move here: the connection
// recv()s ciphertext and hands it to receive(), and send()s what
// takeOutput() gives, so the trace still shows every socket call (and the
// engine's "tls" notes name the records each one carried).
// Thread-safe: in blocking mode the reader feeds receive() while the writer
// encrypts with write(); one lock orders their calls on the engine. Who
// sends takeOutput()'s bytes is the caller's rule (ClientConnection: the
// reader during the handshake, the writer after it), so records go out in
// the order they were made.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/tls/tlsengine.h"

namespace sockwb {

class ClientTls {
public:
    // serverName: SNI and the name checked; sessionKey: "host:port", the
    // context's cache entry for resumption. Throws Error (Tls).
    ClientTls(std::shared_ptr<const tls::Context> context, std::string serverName,
              std::string sessionKey);
    ~ClientTls();
    ClientTls(const ClientTls&) = delete;
    ClientTls& operator=(const ClientTls&) = delete;

    // The fd the engine's trace notes name (the connected socket).
    void attach(int fd);
    // The ClientHello into the output. Throws Error (Tls).
    void start();
    // Ciphertext a recv() got: the handshake goes on, and what it decrypts
    // is appended to plain. Throws Error (Tls; an alert may be in the output).
    void receive(std::string_view ciphertext, std::string& plain);
    // Encrypts plaintext into the output. Throws Error (Tls).
    void write(std::string_view plain);
    // close_notify into the output (once).
    void close();
    // Appends the ciphertext waiting to be sent to out; true when any.
    bool takeOutput(std::string& out);
    bool hasOutput() const;

    bool handshakeDone() const;
    // True once, the first time it is asked after the handshake completed.
    bool takeHandshakeReport();
    // The peer sent close_notify.
    bool peerClosed() const;
    // What the handshake agreed (valid once handshakeDone()).
    tls::SessionInfo info() const;

private:
    mutable std::mutex mutex_;
    tls::Engine engine_;
    bool reported_ = false;
    bool closed_ = false;
};

}  // namespace sockwb
