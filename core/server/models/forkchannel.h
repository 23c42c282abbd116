#pragma once
// The pipe through which fork children report to their parent: trace
// events, connection opened/closed, bytes moved, TLS handshakes, log lines
// and errors. One
// pipe is shared by every child; each message is written with one write()
// of at most PIPE_BUF bytes, which POSIX makes atomic, so messages from
// several children never interleave.
//
// Child side: ChildReporter (a SessionReporter) and ChildTraceObserver (a
// TraceObserver) only format into a local buffer and call write(2): no
// lock, no observer of the parent, nothing a thread of the parent could
// have held at fork time. Parent side: ForkChannelReader decodes and
// replays each message into the ServerCore, on the parent's thread.

#include <string>
#include <string_view>

#include "core/net/trace.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

class ServerCore;

// Child side: reports a session's events to the pipe. Single-threaded.
class ChildReporter final : public SessionReporter {
public:
    explicit ChildReporter(int pipeFd) : fd_(pipeFd) {}
    void connectionOpened(ConnectionRecord& record) override;
    void bytesMoved(ConnectionRecord& record, bool incoming, std::string_view bytes) override;
    void connectionClosed(ConnectionRecord& record) override;
    void broadcast(ConnectionRecord& from, std::string_view bytes) override;
    void tlsEstablished(ConnectionRecord& record, const std::string& summary) override;
    void log(std::string_view text) override;
    void error(const ErrorInfo& info) override;

private:
    int fd_;
};

// Child side: the trace observer every thread of the child uses.
class ChildTraceObserver final : public TraceObserver {
public:
    explicit ChildTraceObserver(int pipeFd) : fd_(pipeFd) {}
    void onTrace(const TraceEvent& event) override;

private:
    int fd_;
};

// Parent side: reads what is in the (non-blocking) pipe and replays
// complete messages into core. Parent's fork thread only.
class ForkChannelReader {
public:
    ForkChannelReader(int pipeFd, ServerCore& core) : fd_(pipeFd), core_(core) {}
    // Reads until EAGAIN; returns false on EOF or error.
    bool readAvailable();

private:
    void dispatch(std::string_view message);
    int fd_;
    ServerCore& core_;
    std::string buffer_;
};

}  // namespace sockwb
