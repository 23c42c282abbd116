#pragma once
// Writes an exported server as one standalone Python 3 program: the same
// plan as the C writer (serverplan.h) with the socket module, os.fork,
// threading, and select.select / select.poll / select.epoll. Pure
// function: thread-safe.

#include <string>

#include "core/codegen/serverplan.h"

namespace sockwb::codegen {

// The whole Python source for the plan.
std::string writePythonServer(const ServerPlan& plan);

}  // namespace sockwb::codegen
