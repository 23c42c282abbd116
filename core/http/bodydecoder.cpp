#include "bodydecoder.h"

#include <algorithm>

#include "grammar.h"

namespace sockwb::http {

namespace {
// A chunk-size line longer than this is an attack (extension bombs), not data.
constexpr std::size_t kMaxChunkLine = 4096;

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

void BodyDecoder::start(Mode mode, std::uint64_t length, const Limits& limits, bool store) {
    m_mode = mode;
    m_chunk = Chunk::Size;
    m_limits = limits;
    m_store = store;
    m_remaining = mode == Mode::Length ? length : 0;
    m_bodyBytes = 0;
    m_scan = 0;
    m_trailerBytes = 0;
}

void BodyDecoder::take(const std::string& buf, std::size_t& pos, std::uint64_t n,
                       std::string& body) {
    if (m_store) body.append(buf, pos, static_cast<std::size_t>(n));
    pos += static_cast<std::size_t>(n);
    m_bodyBytes += n;
}

BodyDecoder::Result BodyDecoder::advance(const std::string& buf, std::size_t& pos,
                                         std::string& body, Headers& trailers, ParseError& err) {
    const std::size_t avail = buf.size() - pos;
    switch (m_mode) {
        case Mode::Length: {
            const std::uint64_t n = std::min<std::uint64_t>(m_remaining, avail);
            take(buf, pos, n, body);
            m_remaining -= n;
            return m_remaining == 0 ? Result::Done : Result::NeedMore;
        }
        case Mode::UntilClose:
            if (m_bodyBytes + avail > m_limits.maxBodyBytes) {
                err = ParseError::make(ErrorCode::BodyTooLarge,
                                       "body larger than the limit of " +
                                           std::to_string(m_limits.maxBodyBytes) + " bytes");
                return Result::Error;
            }
            take(buf, pos, avail, body);
            return Result::NeedMore;
        case Mode::Chunked:
            return advanceChunked(buf, pos, body, trailers, err);
    }
    return Result::Error;
}

BodyDecoder::Result BodyDecoder::finishAtEof(ParseError& err) {
    if (m_mode == Mode::UntilClose) return Result::Done;
    if (m_mode == Mode::Length && m_remaining == 0) return Result::Done;
    if (m_mode == Mode::Chunked && m_chunk == Chunk::Done) return Result::Done;
    err = ParseError::make(ErrorCode::TruncatedBody,
                           m_mode == Mode::Length
                               ? "connection closed " + std::to_string(m_remaining) +
                                     " bytes before the end of the body"
                               : std::string("connection closed in the middle of a chunked body"));
    return Result::Error;
}

BodyDecoder::Result BodyDecoder::parseSizeLine(std::string_view line, ParseError& err) {
    std::size_t i = 0;
    std::uint64_t size = 0;
    std::size_t significant = 0;
    for (; i < line.size(); ++i) {
        const int d = hexDigit(line[i]);
        if (d < 0) break;
        if (size != 0 || d != 0) ++significant;
        if (significant > 15) {  // keeps size below 2^60: no overflow, and far above any limit
            err = ParseError::make(ErrorCode::BadChunkSize, "chunk size too large");
            return Result::Error;
        }
        size = size * 16 + static_cast<std::uint64_t>(d);
    }
    if (i == 0) {
        err = ParseError::make(ErrorCode::BadChunkSize, "chunk size is not a hexadecimal number");
        return Result::Error;
    }
    // Only BWS then ";ext" may follow; extensions are ignored (RFC 9112 §7.1.1).
    std::string_view rest = grammar::trimOws(line.substr(i));
    if (!rest.empty() && rest.front() != ';') {
        err =
            ParseError::make(ErrorCode::BadChunkSize, "unexpected characters after the chunk size");
        return Result::Error;
    }
    if (m_bodyBytes + size > m_limits.maxBodyBytes) {
        err = ParseError::make(ErrorCode::BodyTooLarge, "chunked body larger than the limit of " +
                                                            std::to_string(m_limits.maxBodyBytes) +
                                                            " bytes");
        return Result::Error;
    }
    m_remaining = size;
    m_chunk = size == 0 ? Chunk::Trailer : Chunk::Data;
    return Result::NeedMore;
}

BodyDecoder::Result BodyDecoder::advanceChunked(const std::string& buf, std::size_t& pos,
                                                std::string& body, Headers& trailers,
                                                ParseError& err) {
    while (true) {
        switch (m_chunk) {
            case Chunk::Size:
            case Chunk::Trailer: {
                const std::size_t from = std::max(pos, m_scan);
                const std::size_t nl = buf.find('\n', from);
                if (nl == std::string::npos) {
                    m_scan = buf.size();
                    const std::size_t pending = buf.size() - pos;
                    if (m_chunk == Chunk::Size && pending > kMaxChunkLine) {
                        err = ParseError::make(ErrorCode::BadChunkSize, "chunk size line too long");
                        return Result::Error;
                    }
                    if (m_chunk == Chunk::Trailer &&
                        m_trailerBytes + pending > m_limits.maxTrailerBytes) {
                        err = ParseError::make(ErrorCode::HeaderTooLarge,
                                               "trailer section too large");
                        return Result::Error;
                    }
                    return Result::NeedMore;
                }
                const std::string_view line =
                    grammar::stripCr(std::string_view(buf).substr(pos, nl - pos));
                const std::size_t lineBytes = nl + 1 - pos;
                pos = nl + 1;
                m_scan = pos;
                if (m_chunk == Chunk::Size) {
                    if (lineBytes > kMaxChunkLine) {
                        err = ParseError::make(ErrorCode::BadChunkSize, "chunk size line too long");
                        return Result::Error;
                    }
                    if (parseSizeLine(line, err) == Result::Error) return Result::Error;
                    break;
                }
                m_trailerBytes += lineBytes;
                if (m_trailerBytes > m_limits.maxTrailerBytes) {
                    err = ParseError::make(ErrorCode::HeaderTooLarge, "trailer section too large");
                    return Result::Error;
                }
                if (line.empty()) {
                    m_chunk = Chunk::Done;
                    return Result::Done;
                }
                if (line.front() == ' ' || line.front() == '\t') {
                    err = ParseError::make(ErrorCode::BadTrailer, "folded trailer line");
                    return Result::Error;
                }
                if (!grammar::parseFieldLine(line, trailers, ErrorCode::BadTrailer, err))
                    return Result::Error;
                if (trailers.size() > m_limits.maxTrailerCount) {
                    err = ParseError::make(ErrorCode::TooManyHeaders, "too many trailer fields");
                    return Result::Error;
                }
                break;
            }
            case Chunk::Data: {
                const std::uint64_t n = std::min<std::uint64_t>(m_remaining, buf.size() - pos);
                take(buf, pos, n, body);
                m_remaining -= n;
                if (m_remaining != 0) return Result::NeedMore;
                m_chunk = Chunk::DataEnd;
                break;
            }
            case Chunk::DataEnd: {
                // Chunk data must be followed by CRLF (a bare LF is tolerated like
                // everywhere else in our line handling); anything else means the
                // size lied, and guessing would desynchronise the connection.
                if (pos >= buf.size()) return Result::NeedMore;
                if (buf[pos] == '\n') {
                    pos += 1;
                } else if (buf[pos] == '\r') {
                    if (pos + 1 >= buf.size()) return Result::NeedMore;
                    if (buf[pos + 1] != '\n') {
                        err = ParseError::make(ErrorCode::BadChunkData,
                                               "chunk data not followed by CRLF");
                        return Result::Error;
                    }
                    pos += 2;
                } else {
                    err = ParseError::make(ErrorCode::BadChunkData,
                                           "chunk data not followed by CRLF");
                    return Result::Error;
                }
                m_chunk = Chunk::Size;
                m_scan = pos;
                break;
            }
            case Chunk::Done:
                return Result::Done;
        }
    }
}

}  // namespace sockwb::http
