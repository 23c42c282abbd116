#pragma once
// SocketLesson: a built-in lesson that really does what it teaches on
// loopback (a server on port 0, then that port), watches it through the
// socket table (querySockets) and reports each step as it happens. Three
// lessons (issue #15): accept-queue, time-wait, reuseaddr. A run is bounded
// (< 10 s), cancellable through a stop token, and leaves nothing running:
// every server and socket it opens is closed before run() returns (the
// TIME-WAIT entries the kernel keeps are the lesson's point, not a leak).
// Four more (issue #16) break the network on purpose: partial-reads (a
// relay's slicer), nagle (TCP_NODELAY), rst-vs-fin (SO_LINGER 0) and
// udp-loss (a relay dropping datagrams).
// Threading: run() blocks; call it off the GUI thread. onStep is called on
// the running thread. A lesson object is used by one thread at a time.

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string_view>
#include <vector>

#include "core/lessons/lessonstep.h"
#include "core/net/millis.h"

namespace sockwb {

enum class LessonId {
    AcceptQueue,
    TimeWait,
    ReuseAddr,
    // Issue #16: the network broken on purpose (core/relay, socket options).
    PartialReads,
    Nagle,
    RstVsFin,
    UdpLoss,
};

// "accept-queue", "time-wait", "reuseaddr", "partial-reads", "nagle",
// "rst-vs-fin", "udp-loss". Thread-safe.
const char* lessonName(LessonId id) noexcept;
// The lesson so named, nullopt otherwise. Thread-safe.
std::optional<LessonId> lessonFromName(std::string_view name) noexcept;
// Every lesson, in the course's order. Thread-safe.
std::vector<LessonId> allLessons();

// What a running lesson uses: its steps' sink, the stop token, and the
// socket-table look-ups. Thrown through as LessonCancelled when stopped.
class LessonRun {
public:
    using StepFn = std::function<void(const LessonStep&)>;
    LessonRun(LessonResult& result, StepFn onStep, std::stop_token stop);

    // Records the step and tells onStep.
    void report(LessonStep step);
    // Throws LessonCancelled once a stop was requested.
    void checkStop() const;
    // Waits up to `limit` (checking the stop every few ms) for done() to
    // hold; true when it did.
    bool waitUntil(const std::function<bool()>& done, Millis limit) const;
    // The TCP rows whose local or peer port is `port`.
    static std::vector<SocketEntry> tcpSockets(uint16_t port);
    LessonResult& result() { return result_; }

private:
    LessonResult& result_;
    StepFn onStep_;
    std::stop_token stop_;
};

struct LessonCancelled {};

class SocketLesson {
public:
    virtual ~SocketLesson() = default;
    virtual LessonId id() const = 0;
    // Runs the lesson to its end, a stop, or a failure (in the result, never
    // thrown). onStep may be empty.
    LessonResult run(const LessonRun::StepFn& onStep = {}, std::stop_token stop = {});

protected:
    virtual void steps(LessonRun& run) = 0;
};

// The lesson object for id. Thread-safe.
std::unique_ptr<SocketLesson> makeLesson(LessonId id);

}  // namespace sockwb
