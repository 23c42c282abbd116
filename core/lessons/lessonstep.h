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
    ServerStarted,     // port, backlog (the server listens; 0: a UDP server)
    ClientsStarted,    // clients: non-blocking connects under way
    QueueObserved,     // acceptQueue/acceptQueueMax of the listener, synSent, established
    ConnectsSettled,   // connected, timedOut (still SYN-SENT at the deadline), timeoutMs
    ClientsServed,     // clients connected and answered, established
    ServerStopped,     // peerClosed: clients that read end of stream (server closed first)
    TimeWaitObserved,  // timeWait: TIME-WAIT rows on the server's port
    RestartRefused,    // reuseAddr off: error (bind, EADDRINUSE), timeWait
    RestartSucceeded,  // reuseAddr on: the server listens on the same port again
    // Issue #16: the lessons that break the network on purpose.
    RelayStarted,      // relayPort in front of port; the relay's faults (slice, latency, drop)
    SingleRecv,        // one recv(): expectedBytes vs gotBytes
    FramedRecv,        // recvs (pieces) until messages lines are complete; gotBytes
    WritesCounted,     // noDelay: sends, segments (TCP_INFO), recvs and gotBytes at the server
    CloseObserved,     // lingerSeconds (-1 off): the server's recv: peerEof or recvErrno; timeWait
    DatagramsCounted,  // sends, answered, lost (timeouts) vs the relay's dropped (up + down)
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
    int synSent = 0;         // clients in SYN-SENT
    int established = 0;     // clients in ESTABLISHED
    int acceptQueue = 0;     // listener's Recv-Q: connections waiting for accept()
    int acceptQueueMax = 0;  // listener's Send-Q: the backlog the kernel uses
    int peerClosed = 0;      // clients whose recv() returned 0
    int timeWait = 0;        // TIME-WAIT rows whose local port is the server's
    uint16_t relayPort = 0;  // where the lesson's relay listens
    int sliceAvg = 0;        // relay slicer: bytes per slice avg ± var, delay ms between
    int sliceVar = 0;
    int sliceDelayMs = 0;
    int latencyMs = 0;                 // relay latency per chunk/datagram
    int dropPercent = 0;               // relay: datagrams dropped per direction, %
    int expectedBytes = 0;             // what the peer sent
    int gotBytes = 0;                  // what the reader got
    int messages = 0;                  // lines / datagrams expected
    int complete = 0;                  // lines decoded whole
    int sends = 0;                     // send() / sendto() calls
    int recvs = 0;                     // recv() calls that returned data
    int segments = 0;                  // TCP data segments sent (TCP_INFO tcpi_data_segs_out)
    int noDelay = -1;                  // TCP_NODELAY read back: 0 off, 1 on (-1 not asked)
    int lingerSeconds = -1;            // SO_LINGER read back: -1 off, N on with N s
    bool peerEof = false;              // CloseObserved: the server's recv() returned 0
    int recvErrno = 0;                 // CloseObserved: the server's recv() failed (ECONNRESET)
    int answered = 0;                  // datagrams whose echo came back in time
    int lost = 0;                      // datagrams with no echo before the timeout
    int dropped = 0;                   // the relay's counters: dropped up + down
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
