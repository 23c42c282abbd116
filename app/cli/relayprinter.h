#pragma once
// What `sockwb relay` prints while it runs: where it relays and its faults,
// the relay's log lines and errors, the counters, and its socket calls
// (--trace) — as text (the trace on stderr, as `serve --trace` prints it) or
// as JSON lines on stdout (--json; trace events as `serve --trace --json`
// writes them, so `sockwb sequence` reads the file). Called from the relay's
// thread and the main thread: every method is thread-safe (one mutex orders
// the lines) and each line is flushed at once, for a script or a test
// reading the pipe.

#include <mutex>
#include <string>

#include "core/net/protocol.h"
#include "core/net/trace.h"
#include "core/relay/relay.h"

namespace sockwb::app {

class RelayPrinter final : public RelayObserver, public TraceObserver {
public:
    explicit RelayPrinter(bool json) : json_(json) {}

    // "relaying 127.0.0.1:40000 → 127.0.0.1:7 (tcp), faults up: ...; down: ..."
    void listening(Protocol protocol, const Address& address, const std::string& target,
                   const DirectionFaults& up, const DirectionFaults& down);
    // A live change: "faults up: latency 200 ms".
    void faults(RelayDirection direction, const DirectionFaults& f);
    // The counters; final: at the stop (JSON "final": true).
    void stats(const RelayStats& s, bool final);
    // A line typed on stdin that was refused, and why.
    void badInput(const std::string& line, const std::string& message);
    // A remark of sockwb's own: "sockwb relay: ..." on stderr, or a "note" event.
    void note(const std::string& text);
    void stopped();

    void onLog(const std::string& line) override;
    void onError(const ErrorInfo& error) override;
    void onTrace(const TraceEvent& event) override;

private:
    void out(const std::string& line);  // stdout, one line, flushed
    void err(const std::string& line);  // stderr, one line, flushed

    bool json_;
    std::mutex mutex_;
};

}  // namespace sockwb::app
