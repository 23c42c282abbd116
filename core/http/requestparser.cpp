#include "requestparser.h"

#include "grammar.h"

namespace sockwb::http {

RequestParser::RequestParser() : RequestParser(Limits{}) {}

RequestParser::RequestParser(Limits limits) : m_limits(limits) {}

RequestParser::Status RequestParser::fail(ErrorCode code, std::string message) {
    m_error = ParseError::make(code, std::move(message));
    m_state = State::Error;
    m_status = Status::Error;
    m_keepAlive = false;  // after a framing error the rest of the stream is garbage
    return m_status;
}

RequestParser::Status RequestParser::feed(std::string_view data) {
    if (m_state == State::Error) return m_status;
    m_buf.append(data);
    if (m_state == State::Done) return m_status;  // the next request waits for takeRequest()
    return advance();
}

RequestParser::Status RequestParser::onEof() {
    switch (m_state) {
        case State::Done:
        case State::Error:
            return m_status;
        case State::RequestLine: {
            // Only stray empty lines pending is a clean close between requests.
            for (std::size_t i = m_pos; i < m_buf.size(); ++i) {
                if (m_buf[i] != '\r' && m_buf[i] != '\n')
                    return fail(ErrorCode::TruncatedHeaders,
                                "connection closed in the middle of the request line");
            }
            return m_status;
        }
        case State::Headers:
            return fail(ErrorCode::TruncatedHeaders,
                        "connection closed in the middle of the request headers");
        case State::Body: {
            ParseError err;
            if (m_decoder.finishAtEof(err) == BodyDecoder::Result::Error)
                return fail(err.code, err.message);
            m_state = State::Done;
            m_status = Status::Complete;
            return m_status;
        }
    }
    return m_status;
}

bool RequestParser::validTarget(std::string_view target) const {
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) return false;
    }
    if (target.front() == '/') return true;  // origin-form, the common case
    if (target == "*") return m_request.method == "OPTIONS";
    if (m_request.method == "CONNECT")  // authority-form "host:port"
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
    m_request.method.assign(method);
    if (!validTarget(target)) {
        fail(ErrorCode::BadTarget, "invalid request target");
        return false;
    }
    m_request.target.assign(target);
    // RFC 9112 §2.3: a higher minor version is answered as the highest we speak.
    m_minor = minor == 0 ? 0 : 1;
    m_request.version.assign(version);
    return true;
}

void RequestParser::headersComplete() {
    const Headers& h = m_request.headers;
    const std::size_t hosts = h.count("Host");
    if (hosts > 1) {
        fail(ErrorCode::DuplicateHost, "several Host header fields");
        return;
    }
    if (hosts == 0 && m_minor >= 1) {
        fail(ErrorCode::MissingHost, "HTTP/1.1 request without a Host header");
        return;
    }
    const std::string conn = h.joined("Connection");
    const bool close = grammar::hasListToken(conn, "close");
    m_keepAlive = m_minor >= 1 ? !close : (!close && grammar::hasListToken(conn, "keep-alive"));
    if (m_minor >= 1) {
        const auto expect = h.get("Expect");
        m_expectContinue =
            expect && Headers::equalsIgnoreCase(grammar::trimOws(*expect), "100-continue");
    }

    const BodyDecoder::Limits bodyLimits{m_limits.maxBodyBytes, m_limits.maxHeaderBytes,
                                         m_limits.maxHeaderCount};
    const grammar::TransferCoding tc = grammar::transferCoding(h);
    std::uint64_t length = 0;
    ParseError err;
    const grammar::LengthResult lr = grammar::contentLength(h, length, err);
    if (tc.present) {
        const std::string te = h.joined("Transfer-Encoding");
        if (tc.empty) {
            fail(ErrorCode::BadTransferEncoding, "invalid Transfer-Encoding \"" + te + "\"");
        } else if (tc.unknown) {
            fail(ErrorCode::UnsupportedTransferEncoding,
                 "Transfer-Encoding \"" + te + "\" is not supported");
        } else if (tc.chunkedTwice || !tc.chunkedLast) {
            fail(ErrorCode::BadTransferEncoding, "invalid Transfer-Encoding \"" + te + "\"");
        } else if (lr != grammar::LengthResult::Absent) {
            // RFC 9112 §6.3 allows rejecting this: it is how requests get smuggled.
            fail(ErrorCode::ConflictingFraming, "both Transfer-Encoding and Content-Length");
        } else {
            if (m_minor == 0)
                m_keepAlive = false;  // §6.1: chunked in HTTP/1.0 means faulty framing, close after
            m_decoder.start(BodyDecoder::Mode::Chunked, 0, bodyLimits, true);
            m_state = State::Body;
        }
        return;
    }
    if (lr == grammar::LengthResult::Invalid) {
        fail(err.code, err.message);
        return;
    }
    if (lr == grammar::LengthResult::Absent || length == 0) {
        m_state = State::Done;  // §6.3 rule 7: no framing means no body in a request
        m_status = Status::Complete;
        return;
    }
    if (length > m_limits.maxBodyBytes) {
        fail(ErrorCode::BodyTooLarge, "request body of " + std::to_string(length) +
                                          " bytes is over the limit of " +
                                          std::to_string(m_limits.maxBodyBytes));
        return;
    }
    m_request.body.reserve(static_cast<std::size_t>(length));
    m_decoder.start(BodyDecoder::Mode::Length, length, bodyLimits, true);
    m_state = State::Body;
}

