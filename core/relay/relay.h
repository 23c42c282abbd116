#pragma once
// Relay: a fault-injecting proxy between clients and a target server, the
// workbench's Toxiproxy. TCP: each accepted client gets its own connection
// to the target (two legs), bytes are forwarded in both directions through
// the faults of RelayConfig. UDP: each client address gets a flow (its own
// connected socket towards the target), datagrams go through the UDP faults.
// It runs on the project's reactor (core/reactor/eventloop.h) on one thread
// of its own; its socket calls go through sys:: in a TraceScope, so an
// attached TraceObserver sees both legs (and the sequence view draws them).
// Memory a peer can make it hold is bounded (RelayConfig::maxHeldBytes per
// direction of a connection, maxConnections flows). stop() is prompt and
// leaves no thread, fd or port behind.
// Threading: every public method is thread-safe. Observers are called on the
// relay's thread.
// Implemented in relay.cpp (API, thread, counters), tcprelay.cpp (the TCP
// engine: accepting; each client is a TcpRelayConnection of two TcpPipes,
// tcprelayconnection.h, tcppipe.h) and udprelay.cpp (the UDP flows).

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/trace.h"
#include "core/relay/relayconfig.h"

namespace sockwb {

// Counters of one direction (a snapshot). Cumulative since start().
struct RelayDirectionStats {
    uint64_t bytes = 0;       // forwarded (TCP: written; UDP: datagram payload sent)
    uint64_t chunks = 0;      // TCP: reads forwarded; UDP: datagrams received
    uint64_t writes = 0;      // TCP: send calls made (slices count one each)
    uint64_t delayed = 0;     // chunks/datagrams that waited for the latency
    uint64_t sliced = 0;      // chunks cut into slices
    uint64_t throttled = 0;   // times the bandwidth cap made data wait
    uint64_t resets = 0;      // connections reset by the reset fault
    uint64_t closes = 0;      // connections closed by the close fault
    uint64_t stalls = 0;      // connections stalled
    uint64_t dropped = 0;     // UDP datagrams dropped
    uint64_t duplicated = 0;  // UDP datagrams sent twice
    uint64_t reordered = 0;   // UDP datagrams held back behind the next one
};

struct RelayStats {
    RelayDirectionStats up;
    RelayDirectionStats down;
    uint64_t accepted = 0;  // TCP connections accepted / UDP flows opened
    uint64_t active = 0;    // open now
    uint64_t refused = 0;   // over maxConnections, or the target refused
    uint64_t errors = 0;
};

// What a relay tells its front end. Called on the relay's thread.
class RelayObserver {
public:
    virtual ~RelayObserver() = default;
    // A line for the log ("127.0.0.1:40000 → 127.0.0.1:7: connected", a fault applied).
    virtual void onLog(const std::string& /*line*/) {}
    // A connection or flow failed (connect to the target refused...).
    virtual void onError(const ErrorInfo& /*error*/) {}
};

class Relay {
public:
    explicit Relay(RelayConfig config);
    ~Relay();  // stop()
    Relay(const Relay&) = delete;
    Relay& operator=(const Relay&) = delete;

    // Not owned; set before start(). Either may be null.
    void setObserver(RelayObserver* observer);
    void setTraceObserver(TraceObserver* observer);

    // Binds and listens (throws Error: bind EADDRINUSE...), then runs the
    // loop on a new thread. Returns once the relay accepts.
    void start();
    // Closes every connection and the listener, joins the thread. Idempotent.
    void stop();
    bool running() const noexcept;

    // Where it listens (the port chosen when listenPort was 0). After start().
    Address address() const;
    RelayConfig config() const;
    // Live change: applies to data read from now on (and to connections
    // opened from now on for the per-connection faults).
    void setFaults(RelayDirection direction, const DirectionFaults& faults);
    RelayStats stats() const;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sockwb
