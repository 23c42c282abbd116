#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/http/headers.h"
#include "core/http/parseerror.h"

namespace sockwb::http {

// Incremental message-body reader shared by RequestParser and ResponseParser:
// fixed length, chunked (RFC 9112 §7.1) or until the connection closes.
// It works on the parser's own buffer from the parser's position and keeps
// nothing but counters, so the parser may drop consumed bytes between two
// calls (its position moving back with them); bytes are looked at once even
// when they arrive one at a time.
//
// Chunked framing is strict by default (docs/ARCHITECTURE.md, "HTTP framing"):
// CRLF after the chunk-size line, after chunk data, after the last chunk and
// every trailer line; chunk-size = 1*HEXDIG; extensions exactly as RFC 9112
// §7.1.1; the chunk-size line (extensions and CRLF included) at most
// kMaxChunkLine bytes. Limits::lenient accepts bare LF line ends and any text
// after ";" instead, for debugging odd peers.
class BodyDecoder {
public:
    enum class Mode { Length, Chunked, UntilClose };
    enum class Result { NeedMore, Done, Error };

    struct Limits {
        std::uint64_t maxBodyBytes = 0;
        std::size_t maxTrailerBytes = 0;
        std::size_t maxTrailerCount = 0;
        bool lenient = false;
    };
    // Longest chunk-size line, extensions and CRLF included (400 beyond).
    static constexpr std::size_t kMaxChunkLine = 4096;
    // Chunk extensions of one message together (413 beyond): what a peer
    // sending 1-byte chunks with long extensions makes the parser scan
    // (Node.js has the same 16 KiB limit since CVE-2024-22019).
    static constexpr std::size_t kMaxChunkExtensionBytes = 16 * 1024;

    // Starts a new body. length is used in Mode::Length only. store=false counts
    // bytes without keeping them. Not thread-safe (one parser owns one decoder).
    void start(Mode mode, std::uint64_t length, const Limits& limits, bool store);

    // Consumes bytes of buf from pos (advanced) into body/trailers. Not thread-safe.
    Result advance(const std::string& buf, std::size_t& pos, std::string& body, Headers& trailers,
                   ParseError& err);
    // The peer closed the connection: Done for Mode::UntilClose, Error otherwise. Not thread-safe.
    Result finishAtEof(ParseError& err);

    // Body bytes decoded so far (payload only, without chunk framing). Const: thread-safe for
    // readers.
    std::uint64_t bodyBytes() const { return bodyBytes_; }

private:
    enum class Chunk { Size, Data, DataEnd, Trailer, Done };

    Result advanceChunked(const std::string& buf, std::size_t& pos, std::string& body,
                          Headers& trailers, ParseError& err);
    // The steps of advanceChunked(): nullopt means "go on with the next state".
    std::optional<Result> chunkLine(const std::string& buf, std::size_t& pos, Headers& trailers,
                                    ParseError& err);
    std::optional<Result> lineTooLong(std::size_t pending, ParseError& err);
    // The line without its end; nullopt (err filled) when it does not end as it must.
    std::optional<std::string_view> lineContent(std::string_view raw, ErrorCode code,
                                                std::string_view what, ParseError& err) const;
    std::optional<Result> trailerLine(std::string_view line, std::size_t lineBytes,
                                      Headers& trailers, ParseError& err);
    std::optional<Result> chunkData(const std::string& buf, std::size_t& pos, std::string& body);
    std::optional<Result> chunkDataEnd(const std::string& buf, std::size_t& pos, ParseError& err);
    Result parseSizeLine(std::string_view line, ParseError& err);
    void take(const std::string& buf, std::size_t& pos, std::uint64_t n, std::string& body);

    Mode mode_ = Mode::Length;
    Chunk chunk_ = Chunk::Size;
    Limits limits_;
    bool store_ = true;
    std::uint64_t remaining_ = 0;  // bytes left in the body (Length) or in the chunk
    std::uint64_t bodyBytes_ = 0;
    std::size_t extensionBytes_ = 0;  // after the sizes of this message's chunk lines
    std::size_t scanned_ = 0;         // bytes after pos already searched for LF (no LF there)
    std::size_t trailerBytes_ = 0;
};

}  // namespace sockwb::http
