#pragma once
// The UDP reflection-loop policy of every datagram listener (the old
// echo/chargen problem: a datagram whose source is another UDP service
// ping-pongs between the two for ever). DatagramEndpoint asks it about
// each datagram before its service sees it, and about each reply:
//   - a datagram from a well-known service port (kServicePorts: echo,
//     discard, daytime, chargen, time... and port 0) is dropped: those
//     answer, they never ask;
//   - one from the listener's own address (its IP and port; bound to
//     0.0.0.0 or ::, any source with its port) is dropped: a loop onto
//     itself, or onto a twin of the same service elsewhere;
//   - replies are rate-limited per peer address (IP without the port, or
//     the Unix path): a token bucket of `repliesPerSecond`, burst twice
//     that. A loop between two servers on ordinary ports keeps a single
//     datagram bouncing, so one dropped reply ends it. At most kMaxPeers
//     buckets; beyond, new peers share one bucket.
// Not thread-safe: one per endpoint, on its thread.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/net/address.h"

namespace sockwb {

class ReflectionGuard {
public:
    using Clock = std::chrono::steady_clock;
    enum class Drop { None, ServicePort, OwnAddress, RateLimit };
    static constexpr size_t kMaxPeers = 4096;

    // local: the listener's real address. repliesPerSecond 0: no rate limit.
    ReflectionGuard(const Address& local, int repliesPerSecond);

    // Whether a datagram from `from` may reach the service (Drop::None) or not.
    Drop checkSource(const Address& from) const;
    // Takes a token for a reply to `to` at `now`; Drop::RateLimit when its
    // address has none left.
    Drop checkReply(const Address& to, Clock::time_point now);

    // 0, 7 echo, 9 discard, 11 systat, 13 daytime, 17 qotd, 19 chargen,
    // 37 time, 53 dns, 123 ntp. Thread-safe (pure).
    static bool isServicePort(uint16_t port) noexcept;
    int repliesPerSecond() const noexcept { return int(rate_); }

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point last;
    };
    void refill(Bucket& b, Clock::time_point now) const;
    Bucket* bucketFor(const std::string& key, Clock::time_point now);

    Address local_;
    bool wildcard_ = false;
    double rate_ = 0;
    double burst_ = 0;
    std::unordered_map<std::string, Bucket> buckets_;
    Bucket shared_;  // the peers past kMaxPeers
    Clock::time_point lastSweep_{};
};

// The log lines of the drops, at most one batch a second, each with its
// count: "dropped 523 datagrams from 127.0.0.1:7: its source port is a
// well-known service's (a reflection loop)". The first drop is worded at
// once; later ones with the next drop a second on, or at flush() (stop).
// At most kMaxLines peers are named; the others are counted together.
// Not thread-safe.
class DropLog {
public:
    using Clock = ReflectionGuard::Clock;
    static constexpr size_t kMaxLines = 16;

    // Counts one drop; the lines due now (none within a second of the last).
    std::vector<std::string> note(ReflectionGuard::Drop why, const Address& peer,
                                  Clock::time_point now, int repliesPerSecond);
    // The lines of every drop not worded yet.
    std::vector<std::string> flush();

private:
    std::map<std::pair<ReflectionGuard::Drop, std::string>, uint64_t> pending_;
    uint64_t others_ = 0;
    int rate_ = 0;
    Clock::time_point last_{};
    bool any_ = false;
};

}  // namespace sockwb
