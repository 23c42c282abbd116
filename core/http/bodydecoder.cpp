#include "core/http/bodydecoder.h"

#include <algorithm>
#include <optional>

#include "core/http/grammar.h"

namespace sockwb::http {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

void BodyDecoder::start(Mode mode, std::uint64_t length, const Limits& limits, bool store) {
    mode_ = mode;
    chunk_ = Chunk::Size;
    limits_ = limits;
    store_ = store;
    remaining_ = mode == Mode::Length ? length : 0;
    bodyBytes_ = 0;
    extensionBytes_ = 0;
    scanned_ = 0;
    trailerBytes_ = 0;
}

void BodyDecoder::take(const std::string& buf, std::size_t& pos, std::uint64_t n,
                       std::string& body) {
    if (store_) body.append(buf, pos, static_cast<std::size_t>(n));
    pos += static_cast<std::size_t>(n);
    bodyBytes_ += n;
}

BodyDecoder::Result BodyDecoder::advance(const std::string& buf, std::size_t& pos,
                                         std::string& body, Headers& trailers, ParseError& err) {
    const std::size_t avail = buf.size() - pos;
    switch (mode_) {
        case Mode::Length: {
            const std::uint64_t n = std::min<std::uint64_t>(remaining_, avail);
            take(buf, pos, n, body);
            remaining_ -= n;
            return remaining_ == 0 ? Result::Done : Result::NeedMore;
        }
        case Mode::UntilClose:
            if (bodyBytes_ + avail > limits_.maxBodyBytes) {
                err = ParseError::make(ErrorCode::BodyTooLarge,
                                       "body larger than the limit of " +
                                           std::to_string(limits_.maxBodyBytes) + " bytes");
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
    if (mode_ == Mode::UntilClose) return Result::Done;
    if (mode_ == Mode::Length && remaining_ == 0) return Result::Done;
    if (mode_ == Mode::Chunked && chunk_ == Chunk::Done) return Result::Done;
    err = ParseError::make(ErrorCode::TruncatedBody,
                           mode_ == Mode::Length
                               ? "connection closed " + std::to_string(remaining_) +
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
    // Extensions are checked, then ignored (RFC 9112 §7.1.1). Lenient: BWS
    // then ";anything", as many servers do.
    const std::string_view rest = line.substr(i);
    extensionBytes_ += rest.size();
    if (extensionBytes_ > kMaxChunkExtensionBytes) {
        err = ParseError::make(ErrorCode::BodyTooLarge,
                               "chunk extensions of this message over the limit of " +
                                   std::to_string(kMaxChunkExtensionBytes) + " bytes");
        return Result::Error;
    }
    if (limits_.lenient) {
        const std::string_view trimmed = grammar::trimOws(rest);
        if (!trimmed.empty() && trimmed.front() != ';') {
            err = ParseError::make(ErrorCode::BadChunkSize,
                                   "unexpected characters after the chunk size");
            return Result::Error;
        }
    } else if (!grammar::isChunkExtensions(rest)) {
        const bool ext = grammar::trimOws(rest).substr(0, 1) == ";";
        err = ParseError::make(
            ext ? ErrorCode::BadChunkExtension : ErrorCode::BadChunkSize,
            ext ? "invalid chunk extension (RFC 9112 §7.1.1 wants ;name or ;name=value, the "
                  "value a token or a quoted string)"
                : "unexpected characters after the chunk size (only hexadecimal digits, then "
                  "\";extension\" and CRLF, may follow)");
        return Result::Error;
    }
    if (bodyBytes_ + size > limits_.maxBodyBytes) {
        err = ParseError::make(ErrorCode::BodyTooLarge, "chunked body larger than the limit of " +
                                                            std::to_string(limits_.maxBodyBytes) +
                                                            " bytes");
        return Result::Error;
    }
    remaining_ = size;
    chunk_ = size == 0 ? Chunk::Trailer : Chunk::Data;
    return Result::NeedMore;
}

BodyDecoder::Result BodyDecoder::advanceChunked(const std::string& buf, std::size_t& pos,
                                                std::string& body, Headers& trailers,
                                                ParseError& err) {
    for (;;) {
        std::optional<Result> stop;
        switch (chunk_) {
            case Chunk::Size:
            case Chunk::Trailer:
                stop = chunkLine(buf, pos, trailers, err);
                break;
            case Chunk::Data:
                stop = chunkData(buf, pos, body);
                break;
            case Chunk::DataEnd:
                stop = chunkDataEnd(buf, pos, err);
                break;
            case Chunk::Done:
                return Result::Done;
        }
        if (stop) return *stop;
    }
}

std::optional<BodyDecoder::Result> BodyDecoder::lineTooLong(std::size_t pending, ParseError& err) {
    if (chunk_ == Chunk::Size && pending > kMaxChunkLine) {
        err = ParseError::make(ErrorCode::BadChunkSize,
                               "chunk-size line (size and extensions) over the limit of " +
                                   std::to_string(kMaxChunkLine) + " bytes");
        return Result::Error;
    }
    if (chunk_ == Chunk::Trailer && trailerBytes_ + pending > limits_.maxTrailerBytes) {
        err = ParseError::make(ErrorCode::HeaderTooLarge,
                               "trailer section over the limit of " +
                                   std::to_string(limits_.maxTrailerBytes) + " bytes");
        return Result::Error;
    }
    return std::nullopt;
}

std::optional<std::string_view> BodyDecoder::lineContent(std::string_view raw, ErrorCode code,
                                                         std::string_view what,
                                                         ParseError& err) const {
    const bool crlf = !raw.empty() && raw.back() == '\r';
    if (crlf) raw.remove_suffix(1);
    if (limits_.lenient) return raw;
    if (!crlf) {
        err =
            ParseError::make(ErrorCode::BareLf,
                             std::string(what) + " ends in a bare LF: chunked framing wants CRLF");
        return std::nullopt;
    }
    if (raw.find('\r') != std::string_view::npos) {
        err = ParseError::make(code, std::string(what) + " holds a bare CR");
        return std::nullopt;
    }
    return raw;
}

std::optional<BodyDecoder::Result> BodyDecoder::chunkLine(const std::string& buf, std::size_t& pos,
                                                          Headers& trailers, ParseError& err) {
    const std::size_t nl = buf.find('\n', pos + scanned_);
    if (nl == std::string::npos) {
        scanned_ = buf.size() - pos;
        if (auto stop = lineTooLong(scanned_, err)) return stop;
        return Result::NeedMore;
    }
    const std::size_t lineBytes = nl + 1 - pos;
    if (auto stop = lineTooLong(lineBytes, err)) return stop;
    const bool size = chunk_ == Chunk::Size;
    const auto line = lineContent(std::string_view(buf).substr(pos, nl - pos),
                                  size ? ErrorCode::BadChunkSize : ErrorCode::BadTrailer,
                                  size ? "chunk-size line" : "trailer line", err);
    if (!line) return Result::Error;
    pos = nl + 1;
    scanned_ = 0;
    if (size) {
        if (parseSizeLine(*line, err) == Result::Error) return Result::Error;
        return std::nullopt;
    }
    return trailerLine(*line, lineBytes, trailers, err);
}

std::optional<BodyDecoder::Result> BodyDecoder::trailerLine(std::string_view line,
                                                            std::size_t lineBytes,
                                                            Headers& trailers, ParseError& err) {
    trailerBytes_ += lineBytes;
    if (trailerBytes_ > limits_.maxTrailerBytes) {
        err = ParseError::make(ErrorCode::HeaderTooLarge, "trailer section too large");
        return Result::Error;
    }
    if (line.empty()) {
        chunk_ = Chunk::Done;
        return Result::Done;
    }
    if (line.front() == ' ' || line.front() == '\t') {
        err = ParseError::make(ErrorCode::BadTrailer, "folded trailer line");
        return Result::Error;
    }
    if (!grammar::parseFieldLine(line, trailers, ErrorCode::BadTrailer, err)) return Result::Error;
    if (trailers.size() > limits_.maxTrailerCount) {
        err = ParseError::make(ErrorCode::TooManyHeaders, "too many trailer fields");
        return Result::Error;
    }
    return std::nullopt;
}

std::optional<BodyDecoder::Result> BodyDecoder::chunkData(const std::string& buf, std::size_t& pos,
                                                          std::string& body) {
    const std::uint64_t n = std::min<std::uint64_t>(remaining_, buf.size() - pos);
    take(buf, pos, n, body);
    remaining_ -= n;
    if (remaining_ != 0) return Result::NeedMore;
    chunk_ = Chunk::DataEnd;
    return std::nullopt;
}

// Chunk data must be followed by CRLF (lenient: a bare LF too); anything
// else means the size lied, and guessing would desynchronise the connection.
std::optional<BodyDecoder::Result> BodyDecoder::chunkDataEnd(const std::string& buf,
                                                             std::size_t& pos, ParseError& err) {
    if (pos >= buf.size()) return Result::NeedMore;
    if (buf[pos] == '\r' && pos + 1 >= buf.size()) return Result::NeedMore;
    if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
        pos += 2;
    } else if (buf[pos] == '\n' && limits_.lenient) {
        pos += 1;
    } else if (buf[pos] == '\n') {
        err = ParseError::make(ErrorCode::BareLf,
                               "chunk data followed by a bare LF: chunked framing wants CRLF");
        return Result::Error;
    } else {
        err = ParseError::make(ErrorCode::BadChunkData,
                               "chunk data not followed by CRLF (the chunk size is wrong)");
        return Result::Error;
    }
    chunk_ = Chunk::Size;
    scanned_ = 0;
    return std::nullopt;
}

}  // namespace sockwb::http
