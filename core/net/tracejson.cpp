// TraceEvent as one JSON object and back: what `sockwb trace --json` and
// `sockwb serve --json` print, and what `sockwb sequence FILE` reads. The
// reader knows the shape the writer makes (a flat object of strings and
// integers, possibly inside the CLI's {"event":"trace","trace":{...}} line)
// and skips any other value; it is not a general JSON library.

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/http/base64.h"
#include "core/net/error.h"
#include "core/net/jsonwriter.h"
#include "core/net/trace.h"

namespace sockwb {

namespace {

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// A cursor over one line of JSON. Every method returns false on bad input.
class JsonCursor {
public:
    explicit JsonCursor(std::string_view s) : s_(s) {}

    void skipSpace() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            ++i_;
    }
    bool eat(char c) {
        skipSpace();
        if (i_ >= s_.size() || s_[i_] != c) return false;
        ++i_;
        return true;
    }
    char peek() {
        skipSpace();
        return i_ < s_.size() ? s_[i_] : '\0';
    }
    bool atEnd() {
        skipSpace();
        return i_ == s_.size();
    }

    bool string(std::string& out) {
        out.clear();
        if (!eat('"')) return false;
        while (i_ < s_.size()) {
            const char c = s_[i_++];
            if (c == '"') return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) return false;
            switch (s_[i_++]) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp < 0x100) {  // JsonWriter's \u00XX: the byte XX
                        out += static_cast<char>(cp);
                    } else if (cp >= 0xD800 && cp < 0xDC00) {
                        uint32_t low = 0;
                        if (s_.substr(i_, 2) != "\\u") return false;
                        i_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        appendUtf8(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
                    } else {
                        appendUtf8(out, cp);
                    }
                    break;
                }
                default:
                    return false;
            }
        }
        return false;  // no closing quote
    }

    bool integer(int64_t& out) {
        skipSpace();
        const char* begin = s_.data() + i_;
        const auto [end, ec] = std::from_chars(begin, s_.data() + s_.size(), out);
        if (ec != std::errc() || end == begin) return false;
        i_ += static_cast<size_t>(end - begin);
        // A fraction or an exponent: not one of ours, but valid JSON.
        while (i_ < s_.size() &&
               (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-' ||
                (s_[i_] >= '0' && s_[i_] <= '9')))
            ++i_;
        return true;
    }

    // Any value, not kept. Nesting is bounded by the line's length.
    bool skipValue(int depth = 0) {
        if (depth > 64) return false;
        const char c = peek();
        if (c == '"') {
            std::string ignored;
            return string(ignored);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++i_;
            if (eat(close)) return true;
            do {
                if (c == '{') {
                    std::string key;
                    if (!string(key) || !eat(':')) return false;
                }
                if (!skipValue(depth + 1)) return false;
            } while (eat(','));
            return eat(close);
        }
        for (std::string_view word : {"true", "false", "null"})
            if (s_.substr(i_, word.size()) == word) {
                i_ += word.size();
                return true;
            }
        int64_t ignored = 0;
        return integer(ignored);
    }

private:
    bool hex4(uint32_t& out) {
        if (i_ + 4 > s_.size()) return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            out <<= 4;
            if (h >= '0' && h <= '9')
                out |= static_cast<uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                out |= static_cast<uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                out |= static_cast<uint32_t>(h - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    std::string_view s_;
    size_t i_ = 0;
};

// errnoName's inverse: "ECONNREFUSED" -> 111, "E200" -> 200, "" -> 0.
int errnoFromName(const std::string& name) {
    if (name.empty()) return 0;
    for (int e = 1; e < 256; ++e)
        if (errnoName(e) == name) return e;
    for (int e = 1; e < 256; ++e) {  // a name errnoName leaves out (glibc knows them all)
        const char* known = ::strerrorname_np(e);
        if (known && name == known) return e;
    }
    int n = 0;
    if (name.size() > 1 && name[0] == 'E') {
        const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), n);
        if (ec == std::errc() && end == name.data() + name.size()) return n;
    }
    return EINVAL;  // a name nobody here knows: still a failure
}

// The members of one object into e; `found` says whether "call" was there.
bool readEvent(JsonCursor& in, TraceEvent& e, bool& found, int depth) {
    if (!in.eat('{')) return false;
    if (in.eat('}')) return true;
    do {
        std::string key;
        if (!in.string(key) || !in.eat(':')) return false;
        bool ok = true;
        int64_t n = 0;
        std::string text;
        if (key == "trace" && in.peek() == '{' && depth == 0) {
            // The CLI's line: the event is the inner object.
            TraceEvent inner;
            bool innerFound = false;
            ok = readEvent(in, inner, innerFound, depth + 1);
            if (ok && innerFound) {
                e = std::move(inner);
                found = true;
            }
        } else if (key == "time_us") {
            ok = in.integer(n) && ((e.timeUs = n), true);
        } else if (key == "pid") {
            ok = in.integer(n) && ((e.pid = static_cast<int>(n)), true);
        } else if (key == "tid") {
            ok = in.integer(n) && ((e.tid = static_cast<int>(n)), true);
        } else if (key == "fd") {
            ok = in.integer(n) && ((e.fd = static_cast<int>(n)), true);
        } else if (key == "result") {
            ok = in.integer(n) && ((e.result = n), true);
        } else if (key == "duration_ns") {
            ok = in.integer(n) && ((e.durationNs = n), true);
        } else if (key == "call") {
            ok = in.string(e.call);
            found = found || ok;
        } else if (key == "args") {
            ok = in.string(e.args);
        } else if (key == "errno") {
            ok = in.string(text) && ((e.err = errnoFromName(text)), true);
        } else if (key == "data_b64") {
            ok = in.string(text) && ((e.data = http::base64::decode(text)), true);
        } else if (key == "local") {
            ok = in.string(e.local);
        } else if (key == "peer") {
            ok = in.string(e.peer);
        } else {
            ok = in.skipValue();
        }
        if (!ok) return false;
    } while (in.eat(','));
    return in.eat('}');
}

}  // namespace

std::string TraceEvent::toJson() const {
    std::string out = "{\"type\":\"trace\",\"time_us\":" + std::to_string(timeUs) +
                      ",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
                      ",\"fd\":" + std::to_string(fd) + ",\"call\":";
    JsonWriter::appendString(out, call);
    out += ",\"args\":";
    JsonWriter::appendString(out, args);
    out += ",\"result\":" + std::to_string(result) + ",\"errno\":";
    JsonWriter::appendString(out, errName());
    out += ",\"duration_ns\":" + std::to_string(durationNs);
    if (!data.empty()) out += ",\"data_b64\":\"" + http::base64::encode(data) + "\"";
    if (!local.empty()) {
        out += ",\"local\":";
        JsonWriter::appendString(out, local);
    }
    if (!peer.empty()) {
        out += ",\"peer\":";
        JsonWriter::appendString(out, peer);
    }
    out += "}";
    return out;
}

std::optional<TraceEvent> TraceEvent::fromJson(std::string_view line) {
    JsonCursor in(line);
    TraceEvent e;
    bool found = false;
    if (!readEvent(in, e, found, 0) || !in.atEnd() || !found) return std::nullopt;
    return e;
}

}  // namespace sockwb
