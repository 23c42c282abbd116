#include "core/lessons/socketlesson.h"

#include <poll.h>

#include <chrono>
#include <thread>

#include "core/lessons/acceptqueuelesson.h"
#include "core/lessons/naglelesson.h"
#include "core/lessons/partialreadslesson.h"
#include "core/lessons/reuseaddrlesson.h"
#include "core/lessons/rstvsfinlesson.h"
#include "core/lessons/timewaitlesson.h"
#include "core/lessons/udplosslesson.h"

namespace sockwb {

namespace {
constexpr Millis kPollStep{20};  // how often waitUntil looks again
}

const char* lessonName(LessonId id) noexcept {
    switch (id) {
        case LessonId::AcceptQueue:
            return "accept-queue";
        case LessonId::TimeWait:
            return "time-wait";
        case LessonId::ReuseAddr:
            return "reuseaddr";
        case LessonId::PartialReads:
            return "partial-reads";
        case LessonId::Nagle:
            return "nagle";
        case LessonId::RstVsFin:
            return "rst-vs-fin";
        case LessonId::UdpLoss:
            return "udp-loss";
    }
    return "unknown";
}

std::optional<LessonId> lessonFromName(std::string_view name) noexcept {
    for (LessonId id : allLessons())
        if (name == lessonName(id)) return id;
    return std::nullopt;
}

std::vector<LessonId> allLessons() {
    return {LessonId::AcceptQueue, LessonId::TimeWait, LessonId::ReuseAddr, LessonId::PartialReads,
            LessonId::Nagle,       LessonId::RstVsFin, LessonId::UdpLoss};
}

LessonRun::LessonRun(LessonResult& result, StepFn onStep, std::stop_token stop)
    : result_(result), onStep_(std::move(onStep)), stop_(std::move(stop)) {}

void LessonRun::report(LessonStep step) {
    checkStop();
    if (step.port == 0) step.port = result_.port;
    result_.steps.push_back(std::move(step));
    if (onStep_) onStep_(result_.steps.back());
}

void LessonRun::checkStop() const {
    if (stop_.stop_requested()) throw LessonCancelled{};
}

bool LessonRun::waitUntil(const std::function<bool()>& done, Millis limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        checkStop();
        if (done()) return true;
        const auto left =
            std::chrono::duration_cast<Millis>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        // A pause between two looks at the socket table (no fd to wait on).
        std::this_thread::sleep_for(std::min(left, kPollStep));
    }
}

std::vector<SocketEntry> LessonRun::tcpSockets(uint16_t port) {
    SocketQuery q;
    q.udp = false;
    q.port = port;
    return querySockets(q);
}

LessonResult SocketLesson::run(const LessonRun::StepFn& onStep, std::stop_token stop) {
    LessonResult result;
    result.lesson = lessonName(id());
    LessonRun lessonRun(result, onStep, std::move(stop));
    try {
        steps(lessonRun);
    } catch (const LessonCancelled&) {
        result.cancelled = true;
    } catch (const Error& e) {
        result.error = e.info();
    } catch (const std::exception& e) {
        ErrorInfo info;
        info.kind = ErrorKind::Unsupported;
        info.call = "lesson";
        info.detail = e.what();
        result.error = info;
    }
    return result;
}

std::unique_ptr<SocketLesson> makeLesson(LessonId id) {
    switch (id) {
        case LessonId::AcceptQueue:
            return std::make_unique<AcceptQueueLesson>();
        case LessonId::TimeWait:
            return std::make_unique<TimeWaitLesson>();
        case LessonId::ReuseAddr:
            return std::make_unique<ReuseAddrLesson>();
        case LessonId::PartialReads:
            return std::make_unique<PartialReadsLesson>();
        case LessonId::Nagle:
            return std::make_unique<NagleLesson>();
        case LessonId::RstVsFin:
            return std::make_unique<RstVsFinLesson>();
        case LessonId::UdpLoss:
            return std::make_unique<UdpLossLesson>();
    }
    return nullptr;
}

}  // namespace sockwb
