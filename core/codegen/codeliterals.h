#pragma once
// Literals and comments for exported programs: any bytes written as a C
// string literal or a Python bytes literal (binary-safe: NUL and every
// other byte escaped, the length then given by sizeof / len()), and text
// made safe inside a C or Python comment. Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace sockwb::codegen {

// A C string literal, split after each "\n" into adjacent literals, each
// line prefixed with `indent` after the first: "GET / HTTP/1.1\r\n"
// "Host: x\r\n". Printable ASCII as is, \" \\ \r \n \t named, "??" broken
// (no trigraph), any other byte as a three-digit octal escape (never
// greedy). Empty bytes give "".
std::string cLiteral(std::string_view bytes, std::string_view indent = {});
// A Python bytes literal, split the same way (adjacent literals inside the
// caller's parentheses): b"GET / HTTP/1.1\r\n" b"Host: x\r\n"; other bytes
// as \xHH.
std::string pythonLiteral(std::string_view bytes, std::string_view indent = {});
// The bytes shown in a comment, on one line, at most maxChars: control
// bytes as \n \r \t \xHH, and no "*/" (a C comment stays closed).
std::string commentText(std::string_view bytes, size_t maxChars = 60);

}  // namespace sockwb::codegen
