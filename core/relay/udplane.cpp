// UdpLane: drop, duplicate, delay and reorder for one direction of a flow.

#include "core/relay/udplane.h"

#include <chrono>

#include "core/reactor/timerqueue.h"

namespace sockwb {

UdpLane::UdpLane(RelayContext& context, TimerQueue& timers, RelayDirection direction, Send send)
    : context_(context), timers_(timers), direction_(direction), send_(std::move(send)) {}

void UdpLane::onDatagram(std::string_view data, RelayDirectionStats& counts) {
    ++counts.chunks;
    const DirectionFaults f = context_.faults(direction_);
    if (context_.chance(f.dropP)) {
        ++counts.dropped;
        return;
    }
    Pending p;
    p.copies = context_.chance(f.duplicateP) ? 2 : 1;
    if (p.copies > 1) ++counts.duplicated;
    p.reorder = context_.chance(f.reorderP);
    const bool latency = f.latencyMs.value > 0 || f.latencyMs.spread > 0;
    const int delayMs = latency && context_.chance(f.latencyP) ? context_.pick(f.latencyMs) : 0;
    if (delayMs <= 0) {
        p.data.assign(data);
        pass(std::move(p), counts);
        return;
    }
    if (heldBytes_ + data.size() > context_.config().maxHeldBytes) {
        ++counts.dropped;
        if (!overflowLogged_) {
            overflowLogged_ = true;
            context_.log(std::string("udp ") + relayDirectionName(direction_) + ": " +
                         std::to_string(heldBytes_) +
                         " bytes wait for the latency already (the most held): datagrams are "
                         "dropped until some leave");
        }
        return;
    }
    ++counts.delayed;
    heldBytes_ += data.size();
    p.data.assign(data);
    std::weak_ptr<char> alive = alive_;
    timers_.add(std::chrono::milliseconds(delayMs), [this, alive, p = std::move(p)]() mutable {
        if (alive.expired()) return;
        heldBytes_ -= p.data.size();
        if (heldBytes_ == 0) overflowLogged_ = false;
        RelayDirectionStats later;
        pass(std::move(p), later);
        flush(later);
    });
}

void UdpLane::pass(Pending p, RelayDirectionStats& counts) {
    if (held_) {
        // The next datagram overtakes the held one, which follows it at once.
        Pending held = std::move(*held_);
        held_.reset();
        heldBytes_ -= held.data.size();
        sendOut(p, counts);
        ++counts.reordered;
        sendOut(held, counts);
        return;
    }
    if (p.reorder) {
        heldBytes_ += p.data.size();
        held_ = std::move(p);
        const uint64_t serial = ++heldSerial_;
        std::weak_ptr<char> alive = alive_;
        timers_.add(std::chrono::milliseconds(kReorderWaitMs), [this, alive, serial] {
            if (alive.expired() || !held_ || heldSerial_ != serial) return;
            // Nothing came to overtake it: it leaves late, but in order.
            Pending held = std::move(*held_);
            held_.reset();
            heldBytes_ -= held.data.size();
            RelayDirectionStats later;
            sendOut(held, later);
            flush(later);
        });
        return;
    }
    sendOut(p, counts);
}

void UdpLane::sendOut(const Pending& p, RelayDirectionStats& counts) {
    for (int i = 0; i < p.copies; ++i)
        if (send_(p.data)) counts.bytes += p.data.size();
}

void UdpLane::flush(const RelayDirectionStats& counts) { addCounts(context_, direction_, counts); }

void addCounts(RelayContext& context, RelayDirection direction, const RelayDirectionStats& c) {
    if (c.chunks == 0 && c.bytes == 0 && c.dropped == 0 && c.duplicated == 0 && c.reordered == 0 &&
        c.delayed == 0)
        return;
    context.count([&](RelayStats& s) {
        RelayDirectionStats& d = RelayContext::of(s, direction);
        d.chunks += c.chunks;
        d.bytes += c.bytes;
        d.dropped += c.dropped;
        d.duplicated += c.duplicated;
        d.reordered += c.reordered;
        d.delayed += c.delayed;
    });
}

}  // namespace sockwb
