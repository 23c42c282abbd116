#include "core/tls/tlsengine.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "core/net/error.h"
#include "core/net/trace.h"
#include "core/tls/opensslerrors.h"

namespace sockwb::tls {

namespace {

bool isIpAddress(const std::string& host) {
    unsigned char buf[16];
    return inet_pton(AF_INET, host.c_str(), buf) == 1 ||
           inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

const char* handshakeName(unsigned type) {
    switch (type) {
        case 0:
            return "HelloRequest";
        case 1:
            return "ClientHello";
        case 2:
            return "ServerHello";
        case 4:
            return "NewSessionTicket";
        case 5:
            return "EndOfEarlyData";
        case 8:
            return "EncryptedExtensions";
        case 11:
            return "Certificate";
        case 12:
            return "ServerKeyExchange";
        case 13:
            return "CertificateRequest";
        case 14:
            return "ServerHelloDone";
        case 15:
            return "CertificateVerify";
        case 16:
            return "ClientKeyExchange";
        case 20:
            return "Finished";
        case 24:
            return "KeyUpdate";
        default:
            return nullptr;
    }
}

// An alert's name as RFC 8446 spells it ("close_notify", "unknown_ca"):
// OpenSSL's SSL_alert_desc_string_long() says "close notify", "unknown CA"
// and "unknown" for the TLS 1.3 alerts (certificate_required...).
std::string alertName(unsigned description) {
    // A table: one alert a line.
    // clang-format off
    switch (description) {
        case 0: return "close_notify";
        case 10: return "unexpected_message";
        case 20: return "bad_record_mac";
        case 22: return "record_overflow";
        case 40: return "handshake_failure";
        case 42: return "bad_certificate";
        case 43: return "unsupported_certificate";
        case 44: return "certificate_revoked";
        case 45: return "certificate_expired";
        case 46: return "certificate_unknown";
        case 47: return "illegal_parameter";
        case 48: return "unknown_ca";
        case 49: return "access_denied";
        case 50: return "decode_error";
        case 51: return "decrypt_error";
        case 70: return "protocol_version";
        case 71: return "insufficient_security";
        case 80: return "internal_error";
        case 86: return "inappropriate_fallback";
        case 90: return "user_canceled";
        case 109: return "missing_extension";
        case 110: return "unsupported_extension";
        case 112: return "unrecognized_name";
        case 113: return "bad_certificate_status_response";
        case 115: return "unknown_psk_identity";
        case 116: return "certificate_required";
        case 120: return "no_application_protocol";
        default: return "alert " + std::to_string(description);
    }
    // clang-format on
}

// SSL ex_data slot holding the Engine (for the callbacks).
int engineIndex() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

}  // namespace

std::string SessionInfo::summary() const {
    if (version.empty()) return {};
    return version + " " + cipher;
}

struct EngineCallbacks {
    static void message(int writeP, int, int contentType, const void* buf, size_t len, SSL* ssl,
                        void* arg) {
        auto* engine = static_cast<Engine*>(arg);
        if (!engine || !buf || len == 0) return;
        const auto* p = static_cast<const unsigned char*>(buf);
        RecordEvent ev;
        ev.outgoing = writeP != 0;
        ev.bytes = len;
        switch (contentType) {
            case SSL3_RT_HANDSHAKE: {
                const char* name = handshakeName(p[0]);
                ev.what = name ? name : "handshake message " + std::to_string(p[0]);
                ev.handshake = true;
                break;
            }
            case SSL3_RT_ALERT: {
                if (len < 2) return;
                ev.what = "alert: " + alertName(p[1]) + (p[0] == 2 ? " (fatal)" : "");
                break;
            }
            case SSL3_RT_CHANGE_CIPHER_SPEC:
                ev.what = "ChangeCipherSpec";
                break;
            default:
                return;  // record headers, inner content types
        }
        (void)ssl;
        engine->onRecord(std::move(ev));
    }

