#pragma once
// The one escape grammar for text that must carry any byte: `sockwb client
// --send` and the client windows' send box both speak it. \n \r \t \0 \\ and
// \xHH (two hex digits); every other byte stands for itself. The core says
// what is wrong with a code and an offset; the CLI and the GUI word it.
// Pure functions: thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sockwb {

struct EscapeError {
    enum class Code {
        LoneBackslash,  // the text ends with a single backslash
        BadHex,         // \x not followed by two hex digits
        UnknownEscape,  // a backslash before any other character
    };
    Code code = Code::UnknownEscape;
    size_t offset = 0;  // byte offset of the backslash in the text
    char escape = 0;    // the character after the backslash ('x' for BadHex)
};

// The bytes `text` stands for; nullopt (and *error set, when given) on a bad
// escape.
std::optional<std::string> decodeEscapes(std::string_view text, EscapeError* error = nullptr);

// The value of one hex digit, -1 for any other character.
int hexDigitValue(char c) noexcept;

}  // namespace sockwb
