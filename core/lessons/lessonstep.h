#pragma once
// What a built-in lesson observed, step by step: codes and numbers plus the
// socket-table rows involved, never sentences. Each front end words them
// (lessontext.h in English for the CLI, widgets/lessons for the GUI).
// Plain data: copy freely between threads.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/sockdiag.h"

namespace sockwb {

enum class LessonStepKind {
    ServerStarted,     // port, backlog (the server listens)
    ClientsStarted,    // clients: non-blocking connects under way
    QueueObserved,     // acceptQueue/acceptQueueMax of the listener, synSent, established
    ConnectsSettled,   // connected, timedOut (still SYN-SENT at the deadline), timeoutMs
    ClientsServed,     // clients connected and answered, established
    ServerStopped,     // peerClosed: clients that read end of stream (server closed first)
    TimeWaitObserved,  // timeWait: TIME-WAIT rows on the server's port
    RestartRefused,    // reuseAddr off: error (bind, EADDRINUSE), timeWait
    RestartSucceeded,  // reuseAddr on: the server listens on the same port again
};

// "server-started", "clients-started"... (JSON, logs). Thread-safe.
const char* lessonStepKindName(LessonStepKind kind) noexcept;

struct LessonStep {
    LessonStepKind kind = LessonStepKind::ServerStarted;
    uint16_t port = 0;  // the lesson's server port
    int backlog = 0;
    int clients = 0;
    int connected = 0;
    int timedOut = 0;
    int timeoutMs = 0;
    int synSent = 0;                   // clients in SYN-SENT
    int established = 0;               // clients in ESTABLISHED
    int acceptQueue = 0;               // listener's Recv-Q: connections waiting for accept()
    int acceptQueueMax = 0;            // listener's Send-Q: the backlog the kernel uses
    int peerClosed = 0;                // clients whose recv() returned 0
    int timeWait = 0;                  // TIME-WAIT rows whose local port is the server's
    std::optional<ErrorInfo> error;    // RestartRefused: why the start failed
    std::vector<SocketEntry> sockets;  // the TCP rows on the port at that moment
};

struct LessonResult {
    std::string lesson;  // "accept-queue"...
    uint16_t port = 0;
    std::vector<LessonStep> steps;
    bool cancelled = false;
    std::optional<ErrorInfo> error;  // an unexpected failure (the lesson stopped)
    bool ok() const { return !cancelled && !error; }
};

}  // namespace sockwb
