#pragma once
// Time as the time-telling services (daytime, time, clock) read it. Each of
// them takes a WallClock so a test can pin the time and check the protocol
// byte for byte; the registry gives them the system clock.

#include <chrono>
#include <functional>
#include <string>

namespace sockwb {

using WallClock = std::function<std::chrono::system_clock::time_point()>;

// The system clock. Thread-safe.
std::chrono::system_clock::time_point systemNow();

// The local time zone at one instant: its offset from UTC and its
// abbreviation ("CET").
struct LocalZone {
    long offsetSeconds = 0;  // east of UTC
    char abbreviation[16] = "UTC";
};

// The zone in force at t, and now, from localtime_r. Thread-safe.
LocalZone localZoneAt(std::chrono::system_clock::time_point t);
LocalZone currentLocalZone();

// From now on this process converts local time with zone, by arithmetic,
// and never calls localtime_r again. For a fork child: glibc does not
// reset its time-zone lock in the child, so a child forked while another
// thread of the parent was inside localtime_r would wait for that lock for
// ever. The fork model takes currentLocalZone() just before each fork and
// pins it in the child (a session crossing a daylight-saving change keeps
// the offset it started with). Call it while the process has one thread.
void pinLocalZone(const LocalZone& zone);

// "2024-03-01 14:05:09" in local time: the clock service's line, without
// the newline. Thread-safe (localtime_r, or the pinned zone).
std::string formatLocalTime(std::chrono::system_clock::time_point t);

// "Friday, March 01, 2024 14:05:09-CET": the form RFC 867 suggests, local
// time, English names whatever the process locale. Thread-safe.
std::string formatDaytime(std::chrono::system_clock::time_point t);

// The same two lines for t in zone, by arithmetic (what a pinned process
// uses). Thread-safe, lock-free.
std::string formatLocalTime(std::chrono::system_clock::time_point t, const LocalZone& zone);
std::string formatDaytime(std::chrono::system_clock::time_point t, const LocalZone& zone);

}  // namespace sockwb
