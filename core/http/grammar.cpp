#include "core/http/grammar.h"

namespace sockwb::http::grammar {

bool isTokenChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) return true;
    switch (c) {
        case '!':
        case '#':
        case '$':
        case '%':
        case '&':
        case '\'':
        case '*':
        case '+':
        case '-':
        case '.':
        case '^':
        case '_':
        case '`':
        case '|':
        case '~':
            return true;
        default:
            return false;
    }
}

bool isToken(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!isTokenChar(c)) return false;
    }
    return true;
}

std::string_view trimOws(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool hasListToken(std::string_view list, std::string_view token) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view item = trimOws(list.substr(0, comma));
        if (Headers::equalsIgnoreCase(item, token)) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

bool isValidFieldValue(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
    }
    return true;
}

bool parseVersion(std::string_view s, int& major, int& minor) {
    if (s.size() != 8 || s.substr(0, 5) != "HTTP/" || s[6] != '.') return false;
    if (s[5] < '0' || s[5] > '9' || s[7] < '0' || s[7] > '9') return false;
    major = s[5] - '0';
    minor = s[7] - '0';
    return true;
}

std::string_view stripCr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

namespace {

// qdtext / quoted-pair of RFC 9110 §5.6.4; obs-text (0x80-0xFF) allowed.
bool isQdText(unsigned char u) {
    return u == '\t' || u == ' ' || u == 0x21 || (u >= 0x23 && u <= 0x5B) ||
           (u >= 0x5D && u <= 0x7E) || u >= 0x80;
}
bool isQuotedPairChar(unsigned char u) {
    return u == '\t' || u == ' ' || (u >= 0x21 && u <= 0x7E) || u >= 0x80;
}

void skipBws(std::string_view s, std::size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// A token or a quoted-string starting at i; i moves past it. False when neither.
bool takeTokenOrQuoted(std::string_view s, std::size_t& i, bool allowQuoted) {
    const std::size_t from = i;
    if (allowQuoted && i < s.size() && s[i] == '"') {
        for (++i; i < s.size(); ++i) {
            const auto u = static_cast<unsigned char>(s[i]);
            if (u == '"') {
                ++i;
                return true;
            }
            if (u == '\\') {
                if (++i >= s.size() || !isQuotedPairChar(static_cast<unsigned char>(s[i])))
                    return false;
            } else if (!isQdText(u)) {
                return false;
            }
        }
        return false;  // no closing quote
    }
    while (i < s.size() && isTokenChar(s[i])) ++i;
    return i > from;
}

}  // namespace

bool isChunkExtensions(std::string_view s) {
    std::size_t i = 0;
    while (true) {
        skipBws(s, i);
        if (i == s.size()) return i == 0;  // BWS must lead to a ";": "a " is refused
        if (s[i] != ';') return false;
        ++i;
        skipBws(s, i);
        if (!takeTokenOrQuoted(s, i, false)) return false;  // chunk-ext-name
        std::size_t j = i;
        skipBws(s, j);
        if (j < s.size() && s[j] == '=') {
            ++j;
            skipBws(s, j);
            if (!takeTokenOrQuoted(s, j, true)) return false;  // chunk-ext-val
            i = j;
        }
        if (i == s.size()) return true;
    }
}

HeadLine nextHeadLine(std::string_view buf, HeadCursor& cursor, std::size_t maxHeadBytes,
                      std::string_view what, std::string_view& line, ParseError& err,
                      bool requireCrlf) {
    const std::size_t nl = buf.find('\n', cursor.scan);
    const std::size_t headBytes =
        nl == std::string_view::npos ? buf.size() - cursor.headStart : nl + 1 - cursor.headStart;
    if (nl == std::string_view::npos) cursor.scan = buf.size();
    if (headBytes > maxHeadBytes) {
        err = ParseError::make(ErrorCode::HeaderTooLarge,
                               std::string(what) + " header section over the limit of " +
                                   std::to_string(maxHeadBytes) + " bytes");
        return HeadLine::TooLarge;
    }
    if (nl == std::string_view::npos) return HeadLine::NeedMore;
    if (requireCrlf && (nl == cursor.pos || buf[nl - 1] != '\r')) {
        err = ParseError::make(ErrorCode::BareLf, std::string(what) +
                                                      " head line ends in a bare LF: HTTP/1.1 "
                                                      "lines end in CRLF");
        return HeadLine::BareLf;
    }
    line = stripCr(buf.substr(cursor.pos, nl - cursor.pos));
    cursor.pos = cursor.scan = nl + 1;
    return HeadLine::Line;
}

bool addFieldLine(std::string_view line, Headers& headers, std::size_t maxCount, ParseError& err) {
    if (!parseFieldLine(line, headers, ErrorCode::BadHeader, err)) return false;
    if (headers.size() > maxCount) {
        err = ParseError::make(ErrorCode::TooManyHeaders,
                               "more than " + std::to_string(maxCount) + " header fields");
        return false;
    }
    return true;
}

bool parseFieldLine(std::string_view line, Headers& headers, ErrorCode code, ParseError& err) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        err = ParseError::make(code, "header line without a colon");
        return false;
    }
    const std::string_view name = line.substr(0, colon);
    if (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
        // RFC 9112 §5.1: must be rejected, it is a classic smuggling vector.
        err = ParseError::make(code, "whitespace between header name and colon");
        return false;
    }
    if (!isToken(name)) {
        err = ParseError::make(code, "invalid header name");
        return false;
    }
    const std::string_view value = trimOws(line.substr(colon + 1));
    if (!isValidFieldValue(value)) {
        err =
            ParseError::make(code, "control character in the value of header " + std::string(name));
        return false;
    }
    headers.add(name, value);
    return true;
}

