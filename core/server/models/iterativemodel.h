#pragma once
// iterative: the course's "serveur itératif". One thread accepts a client,
// serves it to the end, then goes back to accept; others wait in the
// listen backlog meanwhile. Over UDP: one recvfrom loop whose poll timeout
// is the next timer (the clock's ticks), so one peer's ticks run at a time
// no more than the loop allows.

#include <thread>

#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class IterativeModel final : public ConcurrencyModel {
public:
    std::string name() const override { return "iterative"; }
    void start(ServerCore& core) override;
    void stop() override;

private:
    void runTcp();
    void runUdp();
    ServerCore* core_ = nullptr;
    std::thread thread_;
};

}  // namespace sockwb
