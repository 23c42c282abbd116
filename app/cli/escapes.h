#pragma once
// `sockwb client --send` and --until: the core's escape grammar
// (core/net/escapes.h), its errors worded for the command line.

#include <string>
#include <string_view>

namespace sockwb::app {

// Decodes the escapes in text. Throws Error (InvalidInput) naming the bad
// escape. Thread-safe.
std::string decodeEscapes(std::string_view text);

}  // namespace sockwb::app
