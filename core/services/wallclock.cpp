#include "core/services/wallclock.h"

#include <cstdio>
#include <ctime>

namespace sockwb {

namespace {

std::tm localTm(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&secs, &tm);
    return tm;
}

}  // namespace

std::chrono::system_clock::time_point systemNow() { return std::chrono::system_clock::now(); }

std::string formatLocalTime(std::chrono::system_clock::time_point t) {
    const std::tm tm = localTm(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string formatDaytime(std::chrono::system_clock::time_point t) {
    // Names from our own tables: strftime would follow the process locale
    // (the GUI sets one) and the line would change with the user's language.
    static const char* const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const char* const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    const std::tm tm = localTm(t);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s, %s %02d, %04d %02d:%02d:%02d-%s", days[tm.tm_wday % 7],
                  months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec, tm.tm_zone ? tm.tm_zone : "UTC");
    return buf;
}

}  // namespace sockwb
