#pragma once
// TlsRecords: which send/recv carried which TLS records. The TLS engine
// (core/tls/tlsengine.h) reports each record it sends or receives as a
// trace note (call "tls", the socket's fd, args "→ ClientHello (517 B)",
// "← ServerHello", "← alert: bad_certificate"): notes for records sent come
// just before the send() that carries them, notes for records received
// follow the recv() that carried them. Those rules hold per descriptor of
// one process (one thread drives a connection's engine and its calls), so
// matching needs only the events of each (pid, fd) in call order, the
// order the builder receives them in, whatever order the sources
// interleave. The sequence view then labels an arrow "ClientHello" instead
// of a byte count. Pure logic, no Qt; not thread-safe (one owner).

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/net/trace.h"

namespace sockwb::seq {

// One TLS record (or handshake message), as a note named it.
struct TlsRecord {
    std::string what;    // "ClientHello", "application data", "alert: close_notify"
    int64_t bytes = -1;  // its length, -1 when the note did not say
    bool outgoing = false;
    int count = 1;  // merged(): how many consecutive records of that name
};

// The record a "tls" note's args name, nullopt when they name none.
// Accepts "→ " / "← " (and "-> " / "<- ") then the name, and an optional
// " (N B)" at the end. Pure.
std::optional<TlsRecord> parseTlsNote(std::string_view args);

// Runs of the same name made one (bytes added up): "application data" ×3
// becomes one record of count 3. Pure.
std::vector<TlsRecord> mergedRecords(const std::vector<TlsRecord>& records);

// True for a trace note of the TLS engine. Pure.
inline bool isTlsNote(const TraceEvent& e) { return e.call == "tls"; }

class TlsRecords {
public:
    // Every event, in the order the builder appended it (call = its index).
    void add(size_t call, const TraceEvent& event);
    // The records a send/recv carried (empty when none or not TLS).
    const std::vector<TlsRecord>& of(size_t call) const;
    // True once any call carried a record.
    bool any() const { return !byCall_.empty(); }
    void clear();

private:
    struct Socket {
        std::vector<TlsRecord> waiting;  // notes of records not yet sent
        size_t lastRecv = static_cast<size_t>(-1);
    };
    Socket& socket(int pid, int fd) { return sockets_[{pid, fd}]; }

    std::map<std::pair<int, int>, Socket> sockets_;
    std::unordered_map<size_t, std::vector<TlsRecord>> byCall_;
};

}  // namespace sockwb::seq
