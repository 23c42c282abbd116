#include "core/server/outputlimit.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <vector>

namespace sockwb {

namespace {

// "8M", "512K", "1048576", "0": bytes; nullopt when malformed or too large.
std::optional<size_t> parseSize(std::string_view text) {
    size_t unit = 1;
    if (!text.empty()) {
        switch (text.back()) {
            case 'k':
            case 'K':
                unit = size_t(1) << 10;
                break;
            case 'm':
            case 'M':
                unit = size_t(1) << 20;
                break;
            case 'g':
            case 'G':
                unit = size_t(1) << 30;
                break;
        }
        if (unit != 1) text.remove_suffix(1);
    }
    uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    if (n > std::numeric_limits<size_t>::max() / unit / 2) return std::nullopt;
    return size_t(n) * unit;
}

std::vector<std::string_view> splitCommas(std::string_view text) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t comma = text.find(',', start);
        parts.push_back(text.substr(start, comma - start));
        if (comma == std::string_view::npos) return parts;
        start = comma + 1;
    }
}

std::string shortSize(size_t bytes) {
    const char* suffix[] = {"G", "M", "K"};
    const int shift[] = {30, 20, 10};
    for (int i = 0; i < 3; ++i)
        if (bytes != 0 && bytes % (size_t(1) << shift[i]) == 0)
            return std::to_string(bytes >> shift[i]) + suffix[i];
    return std::to_string(bytes);
}

}  // namespace

std::optional<OutputLimit> parseOutputLimit(std::string_view text) {
    const auto parts = splitCommas(text);
    if (parts.size() != 1 && parts.size() != 3) return std::nullopt;
    OutputLimit limit;
    const auto hard = parseSize(parts[0]);
    if (!hard) return std::nullopt;
    limit.hardBytes = *hard;
    if (parts.size() == 3) {
        const auto soft = parseSize(parts[1]);
        int seconds = 0;
        const auto s = parts[2];
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), seconds);
        if (!soft || s.empty() || ec != std::errc{} || end != s.data() + s.size() || seconds < 0 ||
            seconds > 86400)
            return std::nullopt;
        limit.softBytes = *soft;
        limit.softSeconds = seconds;
    }
    if (parts.size() == 1) limit.softBytes = 0;  // "1M" alone: only a hard limit
    // A soft limit at or over the hard one would never act.
    if (limit.hardBytes != 0 && limit.softBytes >= limit.hardBytes) return std::nullopt;
    return limit;
}

std::string outputLimitText(const OutputLimit& limit) {
    return shortSize(limit.hardBytes) + "," + shortSize(limit.softBytes) + "," +
           std::to_string(limit.softSeconds);
}

std::string sizeText(uint64_t bytes) {
    const char* unit[] = {"GiB", "MiB", "KiB"};
    const int shift[] = {30, 20, 10};
    for (int i = 0; i < 3; ++i) {
        const uint64_t one = uint64_t(1) << shift[i];
        if (bytes < one) continue;
        if (bytes % one == 0) return std::to_string(bytes / one) + " " + unit[i];
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f %s", double(bytes) / double(one), unit[i]);
        return buf;
    }
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

OutputLimiter::Verdict OutputLimiter::check(size_t queued, Clock::time_point now) {
    if (limit_.hardBytes != 0 && queued > limit_.hardBytes) return Verdict::OverHard;
    if (limit_.softBytes == 0 || queued <= limit_.softBytes) {
        overSoftSince_.reset();
        return Verdict::Ok;
    }
    if (!overSoftSince_) overSoftSince_ = now;
    return now - *overSoftSince_ >= std::chrono::seconds(limit_.softSeconds) ? Verdict::OverSoft
                                                                             : Verdict::Ok;
}

std::string OutputLimiter::closeReason(uint64_t id, const std::string& peer, size_t queued,
                                       Verdict verdict, const OutputLimit& limit) {
    std::string text = "client " + std::to_string(id) + " (" + peer + ") closed: ";
    if (verdict == Verdict::OverSoft)
        return text + "over " + sizeText(limit.softBytes) + " queued for " +
               std::to_string(limit.softSeconds) + " s (" + sizeText(queued) +
               " now), it does not read fast enough (output soft limit " +
               sizeText(limit.softBytes) + " for " + std::to_string(limit.softSeconds) + " s)";
    return text + sizeText(queued) + " queued, it does not read (output hard limit " +
           sizeText(limit.hardBytes) + ")";
}

}  // namespace sockwb
