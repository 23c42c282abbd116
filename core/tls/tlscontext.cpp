#include "core/tls/tlscontext.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <map>

#include "core/net/error.h"
#include "core/tls/opensslerrors.h"
#include "core/tls/selfsigned.h"

namespace sockwb::tls {

struct Context::Cache {
    std::mutex mutex;
    std::map<std::string, SSL_SESSION*> sessions;
    ~Cache() {
        for (auto& [key, s] : sessions) SSL_SESSION_free(s);
    }
};

namespace {

int protoOf(Version v) { return v == Version::Tls12 ? TLS1_2_VERSION : TLS1_3_VERSION; }

[[noreturn]] void fileFailure(const char* call, const std::string& file) {
    std::string reason = lastOpenSslError();
    throw Error::tlsFailure(call, TlsProblem::CertificateFile,
                            file + (reason.empty() ? std::string{} : ": " + reason));
}

// ALPN's wire form: each name prefixed by its length.
std::string alpnWire(const std::vector<std::string>& names) {
    std::string wire;
    for (const auto& n : names) {
        if (n.empty() || n.size() > 255) continue;
        wire += static_cast<char>(n.size());
        wire += n;
    }
    return wire;
}

SSL_CTX* newContext(const SSL_METHOD* method, Version min, Version max) {
    ERR_clear_error();
    SSL_CTX* ctx = SSL_CTX_new(method);
    if (!ctx) throw Error::tlsFailure("SSL_CTX_new", TlsProblem::Other, lastOpenSslError());
    if (protoOf(min) > protoOf(max)) {
        SSL_CTX_free(ctx);
        throw Error::invalid("TLS versions", "the lowest version is above the highest");
    }
    SSL_CTX_set_min_proto_version(ctx, protoOf(min));
    SSL_CTX_set_max_proto_version(ctx, protoOf(max));
    return ctx;
}

void loadPair(SSL_CTX* ctx, const std::string& cert, const std::string& key) {
    if (SSL_CTX_use_certificate_chain_file(ctx, cert.c_str()) != 1)
        fileFailure("SSL_CTX_use_certificate_chain_file", cert);
    const std::string& k = key.empty() ? cert : key;
    if (SSL_CTX_use_PrivateKey_file(ctx, k.c_str(), SSL_FILETYPE_PEM) != 1)
        fileFailure("SSL_CTX_use_PrivateKey_file", k);
    if (SSL_CTX_check_private_key(ctx) != 1) fileFailure("SSL_CTX_check_private_key", k);
}

// The server picks its first preference the client also offers; with no
// protocol in common it goes on without ALPN, as nginx does.
int selectAlpn(SSL*, const unsigned char** out, unsigned char* outLen, const unsigned char* in,
               unsigned inLen, void* arg) {
    const auto* wire = static_cast<const std::string*>(arg);
    unsigned char* chosen = nullptr;
    if (SSL_select_next_proto(&chosen, outLen, reinterpret_cast<const unsigned char*>(wire->data()),
                              static_cast<unsigned>(wire->size()), in,
                              inLen) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
}

}  // namespace

// The engine stores the key and the context in the SSL's ex_data slot;
// this callback files each new session the server gives under that key.
int contextNewSession(SSL* ssl, SSL_SESSION* session);

std::shared_ptr<Context> Context::client(const ClientOptions& options) {
    std::shared_ptr<Context> c(new Context());
    c->role_ = Role::Client;
    c->clientOptions_ = options;
    c->cache_ = std::make_unique<Cache>();
    c->ctx_ = newContext(TLS_client_method(), options.minVersion, options.maxVersion);
    SSL_CTX* ctx = c->ctx_;
    // Verification runs either way (its result is reported); insecure
    // only keeps a failure from ending the handshake.
    SSL_CTX_set_verify(ctx, options.insecure ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nullptr);
    if (!options.caFile.empty()) {
        if (SSL_CTX_load_verify_locations(ctx, options.caFile.c_str(), nullptr) != 1)
            fileFailure("SSL_CTX_load_verify_locations", options.caFile);
    } else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
        fileFailure("SSL_CTX_set_default_verify_paths", "the system CA store");
    }
    if (!options.certFile.empty()) {
        loadPair(ctx, options.certFile, options.keyFile);
        c->certFile_ = options.certFile;
        c->keyFile_ = options.keyFile.empty() ? options.certFile : options.keyFile;
        c->own_ = describe(SSL_CTX_get0_certificate(ctx));
    }
    const std::string wire = alpnWire(options.alpn);
    if (!wire.empty())
        SSL_CTX_set_alpn_protos(ctx, reinterpret_cast<const unsigned char*>(wire.data()),
                                static_cast<unsigned>(wire.size()));
    SSL_CTX_set_session_cache_mode(
        ctx, options.resumeSessions ? SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE
                                    : SSL_SESS_CACHE_OFF);
    if (options.resumeSessions)
        SSL_CTX_sess_set_new_cb(ctx, contextNewSession);
    else
        SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    return c;
}

std::shared_ptr<Context> Context::server(const ServerOptions& options) {
    std::shared_ptr<Context> c(new Context());
    c->role_ = Role::Server;
    c->serverOptions_ = options;
    c->ctx_ = newContext(TLS_server_method(), options.minVersion, options.maxVersion);
    SSL_CTX* ctx = c->ctx_;
    if (options.certFile.empty() && options.keyFile.empty()) {
        const CertificatePaths paths =
            options.certFolder.empty() ? ensureSelfSigned() : ensureSelfSigned(options.certFolder);
        c->certFile_ = paths.certFile;
        c->keyFile_ = paths.keyFile;
    } else {
        if (options.certFile.empty())
            throw Error::invalid("--cert", "a key was given without its certificate");
        c->certFile_ = options.certFile;
        c->keyFile_ = options.keyFile.empty() ? options.certFile : options.keyFile;
    }
    loadPair(ctx, c->certFile_, c->keyFile_);
    c->own_ = describe(SSL_CTX_get0_certificate(ctx));
    // Memory for idle connections (nginx does the same).
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    static const unsigned char sidContext[] = "sockwb";
    SSL_CTX_set_session_id_context(ctx, sidContext, sizeof sidContext - 1);
    if (!options.sessionTickets) SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    c->alpnWire_ = alpnWire(options.alpn);
    if (!c->alpnWire_.empty()) SSL_CTX_set_alpn_select_cb(ctx, selectAlpn, &c->alpnWire_);
    return c;
}

Context::~Context() {
    if (ctx_) SSL_CTX_free(ctx_);
}

ssl_session_st* Context::takeSession(const std::string& key) const {
    if (!cache_) return nullptr;
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->sessions.find(key);
    if (it == cache_->sessions.end()) return nullptr;
    SSL_SESSION* s = it->second;
    // A TLS 1.3 ticket is for one use: the next connection gets a new one.
    if (SSL_SESSION_get_protocol_version(s) >= TLS1_3_VERSION) {
        cache_->sessions.erase(it);
        return s;
    }
    SSL_SESSION_up_ref(s);
    return s;
}

void Context::storeSession(const std::string& key, ssl_session_st* session) const {
    if (!cache_ || key.empty() || !session) {
        if (session) SSL_SESSION_free(session);
        return;
    }
    std::lock_guard lock(cache_->mutex);
    auto [it, inserted] = cache_->sessions.emplace(key, session);
    if (!inserted) {
        SSL_SESSION_free(it->second);
        it->second = session;
    }
}

void Context::forgetSessions() const {
    if (!cache_) return;
    std::lock_guard lock(cache_->mutex);
    for (auto& [key, s] : cache_->sessions) SSL_SESSION_free(s);
    cache_->sessions.clear();
}

}  // namespace sockwb::tls
