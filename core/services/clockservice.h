#pragma once
// The course's time service ("service temps"): for each request the client
// sends, the current local time "YYYY-MM-DD HH:MM:SS" ticks times (first
// message at once, then one per interval), then, one interval later,
// "Au Revoir". Over TCP the server then closes; over UDP the messages are
// datagrams to the sender and many peers are served at once, each by its
// own timer.
//
// The bytes are the course's by default: its server does
// send_to(client, "Au Revoir"), strlen() bytes and no terminator, and its
// client loops until strcmp(r, "Au Revoir") == 0, so a "\n" would keep a
// UDP client waiting forever. ServiceOptions::terminator appends "\n" or
// "\r\n" to every message for line-based clients (netcat, telnet).
//
// What counts as a request (TCP): a line (up to '\n'), or, when the client
// sends bytes without a newline (the course's C client sends "Bonjour"
// with strlen), the bytes of one read. A line split across reads still
// counts once. Requests that arrive during a run are served after it.
// Over UDP every datagram is a request.

#include "core/server/service.h"
#include "core/services/wallclock.h"

namespace sockwb {

class ClockService final : public Service {
public:
    static constexpr int kMaxPendingRequests = 64;        // more are dropped with a log line
    static constexpr size_t kMaxUdpPeers = 1024;          // peers served at once over UDP
    static constexpr const char* kGoodbye = "Au Revoir";  // without terminator

    // now: where the time comes from (tests pin it).
    explicit ClockService(WallClock now = systemNow) : now_(std::move(now)) {}

    // One tick at time t, "2024-03-01 14:05:09", without terminator. Thread-safe.
    static std::string timeAt(std::chrono::system_clock::time_point t);

    // Thread-safe (const).
    std::string name() const override { return "clock"; }
    bool supportsUdp() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
    // A new datagram handler; owned by the caller. Thread-safe.
    std::unique_ptr<DatagramHandler> newDatagramHandler(
        const ServiceOptions& options) const override;

private:
    WallClock now_;
};

}  // namespace sockwb
