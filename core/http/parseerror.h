#pragma once

#include <string>
#include <string_view>

namespace sockwb::http {

// Why parsing stopped. One enum for requests and responses so that callers
// (server, client, fuzzers) can switch on it without string matching.
enum class ErrorCode {
    None,
    BadStatusLine,       // response start line is not "HTTP/1.x NNN reason"
    BadRequestLine,      // request line is not "METHOD SP target SP version"
    BadMethod,           // method is not a token
    BadTarget,           // request-target in no form we accept
    BadVersion,          // version is not "HTTP/d.d"
    UnsupportedVersion,  // well-formed but major version != 1 (505)
    BadHeader,       // field line without colon, space before colon, bad name/value, obs-fold in a
                     // request
    HeaderTooLarge,  // header section (or trailer section) over the byte limit (431)
    TooManyHeaders,  // more fields than allowed (431)
    MissingHost,     // HTTP/1.1 request without Host
    DuplicateHost,   // more than one Host field
    BadContentLength,             // not a plain decimal number, or overflows
    ConflictingContentLength,     // several Content-Length values that differ
    ConflictingFraming,           // request with both Transfer-Encoding and Content-Length
    UnsupportedTransferEncoding,  // a transfer coding we cannot decode (501)
    BadTransferEncoding,          // request whose codings do not end with a single "chunked"
    BadChunkSize,                 // chunk-size line not hex, overflowing or too long
    BadChunkData,                 // chunk data not followed by CRLF
    BadChunkExtension,            // chunk extension not ;name[=token|"quoted"] (RFC 9112 §7.1.1)
    BareLf,                       // a line ends in LF without CR where CRLF is required
    BadTrailer,                   // malformed trailer field line
    BodyTooLarge,                 // body over the byte limit (413)
    TruncatedHeaders,             // connection closed inside the start line or headers
    TruncatedBody,                // connection closed before the announced body ended
};

// An error value: the code, the HTTP status a server should answer with, and
// a one-line explanation meant for a human (shown as is in the GUI).
struct ParseError {
    ErrorCode code = ErrorCode::None;
    int status = 0;
    std::string message;

    // Builds an error whose status is derived from the code. Thread-safe (pure).
    static ParseError make(ErrorCode code, std::string message);
    // Stable identifier of a code, e.g. "BadContentLength". Thread-safe (pure).
    static std::string_view codeName(ErrorCode code);
    // HTTP status a server sends for this code (400, 413, 431, 501, 505). Thread-safe (pure).
    static int statusFor(ErrorCode code);

    // True when an error is recorded. Thread-safe for concurrent readers.
    explicit operator bool() const { return code != ErrorCode::None; }
};

}  // namespace sockwb::http
