#pragma once
// TcpPipe: one direction of a relayed TCP connection (client → target is
// "up", target → client "down"): it reads from one leg and writes to the
// other through that direction's faults. Data nobody delays goes straight
// from the read buffer to send(); only what the kernel does not take at
// once is held. Held bytes are a queue of chunks, each with the time it is
// due (latency), optionally written in slices (slicer) and paced by a token
// bucket (bandwidth); a chunk never overtakes an earlier one. The
// per-connection faults (reset/close after a limit, stall) are decided once
// by decide(). The pipe never watches fds nor arms timers itself: its
// connection asks wantsRead()/wantsWrite()/wakeAt() after each step and
// tells the loop. Counters gather locally and are handed over by
// takeCounts() (one lock per event, not per send).
// Threading: the relay's loop thread only.

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/relay/relaycontext.h"

namespace sockwb {

class TcpPipe {
public:
    using Clock = std::chrono::steady_clock;
    // How the direction ended, when it did not simply finish.
    enum class End { None, Reset, Close, Failed };

    // from/to: the legs' fds (not owned). buffer: the engine's read buffer,
    // shared by every pipe of the loop (one thread).
    TcpPipe(RelayContext& context, RelayDirection direction, int from, int to,
            std::vector<char>& buffer);

    // Decides the per-connection faults (reset/close/stall with limitP)
    // for a connection opened at `opened`. Call once, before any I/O.
    void decide(Clock::time_point opened);
    // The source leg is readable (or reported an error).
    void onReadable(Clock::time_point now);
    // Writes what is due; call when the destination is writable or a timer fired.
    void flush(Clock::time_point now);

    bool wantsRead() const noexcept;
    // EPOLLOUT: the destination's buffer was full with bytes waiting.
    bool wantsWrite() const noexcept { return blocked_ && end_ == End::None && !stalled_; }
    // When a timer should call flush() (a chunk due, tokens refilled, the
    // time limit); nullopt when nothing waits on time.
    std::optional<Clock::time_point> wakeAt() const noexcept;
    // Every byte forwarded and the end of stream passed on (shutdown sent).
    bool finished() const noexcept { return eof_ && shutdownSent_; }

    End end() const noexcept { return end_; }
    RelayDirection direction() const noexcept { return direction_; }
    // For End::Failed: the call and errno.
    const char* failedCall() const noexcept { return failedCall_; }
    int failedErrno() const noexcept { return failedErrno_; }
    // For End::Reset/Close: the limit that fired.
    const FaultLimit& firedLimit() const noexcept { return fired_; }
    bool stalled() const noexcept { return stalled_; }
    size_t held() const noexcept { return held_; }

    // The counters since the last call, then zeroed. dirty(): any to hand over.
    RelayDirectionStats takeCounts();
    bool dirty() const noexcept { return dirty_; }

private:
    struct Chunk {
        std::string data;
        size_t pos = 0;  // data[0, pos) is sent
        Clock::time_point due;
        bool sliced = false;
        Spread sliceBytes;
        int sliceDelayMs = 0;
        size_t sliceLeft = 0;  // of the slice being written
    };

    void take(const char* data, size_t n, Clock::time_point now);
    // Sends directly from data; returns the bytes taken (sets end_ on failure).
    size_t sendNow(const char* data, size_t n);
    void hold(const char* data, size_t n, Clock::time_point due, const DirectionFaults& f,
              bool sliced);
    void recycle(std::string&& storage);
    void forwarded(size_t n);  // counts and checks the byte limits
    void fail(const char* call, int err);
    void refill(Clock::time_point now);
    void checkTimeLimit(Clock::time_point now);
    void maybeShutdown();
    std::optional<uint64_t> byteLimit() const noexcept;

    RelayContext& context_;
    const RelayDirection direction_;
    const int from_;
    const int to_;
    std::vector<char>& buffer_;
    const size_t maxHeld_;

    std::deque<Chunk> queue_;
    std::vector<std::string> spare_;  // storage of written chunks, reused
    size_t held_ = 0;
    bool blocked_ = false;  // a send found the destination full
    bool eof_ = false;
    bool shutdownSent_ = false;
    End end_ = End::None;
    const char* failedCall_ = "";
    int failedErrno_ = 0;

    // Per-connection faults.
    std::optional<FaultLimit> resetLimit_;
    std::optional<FaultLimit> closeLimit_;
    FaultLimit fired_;
    std::optional<Clock::time_point> limitAt_;  // a time limit's deadline
    bool stalled_ = false;
    uint64_t intake_ = 0;     // bytes accepted for forwarding (cut at a byte limit)
    uint64_t forwarded_ = 0;  // bytes written

    // Bandwidth (token bucket), set from the live faults at each read.
    double rate_ = 0;  // bytes per second, 0: no cap
    double tokens_ = 0;
    Clock::time_point refilled_;
    bool throttling_ = false;  // counted once per wait
    std::optional<Clock::time_point> wake_;

    RelayDirectionStats counts_;
    bool dirty_ = false;
};

}  // namespace sockwb
