#include "core/http/responseparser.h"

#include <algorithm>

#include "core/http/grammar.h"

namespace sockwb::http {

namespace {

enum class ResponseFraming { Chunked, UntilClose, Invalid };

// The framing a response's Transfer-Encoding list asks for (RFC 9112 §6.3
// rule 4): chunked when it is the final coding, else the body runs until
// the close. Empty list elements (", chunked") are ignored (RFC 9110
// §5.6.1); a list with no coding, an invalid one or chunked twice is
// invalid. Unlike a request's (grammar::transferCoding), chunked need not
// be last: "chunked, deflate" is read until the close.
ResponseFraming responseFraming(const Headers& headers) {
    int codings = 0;
    int chunked = 0;
    bool chunkedLast = false;
    for (const auto& field : headers) {
        if (!Headers::equalsIgnoreCase(field.name, "Transfer-Encoding")) continue;
        std::string_view list = field.value;
        for (std::size_t comma = 0; comma != std::string_view::npos;) {
            comma = list.find(',');
            const std::string_view item = grammar::trimOws(list.substr(0, comma));
            if (comma != std::string_view::npos) list.remove_prefix(comma + 1);
            if (item.empty()) continue;
            const auto semi = item.find(';');
            const std::string_view name = grammar::trimOws(item.substr(0, semi));
            if (!grammar::isToken(name)) return ResponseFraming::Invalid;
            ++codings;
            chunkedLast = Headers::equalsIgnoreCase(name, "chunked");
            if (chunkedLast && (semi != std::string_view::npos || ++chunked > 1))
                return ResponseFraming::Invalid;
        }
    }
    if (codings == 0) return ResponseFraming::Invalid;
    return chunkedLast ? ResponseFraming::Chunked : ResponseFraming::UntilClose;
}

}  // namespace

ResponseParser::ResponseParser() : ResponseParser(Limits{}) {}

ResponseParser::ResponseParser(Limits limits) : limits_(limits) {}

std::string_view ResponseParser::leftover() const { return std::string_view(buf_).substr(pos_); }

ResponseParser::Status ResponseParser::fail(ErrorCode code, std::string message) {
    error_ = ParseError::make(code, std::move(message));
    state_ = State::Error;
    status_ = Status::Error;
    keepAlive_ = false;
    return status_;
}

ResponseParser::Status ResponseParser::feed(std::string_view data) {
    if (state_ == State::Done || state_ == State::Error) {
        // Bytes of the next message (or after an error): keep them, parse nothing.
        if (state_ == State::Done) buf_.append(data);
        lastFeedConsumed_ = 0;
        return status_;
    }
    if (state_ == State::Body) dropConsumedBody();
    const std::size_t oldSize = buf_.size();
    buf_.append(data);
    const Status s = advance();
    if (s == Status::Complete)
        lastFeedConsumed_ = pos_ > oldSize ? pos_ - oldSize : 0;
    else
        lastFeedConsumed_ = data.size();
    return s;
}

void ResponseParser::dropConsumedBody() {
    // The body decoder keeps only counters: consumed bytes can go.
    if (pos_ == 0) return;
    dropped_ += pos_ - msgStart_;
    buf_.erase(0, pos_);
    pos_ = scan_ = msgStart_ = headStart_ = 0;
}

std::string ResponseParser::takeBody() {
    std::string body;
    body.swap(response_.body);
    return body;
}

ResponseParser::Status ResponseParser::onEof() {
    switch (state_) {
        case State::Done:
        case State::Error:
            return status_;
        case State::StartLine:
        case State::Headers:
            return fail(ErrorCode::TruncatedHeaders,
                        pos_ == headStart_ && buf_.size() == pos_
                            ? "connection closed before a response arrived"
                            : "connection closed in the middle of the response headers");
        case State::Body: {
            ParseError err;
            if (decoder_.finishAtEof(err) == BodyDecoder::Result::Error)
                return fail(err.code, err.message);
            finishMessage();
            return status_;
        }
    }
    return status_;
}

bool ResponseParser::parseStatusLine(std::string_view line) {
    int major = 0;
    int minor = 0;
    if (line.size() < 12 || !grammar::parseVersion(line.substr(0, 8), major, minor) || major != 1) {
        fail(ErrorCode::BadStatusLine, "not an HTTP/1.x status line");
        return false;
    }
    const auto digit = [&](std::size_t i) { return line[i] >= '0' && line[i] <= '9'; };
    if (line[8] != ' ' || !digit(9) || !digit(10) || !digit(11) ||
        (line.size() > 12 && line[12] != ' ')) {
        fail(ErrorCode::BadStatusLine, "status line without a three-digit status code");
        return false;
    }
    const int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    const std::string_view reason = line.size() > 12 ? line.substr(13) : std::string_view();
    if (status < 100 || status > 599 || !grammar::isValidFieldValue(reason)) {
        fail(ErrorCode::BadStatusLine, "invalid status code or reason phrase");
        return false;
    }
    minor_ = minor;
    response_.version.assign(line.substr(0, 8));
    response_.status = status;
    response_.reason.assign(reason);
    return true;
}

ResponseParser::Status ResponseParser::headersComplete() {
    const int status = response_.status;
    if (status / 100 == 1 && status != 101) {
        // Interim response (RFC 9110 §15.2): keep it for the curious, then
        // parse the next head as if it were the start of the message.
        if (interim_.size() >= limits_.maxInterimResponses)
            return fail(ErrorCode::TooManyHeaders,
                        "more than " + std::to_string(limits_.maxInterimResponses) +
                            " interim (1xx) responses before the final one");
        interim_.push_back(std::move(response_));
        response_ = Response{};
        headStart_ = pos_;
        state_ = State::StartLine;
        return Status::NeedMore;
    }

    const std::string conn = response_.headers.joined("Connection");
    const bool close = grammar::hasListToken(conn, "close");
    keepAlive_ = minor_ >= 1 ? !close : (!close && grammar::hasListToken(conn, "keep-alive"));

    // RFC 9112 §6.3 rule 1: these never have a body, whatever the fields say.
    if (head_ || status == 204 || status == 304 || status == 101) {
        if (status == 101) keepAlive_ = false;  // the connection now speaks another protocol
        finishMessage();
        return status_;
    }
    return startBody();
}

// RFC 9112 §6.3 rules 3-8: Transfer-Encoding, else Content-Length, else
// the body runs until the server closes.
ResponseParser::Status ResponseParser::startBody() {
    const Headers& h = response_.headers;
    BodyDecoder::Limits bodyLimits{limits_.maxBodyBytes, limits_.maxHeaderBytes,
                                   limits_.maxHeaderCount};
    bodyLimits.lenient = limits_.lenient;
    std::uint64_t length = 0;
    ParseError err;
    const grammar::LengthResult lr = grammar::contentLength(h, length, err);
    if (h.contains("Transfer-Encoding")) {
        const ResponseFraming framing = responseFraming(h);
        if (framing == ResponseFraming::Invalid)
            return fail(ErrorCode::BadTransferEncoding,
                        "invalid Transfer-Encoding \"" + h.joined("Transfer-Encoding") + "\"");
        // Rule 3: Transfer-Encoding overrides Content-Length, but such a
        // message smells of smuggling, so the connection is not reused.
        if (lr != grammar::LengthResult::Absent || minor_ == 0) keepAlive_ = false;
        if (framing == ResponseFraming::Chunked) {
            decoder_.start(BodyDecoder::Mode::Chunked, 0, bodyLimits, !statusOnly_);
        } else {
            keepAlive_ = false;  // rule 4: final coding not chunked: read until close
            decoder_.start(BodyDecoder::Mode::UntilClose, 0, bodyLimits, !statusOnly_);
        }
    } else if (lr == grammar::LengthResult::Invalid) {
        return fail(err.code, err.message);
    } else if (lr == grammar::LengthResult::Present) {
        if (length > limits_.maxBodyBytes)
            return fail(ErrorCode::BodyTooLarge,
                        "Content-Length " + std::to_string(length) + " is over the limit of " +
                            std::to_string(limits_.maxBodyBytes) + " bytes");
        if (length == 0) {
            finishMessage();
            return status_;
        }
        // A hint only: a streamed body never grows to its length.
        if (!statusOnly_)
            response_.body.reserve(
                static_cast<std::size_t>(std::min<std::uint64_t>(length, 1024 * 1024)));
        decoder_.start(BodyDecoder::Mode::Length, length, bodyLimits, !statusOnly_);
    } else {
        keepAlive_ = false;  // rule 8: the body ends when the server closes
        decoder_.start(BodyDecoder::Mode::UntilClose, 0, bodyLimits, !statusOnly_);
    }
    state_ = State::Body;
    return Status::NeedMore;
}

void ResponseParser::finishMessage() {
    state_ = State::Done;
    status_ = Status::Complete;
}

ResponseParser::Status ResponseParser::advance() {
    while (true) {
        switch (state_) {
            case State::StartLine:
            case State::Headers: {
                grammar::HeadCursor cursor{pos_, scan_, headStart_};
                std::string_view line;
                const grammar::HeadLine got = grammar::nextHeadLine(
                    buf_, cursor, limits_.maxHeaderBytes, "response", line, error_);
                pos_ = cursor.pos;
                scan_ = cursor.scan;
                if (got == grammar::HeadLine::TooLarge) return fail(error_.code, error_.message);
                if (got == grammar::HeadLine::NeedMore) return Status::NeedMore;
                if (state_ == State::StartLine) {
                    if (line.empty())
                        continue;  // tolerate stray empty lines before the status line
                    if (!parseStatusLine(line)) return status_;
                    state_ = State::Headers;
                } else if (line.empty()) {
                    if (headersComplete() != Status::NeedMore) return status_;
                } else if (line.front() == ' ' || line.front() == '\t') {
                    // obs-fold (RFC 9112 §5.2): a user agent replaces it with one SP.
                    Headers& h = response_.headers;
                    const std::string_view more = grammar::trimOws(line);
                    if (h.empty() || !grammar::isValidFieldValue(more))
                        return fail(ErrorCode::BadHeader,
                                    "folded header line without a header to continue");
                    if (!more.empty()) {
                        if (!h.at(h.size() - 1).value.empty()) h.appendToLastValue(" ");
                        h.appendToLastValue(more);
                    }
                } else {
                    if (!grammar::addFieldLine(line, response_.headers, limits_.maxHeaderCount,
                                               error_))
                        return fail(error_.code, error_.message);
                }
                break;
            }
            case State::Body: {
                ParseError err;
                switch (decoder_.advance(buf_, pos_, response_.body, response_.trailers, err)) {
                    case BodyDecoder::Result::NeedMore:
                        return Status::NeedMore;
                    case BodyDecoder::Result::Error:
                        return fail(err.code, err.message);
                    case BodyDecoder::Result::Done:
                        finishMessage();
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

void ResponseParser::startMessageAt(std::size_t pos) {
    // Compact only when it pays: dropping a long consumed prefix, or the
    // whole buffer; otherwise keep absolute offsets (pipelined short messages).
    if (pos == buf_.size()) {
        buf_.clear();
        pos = 0;
    } else if (pos >= 4096 || pos * 2 >= buf_.size()) {
        buf_.erase(0, pos);
        pos = 0;
    }
    pos_ = scan_ = msgStart_ = headStart_ = pos;
    dropped_ = 0;
    state_ = State::StartLine;
    status_ = Status::NeedMore;
    head_ = false;
    keepAlive_ = false;
    minor_ = 1;
    response_ = Response{};
    response_.reason.clear();
    interim_.clear();
    error_ = ParseError{};
}

ResponseParser::Status ResponseParser::reset(bool nextIsHead) {
    if (state_ == State::Error) {
        clear();  // the stream is out of sync: leftovers mean nothing
        head_ = nextIsHead;
        return status_;
    }
    startMessageAt(pos_);
    head_ = nextIsHead;
    lastFeedConsumed_ = 0;
    if (buf_.size() > pos_) return advance();
    return status_;
}

void ResponseParser::clear() {
    buf_.clear();
    startMessageAt(0);
    lastFeedConsumed_ = 0;
}

Response ResponseParser::takeResponse(bool nextIsHead) {
    Response r = std::move(response_);
    reset(nextIsHead);
    return r;
}

}  // namespace sockwb::http
