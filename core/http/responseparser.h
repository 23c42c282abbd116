#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/bodydecoder.h"
#include "core/http/parseerror.h"
#include "core/http/response.h"

namespace sockwb::http {

// Incremental HTTP/1.x response parser (client side), RFC 9112.
// Feed bytes as they arrive, in any split; status() says when a complete
// response is ready. Bytes after the end of the message stay buffered for
// the next one (reset()). One parser per connection; not thread-safe.
//
//   parser.feed(bytes);            // repeat
//   if (eof) parser.onEof();       // close-delimited bodies end here
//   if (parser.status() == ResponseParser::Status::Complete) use(parser.response());
class ResponseParser {
public:
    enum class Status { NeedMore, Complete, Error };

    struct Limits {
        std::size_t maxHeaderBytes = 64 * 1024;  // status line + fields (and separately trailers)
        std::size_t maxHeaderCount = 100;
        std::uint64_t maxBodyBytes = 64ull * 1024 * 1024;
        // 1xx responses accepted before the final one; a server sending more
        // (an endless "100 Continue") is an error, not memory to hold.
        std::size_t maxInterimResponses = 10;
        // Passed to the body decoder: tolerate sloppy chunk framing (debugging).
        bool lenient = false;
    };

    // Creates a parser with default limits. The object is not thread-safe.
    ResponseParser();
    // Creates a parser with the given limits. The object is not thread-safe.
    explicit ResponseParser(Limits limits);

    // The request was HEAD: the response has no body whatever its fields say. Set before the head
    // arrives; see reset(). Not thread-safe.
    void setHeadRequest(bool head) { head_ = head; }
    // Status-only mode: the body is framed and counted but not stored (load tests). Kept across
    // reset(). Not thread-safe.
    void setStatusOnly(bool statusOnly) { statusOnly_ = statusOnly; }

    // Appends bytes (copied) and parses as far as possible. Not thread-safe.
    Status feed(std::string_view data);
    // The peer closed the connection: ends a close-delimited body, otherwise a truncation error.
    // Not thread-safe.
    Status onEof();
    // Current state. Const: safe for concurrent readers only.
    Status status() const { return status_; }
    // True once the status line and fields of the final response are parsed. Const.
    bool headComplete() const { return state_ == State::Body || state_ == State::Done; }

    // The response (complete when status() == Complete); owned by the parser. Const.
    const Response& response() const { return response_; }
    // Moves the response out and calls reset(nextIsHead). Not thread-safe.
    Response takeResponse(bool nextIsHead = false);
    // 1xx responses received before the final one (100 Continue, 103 ...), in order. Const.
    const std::vector<Response>& interimResponses() const { return interim_; }
    // The error when status() == Error. Const.
    const ParseError& error() const { return error_; }
    // Whether the connection may carry another message after this one (valid once complete). Const.
    bool keepAlive() const { return keepAlive_; }
    // Moves out the body bytes decoded so far (streaming: the caller writes
    // them and the parser holds no body). Not thread-safe.
    std::string takeBody();
    // Bytes the parser holds: its input buffer and the body not taken. Const.
    std::size_t bufferedBytes() const { return buf_.size() + response_.body.size(); }
    // Body bytes seen (even in status-only mode). Const.
    std::uint64_t bodyBytes() const { return decoder_.bodyBytes(); }

    // Raw bytes of the current message consumed so far (1xx included, framing included). Const.
    std::size_t consumedBytes() const { return dropped_ + pos_ - msgStart_; }
    // How many bytes of the last feed() belong to the current message (the rest is leftover).
    // Const.
    std::size_t lastFeedConsumed() const { return lastFeedConsumed_; }
    // Buffered bytes after the current message (pipelined data); view valid until the next call.
    // Const.
    std::string_view leftover() const;

    // Starts the next message (answering a HEAD request when nextIsHead), keeping
    // the leftover bytes and parsing them at once. After an error, same as clear(). Not
    // thread-safe.
    Status reset(bool nextIsHead = false);
    // Forgets everything, leftovers included. Not thread-safe.
    void clear();

private:
    enum class State { StartLine, Headers, Body, Done, Error };

    Status advance();
    Status fail(ErrorCode code, std::string message);
    bool parseStatusLine(std::string_view line);
    Status headersComplete();
    Status startBody();
    void finishMessage();
    void startMessageAt(std::size_t pos);
    // Drops the body bytes already decoded from the input buffer, so a long
    // body holds one read's worth of input, not all of it.
    void dropConsumedBody();

    Limits limits_;
    std::string buf_;
    std::size_t pos_ = 0;        // first unconsumed byte
    std::size_t scan_ = 0;       // LF search resumes here
    std::size_t msgStart_ = 0;   // first byte of the current message
    std::size_t headStart_ = 0;  // first byte of the current head (moves past 1xx)
    std::size_t lastFeedConsumed_ = 0;
    std::size_t dropped_ = 0;  // bytes of the current message dropped by dropConsumedBody()
    State state_ = State::StartLine;
    Status status_ = Status::NeedMore;
    bool head_ = false;
    bool statusOnly_ = false;
    bool keepAlive_ = false;
    int minor_ = 1;
    Response response_;
    std::vector<Response> interim_;
    ParseError error_;
    BodyDecoder decoder_;
};

}  // namespace sockwb::http