    static int newSession(SSL* ssl, SSL_SESSION* session) {
        auto* engine = static_cast<Engine*>(SSL_get_ex_data(ssl, engineIndex()));
        if (!engine || engine->sessionKey_.empty()) return 0;
        engine->context_->storeSession(engine->sessionKey_, session);
        return 1;  // the cache took the reference
    }
};

int contextNewSession(SSL* ssl, SSL_SESSION* session) {
    return EngineCallbacks::newSession(ssl, session);
}

Engine::Engine(std::shared_ptr<const Context> context, std::string serverName,
               std::string sessionKey)
    : context_(std::move(context)), sessionKey_(std::move(sessionKey)) {
    ERR_clear_error();
    ssl_ = SSL_new(context_->native());
    if (!ssl_) throw Error::tlsFailure("SSL_new", TlsProblem::Other, lastOpenSslError());
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new(BIO_s_mem());
    if (!in || !out) {
        BIO_free(in);
        BIO_free(out);
        SSL_free(ssl_);
        throw Error::tlsFailure("BIO_new", TlsProblem::Other, lastOpenSslError());
    }
    // An empty input BIO means "wait for more", not end of file.
    BIO_set_mem_eof_return(in, -1);
    BIO_set_mem_eof_return(out, -1);
    SSL_set_bio(ssl_, in, out);
    SSL_set_ex_data(ssl_, engineIndex(), this);
    SSL_set_msg_callback(ssl_, EngineCallbacks::message);
    SSL_set_msg_callback_arg(ssl_, this);
    if (context_->role() == Role::Client) {
        SSL_set_connect_state(ssl_);
        serverName_ = serverName;
        if (!serverName.empty()) {
            if (isIpAddress(serverName)) {
                X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), serverName.c_str());
            } else {
                SSL_set_tlsext_host_name(ssl_, serverName.c_str());
                SSL_set1_host(ssl_, serverName.c_str());
            }
        }
        if (!sessionKey_.empty() && context_->clientOptions().resumeSessions) {
            if (SSL_SESSION* s = context_->takeSession(sessionKey_)) {
                SSL_set_session(ssl_, s);
                SSL_SESSION_free(s);
            }
        }
    } else {
        SSL_set_accept_state(ssl_);
    }
}

Engine::~Engine() {
    if (!ssl_) return;
    // SSL_free marks the session not resumable unless the connection was
    // shut down; a connection that ended without a TLS error keeps its
    // sessions (tickets) good for the next connection.
    if (handshakeDone_ && !failed_)
        SSL_set_shutdown(ssl_, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    SSL_free(ssl_);
}

void Engine::onRecord(RecordEvent event) {
    if (traceFd_ >= 0 && traceObserver()) {
        traceNote("tls", traceFd_,
                  std::string(event.outgoing ? "→ " : "← ") + event.what + " (" +
                      std::to_string(event.bytes) + " B)");
    }
    if (keepRecords_) records_.push_back(std::move(event));
}

void Engine::dataRecord(bool outgoing, std::size_t bytes) {
    if (bytes == 0 || (!keepRecords_ && (traceFd_ < 0 || !traceObserver()))) return;
    RecordEvent ev;
    ev.outgoing = outgoing;
    ev.what = "application data";
    ev.bytes = bytes;
    onRecord(std::move(ev));
}

const char* Engine::stepName() const noexcept {
    if (!handshakeDone_) return context_->role() == Role::Client ? "SSL_connect" : "SSL_accept";
    return "SSL_read";
}

void Engine::start() {
    if (context_->role() != Role::Client || started_) return;
    started_ = true;
    handshake();
}

void Engine::receive(std::string_view ciphertext) {
    if (ciphertext.empty()) return;
    BIO_write(SSL_get_rbio(ssl_), ciphertext.data(), static_cast<int>(ciphertext.size()));
}

bool Engine::handshake() {
    ERR_clear_error();
    const int r = SSL_do_handshake(ssl_);
    if (r == 1) {
        handshakeDone_ = true;
        handshakeJustDone_ = true;
        if (!pendingPlain_.empty()) {
            std::string pending;
            pending.swap(pendingPlain_);
            write(pending);
        }
        return true;
    }
    const int e = SSL_get_error(ssl_, r);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) return false;
    failed_ = true;
    throw classifyFailure(ssl_, e, stepName());
}

