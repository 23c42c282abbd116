#include "responseparser.h"

#include "grammar.h"

namespace sockwb::http {

ResponseParser::ResponseParser() : ResponseParser(Limits{}) {}

ResponseParser::ResponseParser(Limits limits) : m_limits(limits) {}

std::string_view ResponseParser::leftover() const { return std::string_view(m_buf).substr(m_pos); }

ResponseParser::Status ResponseParser::fail(ErrorCode code, std::string message) {
    m_error = ParseError::make(code, std::move(message));
    m_state = State::Error;
    m_status = Status::Error;
    m_keepAlive = false;
    return m_status;
}

ResponseParser::Status ResponseParser::feed(std::string_view data) {
    if (m_state == State::Done || m_state == State::Error) {
        // Bytes of the next message (or after an error): keep them, parse nothing.
        if (m_state == State::Done) m_buf.append(data);
        m_lastFeedConsumed = 0;
        return m_status;
    }
    const std::size_t oldSize = m_buf.size();
    m_buf.append(data);
    const Status s = advance();
    if (s == Status::Complete)
        m_lastFeedConsumed = m_pos > oldSize ? m_pos - oldSize : 0;
    else
        m_lastFeedConsumed = data.size();
    return s;
}

ResponseParser::Status ResponseParser::onEof() {
    switch (m_state) {
        case State::Done:
        case State::Error:
            return m_status;
        case State::StartLine:
        case State::Headers:
            return fail(ErrorCode::TruncatedHeaders,
                        m_pos == m_headStart && m_buf.size() == m_pos
                            ? "connection closed before a response arrived"
                            : "connection closed in the middle of the response headers");
        case State::Body: {
            ParseError err;
            if (m_decoder.finishAtEof(err) == BodyDecoder::Result::Error)
                return fail(err.code, err.message);
            finishMessage();
            return m_status;
        }
    }
    return m_status;
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
    m_minor = minor;
    m_response.version.assign(line.substr(0, 8));
    m_response.status = status;
    m_response.reason.assign(reason);
    return true;
}

ResponseParser::Status ResponseParser::headersComplete() {
    const int status = m_response.status;
    if (status / 100 == 1 && status != 101) {
        // Interim response (RFC 9110 §15.2): keep it for the curious, then
        // parse the next head as if it were the start of the message.
        m_interim.push_back(std::move(m_response));
        m_response = Response{};
        m_headStart = m_pos;
        m_state = State::StartLine;
        return Status::NeedMore;
    }

    const Headers& h = m_response.headers;
    const std::string conn = h.joined("Connection");
    const bool close = grammar::hasListToken(conn, "close");
    m_keepAlive = m_minor >= 1 ? !close : (!close && grammar::hasListToken(conn, "keep-alive"));

    // RFC 9112 §6.3 rule 1: these never have a body, whatever the fields say.
    if (m_head || status == 204 || status == 304 || status == 101) {
        if (status == 101) m_keepAlive = false;  // the connection now speaks another protocol
        finishMessage();
        return m_status;
    }

    const BodyDecoder::Limits bodyLimits{m_limits.maxBodyBytes, m_limits.maxHeaderBytes,
                                         m_limits.maxHeaderCount};
    const grammar::TransferCoding tc = grammar::transferCoding(h);
    std::uint64_t length = 0;
    ParseError err;
    const grammar::LengthResult lr = grammar::contentLength(h, length, err);
    if (tc.present) {
        if (tc.chunkedTwice || tc.empty)
            return fail(ErrorCode::BadTransferEncoding,
                        "invalid Transfer-Encoding \"" + h.joined("Transfer-Encoding") + "\"");
        // Rule 3: Transfer-Encoding overrides Content-Length, but such a
        // message smells of smuggling, so the connection is not reused.
        if (lr != grammar::LengthResult::Absent || m_minor == 0) m_keepAlive = false;
        if (tc.chunkedLast) {
            m_decoder.start(BodyDecoder::Mode::Chunked, 0, bodyLimits, !m_statusOnly);
        } else {
            m_keepAlive = false;  // rule 4: final coding not chunked: read until close
            m_decoder.start(BodyDecoder::Mode::UntilClose, 0, bodyLimits, !m_statusOnly);
        }
    } else if (lr == grammar::LengthResult::Invalid) {
        return fail(err.code, err.message);
    } else if (lr == grammar::LengthResult::Present) {
        if (length > m_limits.maxBodyBytes)
            return fail(ErrorCode::BodyTooLarge,
                        "Content-Length " + std::to_string(length) + " is over the limit of " +
                            std::to_string(m_limits.maxBodyBytes) + " bytes");
        if (length == 0) {
            finishMessage();
            return m_status;
        }
        if (!m_statusOnly) m_response.body.reserve(static_cast<std::size_t>(length));
        m_decoder.start(BodyDecoder::Mode::Length, length, bodyLimits, !m_statusOnly);
    } else {
        m_keepAlive = false;  // rule 8: the body ends when the server closes
        m_decoder.start(BodyDecoder::Mode::UntilClose, 0, bodyLimits, !m_statusOnly);
    }
    m_state = State::Body;
    return Status::NeedMore;
}

void ResponseParser::finishMessage() {
    m_state = State::Done;
    m_status = Status::Complete;
}

ResponseParser::Status ResponseParser::advance() {
    while (true) {
        switch (m_state) {
            case State::StartLine:
            case State::Headers: {
                grammar::HeadCursor cursor{m_pos, m_scan, m_headStart};
                std::string_view line;
                const grammar::HeadLine got = grammar::nextHeadLine(
                    m_buf, cursor, m_limits.maxHeaderBytes, "response", line, m_error);
                m_pos = cursor.pos;
                m_scan = cursor.scan;
                if (got == grammar::HeadLine::TooLarge) return fail(m_error.code, m_error.message);
                if (got == grammar::HeadLine::NeedMore) return Status::NeedMore;
                if (m_state == State::StartLine) {
                    if (line.empty())
                        continue;  // tolerate stray empty lines before the status line
                    if (!parseStatusLine(line)) return m_status;
                    m_state = State::Headers;
                } else if (line.empty()) {
                    if (headersComplete() != Status::NeedMore) return m_status;
                } else if (line.front() == ' ' || line.front() == '\t') {
                    // obs-fold (RFC 9112 §5.2): a user agent replaces it with one SP.
                    Headers& h = m_response.headers;
                    const std::string_view more = grammar::trimOws(line);
                    if (h.empty() || !grammar::isValidFieldValue(more))
                        return fail(ErrorCode::BadHeader,
                                    "folded header line without a header to continue");
                    if (!more.empty()) {
                        if (!h.at(h.size() - 1).value.empty()) h.appendToLastValue(" ");
                        h.appendToLastValue(more);
                    }
                } else {
                    if (!grammar::addFieldLine(line, m_response.headers, m_limits.maxHeaderCount,
                                               m_error))
                        return fail(m_error.code, m_error.message);
                }
                break;
            }
            case State::Body: {
                ParseError err;
                switch (
                    m_decoder.advance(m_buf, m_pos, m_response.body, m_response.trailers, err)) {
                    case BodyDecoder::Result::NeedMore:
                        return Status::NeedMore;
                    case BodyDecoder::Result::Error:
                        return fail(err.code, err.message);
                    case BodyDecoder::Result::Done:
                        finishMessage();
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

void ResponseParser::startMessageAt(std::size_t pos) {
    // Compact only when it pays: dropping a long consumed prefix, or the
    // whole buffer; otherwise keep absolute offsets (pipelined short messages).
    if (pos == m_buf.size()) {
        m_buf.clear();
        pos = 0;
    } else if (pos >= 4096 || pos * 2 >= m_buf.size()) {
        m_buf.erase(0, pos);
        pos = 0;
    }
    m_pos = m_scan = m_msgStart = m_headStart = pos;
    m_state = State::StartLine;
    m_status = Status::NeedMore;
    m_head = false;
    m_keepAlive = false;
    m_minor = 1;
    m_response = Response{};
    m_response.reason.clear();
    m_interim.clear();
    m_error = ParseError{};
}

ResponseParser::Status ResponseParser::reset(bool nextIsHead) {
    if (m_state == State::Error) {
        clear();  // the stream is out of sync: leftovers mean nothing
        m_head = nextIsHead;
        return m_status;
    }
    startMessageAt(m_pos);
    m_head = nextIsHead;
    m_lastFeedConsumed = 0;
    if (m_buf.size() > m_pos) return advance();
    return m_status;
}

void ResponseParser::clear() {
    m_buf.clear();
    startMessageAt(0);
    m_lastFeedConsumed = 0;
}

Response ResponseParser::takeResponse(bool nextIsHead) {
    Response r = std::move(m_response);
    reset(nextIsHead);
    return r;
}

}  // namespace sockwb::http
