#pragma once
// What a fault-injecting relay does: where it listens, where it forwards,
// and the faults it applies to each direction (Toxiproxy's toxics for TCP:
// latency, bandwidth, slicer, reset_peer, slow_close/limit_data, timeout;
// loss, duplication, reordering and delay for UDP). "Up" is client → target,
// "down" is target → client. Plain data: copy freely between threads; the
// parsers are thread-safe and throw Error (ErrorKind::InvalidInput) naming
// the option and the text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/net/protocol.h"

namespace sockwb {

enum class RelayDirection { Up, Down };
// "up", "down". Thread-safe.
const char* relayDirectionName(RelayDirection d) noexcept;

// A value with a spread: "50" or "50±10" (also "50+-10", "50~10").
struct Spread {
    int value = 0;
    int spread = 0;
    bool operator==(const Spread&) const = default;
};
// Whole numbers; spaces around the sign allowed. Throws Error
// (InvalidInput) naming `option`. Negative values refused.
Spread parseSpread(std::string_view text, std::string_view option);

// A limit in bytes ("1000", "64k", "1m"; also "b", "kb", "mb", any case;
// k = 1024) or in time ("500ms", "2s"): --reset-after / --close-after.
// Whole numbers only; 0 is allowed (at once).
struct FaultLimit {
    enum class Unit { Bytes, Millis } unit = Unit::Bytes;
    uint64_t amount = 0;
    bool operator==(const FaultLimit&) const = default;
};
FaultLimit parseFaultLimit(std::string_view text, std::string_view option);

// The faults of one direction. Every fault has a probability: per chunk
// read (TCP) or per datagram (UDP) for latency/slice/drop/duplicate/
// reorder/delay, per connection for reset/close/stall (decided when the
// connection opens). Defaults: no fault at all (a plain relay).
struct DirectionFaults {
    // TCP and UDP: each chunk/datagram waits latency ± jitter ms.
    Spread latencyMs;
    double latencyP = 1.0;
    // TCP: at most this many KiB/s leave in this direction (0: no cap).
    int bandwidthKBps = 0;
    // TCP: each chunk is written in slices of avg ± var bytes (0: whole),
    // one write per slice, sliceDelayMs between them.
    Spread sliceBytes;
    int sliceDelayMs = 0;
    double sliceP = 1.0;
    // TCP: after this many bytes (or ms since the connection opened) in
    // this direction, the relay resets both legs (SO_LINGER 0: RST).
    std::optional<FaultLimit> resetAfter;
    // TCP: ... closes both legs cleanly (FIN) after forwarding up to the limit.
    std::optional<FaultLimit> closeAfter;
    double limitP = 1.0;  // probability for resetAfter/closeAfter/stall
    // TCP: stop forwarding in this direction (bytes are read and held, up
    // to a bound, then reading stops): the peer waits forever (timeout toxic).
    bool stall = false;
    // UDP: probabilities per datagram.
    double dropP = 0.0;
    double duplicateP = 0.0;
    double reorderP = 0.0;  // held back and sent after the next datagram
    bool operator==(const DirectionFaults&) const = default;
    // Some fault acts: a latency, slice, limit or stall whose probability is
    // above 0, a bandwidth cap, or a UDP probability above 0.
    bool any() const;
};

// A probability "0.25" or "25%" (0..1, 0%..100%; no sign, no exponent).
// Throws Error naming `option`.
double parseProbability(std::string_view text, std::string_view option);

struct RelayConfig {
    Protocol protocol = Protocol::Tcp;  // tcp or udp
    std::string listenHost = "127.0.0.1";
    uint16_t listenPort = 0;  // 0: the kernel chooses
    std::string targetHost = "127.0.0.1";
    uint16_t targetPort = 0;
    DirectionFaults up;    // client → target
    DirectionFaults down;  // target → client
    // Bounds a peer cannot push past: connections/UDP flows at once, bytes
    // held per direction of one connection before reading pauses.
    int maxConnections = 1024;
    size_t maxHeldBytes = 1 << 20;
    int udpFlowIdleMs = 60000;
    uint64_t seed = 0;  // random generator seed; 0: from the clock
    DirectionFaults& faults(RelayDirection d) { return d == RelayDirection::Up ? up : down; }
    const DirectionFaults& faults(RelayDirection d) const {
        return d == RelayDirection::Up ? up : down;
    }
    friend bool operator==(const RelayConfig&, const RelayConfig&) = default;
};

}  // namespace sockwb