RequestParser::Status RequestParser::advance() {
    while (true) {
        switch (m_state) {
            case State::RequestLine:
            case State::Headers: {
                grammar::HeadCursor cursor{m_pos, m_scan, m_msgStart};
                std::string_view line;
                const grammar::HeadLine got = grammar::nextHeadLine(
                    m_buf, cursor, m_limits.maxHeaderBytes, "request", line, m_error);
                m_pos = cursor.pos;
                m_scan = cursor.scan;
                if (got == grammar::HeadLine::TooLarge) return fail(m_error.code, m_error.message);
                if (got == grammar::HeadLine::NeedMore) return Status::NeedMore;
                if (m_state == State::RequestLine) {
                    if (line.empty()) {
                        // §2.2: ignore empty lines before a request (clients send an
                        // extra CRLF after a POST body); they are not part of it.
                        m_msgStart = m_pos;
                        continue;
                    }
                    if (!parseRequestLine(line)) return m_status;
                    m_state = State::Headers;
                } else if (line.empty()) {
                    headersComplete();
                    if (m_state != State::Body) return m_status;
                } else if (line.front() == ' ' || line.front() == '\t') {
                    return fail(ErrorCode::BadHeader, "obsolete line folding in a request header");
                } else {
                    if (!grammar::addFieldLine(line, m_request.headers, m_limits.maxHeaderCount,
                                               m_error))
                        return fail(m_error.code, m_error.message);
                }
                break;
            }
            case State::Body: {
                ParseError err;
                switch (m_decoder.advance(m_buf, m_pos, m_request.body, m_request.trailers, err)) {
                    case BodyDecoder::Result::NeedMore:
                        return Status::NeedMore;
                    case BodyDecoder::Result::Error:
                        return fail(err.code, err.message);
                    case BodyDecoder::Result::Done:
                        m_state = State::Done;
                        m_status = Status::Complete;
                        return m_status;
                }
                break;
            }
            case State::Done:
            case State::Error:
                return m_status;
        }
    }
}

void RequestParser::startMessageAt(std::size_t pos) {
    // Compact only when it pays, so a buffer of many small pipelined
    // requests is not shifted once per request.
    if (pos == m_buf.size()) {
        m_buf.clear();
        pos = 0;
    } else if (pos >= 4096 || pos * 2 >= m_buf.size()) {
        m_buf.erase(0, pos);
        pos = 0;
    }
    m_pos = m_scan = m_msgStart = pos;
    m_state = State::RequestLine;
    m_status = Status::NeedMore;
    m_minor = 1;
    m_keepAlive = false;
    m_expectContinue = false;
    m_request.headers.clear();
    m_request.trailers.clear();
    m_request.body.clear();
    m_error = ParseError{};
}

Request RequestParser::takeRequest() {
    if (m_state != State::Done) return Request{};
    Request r = std::move(m_request);
    m_request = Request{};
    startMessageAt(m_pos);
    if (m_pos < m_buf.size()) advance();
    return r;
}

void RequestParser::clear() {
    m_buf.clear();
    startMessageAt(0);
}

}  // namespace sockwb::http
