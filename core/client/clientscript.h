#pragma once
// A client's script: what a client window (or `sockwb run`) sends, when, and
// what it expects to receive ("client 3 receives `Au Revoir` after ≥ 2 s").
// Sans-IO: ScriptPlayer never touches a socket. Its owner feeds it the
// clock and the bytes received, does the sends and the close it asks for,
// and calls advance() again at nextDeadline(). One owner thread; a value type
// otherwise (copy a script freely).

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sockwb {

struct ScriptStep {
    enum class Kind {
        Send,         // send `bytes` delayMs after the previous step ended
        Expect,       // `bytes` is received (searched in what came since the last match)
        ExpectClose,  // the peer closes (recv returns 0)
        Wait,         // a pause of delayMs
        Close,        // close the connection delayMs after the previous step ended
    };
    Kind kind = Kind::Send;
    std::string bytes;  // Send: the bytes (escapes already decoded); Expect: the text awaited
    int delayMs = 0;    // Send, Wait, Close
    // Expect, ExpectClose: fails when nothing came this long after the previous step ended.
    int withinMs = 5000;
    // Expect, ExpectClose: fails when it came earlier than this many ms after
    // the connection opened (-1: no lower bound). "after ≥ 2 s" is 2000.
    int minAfterMs = -1;
    friend bool operator==(const ScriptStep&, const ScriptStep&) = default;
};

// "send", "expect", "expect-close", "wait", "close". Thread-safe.
const char* scriptStepKindName(ScriptStep::Kind kind) noexcept;
// The kind named, nullopt for any other text. Thread-safe.
std::optional<ScriptStep::Kind> scriptStepKindFromName(std::string_view name) noexcept;

struct StepResult {
    enum class Status {
        Pending,  // not reached yet
        Running,  // the current step
        Done,     // a Send, Wait or Close that happened
        Passed,   // an expectation met
        Failed,   // an expectation not met (detail says why)
        Skipped,  // not reached: an earlier expectation failed, or the connection ended
    };
    Status status = Status::Pending;
    // Ms since the connection opened when the step ended (-1: not ended).
    int64_t atMs = -1;
    // Failed: why ("not received within 5000 ms", "received after 1204 ms, expected ≥ 2000 ms",
    // "the peer closed first"). Passed/Done: empty.
    std::string detail;
};

// "pending", "running", "done", "passed", "failed", "skipped". Thread-safe.
const char* stepStatusName(StepResult::Status status) noexcept;

class ScriptPlayer {
public:
    using Clock = std::chrono::steady_clock;
    // What the owner must do now, in order.
    struct Action {
        enum class Kind { Send, Close };
        Kind kind = Kind::Send;
        std::string bytes;  // Send
    };

    explicit ScriptPlayer(std::vector<ScriptStep> steps);

    // The connection opened at `now`: the first step starts.
    void start(Clock::time_point now);
    // Bytes of one recv (UDP: one datagram) and when they came. At most
    // kMaxHeld bytes not yet matched are kept (the oldest are dropped): a
    // peer cannot grow it. An expectation met by bytes that came before its
    // step began (during a Wait) is timed from when they came.
    void received(std::string_view bytes, Clock::time_point now);
    // The connection ended (the peer closed, an error, or our own close).
    void closed(Clock::time_point now);
    // Advances through the steps whose time has come and returns what to do.
    // Call it after start(), received(), closed() and whenever nextDeadline() passes.
    std::vector<Action> advance(Clock::time_point now);
    // When advance() must run next; nullopt when only data (or nothing) can move it.
    std::optional<Clock::time_point> nextDeadline() const;

    bool started() const noexcept { return started_; }
    // Every step ended (or was skipped).
    bool finished() const noexcept;
    // Finished and no expectation failed.
    bool passed() const noexcept;
    const std::vector<ScriptStep>& steps() const noexcept { return steps_; }
    const std::vector<StepResult>& results() const noexcept { return results_; }
    // Index of the current step (steps().size() when finished).
    size_t current() const noexcept { return current_; }

    static constexpr size_t kMaxHeld = 1 << 20;

private:
    int64_t sinceStart(Clock::time_point now) const;
    void endStep(StepResult::Status status, Clock::time_point now, std::string detail = {});
    void skipRest();
    bool matchExpect(Clock::time_point now);
    // When the held byte at stream offset `end - 1` came (`now` if unknown).
    Clock::time_point arrivalOf(uint64_t end, Clock::time_point now) const;
    void dropHeld(size_t count);

    std::vector<ScriptStep> steps_;
    std::vector<StepResult> results_;
    size_t current_ = 0;
    bool started_ = false;
    bool peerClosed_ = false;
    Clock::time_point closedAt_{};
    Clock::time_point start_{};
    Clock::time_point stepStart_{};  // when the previous step ended
    std::string held_;               // received, not yet matched
    uint64_t heldBase_ = 0;          // stream offset of held_[0]
    // One entry per recv still (partly) held: stream offset just past its
    // last byte, and when it came. At most one per held byte.
    std::deque<std::pair<uint64_t, Clock::time_point>> arrivals_;
};

}  // namespace sockwb
