#pragma once
// TLS for every TCP service under every model, without the models knowing:
// a Service decorator whose sessions are TlsSession (tlssession.h), each an
// Engine between the model (which moves ciphertext with its own send/recv)
// and the inner service's session (which sees plaintext). Server::start()
// wraps each TCP listener's service in one when ServerConfig::tls is on.
// Thread-safe (const, like every Service).

#include <memory>

#include "core/server/service.h"
#include "core/tls/tlscontext.h"

namespace sockwb::tls {

class TlsService final : public Service {
public:
    TlsService(std::shared_ptr<const Service> inner, std::shared_ptr<const Context> context);
    std::string name() const override;
    bool supportsTcp() const override { return true; }
    bool supportsUdp() const override { return false; }
    bool needsBroadcast() const override;
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;

private:
    std::shared_ptr<const Service> inner_;
    std::shared_ptr<const Context> context_;
};

}  // namespace sockwb::tls
