#include "core/client/clientscript.h"

#include <algorithm>
#include <utility>

namespace sockwb {

namespace {
using Kind = ScriptStep::Kind;
using Status = StepResult::Status;

std::string ms(int64_t v) { return std::to_string(v) + " ms"; }
}  // namespace

const char* scriptStepKindName(ScriptStep::Kind kind) noexcept {
    switch (kind) {
        case Kind::Send:
            return "send";
        case Kind::Expect:
            return "expect";
        case Kind::ExpectClose:
            return "expect-close";
        case Kind::Wait:
            return "wait";
        case Kind::Close:
            return "close";
    }
    return "?";
}

std::optional<ScriptStep::Kind> scriptStepKindFromName(std::string_view name) noexcept {
    for (Kind k : {Kind::Send, Kind::Expect, Kind::ExpectClose, Kind::Wait, Kind::Close})
        if (name == scriptStepKindName(k)) return k;
    return std::nullopt;
}

const char* stepStatusName(StepResult::Status status) noexcept {
    switch (status) {
        case Status::Pending:
            return "pending";
        case Status::Running:
            return "running";
        case Status::Done:
            return "done";
        case Status::Passed:
            return "passed";
        case Status::Failed:
            return "failed";
        case Status::Skipped:
            return "skipped";
    }
    return "?";
}

ScriptPlayer::ScriptPlayer(std::vector<ScriptStep> steps)
    : steps_(std::move(steps)), results_(steps_.size()) {}

void ScriptPlayer::start(Clock::time_point now) {
    if (started_) return;
    started_ = true;
    start_ = now;
    stepStart_ = now;
    if (!steps_.empty()) results_[0].status = Status::Running;
}

void ScriptPlayer::received(std::string_view bytes, Clock::time_point now) {
    if (bytes.empty()) return;
    held_.append(bytes);
    arrivals_.emplace_back(heldBase_ + held_.size(), now);
    if (held_.size() > kMaxHeld) dropHeld(held_.size() - kMaxHeld);
}

void ScriptPlayer::dropHeld(size_t count) {
    held_.erase(0, count);
    heldBase_ += count;
    while (!arrivals_.empty() && arrivals_.front().first <= heldBase_) arrivals_.pop_front();
}

ScriptPlayer::Clock::time_point ScriptPlayer::arrivalOf(uint64_t end, Clock::time_point now) const {
    for (const auto& [until, at] : arrivals_)
        if (until >= end) return at;
    return now;
}

void ScriptPlayer::closed(Clock::time_point now) {
    if (peerClosed_) return;
    peerClosed_ = true;
    closedAt_ = now;
}

int64_t ScriptPlayer::sinceStart(Clock::time_point now) const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
}

void ScriptPlayer::endStep(StepResult::Status status, Clock::time_point now, std::string detail) {
    StepResult& r = results_[current_];
    r.status = status;
    r.atMs = sinceStart(now);
    r.detail = std::move(detail);
    stepStart_ = now;
    ++current_;
    if (current_ < results_.size()) results_[current_].status = Status::Running;
}

void ScriptPlayer::skipRest() {
    for (; current_ < results_.size(); ++current_) results_[current_].status = Status::Skipped;
}

bool ScriptPlayer::matchExpect(Clock::time_point now) {
    const ScriptStep& s = steps_[current_];
    const auto at = held_.find(s.bytes);
    if (at == std::string::npos) return false;
    const size_t used = at + s.bytes.size();
    // Bytes that came before the step began are timed from their arrival.
    const Clock::time_point came = std::min(now, arrivalOf(heldBase_ + used, now));
    dropHeld(used);
    const int64_t t = sinceStart(came);
    const size_t index = current_;
    if (s.minAfterMs >= 0 && t < s.minAfterMs) {
        endStep(Status::Failed, now,
                "received after " + ms(t) + ", expected after at least " + ms(s.minAfterMs));
        skipRest();
    } else {
        endStep(Status::Passed, now);
    }
    results_[index].atMs = t;
    return true;
}

std::vector<ScriptPlayer::Action> ScriptPlayer::advance(Clock::time_point now) {
    std::vector<Action> actions;
    if (!started_) return actions;
    while (current_ < steps_.size()) {
        const ScriptStep& s = steps_[current_];
        const auto due = stepStart_ + std::chrono::milliseconds(s.delayMs);
        const auto deadline = stepStart_ + std::chrono::milliseconds(s.withinMs);
        switch (s.kind) {
            case Kind::Send:
            case Kind::Close:
                if (now < due) return actions;
                if (peerClosed_) {
                    endStep(Status::Skipped, now, "the connection had ended");
                    skipRest();
                    return actions;
                }
                actions.push_back(
                    {s.kind == Kind::Send ? Action::Kind::Send : Action::Kind::Close, s.bytes});
                endStep(Status::Done, now);
                break;
            case Kind::Wait:
                if (now < due) return actions;
                endStep(Status::Done, now);
                break;
            case Kind::Expect:
                if (matchExpect(now)) break;
                if (peerClosed_) {
                    endStep(Status::Failed, now, "the connection ended before it was received");
                    skipRest();
                } else if (now >= deadline) {
                    endStep(Status::Failed, now, "not received within " + ms(s.withinMs));
                    skipRest();
                }
                return actions;
            case Kind::ExpectClose:
                if (peerClosed_) {
                    const int64_t t = std::min(sinceStart(closedAt_), sinceStart(now));
                    const size_t index = current_;
                    if (s.minAfterMs >= 0 && t < s.minAfterMs) {
                        endStep(Status::Failed, now,
                                "closed after " + ms(t) + ", expected after at least " +
                                    ms(s.minAfterMs));
                        skipRest();
                    } else {
                        endStep(Status::Passed, now);
                    }
                    results_[index].atMs = t;
                    break;
                }
                if (now >= deadline) {
                    endStep(Status::Failed, now, "not closed within " + ms(s.withinMs));
                    skipRest();
                }
                return actions;
        }
    }
    return actions;
}

std::optional<ScriptPlayer::Clock::time_point> ScriptPlayer::nextDeadline() const {
    if (!started_ || current_ >= steps_.size()) return std::nullopt;
    const ScriptStep& s = steps_[current_];
    const bool waitsForPeer = s.kind == Kind::Expect || s.kind == Kind::ExpectClose;
    return stepStart_ + std::chrono::milliseconds(waitsForPeer ? s.withinMs : s.delayMs);
}

bool ScriptPlayer::finished() const noexcept { return current_ >= steps_.size(); }

bool ScriptPlayer::passed() const noexcept {
    if (!finished()) return false;
    for (const StepResult& r : results_)
        if (r.status != Status::Done && r.status != Status::Passed) return false;
    return true;
}

}  // namespace sockwb
