#include "core/services/discardservice.h"

namespace sockwb {

namespace {

class DiscardSession final : public Session {
public:
    void onData(SessionContext&, std::string_view) override {}
};

class DiscardHandler final : public DatagramHandler {
public:
    void onDatagram(DatagramContext&, std::string_view, const Address&) override {}
};

}  // namespace

std::unique_ptr<Session> DiscardService::newSession(const ServiceOptions&) const {
    return std::make_unique<DiscardSession>();
}

std::unique_ptr<DatagramHandler> DiscardService::newDatagramHandler(const ServiceOptions&) const {
    return std::make_unique<DiscardHandler>();
}

}  // namespace sockwb
