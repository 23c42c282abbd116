#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bodydecoder.h"
#include "parseerror.h"
#include "request.h"

namespace sockwb::http {

// Incremental HTTP/1.x request parser (server side), RFC 9112.
// Feed bytes in any split; pipelined requests come out one by one, in order:
//
//   parser.feed(bytes);
//   while (parser.status() == RequestParser::Status::Complete) handle(parser.takeRequest());
//   if (parser.status() == RequestParser::Status::Error) answer(parser.error().status); // then
//   close
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
    Status status() const { return m_status; }

    // The request being parsed / complete; owned by the parser. Const.
    const Request& request() const { return m_request; }
    // When Complete: moves the request out and parses the next pipelined one (read
    // keepAlive()/expectsContinue() first: they then describe the next request).
    // Otherwise returns an empty Request and changes nothing. Not thread-safe.
    Request takeRequest();
    // The error when status() == Error; error().status is the answer to send. Const.
    const ParseError& error() const { return m_error; }

    // True once the request line and fields are parsed (body may still be pending). Const.
    bool headComplete() const { return m_state == State::Body || m_state == State::Done; }
    // HTTP/1.1 request with "Expect: 100-continue" (valid once headComplete()). Const.
    bool expectsContinue() const { return m_expectContinue; }
    // Whether the connection may be reused after answering (valid once headComplete()). Const.
    bool keepAlive() const { return m_keepAlive; }
    // Raw bytes of the current request consumed so far. Const.
    std::size_t consumedBytes() const { return m_pos - m_msgStart; }
    // Buffered bytes not yet consumed (start of the next pipelined request). Const; view valid
    // until the next call.
    std::string_view leftover() const { return std::string_view(m_buf).substr(m_pos); }
    // Forgets everything, buffered bytes included. Not thread-safe.
    void clear();

private:
    enum class State { RequestLine, Headers, Body, Done, Error };

    Status advance();
    Status fail(ErrorCode code, std::string message);
    bool parseRequestLine(std::string_view line);
    bool validTarget(std::string_view target) const;
    void headersComplete();
    void startMessageAt(std::size_t pos);

    Limits m_limits;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::size_t m_scan = 0;
    std::size_t m_msgStart = 0;
    State m_state = State::RequestLine;
    Status m_status = Status::NeedMore;
    int m_minor = 1;
    bool m_keepAlive = false;
    bool m_expectContinue = false;
    Request m_request;
    ParseError m_error;
    BodyDecoder m_decoder;
};

}  // namespace sockwb::http
