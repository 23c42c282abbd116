// The relay's option parsers (--latency, --slice, --reset-after,
// --close-after, --drop...) and the small helpers of relayconfig.h. Every
// refusal is an Error (InvalidInput) whose call is the option and whose
// detail quotes the text and shows the form expected.

#include "core/relay/relayconfig.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "core/net/error.h"

namespace sockwb {

const char* relayDirectionName(RelayDirection d) noexcept {
    return d == RelayDirection::Up ? "up" : "down";
}

bool DirectionFaults::any() const {
    const bool latency = (latencyMs.value > 0 || latencyMs.spread > 0) && latencyP > 0.0;
    const bool slice = sliceBytes.value > 0 && sliceP > 0.0;
    const bool limits = (resetAfter.has_value() || closeAfter.has_value() || stall) && limitP > 0.0;
    return latency || slice || limits || bandwidthKBps > 0 || dropP > 0.0 || duplicateP > 0.0 ||
           reorderP > 0.0;
}

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

[[noreturn]] void refuse(std::string_view option, std::string_view text, std::string_view why,
                         std::string_view form) {
    throw Error::invalid(std::string(option), "'" + std::string(text) + "' " + std::string(why) +
                                                  ": expected " + std::string(form));
}

// The whole of s as a non-negative decimal integer no larger than max.
template <class T>
bool parseUnsigned(std::string_view s, T max, T* out) {
    if (s.empty() || s.front() < '0' || s.front() > '9') return false;
    T v{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v > max) return false;
    *out = v;
    return true;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

constexpr std::string_view kSpreadForm =
    "N or N±SPREAD with whole numbers (50, 50±10, 50+-10, 50~10)";
constexpr std::string_view kLimitForm =
    "bytes (1000, 64k, 1m) or a time (500ms, 2s), a whole number with an optional unit";
constexpr std::string_view kProbabilityForm =
    "a probability from 0 to 1 (0.25) or a percentage "
    "from 0% to 100% (25%)";

}  // namespace

Spread parseSpread(std::string_view text, std::string_view option) {
    const std::string_view s = trimmed(text);
    if (s.empty()) refuse(option, text, "is empty", kSpreadForm);
    // The separators: "±" (UTF-8 C2 B1), "+-" and "~".
    size_t at = std::string_view::npos, width = 0;
    for (std::string_view sep :
         {std::string_view("\xC2\xB1"), std::string_view("+-"), std::string_view("~")}) {
        const size_t p = s.find(sep);
        if (p != std::string_view::npos && p < at) {
            at = p;
            width = sep.size();
        }
    }
    const std::string_view valueText = trimmed(s.substr(0, at));
    const std::string_view spreadText =
        at == std::string_view::npos ? std::string_view() : trimmed(s.substr(at + width));
    constexpr int kMax = std::numeric_limits<int>::max();
    Spread out;
    if (valueText.empty()) refuse(option, text, "has no value before the spread", kSpreadForm);
    if (valueText.front() == '-') refuse(option, text, "is negative", kSpreadForm);
    if (!parseUnsigned(valueText, kMax, &out.value))
        refuse(option, text, "is not a whole number", kSpreadForm);
    if (at != std::string_view::npos) {
        if (spreadText.empty()) refuse(option, text, "has no spread after the sign", kSpreadForm);
        if (spreadText.front() == '-') refuse(option, text, "has a negative spread", kSpreadForm);
        if (!parseUnsigned(spreadText, kMax, &out.spread))
            refuse(option, text, "has a spread that is not a whole number", kSpreadForm);
        if (out.spread > kMax - out.value) refuse(option, text, "is too large", kSpreadForm);
    }
    return out;
}

FaultLimit parseFaultLimit(std::string_view text, std::string_view option) {
    const std::string_view s = trimmed(text);
    if (s.empty()) refuse(option, text, "is empty", kLimitForm);
    if (s.front() == '-') refuse(option, text, "is negative", kLimitForm);
    size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0) refuse(option, text, "does not start with a whole number", kLimitForm);
    const std::string_view unit = trimmed(s.substr(digits));
    FaultLimit out;
    uint64_t factor = 1;
    if (unit.empty() || iequals(unit, "b")) {
        out.unit = FaultLimit::Unit::Bytes;
    } else if (iequals(unit, "k") || iequals(unit, "kb")) {
        out.unit = FaultLimit::Unit::Bytes;
        factor = 1024;
    } else if (iequals(unit, "m") || iequals(unit, "mb")) {
        out.unit = FaultLimit::Unit::Bytes;
        factor = 1024 * 1024;
    } else if (iequals(unit, "ms")) {
        out.unit = FaultLimit::Unit::Millis;
    } else if (iequals(unit, "s")) {
        out.unit = FaultLimit::Unit::Millis;
        factor = 1000;
    } else {
        refuse(option, text, "has an unknown unit '" + std::string(unit) + "'", kLimitForm);
    }
    uint64_t n = 0;
    constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
    if (!parseUnsigned(s.substr(0, digits), kMax / factor, &n))
        refuse(option, text, "is too large", kLimitForm);
    out.amount = n * factor;
    return out;
}

double parseProbability(std::string_view text, std::string_view option) {
    std::string_view s = trimmed(text);
    if (s.empty()) refuse(option, text, "is empty", kProbabilityForm);
    const bool percent = s.back() == '%';
    if (percent) s = trimmed(s.substr(0, s.size() - 1));
    // Digits and at most one dot: no sign, exponent, "inf" or "nan".
    bool digit = false;
    int dots = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c == '.')
            ++dots;
        else
            refuse(option, text, "is not a number", kProbabilityForm);
    }
    if (!digit || dots > 1) refuse(option, text, "is not a number", kProbabilityForm);
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        refuse(option, text, "is not a number", kProbabilityForm);
    if (percent) v /= 100.0;
    if (v > 1.0) refuse(option, text, "is more than certain", kProbabilityForm);
    return v;
}

}  // namespace sockwb
