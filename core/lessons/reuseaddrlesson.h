#pragma once
// The reuseaddr lesson: after the time-wait lesson's steps (the server's
// port holds TIME-WAIT entries), a new server on that same port with
// SO_REUSEADDR off fails to bind with EADDRINUSE (the socket table shows
// the TIME-WAIT rows that hold the port), then with SO_REUSEADDR on it
// starts. Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class ReuseAddrLesson final : public SocketLesson {
public:
    LessonId id() const override { return LessonId::ReuseAddr; }

protected:
    void steps(LessonRun& run) override;
};

}  // namespace sockwb
