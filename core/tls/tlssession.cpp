#include "core/tls/tlssession.h"

#include "core/net/error.h"

namespace sockwb::tls {

namespace {
// The handshake's deadline, among the inner session's timer ids (services
// number theirs from 0).
constexpr int kHandshakeTimer = -0x7153;
}  // namespace

// What the inner session sees: the model's context, with send() encrypting
// and close() saying close_notify first. Valid while one of TlsSession's
// callbacks runs (outer is the context of that call).
class TlsSession::Plain final : public SessionContext {
public:
    explicit Plain(TlsSession& tls) : tls_(tls) {}
    SessionContext& outer() const { return *outer_; }
    void use(SessionContext& ctx) { outer_ = &ctx; }

    void send(std::string_view bytes) override { tls_.encrypt(*outer_, bytes); }
    void close() override { tls_.closeTls(*outer_); }
    void startTimer(Millis delay, int id) override { outer_->startTimer(delay, id); }
    void startWatchdog(Millis delay, int id) override { outer_->startWatchdog(delay, id); }
    void broadcast(std::string_view bytes) override { outer_->broadcast(bytes); }
    void log(std::string_view text) override { outer_->log(text); }
    const Address& peer() const override { return outer_->peer(); }
    const ServiceOptions& options() const override { return outer_->options(); }
    size_t queuedBytes() const override { return outer_->queuedBytes(); }
    MemoryBudget* memoryBudget() const override { return outer_->memoryBudget(); }
    void requestHandled() override { outer_->requestHandled(); }
    int fd() const override { return outer_->fd(); }

private:
    TlsSession& tls_;
    SessionContext* outer_ = nullptr;
};

TlsSession::TlsSession(std::unique_ptr<Session> inner, std::shared_ptr<const Context> context)
    : inner_(std::move(inner)),
      engine_(std::move(context)),
      plain_(std::make_unique<Plain>(*this)) {}

TlsSession::~TlsSession() = default;

void TlsSession::onOpen(SessionContext& ctx) {
    plain_->use(ctx);
    engine_.setTraceFd(ctx.fd());
    // A watchdog, not a sleep: the blocking driver keeps reading meanwhile.
    ctx.startWatchdog(kHandshakeTimeout, kHandshakeTimer);
}

void TlsSession::onData(SessionContext& ctx, std::string_view bytes) {
    plain_->use(ctx);
    if (closed_) return;  // after close_notify or a failure: input is dropped
    engine_.receive(bytes);
    pump(ctx);
}

void TlsSession::pump(SessionContext& ctx) {
    if (relayFailed_) {
        ctx.log(relayError_);
        closed_ = true;
        ctx.close();
        return;
    }
    std::string plain;
    try {
        engine_.read(plain);
    } catch (const std::exception& e) {
        return failed(ctx, e);
    }
    // Handshake messages, a NewSessionTicket, what the inner wrote earlier.
    flushOutput(ctx);
    if (engine_.takeHandshakeCompleted()) established(ctx);
    if (!plain.empty() && innerOpen_ && !closed_) inner_->onData(*plain_, plain);
    if (engine_.peerClosed()) innerPeerClosed(ctx);
}

void TlsSession::established(SessionContext& ctx) {
    const SessionInfo info = engine_.info();
    ctx.log("TLS: " + info.version + " " + info.cipher + ", ALPN " +
            (info.alpn.empty() ? std::string("none") : info.alpn) + ", resumed " +
            (info.resumed ? "yes" : "no") + " (" + ctx.peer().toString() + ")");
    ctx.tlsEstablished(info.summary());
    innerOpen_ = true;
    inner_->onOpen(*plain_);
}

void TlsSession::flushOutput(SessionContext& ctx) {
    std::string out;
    if (engine_.takeOutput(out)) ctx.send(out);
}

void TlsSession::encrypt(SessionContext& ctx, std::string_view plain) {
    if (closed_ || plain.empty()) return;
    try {
        engine_.write(plain);
    } catch (const std::exception& e) {
        return failed(ctx, e);
    }
    flushOutput(ctx);
}

void TlsSession::closeTls(SessionContext& ctx) {
    if (!closed_) {
        closed_ = true;
        engine_.close();
        flushOutput(ctx);
    }
    ctx.close();
}

void TlsSession::failed(SessionContext& ctx, const std::exception& e) {
    // The alert OpenSSL chose (if any) is in the output: it goes first.
    flushOutput(ctx);
    closed_ = true;
    const auto* error = dynamic_cast<const Error*>(&e);
    const std::string why = error ? explain(error->info()) : std::string(e.what());
    ctx.log("TLS with " + ctx.peer().toString() + " failed" +
            (engine_.handshakeDone() ? "" : " during the handshake") + ": " + why);
    ctx.close();
}

void TlsSession::innerPeerClosed(SessionContext& ctx) {
    if (peerGone_) return;
    peerGone_ = true;
    if (innerOpen_ && !closed_)
        inner_->onPeerClosed(*plain_);
    else
        ctx.close();
}

void TlsSession::onTimer(SessionContext& ctx, int id) {
    plain_->use(ctx);
    if (id == kHandshakeTimer) {
        if (engine_.handshakeDone() || closed_) return;
        ctx.log("TLS: no handshake from " + ctx.peer().toString() + " within " +
                std::to_string(kHandshakeTimeout.count()) + " ms, closing");
        closed_ = true;
        ctx.close();
        return;
    }
    if (innerOpen_ && !closed_) inner_->onTimer(*plain_, id);
}

void TlsSession::onWritable(SessionContext& ctx) {
    plain_->use(ctx);
    if (innerOpen_ && !closed_) inner_->onWritable(*plain_);
}

void TlsSession::onPeerClosed(SessionContext& ctx) {
    plain_->use(ctx);
    // A FIN without close_notify: the inner session is told the same way.
    innerPeerClosed(ctx);
}

bool TlsSession::inputPaused() const { return innerOpen_ && !closed_ && inner_->inputPaused(); }

std::string TlsSession::relayForm(std::string_view bytes) {
    if (closed_ || relayFailed_ || bytes.empty()) return {};
    std::string out;
    try {
        // Before the handshake completes the engine keeps the plaintext and
        // encrypts it then (pump() flushes it on the session's own thread).
        engine_.write(bytes);
        engine_.takeOutput(out);
    } catch (const std::exception& e) {
        relayFailed_ = true;
        const auto* error = dynamic_cast<const Error*>(&e);
        relayError_ = "TLS: a relayed line could not be encrypted: " +
                      (error ? explain(error->info()) : std::string(e.what()));
    }
    return out;
}

}  // namespace sockwb::tls
