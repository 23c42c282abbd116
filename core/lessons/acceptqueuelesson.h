#pragma once
// The accept-queue lesson: an iterative echo server with a small backlog is
// kept busy by its first client; 20 clients connect at once. The kernel
// completes handshakes into the listener's accept queue until it holds
// backlog + 1 connections (Recv-Q reaches Send-Q); the later SYNs are
// dropped, those clients stay in SYN-SENT and their connects time out.
// Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class AcceptQueueLesson final : public SocketLesson {
public:
    static constexpr int kBacklog = 5;
    static constexpr int kClients = 20;
    static constexpr int kConnectTimeoutMs = 3000;

    LessonId id() const override { return LessonId::AcceptQueue; }

protected:
    void steps(LessonRun& run) override;
};

}  // namespace sockwb
