#include "core/services/echoservice.h"

namespace sockwb {

namespace {

class EchoSession final : public Session {
public:
    void onData(SessionContext& ctx, std::string_view bytes) override { ctx.send(bytes); }
    // The peer half-closed: what it sent is queued already, so close once
    // the queue drains (the default), which lets `client` see end of stream.
};

class EchoHandler final : public DatagramHandler {
public:
    void onDatagram(DatagramContext& ctx, std::string_view bytes, const Address& from) override {
        ctx.sendTo(bytes, from);
    }
};

}  // namespace

std::unique_ptr<Session> EchoService::newSession(const ServiceOptions&) const {
    return std::make_unique<EchoSession>();
}

std::unique_ptr<DatagramHandler> EchoService::newDatagramHandler(const ServiceOptions&) const {
    return std::make_unique<EchoHandler>();
}

}  // namespace sockwb
