#pragma once
// The escapes `sockwb client --send` understands, so a shell argument can
// carry any byte: \n \r \t \0 \\ and \xHH (two hex digits).

#include <string>
#include <string_view>

namespace sockwb::app {

// Decodes the escapes in text. Throws Error (InvalidInput) naming the bad
// escape. Thread-safe.
std::string decodeEscapes(std::string_view text);

}  // namespace sockwb::app
