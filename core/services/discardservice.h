#pragma once
// RFC 863 discard: everything received is thrown away, nothing is sent.

#include "core/server/service.h"

namespace sockwb {

class DiscardService final : public Service {
public:
    // Thread-safe (const).
    std::string name() const override { return "discard"; }
    bool supportsUdp() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
    // A new datagram handler; owned by the caller. Thread-safe.
    std::unique_ptr<DatagramHandler> newDatagramHandler(
        const ServiceOptions& options) const override;
};

}  // namespace sockwb
