#pragma once
// RFC 868 time: the time as 4 bytes, big-endian, counting seconds since
// 1900-01-01 00:00 UTC (the Unix time + 2,208,988,800, modulo 2^32), then
// the server closes (TCP); any datagram is answered with those 4 bytes (UDP).
// Binary: this is the service where printing with %s goes wrong.

#include <cstdint>

#include "core/server/service.h"
#include "core/services/wallclock.h"

namespace sockwb {

class TimeService final : public Service {
public:
    static constexpr uint64_t kEpochOffset = 2208988800ULL;  // 1900 -> 1970, in seconds

    // now: where the time comes from (tests pin it).
    explicit TimeService(WallClock now = systemNow) : now_(std::move(now)) {}

    // The 4 bytes sent at time t. Thread-safe.
    static std::string encode(std::chrono::system_clock::time_point t);

    // Thread-safe (const).
    std::string name() const override { return "time"; }
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
