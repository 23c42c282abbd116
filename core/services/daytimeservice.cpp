#include "core/services/daytimeservice.h"

namespace sockwb {

namespace {

class DaytimeSession final : public Session {
public:
    explicit DaytimeSession(WallClock now) : now_(std::move(now)) {}

    void onOpen(SessionContext& ctx) override {
        ctx.send(DaytimeService::lineAt(now_()));
        ctx.close();
    }
    void onData(SessionContext&, std::string_view) override {}  // the RFC ignores input

private:
    WallClock now_;
};

class DaytimeHandler final : public DatagramHandler {
public:
    explicit DaytimeHandler(WallClock now) : now_(std::move(now)) {}

    void onDatagram(DatagramContext& ctx, std::string_view, const Address& from) override {
        ctx.sendTo(DaytimeService::lineAt(now_()), from);
    }

private:
    WallClock now_;
};

}  // namespace

std::string DaytimeService::lineAt(std::chrono::system_clock::time_point t) {
    return formatDaytime(t) + "\r\n";
}

std::unique_ptr<Session> DaytimeService::newSession(const ServiceOptions&) const {
    return std::make_unique<DaytimeSession>(now_);
}

std::unique_ptr<DatagramHandler> DaytimeService::newDatagramHandler(const ServiceOptions&) const {
    return std::make_unique<DaytimeHandler>(now_);
}

}  // namespace sockwb
