#pragma once
// One OpenSSL SSL_CTX, configured from ClientOptions or ServerOptions: the
// trust store, the certificate and key, ALPN, versions, and (client) a
// cache of sessions per "host:port" for resumption on reconnect. Made once
// (a server makes it before it forks, so its children share the ticket
// keys) and shared by every connection. Thread-safe: OpenSSL's SSL_CTX is
// thread-safe once configured, and the session cache has its own lock.

#include <memory>
#include <mutex>
#include <string>

#include "core/tls/certificateinfo.h"
#include "core/tls/tlsoptions.h"

struct ssl_ctx_st;
struct ssl_session_st;

namespace sockwb::tls {

enum class Role { Client, Server };

class Context {
public:
    // Throws Error (ErrorKind::Tls, TlsProblem::CertificateFile for a
    // certificate, key or CA file that cannot be read or does not match,
    // with OpenSSL's reason in detail).
    static std::shared_ptr<Context> client(const ClientOptions& options);
    // Loads certFile/keyFile, or ensureSelfSigned(certFolder) when both are empty.
    static std::shared_ptr<Context> server(const ServerOptions& options);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    Role role() const noexcept { return role_; }
    ssl_ctx_st* native() const noexcept { return ctx_; }
    const ClientOptions& clientOptions() const noexcept { return clientOptions_; }
    const ServerOptions& serverOptions() const noexcept { return serverOptions_; }
    // Server: the certificate it presents (subject, SANs, SHA-256
    // fingerprint...) and the files it came from, for the panel and the
    // CLI's banner. Client: its client certificate, if any (else empty).
    const CertificateInfo& ownCertificate() const noexcept { return own_; }
    const std::string& certFile() const noexcept { return certFile_; }
    const std::string& keyFile() const noexcept { return keyFile_; }

    // Client session cache, keyed "host:port". take() returns a new
    // reference (SSL_SESSION_free it) or null; store() takes one.
    ssl_session_st* takeSession(const std::string& key) const;
    void storeSession(const std::string& key, ssl_session_st* session) const;
    void forgetSessions() const;

private:
    Context() = default;
    Role role_ = Role::Client;
    ssl_ctx_st* ctx_ = nullptr;
    ClientOptions clientOptions_;
    ServerOptions serverOptions_;
    CertificateInfo own_;
    std::string alpnWire_;  // server: its ALPN list in wire form (the select callback's)
    std::string certFile_;
    std::string keyFile_;
    struct Cache;
    std::unique_ptr<Cache> cache_;
};

}  // namespace sockwb::tls
