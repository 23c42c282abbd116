#include "core/load/responsescanner.h"

#include <cstring>

namespace sockwb::load {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// a equals the lower-case literal b, ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

std::string_view stripCr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// Calls f(token) for each comma-separated, trimmed element of a list value.
template <typename F>
void forEachToken(std::string_view v, F f) {
    while (true) {
        const auto comma = v.find(',');
        f(trim(v.substr(0, comma)));
        if (comma == std::string_view::npos) return;
        v.remove_prefix(comma + 1);
    }
}

// Where the head ends: the LF closing the last field line (*lastLf) and the
// index just past the blank line (*end). Looks at LFs from `from` on.
bool findHeadEnd(std::string_view s, std::size_t from, std::size_t* lastLf, std::size_t* end) {
    const char* base = s.data();
    std::size_t i = from;
    while (i < s.size()) {
        const void* p = std::memchr(base + i, '\n', s.size() - i);
        if (!p) return false;
        i = static_cast<std::size_t>(static_cast<const char*>(p) - base);
        if (i + 1 < s.size() && s[i + 1] == '\n') {
            *lastLf = i;
            *end = i + 2;
            return true;
        }
        if (i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') {
            *lastLf = i;
            *end = i + 3;
            return true;
        }
        ++i;
    }
    return false;
}

}  // namespace

void ResponseScanner::reset() {
    state_ = State::Head;
    status_ = 0;
    minor_ = 1;
    keepAlive_ = true;
    started_ = false;
    remaining_ = 0;
    bodyBytes_ = 0;
    carry_.clear();
    error_.clear();
}

ResponseScanner::Status ResponseScanner::fail(std::string why) {
    state_ = State::Error;
    keepAlive_ = false;
    error_ = std::move(why);
    return Status::Error;
}

ResponseScanner::Status ResponseScanner::finish() {
    state_ = State::Done;
    return Status::Complete;
}

bool ResponseScanner::parseStatusLine(std::string_view line) {
    auto digit = [&](std::size_t i) { return line[i] >= '0' && line[i] <= '9'; };
    if (line.size() < 12 || line.compare(0, 7, "HTTP/1.") != 0 || !digit(7) || line[8] != ' ' ||
        !digit(9) || !digit(10) || !digit(11) || (line.size() > 12 && line[12] != ' '))
        return false;
    minor_ = line[7] - '0';
    status_ = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    return status_ >= 100 && status_ <= 599;
}

namespace {

// What the framing fields of one response head say (RFC 9112 §6).
struct Framing {
    bool hasLength = false, lengthInvalid = false, close = false, keepAliveToken = false;
    std::uint64_t length = 0;
    int chunkedCount = 0;
    bool hasTe = false, teEmpty = false, lastChunked = false;

    void contentLength(std::string_view value) {
        if (value.empty()) lengthInvalid = true;
        forEachToken(value, [&](std::string_view tok) {
            std::uint64_t n = 0;
            if (tok.empty() || tok.size() > 18) lengthInvalid = true;
            for (char ch : tok) {
                if (ch < '0' || ch > '9') {
                    lengthInvalid = true;
                    break;
                }
                n = n * 10 + std::uint64_t(ch - '0');
            }
            if (hasLength && n != length) lengthInvalid = true;
            hasLength = true;
            length = n;
        });
    }
    void transferEncoding(std::string_view value) {
        hasTe = true;
        if (value.empty()) teEmpty = true;
        forEachToken(value, [&](std::string_view tok) {
            if (tok.empty()) return;
            lastChunked = iequals(tok, "chunked");
            if (lastChunked) ++chunkedCount;
        });
    }
    void connection(std::string_view value) {
        forEachToken(value, [&](std::string_view tok) {
            if (iequals(tok, "close")) close = true;
            if (iequals(tok, "keep-alive")) keepAliveToken = true;
        });
    }
    // head: the field lines after the status line. nullptr, or what is wrong.
    const char* read(std::string_view head) {
        bool firstField = true;
        std::size_t nl = 0;
        while (nl != std::string_view::npos) {
            nl = head.find('\n');
            const std::string_view line = stripCr(head.substr(0, nl));
            head.remove_prefix(nl == std::string_view::npos ? head.size() : nl + 1);
            if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
                if (firstField) return "folded line before any field";
                continue;  // obs-fold continuation: no framing field of ours is folded in practice
            }
            firstField = false;
            const auto colon = line.find(':');
            if (colon == std::string_view::npos || colon == 0)
                return "field line without a name and colon";
            const std::string_view name = line.substr(0, colon);
            if (name.back() == ' ' || name.back() == '\t')
                return "whitespace before a field's colon";
            const char c0 = name[0] | 0x20;
            if (c0 != 'c' && c0 != 't') continue;  // the common case: a field we ignore
            const std::string_view value = trim(line.substr(colon + 1));
            if (iequals(name, "content-length"))
                contentLength(value);
            else if (iequals(name, "transfer-encoding"))
                transferEncoding(value);
            else if (iequals(name, "connection"))
                connection(value);
        }
        return nullptr;
    }
};

}  // namespace

