#pragma once
// The nagle lesson: a client makes 100 small writes (10 bytes, 2 ms apart)
// to a server that reads them, once with Nagle's algorithm (the default)
// and once with TCP_NODELAY. Nagle holds a small write while an earlier
// segment is unacknowledged; on loopback the ACK comes back in microseconds,
// so the server here delays its ACKs (TCP_QUICKACK off, the delayed-ACK
// mode of a peer across a real network). With Nagle the writes wait and
// leave together: a few segments, a few large recvs; with TCP_NODELAY each
// write is its own segment and the server's recvs follow. The counts vary
// from run to run; the lesson reports them, never expects exact numbers.
// The client and the server run on the lesson's thread (poll paces the
// writes). Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class NagleLesson final : public SocketLesson {
public:
    static constexpr int kWrites = 100;
    static constexpr int kWriteBytes = 10;
    static constexpr int kWriteGapMs = 2;

    LessonId id() const override { return LessonId::Nagle; }

protected:
    void steps(LessonRun& run) override;
};

}  // namespace sockwb
