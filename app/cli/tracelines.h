#pragma once
// Reads back the trace lines the sub-commands write with --json: `sockwb
// serve --trace --json` and `sockwb trace --json` print
// {"event":"trace","trace":{...}} (the object of TraceEvent::toJson()), a
// bare {"type":"trace",...} object is read too. Every other line (a start,
// a note, the program's output, text) is not a trace line. For `sockwb
// sequence`. Pure functions, thread-safe.

#include <optional>
#include <string_view>

#include "core/net/trace.h"

namespace sockwb::app {

// The event of one line, or nothing when the line is not a trace line.
std::optional<TraceEvent> traceEventFromLine(std::string_view line);

// The errno value of a name errnoName() gives ("ECONNRESET"); 0 for "" or
// a name it does not know ("E<number>" gives the number).
int errnoFromName(std::string_view name);

}  // namespace sockwb::app
