#include "core/tls/tlsservice.h"

#include "core/tls/tlssession.h"

namespace sockwb::tls {

TlsService::TlsService(std::shared_ptr<const Service> inner, std::shared_ptr<const Context> context)
    : inner_(std::move(inner)), context_(std::move(context)) {}

// The inner service's name: labels ("echo/tcp"), refusals and logs stay
// the service's own.
std::string TlsService::name() const { return inner_->name(); }

bool TlsService::needsBroadcast() const { return inner_->needsBroadcast(); }

std::unique_ptr<Session> TlsService::newSession(const ServiceOptions& options) const {
    return std::make_unique<TlsSession>(inner_->newSession(options), context_);
}

}  // namespace sockwb::tls
