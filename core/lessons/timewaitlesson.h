#pragma once
// The time-wait lesson: an echo server serves three clients, then stops
// while they are still connected. Stopping closes the server's side first
// (its FIN goes out first), the clients read end of stream and close, and
// the kernel keeps the server's side of each connection in TIME-WAIT on the
// server's port (2 x MSL, 60 s on Linux) after the server is gone.
// Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class TimeWaitLesson final : public SocketLesson {
public:
    static constexpr int kClients = 3;

    LessonId id() const override { return LessonId::TimeWait; }

    // The steps up to TimeWaitObserved (shared with the reuseaddr lesson):
    // server started, clients served, server stopped, TIME-WAIT rows seen.
    // Sets run.result().port.
    static void serveThenStop(LessonRun& run);

protected:
    void steps(LessonRun& run) override { serveThenStop(run); }
};

}  // namespace sockwb
