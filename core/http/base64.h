#pragma once
// Base64 (RFC 4648) for HTTP Basic credentials. Pure functions, thread-safe.

#include <string>
#include <string_view>

namespace sockwb::http::base64 {

// Standard alphabet with '=' padding.
std::string encode(std::string_view bytes);
// Decodes up to the first byte outside the alphabet (padding ends it).
std::string decode(std::string_view text);

}  // namespace sockwb::http::base64
