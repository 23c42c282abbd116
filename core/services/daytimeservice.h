#pragma once
// RFC 867 daytime: one human-readable line with the date and time, CRLF,
// then the server closes (TCP); any datagram is answered with that line
// (UDP). The form is the one the RFC suggests: "Weekday, Month Day, Year
// HH:MM:SS-Zone".

#include "core/server/service.h"
#include "core/services/wallclock.h"

namespace sockwb {

class DaytimeService final : public Service {
public:
    // now: where the time comes from (tests pin it).
    explicit DaytimeService(WallClock now = systemNow) : now_(std::move(now)) {}

    // The line sent at time t, CRLF included. Thread-safe.
    static std::string lineAt(std::chrono::system_clock::time_point t);

    // Thread-safe (const).
    std::string name() const override { return "daytime"; }
    bool supportsUdp() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
    // A new datagram handler; owned by the caller. Thread-safe.
    std::unique_ptr<DatagramHandler> newDatagramHandler(
        const ServiceOptions& options) const override;

private:
    WallClock now_;
};

}  // namespace sockwb
