#pragma once

#include "headers.h"
#include "parseerror.h"

#include <cstdint>
#include <string_view>

// Small pure helpers for the RFC 9110/9112 grammar, shared by both parsers and
// the body decoder. Every function here is pure and thread-safe.
namespace sockwb::http::grammar {

// tchar of RFC 9110 §5.6.2.
bool isTokenChar(char c);
// Non-empty sequence of tchar.
bool isToken(std::string_view s);
// Strips optional whitespace (SP / HTAB) at both ends.
std::string_view trimOws(std::string_view s);
// True when the comma-separated list contains token (case-insensitive), e.g. Connection.
bool hasListToken(std::string_view list, std::string_view token);
// Field value check: no NUL, CR or LF, no other control except HTAB (RFC 9110 §5.5).
bool isValidFieldValue(std::string_view s);
// Parses exactly "HTTP/d.d"; false when the text does not have that shape.
bool parseVersion(std::string_view s, int &major, int &minor);
// Parses "name: value" into headers. On failure fills err with code and returns false.
bool parseFieldLine(std::string_view line, Headers &headers, ErrorCode code, ParseError &err);
// Strips one trailing CR from a line found by searching for LF.
std::string_view stripCr(std::string_view line);

enum class LengthResult { Absent, Present, Invalid };
// Combines every Content-Length field (each may be a comma list of identical values).
LengthResult contentLength(const Headers &headers, std::uint64_t &length, ParseError &err);

// What the Transfer-Encoding fields say, for framing decisions (RFC 9112 §6.3).
struct TransferCoding {
    bool present = false;      // at least one Transfer-Encoding field
    bool chunkedLast = false;  // final coding is chunked
    bool chunkedTwice = false; // chunked appears more than once, or not last
    bool unknown = false;      // a coding other than chunked (we decode nothing else)
    bool empty = false;        // a field whose list is empty or has an empty/invalid member
};
TransferCoding transferCoding(const Headers &headers);

} // namespace sockwb::http::grammar
