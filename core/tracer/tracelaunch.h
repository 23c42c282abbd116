#pragma once
// What a traced program is started with: where libsockwb-trace.so is, and
// the environment that preloads it (LD_PRELOAD) and tells it the receiver's
// socket ($SOCKWB_TRACE_SOCKET). Shared by `sockwb trace` and the GUI's Run a
// program... window. Pure functions (they read the file system and the
// environment): thread-safe.

#include <string>
#include <vector>

namespace sockwb::tracer {

inline constexpr const char* kTraceLibraryName = "libsockwb-trace.so";

// The directory of the running executable (/proc/self/exe), "" if unknown.
std::string selfDirectory();

// The places findTraceLibrary() looks, in order: $SOCKWB_TRACE_LIB when set;
// next to the executable (the build tree: build/<preset>/bin); the installed
// library directory relative to it (../lib/<multiarch>/sockwb).
std::vector<std::string> traceLibraryCandidates(const std::string& exeDir);
// The first candidate that exists, "" if none.
std::string findTraceLibrary(const std::string& exeDir);

// `base` ("NAME=value" entries) with LD_PRELOAD = library (before any
// library already preloaded) and SOCKWB_TRACE_SOCKET = socketPath.
std::vector<std::string> tracedEnvironment(std::vector<std::string> base,
                                           const std::string& library,
                                           const std::string& socketPath);
// This process's environment as "NAME=value" entries.
std::vector<std::string> currentEnvironment();

}  // namespace sockwb::tracer
