#pragma once
// RFC 862 echo: every byte received goes back unchanged and in order (TCP);
// each datagram goes back to its sender (UDP). Binary-safe.

#include "core/server/service.h"

namespace sockwb {

class EchoService final : public Service {
public:
    // Thread-safe (const).
    std::string name() const override { return "echo"; }
    bool supportsUdp() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
    // A new datagram handler; owned by the caller. Thread-safe.
    std::unique_ptr<DatagramHandler> newDatagramHandler(
        const ServiceOptions& options) const override;
};

}  // namespace sockwb
