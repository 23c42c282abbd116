// Placeholder: the Relay API is being written (relay.h). Throws until then.

#include "core/relay/relay.h"

#include "core/relay/relaycontext.h"

namespace sockwb {

class Relay::Impl {
public:
    explicit Impl(RelayConfig c) : context(std::move(c)) {}
    RelayContext context;
};

Relay::Relay(RelayConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}
Relay::~Relay() { stop(); }
void Relay::setObserver(RelayObserver* observer) { impl_->context.observer = observer; }
void Relay::setTraceObserver(TraceObserver* observer) { impl_->context.traceObserver = observer; }
void Relay::start() {
    ErrorInfo e;
    e.kind = ErrorKind::InvalidInput;
    e.call = "relay";
    e.detail = "not built yet";
    throw Error(e);
}
void Relay::stop() {}
bool Relay::running() const noexcept { return false; }
Address Relay::address() const { return {}; }
RelayConfig Relay::config() const { return impl_->context.config(); }
void Relay::setFaults(RelayDirection d, const DirectionFaults& f) {
    impl_->context.setFaults(d, f);
}
RelayStats Relay::stats() const { return impl_->context.stats(); }

}  // namespace sockwb
