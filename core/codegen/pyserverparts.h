#pragma once
// The pieces of an exported Python server that pyserverwriter.cpp puts
// after the shared helpers (pyserverevents.cpp). Pure functions:
// thread-safe.

#include <string>

#include "core/codegen/serverplan.h"

namespace sockwb::codegen {

// serve_datagram(sock, data, client, service) for the plan's UDP services
// (blockingClock: the clock sleeps between its times, as the course's
// iterative UDP server; otherwise it uses the event loop's peer timers).
std::string pythonDatagramServices(const ServerPlan& plan, bool blockingClock);
// The event-driven part and main() for select, poll and epoll.
std::string pythonEventLoop(const ServerPlan& plan);

}  // namespace sockwb::codegen
