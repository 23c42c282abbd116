#pragma once
// How much output the server keeps for a peer that does not read, as
// redis' client-output-buffer-limit: a hard limit (bytes queued for the
// peer: over it the connection is closed at once) and a soft limit with a
// time (over it continuously for softSeconds: closed). Without it one chat
// client that never reads makes the server hold everything the others say.
// The limits apply where bytes queue for a peer (the event loop's output
// buffer, the poll driver's output and inbox); they are checked whenever
// output is added or sent, which is when the queue can grow.
// OutputLimiter is one connection's state; one thread at a time.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sockwb {

struct OutputLimit {
    static constexpr size_t kMiB = size_t(1) << 20;
    size_t hardBytes = 8 * kMiB;  // 0: no hard limit
    size_t softBytes = 2 * kMiB;  // 0: no soft limit
    int softSeconds = 60;         // over softBytes that long: closed

    bool operator==(const OutputLimit&) const = default;
};

// "HARD[,SOFT,SECONDS]" with sizes in bytes or with a K, M or G suffix
// (KiB, MiB, GiB); "0" turns a limit off, HARD alone means no soft limit.
// nullopt when malformed or when a soft limit is not below the hard one.
// Thread-safe.
std::optional<OutputLimit> parseOutputLimit(std::string_view text);
// "8M,2M,60": what parseOutputLimit reads back. Thread-safe.
std::string outputLimitText(const OutputLimit& limit);
// "8 MiB", "512 KiB", "100 bytes", "2.5 MiB": a size for a log line. Thread-safe.
std::string sizeText(uint64_t bytes);

class OutputLimiter {
public:
    using Clock = std::chrono::steady_clock;
    enum class Verdict { Ok, OverHard, OverSoft };

    explicit OutputLimiter(const OutputLimit& limit) : limit_(limit) {}

    // queued: bytes now waiting for the peer. OverHard as soon as it is over
    // the hard limit; OverSoft once it has stayed over the soft limit (at
    // every check) for softSeconds.
    Verdict check(size_t queued, Clock::time_point now = Clock::now());
    const OutputLimit& limit() const noexcept { return limit_; }
    // Over the soft limit at the last check (its time is running).
    bool overSoft() const noexcept { return overSoftSince_.has_value(); }

    // The log line of a close: "client 3 (127.0.0.1:5000) closed: 8.0 MiB
    // queued, it does not read (output hard limit 8 MiB)". Thread-safe.
    static std::string closeReason(uint64_t id, const std::string& peer, size_t queued,
                                   Verdict verdict, const OutputLimit& limit);

private:
    OutputLimit limit_;
    std::optional<Clock::time_point> overSoftSince_;
};

}  // namespace sockwb
