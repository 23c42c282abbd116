#include "core/codegen/codeliterals.h"

namespace sockwb::codegen {

namespace {

const char kHex[] = "0123456789abcdef";

// One byte inside a C literal; prev is the byte before it (for "??").
void appendC(std::string& out, unsigned char c, unsigned char prev) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        case '?':
            out += prev == '?' ? "\\?" : "?";
            return;
        default:
            break;
    }
    if (c >= 0x20 && c < 0x7f) {
        out += static_cast<char>(c);
        return;
    }
    out += '\\';
    out += static_cast<char>('0' + ((c >> 6) & 7));
    out += static_cast<char>('0' + ((c >> 3) & 7));
    out += static_cast<char>('0' + (c & 7));
}

void appendPython(std::string& out, unsigned char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    if (c >= 0x20 && c < 0x7f) {
        out += static_cast<char>(c);
        return;
    }
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
}

// Splits after each '\n' into adjacent literals (prefix "b" for Python).
template <class Append>
std::string split(std::string_view bytes, std::string_view indent, const char* open,
                  Append append) {
    std::string out = open;
    unsigned char prev = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        append(out, c, prev);
        prev = c;
        if (c == '\n' && i + 1 < bytes.size()) {
            out += "\"\n";
            out += indent;
            out += open;
            prev = 0;
        }
    }
    out += '"';
    return out;
}

}  // namespace

std::string cLiteral(std::string_view bytes, std::string_view indent) {
    return split(bytes, indent, "\"", appendC);
}

std::string pythonLiteral(std::string_view bytes, std::string_view indent) {
    return split(bytes, indent, "b\"",
                 [](std::string& out, unsigned char c, unsigned char) { appendPython(out, c); });
}

std::string commentText(std::string_view bytes, size_t maxChars) {
    std::string out;
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (out.size() >= maxChars) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c >= 0x7f) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else if (c == '/' && !out.empty() && out.back() == '*') {
            out += " /";  // never "*/" inside a C comment
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace sockwb::codegen
