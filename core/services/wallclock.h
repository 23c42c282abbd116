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

// "2024-03-01 14:05:09" in local time: the clock service's line, without
// the newline. Thread-safe (localtime_r).
std::string formatLocalTime(std::chrono::system_clock::time_point t);

// "Friday, March 01, 2024 14:05:09-CET": the form RFC 867 suggests, local
// time, English names whatever the process locale. Thread-safe.
std::string formatDaytime(std::chrono::system_clock::time_point t);

}  // namespace sockwb
