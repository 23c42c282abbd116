#pragma once
// The bounds of ServerConfig::loops (server.h): Server::validate enforces
// them, the CLI, the forms and workspace files offer the same range. Apart
// from server.h so that a front end can name the bound without the engine
// header changing. Constants only: thread-safe.

namespace sockwb {

inline constexpr int kMaxServerLoops = 64;  // event loops one server may run

}  // namespace sockwb
