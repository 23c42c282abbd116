#pragma once
// TraceDecoder: one record of libsockwb-trace.so (tracewire.h) turned into
// the workbench's own TraceEvent, its arguments worded as sys:: words its
// own calls (systext.h) and its data/local/peer filled as trace.h defines
// them, so the trace view, the sequence view, the cheat sheet and the CLI
// treat a student's program exactly as they treat the workbench. Also gives
// the address a failed call was about, for the plain-language explanation
// (explain() in error.h). Pure functions: thread-safe.

#include <cstddef>
#include <optional>
#include <string>

#include "core/net/trace.h"

struct sockwb_trace_record;

namespace sockwb::tracer {

struct DecodedCall {
    TraceEvent event;
    // "127.0.0.1:9" for bind/connect/sendto... ("" when none): what
    // explain() names in "nothing is listening on 127.0.0.1:9".
    std::string address;
    // The first record of a process (its hello): event.call is
    // "program_start" and event.args names the program and its parent.
    bool processStart = false;
};

// The call's name as the trace spells it ("accept4", "epoll_wait"...), or
// nullptr for a number the protocol does not know.
const char* callName(unsigned call);

// Decodes one message as received: nullopt when it is not a record of this
// protocol (wrong size, magic, version or call number).
std::optional<DecodedCall> decodeRecord(const void* bytes, size_t size);

// The record's arguments as text, for decodeRecord and the tests.
std::string argumentsText(const sockwb_trace_record& record);

}  // namespace sockwb::tracer
