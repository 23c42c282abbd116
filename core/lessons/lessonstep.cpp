#include "core/lessons/lessonstep.h"

namespace sockwb {

const char* lessonStepKindName(LessonStepKind kind) noexcept {
    switch (kind) {
        case LessonStepKind::ServerStarted:
            return "server-started";
        case LessonStepKind::ClientsStarted:
            return "clients-started";
        case LessonStepKind::QueueObserved:
            return "queue-observed";
        case LessonStepKind::ConnectsSettled:
            return "connects-settled";
        case LessonStepKind::ClientsServed:
            return "clients-served";
        case LessonStepKind::ServerStopped:
            return "server-stopped";
        case LessonStepKind::TimeWaitObserved:
            return "time-wait-observed";
        case LessonStepKind::RestartRefused:
            return "restart-refused";
        case LessonStepKind::RestartSucceeded:
            return "restart-succeeded";
        case LessonStepKind::RelayStarted:
            return "relay-started";
        case LessonStepKind::SingleRecv:
            return "single-recv";
        case LessonStepKind::FramedRecv:
            return "framed-recv";
        case LessonStepKind::WritesCounted:
            return "writes-counted";
        case LessonStepKind::CloseObserved:
            return "close-observed";
        case LessonStepKind::DatagramsCounted:
            return "datagrams-counted";
    }
    return "unknown";
}

}  // namespace sockwb
