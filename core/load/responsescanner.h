#pragma once
// A fast, status-only HTTP/1.x response framer for the load generator. It
// finds where each response ends (Content-Length, chunked, 1xx, 204/304,
// close-delimited), reads the status code and whether the connection stays
// open, and stores nothing else: no header map, no body. In the common case
// (a whole head in one read) it parses straight from the caller's buffer
// without copying. Leniency: it checks framing as strictly as
// http::ResponseParser (the test cross-checks them on the parser's cases)
// but does not validate field syntax it does not need. One per connection;
// not thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sockwb::load {

class ResponseScanner {
public:
    enum class Status { NeedMore, Complete, Error };

    // Ready for a response. Not thread-safe.
    ResponseScanner() = default;

    // Consumes bytes of the current response from data; *used says how many
    // (the rest belongs to the next response). Not thread-safe.
    Status feed(std::string_view data, std::size_t* used);
    // The peer closed: ends a close-delimited body, else a truncation error. Not thread-safe.
    Status onEof();
    // Starts the next response. Not thread-safe.
    void reset();

    // Final status code (valid once the head is parsed). Const.
    int statusCode() const noexcept { return status_; }
    // Whether the connection may carry another response (valid once complete). Const.
    bool keepAlive() const noexcept { return keepAlive_; }
    // True once a byte of the current response arrived. Const.
    bool started() const noexcept { return started_; }
    // Body bytes seen (framing excluded). Const.
    std::uint64_t bodyBytes() const noexcept { return bodyBytes_; }
    // Why the response was refused (status Error). Const.
    const std::string& error() const noexcept { return error_; }

    static constexpr std::size_t kMaxHead = 64 * 1024;

private:
    enum class State {
        Head,
        BodyLength,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        UntilClose,
        Done,
        Error
    };

    Status fail(std::string why);
    // Parses a complete head (status line .. last field line, no blank line). Returns the next
    // state.
    Status parseHead(std::string_view head);
    bool parseStatusLine(std::string_view line);
    // Handles one chunk-size or trailer line (without its LF).
    Status chunkLine(std::string_view line);
    Status finish();

    State state_ = State::Head;
    int status_ = 0;
    int minor_ = 1;
    bool keepAlive_ = true;
    bool started_ = false;
    std::uint64_t remaining_ = 0;
    std::uint64_t bodyBytes_ = 0;
    std::string carry_;  // a head or line split across reads
    std::string error_;
};

}  // namespace sockwb::load