LengthResult contentLength(const Headers& headers, std::uint64_t& length, ParseError& err) {
    bool found = false;
    std::uint64_t value = 0;
    for (const auto& field : headers) {
        if (!Headers::equalsIgnoreCase(field.name, "Content-Length")) continue;
        std::string_view list = field.value;
        // RFC 9110 §8.6: "Content-Length: 5, 5" may be accepted as 5; anything else is fatal.
        while (true) {
            const auto comma = list.find(',');
            const std::string_view item = trimOws(list.substr(0, comma));
            if (item.empty() || item.size() > 19) {
                err = ParseError::make(
                    ErrorCode::BadContentLength,
                    "Content-Length \"" + std::string(field.value) + "\" is not a valid length");
                return LengthResult::Invalid;
            }
            std::uint64_t n = 0;
            for (char c : item) {
                if (c < '0' || c > '9') {
                    err = ParseError::make(
                        ErrorCode::BadContentLength,
                        "Content-Length \"" + std::string(field.value) + "\" is not a number");
                    return LengthResult::Invalid;
                }
                n = n * 10 +
                    static_cast<std::uint64_t>(c - '0');  // 19 digits cannot overflow 64 bits
            }
            if (found && n != value) {
                err = ParseError::make(ErrorCode::ConflictingContentLength,
                                       "several Content-Length values that differ");
                return LengthResult::Invalid;
            }
            found = true;
            value = n;
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
    }
    if (!found) return LengthResult::Absent;
    length = value;
    return LengthResult::Present;
}

TransferCoding transferCoding(const Headers& headers) {
    TransferCoding tc;
    for (const auto& field : headers) {
        if (!Headers::equalsIgnoreCase(field.name, "Transfer-Encoding")) continue;
        tc.present = true;
        std::string_view list = field.value;
        while (true) {
            const auto comma = list.find(',');
            std::string_view item = trimOws(list.substr(0, comma));
            // Parameters (";q=...") are not allowed on chunked; keep the name only for others.
            const auto semi = item.find(';');
            const std::string_view name = trimOws(item.substr(0, semi));
            if (name.empty() || !isToken(name)) {
                tc.empty = true;
            } else if (Headers::equalsIgnoreCase(name, "chunked") &&
                       semi == std::string_view::npos) {
                if (tc.chunkedLast) tc.chunkedTwice = true;
                tc.chunkedLast = true;
            } else {
                if (tc.chunkedLast) tc.chunkedTwice = true;  // chunked followed by something else
                tc.chunkedLast = false;
                tc.unknown = true;
            }
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
    }
    return tc;
}

}  // namespace sockwb::http::grammar
