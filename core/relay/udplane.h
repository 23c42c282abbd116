#pragma once
// UdpLane: one direction of one UDP flow of the relay, the place where the
// UDP faults happen to each datagram, in this order: drop (dropP), then
// duplicate (duplicateP: both copies leave back to back), then delay
// (latencyMs with latencyP: due at now + pick, on a timer; with jitter the
// datagrams overtake each other, as on a real path), then reorder
// (reorderP: held back and sent right after the next datagram that leaves
// this lane, or after kReorderWaitMs if none comes). A datagram is only held
// for reordering when none is held already. The faults are read from the
// RelayContext for every datagram, so a live change applies to the next one.
// What delays hold is bounded by RelayConfig::maxHeldBytes: a datagram over
// it is dropped (and counted as dropped) as a full router queue would.
// Threading: the loop thread only (built, used and destroyed there); its
// timers find it gone after destruction and do nothing.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/relay/relaycontext.h"

namespace sockwb {

class TimerQueue;

class UdpLane {
public:
    // Sends one datagram out of the lane; false when it could not leave (the
    // sender counts and reports the failure). Called on the loop thread.
    using Send = std::function<bool(std::string_view)>;
    // How long a datagram held for reordering waits for the next one.
    static constexpr int kReorderWaitMs = 50;

    UdpLane(RelayContext& context, TimerQueue& timers, RelayDirection direction, Send send);
    UdpLane(const UdpLane&) = delete;
    UdpLane& operator=(const UdpLane&) = delete;

    // A datagram read from this lane's source: applies the faults and sends
    // what is due now. Counts into `counts` (the caller adds them to the
    // context's counters, once per round of reads).
    void onDatagram(std::string_view data, RelayDirectionStats& counts);
    // Bytes held now by delays and reordering (for the tests and the bound).
    size_t heldBytes() const noexcept { return heldBytes_; }

private:
    struct Pending {
        std::string data;
        int copies = 1;
        bool reorder = false;
    };
    // The reorder stage, then out: the datagram, and any held one after it.
    void pass(Pending p, RelayDirectionStats& counts);
    void sendOut(const Pending& p, RelayDirectionStats& counts);
    void flush(const RelayDirectionStats& counts);

    RelayContext& context_;
    TimerQueue& timers_;
    const RelayDirection direction_;
    Send send_;
    std::optional<Pending> held_;  // waiting to be overtaken
    uint64_t heldSerial_ = 0;      // which hold a reorder timer belongs to
    size_t heldBytes_ = 0;         // in delay timers and held_
    bool overflowLogged_ = false;
    // Timers hold a weak reference: once the lane is gone they do nothing.
    std::shared_ptr<char> alive_ = std::make_shared<char>(0);
};

// Adds one direction's counts to the stats (under the context's lock).
void addCounts(RelayContext& context, RelayDirection direction, const RelayDirectionStats& counts);

}  // namespace sockwb
