#pragma once
// RelayContext: what the TCP and UDP engines of a Relay share with its API:
// the configuration, the live faults (changed from any thread, read by the
// loop), the counters, the random generator and the observers. An engine
// (tcprelay.cpp, udprelay.cpp) runs on the relay's loop thread; the API
// (relay.cpp) reads stats and sets faults from any thread.
// Threading: faults()/setFaults()/stats()/count() are thread-safe; random*()
// only on the loop thread; log()/error() call the observer on the caller's
// thread (the loop's).

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>

#include "core/net/address.h"
#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/relay/relay.h"

namespace sockwb {

class EventLoop;

class RelayContext {
public:
    explicit RelayContext(RelayConfig config);

    const RelayConfig& config() const noexcept { return config_; }  // its faults: see faults()
    DirectionFaults faults(RelayDirection d) const;
    void setFaults(RelayDirection d, const DirectionFaults& f);

    RelayStats stats() const;
    // Changes the counters under the lock: count([](RelayStats& s) { ++s.up.dropped; }).
    void count(const std::function<void(RelayStats&)>& change);
    static RelayDirectionStats& of(RelayStats& s, RelayDirection d) {
        return d == RelayDirection::Up ? s.up : s.down;
    }

    // Loop thread only.
    bool chance(double p);              // true with probability p (p >= 1: always)
    int pick(const Spread& s);          // value ± spread, uniform, never negative
    RelayObserver* observer = nullptr;  // set before the loop runs
    TraceObserver* traceObserver = nullptr;
    void log(const std::string& line);
    void error(const ErrorInfo& e);

private:
    RelayConfig config_;
    mutable std::mutex mutex_;
    DirectionFaults faults_[2];
    RelayStats stats_;
    std::mt19937_64 rng_;
};

// An engine: owns its listening/bound socket and every connection or flow.
// Built and destroyed on the loop thread.
class RelayEngine {
public:
    virtual ~RelayEngine() = default;  // closes everything it holds
};

// TCP: `listener` listens (non-blocking); each accepted client gets a
// non-blocking connect to `target`. Implemented in tcprelay.cpp.
std::unique_ptr<RelayEngine> makeTcpRelay(RelayContext& context, EventLoop& loop, Socket listener,
                                          const Address& target);
// UDP: `bound` is the relay's bound datagram socket (non-blocking); each
// client address gets a flow socket connected to `target`. udprelay.cpp.
std::unique_ptr<RelayEngine> makeUdpRelay(RelayContext& context, EventLoop& loop, Socket bound,
                                          const Address& target);

}  // namespace sockwb
