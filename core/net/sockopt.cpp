// The named socket options: their table, finding one by name, reading
// "NAME=VALUE" and writing it back. Applying them to a socket and reading
// back what the kernel kept is in sockoptapply.cpp.

#include "core/net/sockopt.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cctype>
#include <charconv>
#include <climits>

namespace sockwb {

namespace {

using K = SockoptKind;

// Linux's own limits where it has them (MAX_TCP_KEEPIDLE, MAX_TCP_KEEPCNT,
// an IPv4 TTL); buffers up to 1 GiB (the kernel caps them at
// net.core.rmem_max / wmem_max anyway); timeouts up to a day.
constexpr int kMaxBuffer = 1 << 30;
constexpr int kMaxKeepSeconds = 32767;
constexpr int kMaxTimeoutMs = 86400000;
constexpr int kMaxLinger = 65535;

std::vector<SockoptSpec> makeSpecs() {
    // name, level, option, kind, tcpOnly, datagramOnly, ipv6Only, beforeBind, min, max
    return {
        {"SO_REUSEADDR", SOL_SOCKET, SO_REUSEADDR, K::Flag, false, false, false, true, 0, 1},
        {"SO_REUSEPORT", SOL_SOCKET, SO_REUSEPORT, K::Flag, false, false, false, true, 0, 1},
        {"SO_RCVBUF", SOL_SOCKET, SO_RCVBUF, K::Bytes, false, false, false, true, 1, kMaxBuffer},
        {"SO_SNDBUF", SOL_SOCKET, SO_SNDBUF, K::Bytes, false, false, false, true, 1, kMaxBuffer},
        {"TCP_NODELAY", IPPROTO_TCP, TCP_NODELAY, K::Flag, true, false, false, false, 0, 1},
        {"SO_KEEPALIVE", SOL_SOCKET, SO_KEEPALIVE, K::Flag, true, false, false, false, 0, 1},
        {"TCP_KEEPIDLE", IPPROTO_TCP, TCP_KEEPIDLE, K::Seconds, true, false, false, false, 1,
         kMaxKeepSeconds},
        {"TCP_KEEPINTVL", IPPROTO_TCP, TCP_KEEPINTVL, K::Seconds, true, false, false, false, 1,
         kMaxKeepSeconds},
        {"TCP_KEEPCNT", IPPROTO_TCP, TCP_KEEPCNT, K::Count, true, false, false, false, 1, 127},
        {"SO_LINGER", SOL_SOCKET, SO_LINGER, K::Linger, true, false, false, false, -1, kMaxLinger},
        {"SO_RCVTIMEO", SOL_SOCKET, SO_RCVTIMEO, K::Millis, false, false, false, false, 0,
         kMaxTimeoutMs},
        {"SO_SNDTIMEO", SOL_SOCKET, SO_SNDTIMEO, K::Millis, false, false, false, false, 0,
         kMaxTimeoutMs},
        {"SO_BROADCAST", SOL_SOCKET, SO_BROADCAST, K::Flag, false, true, false, false, 0, 1},
        {"IP_TTL", IPPROTO_IP, IP_TTL, K::Count, false, false, false, false, 1, 255},
        {"IPV6_V6ONLY", IPPROTO_IPV6, IPV6_V6ONLY, K::Flag, false, false, true, true, 0, 1},
    };
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

// "SO_RCVBUF" without its family prefix: "RCVBUF".
std::string_view bareName(std::string_view name) {
    for (std::string_view prefix : {"IPV6_", "TCP_", "SO_", "IP_"})
        if (name.substr(0, prefix.size()) == prefix) return name.substr(prefix.size());
    return name;
}

std::string knownNames() {
    std::string out;
    for (const auto& s : sockoptSpecs()) out += (out.empty() ? "" : ", ") + std::string(s.name);
    return out;
}

// A whole number followed by an optional unit: "64k" -> 64, "k".
bool splitNumber(std::string_view text, long long& number, std::string& unit) {
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, number);
    if (r.ec != std::errc() || r.ptr == text.data()) return false;
    unit = upper(std::string_view(r.ptr, static_cast<size_t>(end - r.ptr)));
    return true;
}

// The value in the kind's unit, or nullopt when the text is not one.
std::optional<long long> parseValue(const SockoptSpec& spec, std::string_view text) {
    const std::string word = upper(text);
    if (spec.kind == K::Flag) {
        if (word == "ON" || word == "TRUE" || word == "YES" || word == "1") return 1;
        if (word == "OFF" || word == "FALSE" || word == "NO" || word == "0") return 0;
        return std::nullopt;
    }
    if (spec.kind == K::Linger && (word == "OFF" || word == "-1")) return -1;
    long long n = 0;
    std::string unit;
    if (!splitNumber(text, n, unit) || n < 0) return std::nullopt;
    constexpr long long kCap = 1ll << 40;  // no overflow below, still out of every range
    if (n > kCap) return n;
    switch (spec.kind) {
        case K::Count:
            return unit.empty() ? std::optional<long long>(n) : std::nullopt;
        case K::Bytes:
            if (unit.empty() || unit == "B") return n;
            if (unit == "K" || unit == "KB" || unit == "KIB") return n * 1024;
            if (unit == "M" || unit == "MB" || unit == "MIB") return n * 1024 * 1024;
            return std::nullopt;
        case K::Seconds:
        case K::Linger:
            return unit.empty() || unit == "S" ? std::optional<long long>(n) : std::nullopt;
        case K::Millis:
            if (unit.empty() || unit == "MS") return n;
            if (unit == "S") return n * 1000;
            return std::nullopt;
        case K::Flag:
            break;
    }
    return std::nullopt;
}

// What a kind's value looks like, for the message of a refused one.
std::string expectedForm(const SockoptSpec& s) {
    const std::string name = s.name;
    const std::string range = std::to_string(s.minValue) + " to " + std::to_string(s.maxValue);
    switch (s.kind) {
        case K::Flag:
            return name + " takes on or off (1/0, true/false, yes/no)";
        case K::Count:
            return name + " takes a whole number from " + range;
        case K::Bytes:
            return name + " takes a size in bytes from " + range + " (4096, 64k, 1m)";
        case K::Seconds:
            return name + " takes seconds from " + range + " (60 or 60s)";
        case K::Millis:
            return name + " takes a timeout ≥ 0 up to " + std::to_string(s.maxValue) +
                   " ms (500ms, 2s; a bare number is ms; 0: no timeout)";
        case K::Linger:
            return name + " takes off or seconds ≥ 0 up to " + std::to_string(s.maxValue) +
                   " (0: reset the connection on close)";
    }
    return name;
}

Error refused(std::string_view text, std::string sentence) {
    return Error::invalid("--sockopt '" + std::string(text) + "'", std::move(sentence));
}

}  // namespace

const std::vector<SockoptSpec>& sockoptSpecs() {
    static const std::vector<SockoptSpec> specs = makeSpecs();
    return specs;
}

const SockoptSpec* findSockopt(std::string_view name) {
    const std::string wanted = upper(trimmed(name));
    if (wanted.empty()) return nullptr;
    for (const auto& s : sockoptSpecs())
        if (wanted == s.name || wanted == bareName(s.name)) return &s;
    return nullptr;
}

SockoptSetting parseSockopt(std::string_view text) {
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos)
        throw refused(text,
                      "expected NAME=VALUE, as in TCP_NODELAY=on; the options are " + knownNames());
    const std::string_view name = trimmed(text.substr(0, eq));
    const SockoptSpec* spec = findSockopt(name);
    if (!spec)
        throw refused(
            text, "unknown option '" + std::string(name) + "'; the options are " + knownNames());
    const std::string_view valueText = trimmed(text.substr(eq + 1));
    const auto value = parseValue(*spec, valueText);
    if (!value || *value < spec->minValue || *value > spec->maxValue)
        throw refused(text, expectedForm(*spec));
    return SockoptSetting{spec->name, static_cast<int>(*value)};
}

std::string sockoptValueText(SockoptKind kind, int value) {
    switch (kind) {
        case K::Flag:
            return value ? "on" : "off";
        case K::Seconds:
            return std::to_string(value) + "s";
        case K::Millis:
            return std::to_string(value) + "ms";
        case K::Linger:
            return value < 0 ? "off" : std::to_string(value);
        case K::Count:
        case K::Bytes:
            break;
    }
    return std::to_string(value);
}

std::string sockoptText(const SockoptSetting& s) {
    const SockoptSpec* spec = findSockopt(s.name);
    return s.name + "=" + (spec ? sockoptValueText(spec->kind, s.value) : std::to_string(s.value));
}

const SockoptSetting* findSetting(const std::vector<SockoptSetting>& settings,
                                  std::string_view name) {
    const SockoptSpec* spec = findSockopt(name);
    if (!spec) return nullptr;
    const SockoptSetting* found = nullptr;
    for (const auto& s : settings)
        if (s.name == spec->name) found = &s;  // the last one wins, as on a command line
    return found;
}

}  // namespace sockwb
