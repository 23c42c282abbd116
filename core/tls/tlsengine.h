#pragma once
// One TLS connection without I/O ("sans-IO"): OpenSSL over two memory BIOs.
// The caller moves the ciphertext with its own traced send()/recv() (so the
// trace and the sequence view still see every byte the socket API moves),
// hands what it received to receive(), and sends what takeOutput() gives.
// This is how every server model (blocking, fork, event loops) and every
// client (http, load, raw client) run TLS the same way.
//
// Records: OpenSSL's message callback names each handshake message, alert
// and application-data record. Each becomes a RecordEvent (takeRecords())
// and, when a trace fd is set, a trace note right away: call "tls", the fd,
// args "→ ClientHello (512 B)" / "← ServerHello" / "← alert: bad_certificate":
// notes for records received follow the recv() that carried them; notes
// for records sent come before the send() that carries them.
//
// Not thread-safe: one thread (or loop) drives an Engine.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tls/certificateinfo.h"
#include "core/tls/tlscontext.h"

struct ssl_st;

namespace sockwb::tls {

// A TLS record or handshake message, as the message callback saw it.
struct RecordEvent {
    bool outgoing = false;   // we sent it
    std::string what;        // "ClientHello", "ServerHello", "EncryptedExtensions",
                             // "Certificate", "CertificateVerify", "Finished",
                             // "NewSessionTicket", "application data",
                             // "alert: close_notify", "ChangeCipherSpec"
    std::size_t bytes = 0;   // its length
    bool handshake = false;  // a handshake message (not data, not an alert)
};

// What the handshake agreed, and what the peer presented.
struct SessionInfo {
    std::string version;     // "TLSv1.3"
    std::string cipher;      // "TLS_AES_256_GCM_SHA384"
    std::string alpn;        // "http/1.1", "" when none was agreed
    std::string serverName;  // SNI sent (client) or received (server)
    bool resumed = false;    // an earlier session was reused
    // The peer's chain, leaf first (client: the server's; server: the
    // client certificate's, usually empty).
    std::vector<CertificateInfo> chain;
    // X509_V_OK (0) or the verification error, and its words
    // ("certificate has expired"). Computed even with insecure set.
    long verifyResult = 0;
    std::string verifyText;
    bool verified = false;  // verification was asked for and passed
    // "TLSv1.3 TLS_AES_256_GCM_SHA384" (the connections table).
    std::string summary() const;
};

class Engine {
public:
    // Client: serverName is sent as SNI (not when it is an IP address) and
    // checked against the certificate; sessionKey ("host:port") picks a
    // cached session to resume and stores the new ones. Server: both "".
    Engine(std::shared_ptr<const Context> context, std::string serverName = {},
           std::string sessionKey = {});
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Trace notes go to traceNote("tls", fd, ...) when fd >= 0 (default -1: none).
    void setTraceFd(int fd) noexcept { traceFd_ = fd; }
    // Keep RecordEvents for takeRecords() (default off: a busy server does not).
    void keepRecords(bool on) noexcept { keepRecords_ = on; }

    // Client: writes the ClientHello to the output. Server: nothing (the
    // handshake starts with the peer's first bytes). Throws Error (Tls).
    void start();
    // Ciphertext from the peer. Buffers it; nothing is decrypted yet.
    void receive(std::string_view ciphertext);
    // Runs the handshake as far as the bytes received allow, then decrypts
    // what it can, appending plaintext to `plain`. Returns the number of
    // plaintext bytes appended. Throws Error (ErrorKind::Tls with the
    // TlsProblem and OpenSSL's reason; the alert to send, if any, is in
    // the output first).
    std::size_t read(std::string& plain);
    // Encrypts plaintext (buffered inside until the handshake is done).
    // Throws Error (Tls).
    void write(std::string_view plain);
    // The ciphertext waiting to be sent (appended to out); true when any.
    bool takeOutput(std::string& out);
    bool hasOutput() const;
    // Sends close_notify (into the output). Idempotent.
    void close();

    bool handshakeDone() const noexcept { return handshakeDone_; }
    // The handshake just completed during the last read()/start(): true
    // once, so a caller can report it (log line, table row, timing phase).
    bool takeHandshakeCompleted() noexcept;
    // The peer sent close_notify.
    bool peerClosed() const noexcept { return peerClosed_; }
    // Valid once handshakeDone().
    SessionInfo info() const;
    std::vector<RecordEvent> takeRecords();

    ssl_st* native() const noexcept { return ssl_; }

private:
    friend struct EngineCallbacks;
    void onRecord(RecordEvent event);
    void dataRecord(bool outgoing, std::size_t bytes);
    bool handshake();  // true once done; throws Error (Tls)
    const char* stepName() const noexcept;
    std::shared_ptr<const Context> context_;
    ssl_st* ssl_ = nullptr;
    std::string serverName_;
    std::string sessionKey_;
    bool started_ = false;
    bool closed_ = false;
    bool failed_ = false;  // a TLS error ended it: its session is not reused
    int traceFd_ = -1;
    bool keepRecords_ = false;
    bool handshakeDone_ = false;
    bool handshakeJustDone_ = false;
    bool peerClosed_ = false;
    std::string pendingPlain_;  // written before the handshake finished
    std::vector<RecordEvent> records_;
};

}  // namespace sockwb::tls
