#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/http/bodydecoder.h"
#include "core/http/parseerror.h"
#include "core/http/request.h"

namespace sockwb::http {

namespace grammar {
struct TransferCoding;
}

// Incremental HTTP/1.x request parser (server side), RFC 9112.
// Feed bytes in any split; pipelined requests come out one by one, in order:
//
//   parser.feed(bytes);
//   while (parser.status() == RequestParser::Status::Complete) handle(parser.takeRequest());
//   if (parser.status() == RequestParser::Status::Error) answer(parser.error().status); // then
//   close
//
// Memory: consumed bytes are dropped as parsing goes, so the buffer holds
// only what is not parsed yet (the head being parsed, a partial chunk-size
// line, bytes pipelined behind a complete request): bufferedBytes(). The
// head is strict: every line ends in CRLF (a bare LF is 400, as llhttp and
// Node since CVE-2022-32214), chunked bodies as BodyDecoder says.
//
// One parser per connection; not thread-safe.
class RequestParser {
public:
    enum class Status { NeedMore, Complete, Error };

    struct Limits {
        std::size_t maxHeaderBytes = 64 * 1024;           // request line + fields -> 431 beyond
        std::size_t maxHeaderCount = 100;                 // -> 431 beyond
        std::uint64_t maxBodyBytes = 8ull * 1024 * 1024;  // -> 413 beyond
    };

    // Creates a parser with default limits. Not thread-safe.
    RequestParser();
    // Creates a parser with the given limits. Not thread-safe.
    explicit RequestParser(Limits limits);

    // Appends bytes (copied) and parses until the first complete request. Not thread-safe.
    Status feed(std::string_view data);
    // The peer closed: NeedMore when nothing was pending (clean close), else a truncation error.
    // Not thread-safe.
    Status onEof();
    // Current state. Const: safe for concurrent readers only.
    Status status() const { return status_; }

    // The request being parsed / complete; owned by the parser. Const.
    const Request& request() const { return request_; }
    // When Complete: moves the request out and parses the next pipelined one (read
    // keepAlive()/expectsContinue() first: they then describe the next request).
    // Otherwise returns an empty Request and changes nothing. Not thread-safe.
    Request takeRequest();
    // The error when status() == Error; error().status is the answer to send. Const.
    const ParseError& error() const { return error_; }

    // True once the request line and fields are parsed (body may still be pending). Const.
    bool headComplete() const { return state_ == State::Body || state_ == State::Done; }
    // HTTP/1.1 request with "Expect: 100-continue" (valid once headComplete()). Const.
    bool expectsContinue() const { return expectContinue_; }
    // Whether the connection may be reused after answering (valid once headComplete()). Const.
    bool keepAlive() const { return keepAlive_; }
    // Raw bytes of the current request consumed so far. Const.
    std::size_t consumedBytes() const { return pos_ - msgStart_ + dropped_; }
    // Raw bytes held: not parsed yet, plus consumed ones not dropped yet (at
    // most 4 KiB or as many as the unparsed ones). Const.
    std::size_t bufferedBytes() const { return buf_.size(); }
    // Memory reserved by the raw buffer (shrunk after a burst). Const.
    std::size_t bufferCapacity() const { return buf_.capacity(); }
    // Buffered bytes not yet consumed (start of the next pipelined request). Const; view valid
    // until the next call.
    std::string_view leftover() const { return std::string_view(buf_).substr(pos_); }
    // Forgets everything, buffered bytes included. Not thread-safe.
    void clear();

private:
    enum class State { RequestLine, Headers, Body, Done, Error };

    Status advance();  // parse(), then compact()
    Status parse();
    void compact();
    Status fail(ErrorCode code, std::string message);
    bool parseRequestLine(std::string_view line);
    bool validTarget(std::string_view target) const;
    void headersComplete();
    bool hostFieldValid();  // false: failed (none in HTTP/1.1, or several)
    void startBody();
    void startChunked(const grammar::TransferCoding& tc, bool hasLength,
                      const BodyDecoder::Limits& bodyLimits);
    void startMessageAt(std::size_t pos);

    Limits limits_;
    std::string buf_;
    std::size_t pos_ = 0;
    std::size_t scan_ = 0;
    std::size_t msgStart_ = 0;
    std::size_t dropped_ = 0;  // bytes of the current request already erased from buf_
    State state_ = State::RequestLine;
    Status status_ = Status::NeedMore;
    int minor_ = 1;
    bool keepAlive_ = false;
    bool expectContinue_ = false;
    Request request_;
    ParseError error_;
    BodyDecoder decoder_;
};

}  // namespace sockwb::http