ResponseScanner::Status ResponseScanner::parseHead(std::string_view head) {
    // head: the status line and field lines, LF-separated, without the blank line.
    const std::size_t nl = head.find('\n');
    if (!parseStatusLine(stripCr(head.substr(0, nl)))) return fail("invalid status line");
    Framing f;
    if (nl != std::string_view::npos)
        if (const char* wrong = f.read(head.substr(nl + 1))) return fail(wrong);

    if (status_ / 100 == 1 && status_ != 101) {
        state_ = State::Head;  // interim response: the final one follows
        return Status::NeedMore;
    }
    keepAlive_ = minor_ >= 1 ? !f.close : (!f.close && f.keepAliveToken);
    if (status_ == 204 || status_ == 304 || status_ == 101) {
        if (status_ == 101) keepAlive_ = false;
        return finish();
    }
    if (f.hasTe) {
        if (f.teEmpty || f.chunkedCount > 1) return fail("invalid Transfer-Encoding");
        if (f.hasLength || minor_ == 0) keepAlive_ = false;
        if (f.lastChunked) {
            state_ = State::ChunkSize;
        } else {
            keepAlive_ = false;
            state_ = State::UntilClose;
        }
        return Status::NeedMore;
    }
    if (f.lengthInvalid) return fail("invalid Content-Length");
    if (f.hasLength) {
        if (f.length == 0) return finish();
        remaining_ = f.length;
        state_ = State::BodyLength;
        return Status::NeedMore;
    }
    keepAlive_ = false;
    state_ = State::UntilClose;
    return Status::NeedMore;
}

ResponseScanner::Status ResponseScanner::chunkLine(std::string_view raw) {
    const std::string_view line = stripCr(raw);
    if (state_ == State::ChunkDataEnd) {
        if (!line.empty()) return fail("chunk data not followed by CRLF");
        state_ = State::ChunkSize;
        return Status::NeedMore;
    }
    if (state_ == State::Trailers) {
        if (line.empty()) return finish();
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) return fail("invalid trailer field");
        return Status::NeedMore;
    }
    // Chunk size: HEXDIG+ [BWS] [; ext]
    std::uint64_t size = 0;
    std::size_t i = 0;
    for (; i < line.size(); ++i) {
        const char ch = line[i];
        int d;
        if (ch >= '0' && ch <= '9')
            d = ch - '0';
        else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f')
            d = (ch | 0x20) - 'a' + 10;
        else
            break;
        if (size >> 56) return fail("chunk size too large");
        size = size * 16 + std::uint64_t(d);
    }
    if (i == 0) return fail("chunk size is not hexadecimal");
    const std::string_view rest = trim(line.substr(i));
    if (!rest.empty() && rest.front() != ';') return fail("garbage after the chunk size");
    if (size == 0) {
        state_ = State::Trailers;
    } else {
        remaining_ = size;
        state_ = State::ChunkData;
    }
    return Status::NeedMore;
}

ResponseScanner::Status ResponseScanner::feed(std::string_view data, std::size_t* used) {
    std::size_t pos = 0;
    if (!data.empty()) started_ = true;
    Status s = Status::NeedMore;
    while (true) {
        switch (state_) {
            case State::Done:
                *used = pos;
                return Status::Complete;
            case State::Error:
                *used = pos;
                return Status::Error;
            case State::Head: {
                if (pos >= data.size()) {
                    *used = pos;
                    return Status::NeedMore;
                }
                std::size_t lastLf = 0, end = 0;
                if (carry_.empty()) {
                    const std::string_view rest = data.substr(pos);
                    if (findHeadEnd(rest, 0, &lastLf, &end)) {
                        s = parseHead(rest.substr(0, lastLf));
                        pos += end;
                        break;
                    }
                    carry_.assign(rest);
                } else {
                    const std::size_t old = carry_.size();
                    carry_.append(data.substr(pos));
                    if (findHeadEnd(carry_, old >= 3 ? old - 3 : 0, &lastLf, &end)) {
                        s = parseHead(std::string_view(carry_).substr(0, lastLf));
                        pos += end - old;
                        carry_.clear();
                        break;
                    }
                }
                if (carry_.size() > kMaxHead)
                    return *used = data.size(), fail("response head too large");
                *used = data.size();
                return Status::NeedMore;
            }
            case State::BodyLength:
            case State::ChunkData: {
                const std::size_t avail = data.size() - pos;
                if (avail == 0) {
                    *used = pos;
                    return Status::NeedMore;
                }
                const std::size_t n = remaining_ < avail ? std::size_t(remaining_) : avail;
                remaining_ -= n;
                bodyBytes_ += n;
                pos += n;
                if (remaining_ == 0) {
                    if (state_ == State::BodyLength)
                        s = finish();
                    else
                        state_ = State::ChunkDataEnd;
                }
                break;
            }
            case State::ChunkSize:
            case State::ChunkDataEnd:
            case State::Trailers: {
                if (pos >= data.size()) {
                    *used = pos;
                    return Status::NeedMore;
                }
                const void* p = std::memchr(data.data() + pos, '\n', data.size() - pos);
                if (!p) {
                    carry_.append(data.substr(pos));
                    if (carry_.size() > kMaxHead)
                        return *used = data.size(), fail("chunk line too long");
                    *used = data.size();
                    return Status::NeedMore;
                }
                const std::size_t lf = std::size_t(static_cast<const char*>(p) - data.data());
                if (carry_.empty()) {
                    s = chunkLine(data.substr(pos, lf - pos));
                } else {
                    carry_.append(data.substr(pos, lf - pos));
                    s = chunkLine(carry_);
                    carry_.clear();
                }
                pos = lf + 1;
                break;
            }
            case State::UntilClose:
                bodyBytes_ += data.size() - pos;
                *used = data.size();
                return Status::NeedMore;
        }
        (void)s;
    }
}

ResponseScanner::Status ResponseScanner::onEof() {
    switch (state_) {
        case State::Done:
            return Status::Complete;
        case State::Error:
            return Status::Error;
        case State::UntilClose:
            return finish();
        case State::Head:
            return fail(started_ ? "connection closed in the middle of the response head"
                                 : "connection closed before a response arrived");
        default:
            return fail("connection closed in the middle of the response body");
    }
}

}  // namespace sockwb::load
