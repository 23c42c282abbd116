#pragma once
// Shell words for the curl import and export (CurlCommand): a command line
// split like a POSIX shell splits it, and one word quoted back.

#include <string>
#include <string_view>
#include <vector>

namespace sockwb::http {

// Splits a command line into words like a POSIX shell would (no
// expansion). Throws Error (InvalidInput) on an unterminated quote.
std::vector<std::string> splitShellWords(std::string_view text);
// Quotes one word for a POSIX shell: 'it'\''s'.
std::string shellQuote(std::string_view word);

}  // namespace sockwb::http
