#pragma once

#include <cstdint>
#include <string_view>

#include "core/http/headers.h"
#include "core/http/parseerror.h"

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
bool parseVersion(std::string_view s, int& major, int& minor);
// Parses "name: value" into headers. On failure fills err with code and returns false.
bool parseFieldLine(std::string_view line, Headers& headers, ErrorCode code, ParseError& err);
// Strips one trailing CR from a line found by searching for LF.
std::string_view stripCr(std::string_view line);
// RFC 9112 §7.1.1, what may follow the chunk size on its line:
//   *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
// with a token as name and a token or quoted-string as value. True when s
// (the rest of the line after the hex digits, CRLF removed) matches exactly.
bool isChunkExtensions(std::string_view s);

// Where the next line of a message head stands, for both parsers' head loop.
struct HeadCursor {
    std::size_t pos = 0;        // start of the next unread line
    std::size_t scan = 0;       // where the LF search resumes (avoids rescanning)
    std::size_t headStart = 0;  // start of the current head, for the size limit
};
enum class HeadLine { Line, NeedMore, TooLarge, BareLf };
// Takes the next CRLF/LF-terminated line of buf into line (CR stripped) and
// advances the cursor; NeedMore without a whole line; TooLarge once the head
// exceeds maxHeadBytes. `what` names the head in the error ("request").
// With requireCrlf a line ending in a bare LF is BareLf (err filled, cursor
// unchanged): the request side since CVE-2022-32214.
HeadLine nextHeadLine(std::string_view buf, HeadCursor& cursor, std::size_t maxHeadBytes,
                      std::string_view what, std::string_view& line, ParseError& err,
                      bool requireCrlf = false);
// Parses one field line into headers (parseFieldLine) and enforces the
// header count limit. On failure fills err and returns false.
bool addFieldLine(std::string_view line, Headers& headers, std::size_t maxCount, ParseError& err);

enum class LengthResult { Absent, Present, Invalid };
// Combines every Content-Length field (each may be a comma list of identical values).
LengthResult contentLength(const Headers& headers, std::uint64_t& length, ParseError& err);

// What the Transfer-Encoding fields say, for framing decisions (RFC 9112 §6.3).
struct TransferCoding {
    bool present = false;       // at least one Transfer-Encoding field
    bool chunkedLast = false;   // final coding is chunked
    bool chunkedTwice = false;  // chunked appears more than once, or not last
    bool unknown = false;       // a coding other than chunked (we decode nothing else)
    bool empty = false;         // a field whose list is empty or has an empty/invalid member
};
TransferCoding transferCoding(const Headers& headers);

}  // namespace sockwb::http::grammar
