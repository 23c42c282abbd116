#include "core/http/requestparser.h"

#include "core/http/grammar.h"

namespace sockwb::http {

RequestParser::RequestParser() : RequestParser(Limits{}) {}

RequestParser::RequestParser(Limits limits) : limits_(limits) {}

RequestParser::Status RequestParser::fail(ErrorCode code, std::string message) {
    error_ = ParseError::make(code, std::move(message));
    state_ = State::Error;
    status_ = Status::Error;
    keepAlive_ = false;  // after a framing error the rest of the stream is garbage
    return status_;
}

RequestParser::Status RequestParser::feed(std::string_view data) {
    if (state_ == State::Error) return status_;
    buf_.append(data);
    if (state_ == State::Done) return status_;  // the next request waits for takeRequest()
    return advance();
}

RequestParser::Status RequestParser::onEof() {
    switch (state_) {
        case State::Done:
        case State::Error:
            return status_;
        case State::RequestLine: {
            // Only stray empty lines pending is a clean close between requests.
            for (std::size_t i = pos_; i < buf_.size(); ++i) {
                if (buf_[i] != '\r' && buf_[i] != '\n')
                    return fail(ErrorCode::TruncatedHeaders,
                                "connection closed in the middle of the request line");
            }
            return status_;
        }
        case State::Headers:
            return fail(ErrorCode::TruncatedHeaders,
                        "connection closed in the middle of the request headers");
        case State::Body: {
            ParseError err;
            if (decoder_.finishAtEof(err) == BodyDecoder::Result::Error)
                return fail(err.code, err.message);
            state_ = State::Done;
            status_ = Status::Complete;
            return status_;
        }
    }
    return status_;
}

bool RequestParser::validTarget(std::string_view target) const {
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) return false;
    }
    if (target.front() == '/') return true;  // origin-form, the common case
    if (target == "*") return request_.method == "OPTIONS";
    if (request_.method == "CONNECT")  // authority-form "host:port"
        return target.find('/') == std::string_view::npos &&
               target.find(':') != std::string_view::npos && target.front() != ':';
    const std::size_t schemeEnd = target.find("://");
    if (schemeEnd == std::string_view::npos) return false;
    const std::string_view scheme = target.substr(0, schemeEnd);
    return (Headers::equalsIgnoreCase(scheme, "http") ||
            Headers::equalsIgnoreCase(scheme, "https")) &&
           target.size() > schemeEnd + 3 && target[schemeEnd + 3] != '/';
}

bool RequestParser::parseRequestLine(std::string_view line) {
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos ||
        sp2 == sp1 + 1) {
        fail(ErrorCode::BadRequestLine, "request line is not \"METHOD target HTTP/1.1\"");
        return false;
    }
    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    if (!grammar::isToken(method)) {
        fail(ErrorCode::BadMethod, "invalid method");
        return false;
    }
    int major = 0;
    int minor = 0;
    if (!grammar::parseVersion(version, major, minor)) {
        fail(ErrorCode::BadVersion,
             "invalid HTTP version \"" + std::string(version.substr(0, 16)) + "\"");
        return false;
    }
    if (major != 1) {
        fail(ErrorCode::UnsupportedVersion,
             "HTTP version " + std::string(version) + " is not supported");
        return false;
    }
    request_.method.assign(method);
    if (!validTarget(target)) {
        fail(ErrorCode::BadTarget, "invalid request target");
        return false;
    }
    request_.target.assign(target);
    // RFC 9112 §2.3: a higher minor version is answered as the highest we speak.
    minor_ = minor == 0 ? 0 : 1;
    request_.version.assign(version);
    return true;
}

void RequestParser::headersComplete() {
    if (!hostFieldValid()) return;
    const Headers& h = request_.headers;
    const std::string conn = h.joined("Connection");
    const bool close = grammar::hasListToken(conn, "close");
    keepAlive_ = minor_ >= 1 ? !close : (!close && grammar::hasListToken(conn, "keep-alive"));
    if (minor_ >= 1) {
        const auto expect = h.get("Expect");
        expectContinue_ =
            expect && Headers::equalsIgnoreCase(grammar::trimOws(*expect), "100-continue");
    }
    startBody();
}

bool RequestParser::hostFieldValid() {
    const std::size_t hosts = request_.headers.count("Host");
    if (hosts > 1) {
        fail(ErrorCode::DuplicateHost, "several Host header fields");
        return false;
    }
    if (hosts == 0 && minor_ >= 1) {
        fail(ErrorCode::MissingHost, "HTTP/1.1 request without a Host header");
        return false;
    }
    return true;
}

// RFC 9112 §6.3: Transfer-Encoding, else Content-Length, else no body.
void RequestParser::startBody() {
    const Headers& h = request_.headers;
    const BodyDecoder::Limits bodyLimits{limits_.maxBodyBytes, limits_.maxHeaderBytes,
                                         limits_.maxHeaderCount};
    const grammar::TransferCoding tc = grammar::transferCoding(h);
    std::uint64_t length = 0;
    ParseError err;
    const grammar::LengthResult lr = grammar::contentLength(h, length, err);
    if (tc.present) return startChunked(tc, lr != grammar::LengthResult::Absent, bodyLimits);
    if (lr == grammar::LengthResult::Invalid) {
        fail(err.code, err.message);
        return;
    }
    if (lr == grammar::LengthResult::Absent || length == 0) {
        state_ = State::Done;  // §6.3 rule 7: no framing means no body in a request
        status_ = Status::Complete;
        return;
    }
    if (length > limits_.maxBodyBytes) {
        fail(ErrorCode::BodyTooLarge, "request body of " + std::to_string(length) +
                                          " bytes is over the limit of " +
                                          std::to_string(limits_.maxBodyBytes));
        return;
    }
    request_.body.reserve(static_cast<std::size_t>(length));
    decoder_.start(BodyDecoder::Mode::Length, length, bodyLimits, true);
    state_ = State::Body;
}

