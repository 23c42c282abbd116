#include "core/http/percentencoding.h"

namespace sockwb::http::percent {

namespace {
int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}
}  // namespace

std::string encode(std::string_view bytes, std::string_view keep) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size());
    for (char c : bytes) {
        if (isUnreserved(c) || keep.find(c) != std::string_view::npos) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0f];
        }
    }
    return out;
}

std::optional<std::string> decode(std::string_view text, bool plusAsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plusAsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<QueryItem> splitQuery(std::string_view query) {
    std::vector<QueryItem> items;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view part = query.substr(0, amp);
        if (!part.empty()) {
            const auto eq = part.find('=');
            const std::string_view k = part.substr(0, eq);
            const std::string_view v =
                eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
            auto dk = decode(k, true);
            auto dv = decode(v, true);
            items.emplace_back(dk ? std::move(*dk) : std::string(k),
                               dv ? std::move(*dv) : std::string(v));
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return items;
}

std::string joinQuery(const std::vector<QueryItem>& items) {
    std::string out;
    for (const auto& [k, v] : items) {
        if (!out.empty()) out += '&';
        out += encode(k);
        out += '=';
        out += encode(v);
    }
    return out;
}

}  // namespace sockwb::http::percent
