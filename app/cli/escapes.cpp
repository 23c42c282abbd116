#include "app/cli/escapes.h"

#include "core/net/error.h"

namespace sockwb::app {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string decodeEscapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i + 1 >= text.size())
            throw Error::invalid("a lone '\\' ends '" + std::string(text) + "'",
                                 "write \\\\ for a backslash");
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
                const int hi = i + 1 < text.size() ? hexDigit(text[i + 1]) : -1;
                const int lo = i + 2 < text.size() ? hexDigit(text[i + 2]) : -1;
                if (hi < 0 || lo < 0)
                    throw Error::invalid("bad escape in '" + std::string(text) + "'",
                                         "\\x needs two hex digits, as in \\x0a");
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                break;
            }
            default:
                throw Error::invalid(
                    "unknown escape '\\" + std::string(1, e) + "' in '" + std::string(text) + "'",
                    "the escapes are \\n \\r \\t \\0 \\\\ \\xHH");
        }
    }
    return out;
}

}  // namespace sockwb::app