void RequestParser::startChunked(const grammar::TransferCoding& tc, bool hasLength,
                                 const BodyDecoder::Limits& bodyLimits) {
    const std::string te = request_.headers.joined("Transfer-Encoding");
    if (tc.empty) {
        fail(ErrorCode::BadTransferEncoding, "invalid Transfer-Encoding \"" + te + "\"");
    } else if (tc.unknown) {
        fail(ErrorCode::UnsupportedTransferEncoding,
             "Transfer-Encoding \"" + te + "\" is not supported");
    } else if (tc.chunkedTwice || !tc.chunkedLast) {
        fail(ErrorCode::BadTransferEncoding, "invalid Transfer-Encoding \"" + te + "\"");
    } else if (hasLength) {
        // RFC 9112 §6.3 allows rejecting this: it is how requests get smuggled.
        fail(ErrorCode::ConflictingFraming, "both Transfer-Encoding and Content-Length");
    } else {
        if (minor_ == 0)
            keepAlive_ = false;  // §6.1: chunked in HTTP/1.0 means faulty framing, close after
        decoder_.start(BodyDecoder::Mode::Chunked, 0, bodyLimits, true);
        state_ = State::Body;
    }
}

RequestParser::Status RequestParser::advance() {
    const Status st = parse();
    compact();
    return st;
}

// Drops what is consumed: bytes of earlier requests while a head is parsed
// (the head limit counts from its start), everything before the position
// once the head is done. Only when it pays (at least 4 KiB, or no less than
// what stays), so many small pipelined requests are not shifted one by one.
void RequestParser::compact() {
    const bool inHead = state_ == State::RequestLine || state_ == State::Headers;
    const std::size_t drop = inHead ? msgStart_ : pos_;
    if (drop == 0 || (drop < buf_.size() && drop < 4096 && drop * 2 < buf_.size())) return;
    buf_.erase(0, drop);
    if (!inHead) dropped_ += pos_ - msgStart_;
    pos_ -= drop;
    scan_ = scan_ > drop ? scan_ - drop : pos_;
    msgStart_ = inHead ? msgStart_ - drop : pos_;
    // A burst (a large pipelined batch) must not keep its memory for the
    // life of the connection.
    constexpr std::size_t kKeep = 64 * 1024;
    if (buf_.capacity() > kKeep && buf_.size() * 4 < buf_.capacity()) buf_.shrink_to_fit();
}

RequestParser::Status RequestParser::parse() {
    while (true) {
        switch (state_) {
            case State::RequestLine:
            case State::Headers: {
                grammar::HeadCursor cursor{pos_, scan_, msgStart_};
                std::string_view line;
                const grammar::HeadLine got = grammar::nextHeadLine(
                    buf_, cursor, limits_.maxHeaderBytes, "request", line, error_, true);
                pos_ = cursor.pos;
                scan_ = cursor.scan;
                if (got == grammar::HeadLine::TooLarge || got == grammar::HeadLine::BareLf)
                    return fail(error_.code, error_.message);
                if (got == grammar::HeadLine::NeedMore) return Status::NeedMore;
                if (state_ == State::RequestLine) {
                    if (line.empty()) {
                        // §2.2: ignore empty lines before a request (clients send an
                        // extra CRLF after a POST body); they are not part of it.
                        msgStart_ = pos_;
                        continue;
                    }
                    if (!parseRequestLine(line)) return status_;
                    state_ = State::Headers;
                } else if (line.empty()) {
                    headersComplete();
                    if (state_ != State::Body) return status_;
                } else if (line.front() == ' ' || line.front() == '\t') {
                    return fail(ErrorCode::BadHeader, "obsolete line folding in a request header");
                } else {
                    if (!grammar::addFieldLine(line, request_.headers, limits_.maxHeaderCount,
                                               error_))
                        return fail(error_.code, error_.message);
                }
                break;
            }
            case State::Body: {
                ParseError err;
                switch (decoder_.advance(buf_, pos_, request_.body, request_.trailers, err)) {
                    case BodyDecoder::Result::NeedMore:
                        return Status::NeedMore;
                    case BodyDecoder::Result::Error:
                        return fail(err.code, err.message);
                    case BodyDecoder::Result::Done:
                        state_ = State::Done;
                        status_ = Status::Complete;
                        return status_;
                }
                break;
            }
            case State::Done:
            case State::Error:
                return status_;
        }
    }
}

void RequestParser::startMessageAt(std::size_t pos) {
    pos_ = scan_ = msgStart_ = pos;
    dropped_ = 0;
    state_ = State::RequestLine;
    status_ = Status::NeedMore;
    minor_ = 1;
    keepAlive_ = false;
    expectContinue_ = false;
    request_.headers.clear();
    request_.trailers.clear();
    request_.body.clear();
    error_ = ParseError{};
    compact();
}

Request RequestParser::takeRequest() {
    if (state_ != State::Done) return Request{};
    Request r = std::move(request_);
    request_ = Request{};
    startMessageAt(pos_);
    if (pos_ < buf_.size()) advance();
    return r;
}

void RequestParser::clear() {
    buf_.clear();
    startMessageAt(0);
}

}  // namespace sockwb::http
