#include "core/services/wallclock.h"

#include <cstdio>
#include <ctime>

namespace sockwb {

namespace {

// Set once, in a single-threaded fork child, before any session runs.
bool g_pinned = false;
LocalZone g_zone;

// The broken-down time of t in zone, from the calendar arithmetic of
// <chrono> (no lock, no time-zone database).
std::tm pinnedTm(std::chrono::system_clock::time_point t, const LocalZone& zone) {
    using namespace std::chrono;
    const auto local = floor<seconds>(t) + seconds(zone.offsetSeconds);
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss hms{local - day};
    std::tm tm{};
    tm.tm_year = int(ymd.year()) - 1900;
    tm.tm_mon = int(unsigned(ymd.month())) - 1;
    tm.tm_mday = int(unsigned(ymd.day()));
    tm.tm_hour = int(hms.hours().count());
    tm.tm_min = int(hms.minutes().count());
    tm.tm_sec = int(hms.seconds().count());
    tm.tm_wday = int(weekday{day}.c_encoding());
    tm.tm_yday = int((day - sys_days{ymd.year() / January / 1}).count());
    tm.tm_gmtoff = zone.offsetSeconds;
    tm.tm_zone = zone.abbreviation;
    return tm;
}

std::tm localTm(std::chrono::system_clock::time_point t) {
    if (g_pinned) return pinnedTm(t, g_zone);
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&secs, &tm);
    return tm;
}

std::string localTimeLine(const std::tm& tm) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string daytimeLine(const std::tm& tm) {
    // Names from our own tables: strftime would follow the process locale
    // (the GUI sets one) and the line would change with the user's language.
    static const char* const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const char* const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s, %s %02d, %04d %02d:%02d:%02d-%s", days[tm.tm_wday % 7],
                  months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec, tm.tm_zone ? tm.tm_zone : "UTC");
    return buf;
}

}  // namespace

LocalZone localZoneAt(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    LocalZone zone;
    if (!localtime_r(&secs, &tm)) return zone;
    zone.offsetSeconds = tm.tm_gmtoff;
    std::snprintf(zone.abbreviation, sizeof zone.abbreviation, "%s",
                  tm.tm_zone ? tm.tm_zone : "UTC");
    return zone;
}

LocalZone currentLocalZone() { return localZoneAt(std::chrono::system_clock::now()); }

void pinLocalZone(const LocalZone& zone) {
    g_zone = zone;
    g_pinned = true;
}

std::chrono::system_clock::time_point systemNow() { return std::chrono::system_clock::now(); }

std::string formatLocalTime(std::chrono::system_clock::time_point t) {
    return localTimeLine(localTm(t));
}

std::string formatDaytime(std::chrono::system_clock::time_point t) {
    return daytimeLine(localTm(t));
}

std::string formatLocalTime(std::chrono::system_clock::time_point t, const LocalZone& zone) {
    return localTimeLine(pinnedTm(t, zone));
}

std::string formatDaytime(std::chrono::system_clock::time_point t, const LocalZone& zone) {
    return daytimeLine(pinnedTm(t, zone));
}

}  // namespace sockwb