std::size_t Engine::read(std::string& plain) {
    if (!handshakeDone_ && !handshake()) return 0;
    std::size_t total = 0;
    // One record's worth at a time, through a buffer that is not zeroed
    // each time (a std::string resize would be).
    static thread_local char buffer[16 * 1024];
    for (;;) {
        ERR_clear_error();
        const int n = SSL_read(ssl_, buffer, static_cast<int>(sizeof buffer));
        if (n > 0) {
            plain.append(buffer, static_cast<std::size_t>(n));
            total += static_cast<std::size_t>(n);
            continue;
        }
        const int e = SSL_get_error(ssl_, n);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) break;
        if (e == SSL_ERROR_ZERO_RETURN) {
            peerClosed_ = true;
            break;
        }
        dataRecord(false, total);
        failed_ = true;
        throw classifyFailure(ssl_, e, "SSL_read");
    }
    dataRecord(false, total);
    return total;
}

void Engine::write(std::string_view plain) {
    if (plain.empty()) return;
    if (!handshakeDone_) {
        pendingPlain_.append(plain);
        return;
    }
    dataRecord(true, plain.size());
    while (!plain.empty()) {
        const std::size_t step = std::min<std::size_t>(plain.size(), 1u << 20);
        ERR_clear_error();
        const int n = SSL_write(ssl_, plain.data(), static_cast<int>(step));
        if (n <= 0) {
            failed_ = true;
            throw classifyFailure(ssl_, SSL_get_error(ssl_, n), "SSL_write");
        }
        plain.remove_prefix(static_cast<std::size_t>(n));
    }
}

bool Engine::hasOutput() const { return BIO_ctrl_pending(SSL_get_wbio(ssl_)) > 0; }

bool Engine::takeOutput(std::string& out) {
    BIO* wbio = SSL_get_wbio(ssl_);
    const std::size_t pending = BIO_ctrl_pending(wbio);
    if (pending == 0) return false;
    const std::size_t old = out.size();
    out.resize(old + pending);
    const int n = BIO_read(wbio, out.data() + old, static_cast<int>(pending));
    out.resize(old + static_cast<std::size_t>(n > 0 ? n : 0));
    return n > 0;
}

void Engine::close() {
    if (closed_) return;
    closed_ = true;
    if (!handshakeDone_) return;
    ERR_clear_error();
    SSL_shutdown(ssl_);
    ERR_clear_error();
}

bool Engine::takeHandshakeCompleted() noexcept {
    const bool was = handshakeJustDone_;
    handshakeJustDone_ = false;
    return was;
}

SessionInfo Engine::info() const {
    SessionInfo info;
    if (!handshakeDone_) return info;
    info.version = SSL_get_version(ssl_);
    if (const char* c = SSL_get_cipher_name(ssl_)) info.cipher = c;
    const unsigned char* alpn = nullptr;
    unsigned alpnLen = 0;
    SSL_get0_alpn_selected(ssl_, &alpn, &alpnLen);
    if (alpn) info.alpn.assign(reinterpret_cast<const char*>(alpn), alpnLen);
    const bool client = context_->role() == Role::Client;
    if (client) {
        info.serverName = serverName_;
    } else if (const char* sni = SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name)) {
        info.serverName = sni;
    }
    info.resumed = SSL_session_reused(ssl_) == 1;
    // The client's chain starts with the leaf; the server's omits it.
    if (!client) {
        if (X509* leaf = SSL_get0_peer_certificate(ssl_)) info.chain.push_back(describe(leaf));
    }
    if (STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl_)) {
        for (int i = 0; i < sk_X509_num(chain); ++i)
            info.chain.push_back(describe(sk_X509_value(chain, i)));
    }
    // A resumed session keeps the peer's leaf but not the rest of its chain.
    if (client && info.chain.empty()) {
        if (X509* leaf = SSL_get0_peer_certificate(ssl_)) info.chain.push_back(describe(leaf));
    }
    info.verifyResult = SSL_get_verify_result(ssl_);
    info.verifyText = X509_verify_cert_error_string(info.verifyResult);
    const bool asked = client ? !context_->clientOptions().insecure
                              : (SSL_get_verify_mode(ssl_) & SSL_VERIFY_PEER) != 0;
    info.verified = asked && info.verifyResult == X509_V_OK && !info.chain.empty();
    return info;
}

std::vector<RecordEvent> Engine::takeRecords() {
    std::vector<RecordEvent> out;
    out.swap(records_);
    return out;
}

}  // namespace sockwb::tls
