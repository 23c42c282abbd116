#pragma once
// Writes an exported server as one standalone C file (C99 + POSIX, Linux
// for epoll): the course's calls in the course's order, every call checked,
// comments in the course's words. serverexport.cpp decides the plan; the
// service and event-loop pieces come from cserverparts.h. Pure function:
// thread-safe.

#include <string>

#include "core/codegen/serverplan.h"

namespace sockwb::codegen {

// The whole C source for the plan.
std::string writeCServer(const ServerPlan& plan);

}  // namespace sockwb::codegen
