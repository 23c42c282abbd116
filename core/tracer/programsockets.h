#pragma once
// What a traced program's sockets are, rebuilt from its TraceEvents one at a
// time: per (pid, fd) the kind, local address, peer, state, bytes moved and
// number of calls. A fork child inherits its parent's open sockets; an fd
// reused after close starts a new row (the closed one is kept, marked closed).
// Pure logic, no Qt: the Run window's Connections tab shows these rows.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/net/trace.h"

namespace sockwb::tracer {

struct ProgramSocket {
    enum class Kind { Unknown, Tcp, TcpListening, TcpConnected, Udp, Unix, UnixListening };
    enum class State {
        Open,
        Listening,
        Connecting,
        Connected,
        Refused,
        ShutRd,
        ShutWr,
        ShutRdWr,
        Closed
    };
    int pid = 0;
    int fd = -1;
    Kind kind = Kind::Unknown;
    State state = State::Open;
    std::string family;  // "AF_INET", "AF_UNIX", ...
    std::string local;   // "127.0.0.1:8080", "[unix:/p]", "" when unknown
    std::string peer;
    int64_t bytesIn = 0;
    int64_t bytesOut = 0;
    int calls = 0;
    int64_t closedUs = 0;  // when closed (timeUs of the close), 0 while open
};

const char* kindName(ProgramSocket::Kind kind);
const char* stateName(ProgramSocket::State state);

class ProgramSockets {
public:
    // Feeds one event; returns the index of the row it changed (a new row
    // has the last index), or -1 when it is about no known socket.
    int apply(const TraceEvent& event);
    const std::vector<ProgramSocket>& rows() const { return rows_; }
    // The open row for (pid, fd), or -1.
    int find(int pid, int fd) const;
    // Drops closed rows closed before `beforeUs` (bounded memory for long runs).
    void dropClosedBefore(int64_t beforeUs);

private:
    int addRow(const TraceEvent& e, int fd);
    int applySocket(const TraceEvent& e);
    int applyAccept(const TraceEvent& e);
    int applyFork(const TraceEvent& e);
    int applyOnRow(const TraceEvent& e, int row);
    void applyIo(const TraceEvent& e, ProgramSocket& s);
    std::vector<ProgramSocket> rows_;
};

}  // namespace sockwb::tracer
