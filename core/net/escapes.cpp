#include "core/net/escapes.h"

namespace sockwb {

int hexDigitValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> decodeEscapes(std::string_view text, EscapeError* error) {
    auto fail = [&](EscapeError::Code code, size_t at, char escape) -> std::optional<std::string> {
        if (error) *error = EscapeError{code, at, escape};
        return std::nullopt;
    };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        const size_t at = i;
        if (i + 1 >= text.size()) return fail(EscapeError::Code::LoneBackslash, at, 0);
        const char e = text[++i];
        switch (e) {
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case '0':
                out += '\0';
                break;
            case '\\':
                out += '\\';
                break;
            case 'x': {
                const int hi = i + 1 < text.size() ? hexDigitValue(text[i + 1]) : -1;
                const int lo = i + 2 < text.size() ? hexDigitValue(text[i + 2]) : -1;
                if (hi < 0 || lo < 0) return fail(EscapeError::Code::BadHex, at, 'x');
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                break;
            }
            default:
                return fail(EscapeError::Code::UnknownEscape, at, e);
        }
    }
    return out;
}

}  // namespace sockwb
