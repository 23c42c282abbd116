#include "core/services/timeservice.h"

namespace sockwb {

namespace {

class TimeSession final : public Session {
public:
    explicit TimeSession(WallClock now) : now_(std::move(now)) {}

    void onOpen(SessionContext& ctx) override {
        ctx.send(TimeService::encode(now_()));
        ctx.close();
    }
    void onData(SessionContext&, std::string_view) override {}

private:
    WallClock now_;
};

class TimeHandler final : public DatagramHandler {
public:
    explicit TimeHandler(WallClock now) : now_(std::move(now)) {}

    void onDatagram(DatagramContext& ctx, std::string_view, const Address& from) override {
        ctx.sendTo(TimeService::encode(now_()), from);
    }

private:
    WallClock now_;
};

}  // namespace

std::string TimeService::encode(std::chrono::system_clock::time_point t) {
    const auto unixSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
    // The 32-bit counter wraps in 2036; the RFC's value is the low 32 bits.
    const uint32_t v = static_cast<uint32_t>(static_cast<uint64_t>(unixSeconds) + kEpochOffset);
    std::string out(4, '\0');
    out[0] = static_cast<char>((v >> 24) & 0xff);
    out[1] = static_cast<char>((v >> 16) & 0xff);
    out[2] = static_cast<char>((v >> 8) & 0xff);
    out[3] = static_cast<char>(v & 0xff);
    return out;
}

std::unique_ptr<Session> TimeService::newSession(const ServiceOptions&) const {
    return std::make_unique<TimeSession>(now_);
}

std::unique_ptr<DatagramHandler> TimeService::newDatagramHandler(const ServiceOptions&) const {
    return std::make_unique<TimeHandler>(now_);
}

}  // namespace sockwb
