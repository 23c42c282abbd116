#pragma once
// The sequence of an exchange, rebuilt from trace events: one lifeline per
// socket endpoint (and one per process for the calls that are about no
// socket: fork, sleep, poll, epoll_wait...), the calls placed on them in
// time order, and the arrows that link a call to the peer's calls it caused:
//   connect -> accept                 (the handshake)
//   send    -> each recv that read some of its bytes (matched by connection
//              and byte offsets: one send read by three recvs is a fan,
//              several sends read by one recv a merge)
//   shutdown(SHUT_WR|SHUT_RDWR) / close -> the peer's recv = 0   (FIN)
//   close   -> the peer's ECONNRESET / EPIPE                     (RST)
//   sendto  -> recvfrom (datagrams; one never received is Lost)
// A socket shared with fork children sends its FIN at the close of its
// last copy (or its first shutdown), as the kernel does. A datagram is
// Lost once a later one of its flow was received, or 2 s of trace time
// after it was sent.
// Events may arrive out of order between sources (a server's batch and a
// client's batch), so matching never depends on arrival order.
// Every event is one call (calls()[i].event == i). An accept is a call on
// the listening socket's lifeline; the accepted socket's lifeline starts
// at it (Lifeline::origin) and the handshake arrow ends on it. A fork is a
// call on the parent's Process lifeline; a fork child's calls on sockets it
// inherited go on lifelines of its own (inherited = true).
// TLS: the engine's trace notes (call "tls") go on their socket's lifeline,
// and tlsRecords() says which send/recv carried which records
// (tlsrecords.h), so an arrow can be named "ClientHello".
// Pure logic, no Qt; not thread-safe (one owner).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "core/net/trace.h"
#include "core/sequence/tlsrecords.h"

namespace sockwb::seq {

inline constexpr size_t kNone = static_cast<size_t>(-1);

struct Lifeline {
    enum class Role {
        Process,   // the process's own calls (fork, sleep, select, poll...)
        Client,    // a socket that called connect
        Listener,  // a socket that called listen
        Accepted,  // a socket returned by accept
        Datagram,  // a UDP socket (sendto/recvfrom)
        Unknown,   // a socket seen only through send/recv...
    };
    Role role = Role::Unknown;
    int pid = 0;
    int fd = -1;        // -1 for a Process lifeline
    int group = 0;      // index of its process in processes() (drawing order)
    std::string local;  // endpoints as in TraceEvent ("" when unknown)
    std::string peer;
    bool inherited = false;  // a fork child's copy of its parent's socket
    int64_t firstUs = 0;     // first and last call on it
    int64_t lastUs = 0;
    bool closed = false;
    // The call that made the socket: its socket() or the accept that
    // returned it (on the listener's lifeline); kNone when not seen.
    size_t origin = kNone;
};

struct Process {
    int pid = 0;
    int parentPid = 0;  // 0 when unknown
    std::string name;   // program name when known (program_start), else ""
};

// One trace event placed on a lifeline.
struct Call {
    size_t event = kNone;  // index in events()
    size_t lifeline = kNone;
    int64_t timeUs = 0;
};

struct Arrow {
    enum class Kind { Handshake, Data, Fin, Reset, Datagram, Lost };
    Kind kind = Kind::Data;
    size_t from = kNone;  // index in calls()
    size_t to = kNone;    // index in calls(); kNone for Lost
    // Data: the byte range of the connection's stream (in the sender's
    // direction) this arrow carries, [offset, offset + length).
    // Datagram / Lost: offset 0, length = the datagram's size.
    int64_t offset = 0;
    int64_t length = 0;
};

class SequenceBuilder {
public:
    SequenceBuilder();
    ~SequenceBuilder();
    SequenceBuilder(const SequenceBuilder&) = delete;
    SequenceBuilder& operator=(const SequenceBuilder&) = delete;

    // Adds events (any order between sources; call order within one thread).
    // Events about nothing the sequence shows are kept too (a Process call).
    void append(const TraceEvent& event);
    void append(const std::vector<TraceEvent>& events);
    void clear();

    const std::vector<TraceEvent>& events() const;
    const std::vector<Process>& processes() const;
    const std::vector<Lifeline>& lifelines() const;
    // Calls in the order they were appended (indices are stable).
    const std::vector<Call>& calls() const;
    // Indices into calls() sorted by time (ties: append order). Kept sorted
    // as events arrive, so a view can binary-search the rows on screen.
    const std::vector<size_t>& timeOrder() const;
    // Arrows in the order they were found (indices are stable; an arrow is
    // never removed except by clear(), but a Lost datagram arrow becomes a
    // Datagram arrow when its recvfrom arrives later: watch revision()).
    const std::vector<Arrow>& arrows() const;
    // Arrows starting or ending at a call (indices into arrows()).
    std::vector<size_t> arrowsOf(size_t call) const;
    // The TLS records a send/recv carried (the engine's "tls" notes),
    // empty when none.
    const std::vector<TlsRecord>& tlsRecords(size_t call) const;
    // The records an arrow carries: its send's, else its recv's (a trace
    // of one side only). Empty for a plain or non-data arrow.
    const std::vector<TlsRecord>& tlsRecordsOf(const Arrow& arrow) const;
    // Grows on every change (append, clear, an arrow changed kind).
    uint64_t revision() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace sockwb::seq
