#pragma once
// The command line's side of the named socket options (core/net/sockopt.h),
// shared by `sockwb serve` and `sockwb client`: the repeatable
// --sockopt NAME=VALUE read into settings, and each read back written as a
// text line ("sockopt echo/tcp: SO_RCVBUF=4096 → 8192 (the kernel doubles
// it)") or as a JSON line ({"event":"sockopt",...}). Thread-safe: plain
// functions.

#include <string>
#include <vector>

#include "core/net/sockopt.h"

namespace sockwb::app {

// Every --sockopt value, in order. Throws Error (InvalidInput) naming the
// first bad one: an unknown name lists the known ones, a bad value says
// the form that option takes.
std::vector<SockoptSetting> parseSockoptValues(const std::vector<std::string>& values);

// "sockopt: SO_LINGER=0 → 0" (a client), "sockopt echo/tcp: ..." (a
// listener), "sockopt echo/tcp accepted: ..." (its first connection).
std::string sockoptLine(const SockoptReadback& readback);
// {"event":"sockopt","name":"SO_RCVBUF","asked":4096,"readBack":8192,
//  "text":"...","listener":"echo/tcp","accepted":false}; "error" instead of
// "readBack" when it failed or was not applied.
std::string sockoptJson(const SockoptReadback& readback);

}  // namespace sockwb::app
