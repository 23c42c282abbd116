#include "core/net/jsonwriter.h"

namespace sockwb {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], 0 when invalid
// (overlongs, surrogates and code points over U+10FFFF are invalid).
size_t utf8Length(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (b(1) < lo || b(1) > hi) return 0;
    for (size_t k = 2; k < n; ++k)
        if (b(k) < 0x80 || b(k) > 0xBF) return 0;
    return n;
}

void appendU00(std::string& out, unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    out += "\\u00";
    out += hex[c >> 4];
    out += hex[c & 0xF];
}

}  // namespace

void JsonWriter::appendString(std::string& out, std::string_view bytes) {
    out += '"';
    for (size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            switch (c) {
                case '"':
                    out += "\\\"";
                    break;
                case '\\':
                    out += "\\\\";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                default:
                    if (c < 0x20)
                        appendU00(out, c);
                    else
                        out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        const size_t n = utf8Length(bytes, i);
        if (n == 0) {
            appendU00(out, c);
            ++i;
        } else {
            out.append(bytes.substr(i, n));
            i += n;
        }
    }
    out += '"';
}

std::string JsonWriter::quoted(std::string_view bytes) {
    std::string out;
    appendString(out, bytes);
    return out;
}

}  // namespace sockwb
