#pragma once
// The one duration type of the core's timeouts, intervals and timers.

#include <chrono>

namespace sockwb {

using Millis = std::chrono::milliseconds;

}  // namespace sockwb
