#pragma once
// Probe: the normal client of sockwb_hostile. Every period (200 ms) it asks
// the server something small and waits at most `timeout` for the answer:
// GET / (http), a line relayed between two chat clients of its own, 512
// bytes of chargen, or a UDP echo round trip. It counts answers in time and
// failures (timeout, refused, closed) and keeps the worst latency of an
// answer. Runs on its own thread until the end time or the stop flag.

#include <atomic>
#include <string>

#include "core/net/address.h"
#include "tests/bench/attacks/flood.h"

namespace sockwb::bench {

enum class ProbeKind { Http, Chat, Chargen, UdpEcho };

struct ProbeResult {
    int served = 0;
    int failed = 0;
    double worstMs = 0;      // slowest answer that came in time
    std::string firstError;  // what the first failure was
};

ProbeResult runProbe(ProbeKind kind, const Address& target, Millis period, Millis timeout,
                     Clock::time_point end, const std::atomic<bool>& stop);

}  // namespace sockwb::bench
