#pragma once
// The terminator a service appends to each message (ServiceOptions::
// terminator): its bytes, its name on the command line ("none", "lf",
// "crlf") and the parse of that name. Pure functions, thread-safe.

#include <string_view>

#include "core/server/service.h"

namespace sockwb {

// "", "\n" or "\r\n".
std::string_view terminatorBytes(Terminator t) noexcept;
// "none", "lf" or "crlf".
const char* terminatorName(Terminator t) noexcept;
// Parses a name given by terminatorName(); throws Error (InvalidInput)
// listing the choices.
Terminator parseTerminator(std::string_view name);

}  // namespace sockwb
