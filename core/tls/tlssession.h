#pragma once
// One TLS connection of a server: a Session decorator (tlsservice.h makes
// them) between the model, which moves ciphertext with its own traced
// send()/recv(), and the inner service's session, which sees plaintext.
//   - onOpen: nothing goes out (the client speaks first); the inner session
//     is opened only once the handshake completes, so a service that speaks
//     first (daytime, time) or starts timers (clock) does it encrypted;
//   - onData(ciphertext) → Engine::receive/read → inner onData(plaintext);
//   - the inner session's send(plaintext) → Engine::write → the model's
//     send(ciphertext); its close() → close_notify, then the model's close;
//   - the handshake done: one log line ("TLS: TLSv1.3 TLS_AES_256_GCM_SHA384,
//     ALPN http/1.1, resumed no (127.0.0.1:40312)") and
//     SessionContext::tlsEstablished(summary) for the connections table;
//   - a TLS error (a plain-text client, a bad record, an alert): the alert
//     goes out, a log line says why in words, the connection is closed;
//   - no handshake within kHandshakeTimeout: logged and closed;
//   - chat: relayForm() encrypts what another session relays.
// Not thread-safe: the model serialises every call (the blocking chat
// driver runs relayForm() on a sender's thread under the session's send
// lock, while its own thread is kept out: blockingsession.cpp).

#include <memory>
#include <string>
#include <string_view>

#include "core/server/service.h"
#include "core/tls/tlsengine.h"

namespace sockwb::tls {

class TlsSession final : public Session {
public:
    static constexpr Millis kHandshakeTimeout{10000};

    TlsSession(std::unique_ptr<Session> inner, std::shared_ptr<const Context> context);
    ~TlsSession() override;

    void onOpen(SessionContext& ctx) override;
    void onData(SessionContext& ctx, std::string_view bytes) override;
    void onTimer(SessionContext& ctx, int id) override;
    void onWritable(SessionContext& ctx) override;
    void onPeerClosed(SessionContext& ctx) override;
    bool inputPaused() const override;
    std::string relayForm(std::string_view bytes) override;

    bool handshakeDone() const noexcept { return engine_.handshakeDone(); }

private:
    class Plain;  // the SessionContext the inner session sees
    friend class Plain;

    void pump(SessionContext& ctx);  // read what the engine can, feed the inner session
    void established(SessionContext& ctx);
    void flushOutput(SessionContext& ctx);
    void encrypt(SessionContext& ctx, std::string_view plain);
    void closeTls(SessionContext& ctx);
    void failed(SessionContext& ctx, const std::exception& e);
    void innerPeerClosed(SessionContext& ctx);

    std::unique_ptr<Session> inner_;
    Engine engine_;
    std::unique_ptr<Plain> plain_;
    bool innerOpen_ = false;
    bool closed_ = false;       // close_notify queued (or the connection failed)
    bool peerGone_ = false;     // the inner session was told the peer closed
    bool relayFailed_ = false;  // relayForm() failed: closed at the next event
    std::string relayError_;
};

}  // namespace sockwb::tls
