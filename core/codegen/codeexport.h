#pragma once
// Export as code: one standalone program, C (the raw socket API as the
// course writes it: socket, bind, listen, accept, connect, send, recv,
// fork, pthread_create, select, poll, epoll, each call checked with
// perror and a comment in the course's words) or Python (the socket,
// select and threading modules), that does what a window does:
//   - a server panel: its service (echo, discard, daytime, time, clock,
//     chat, chargen, http's hello page) under its model (iterative, fork,
//     thread, pool, select, poll, epoll), on its protocol and port;
//   - a client window: connect, its script's sends (with their delays) and
//     reads, then close;
//   - the composer: its request's exact bytes sent to the host, the
//     response read to its end and printed.
// A program exports what it can and says in its header comment what it
// leaves out (TLS, socket options other than SO_REUSEADDR, limits, several
// event loops: "loops" is not exported, the program runs one).
// Pure functions; thread-safe. Throw Error (InvalidInput) when nothing
// sensible can be exported (a unix socket server in Python, ...), with why.

#include <cstdint>
#include <string>
#include <vector>

#include "core/client/clientconnection.h"
#include "core/client/clientscript.h"
#include "core/net/framing.h"
#include "core/server/server.h"

namespace sockwb::codegen {

enum class Language { C, Python };
// "c", "python". Thread-safe.
const char* languageName(Language language) noexcept;

struct ExportedProgram {
    Language language = Language::C;
    std::string fileName;      // "echo_server_epoll.c", "client.py"
    std::string source;        // the whole file
    std::string buildCommand;  // "cc -Wall -Wextra -o echo_server_epoll echo_server_epoll.c" (""
                               // for Python)
    std::string runCommand;    // "./echo_server_epoll 7007" / "python3 client.py"
    // What the program leaves out of what the window does, one sentence each
    // (also written in the source's header comment).
    std::vector<std::string> omissions;
};

// The server's first listener (and, for select/poll/epoll, every listener:
// the course's multi-service server), its model and its service options.
ExportedProgram exportServer(const ServerConfig& config, Language language);

// A client: connect to config.host:config.port (TCP) or sendto it (UDP),
// then the script (sends with their delays, reads until each expected text
// or the peer's close), printing what it receives.
ExportedProgram exportClient(const ClientConfig& config, Framing framing,
                             const std::vector<ScriptStep>& script, Language language);

// An HTTP request: connect to host:port, send requestBytes as they are (the
// composer's exact bytes), read the response until the peer closes or
// Content-Length is reached, print it. https refused (Error, why).
ExportedProgram exportHttpRequest(const std::string& host, uint16_t port, bool https,
                                  const std::string& requestBytes, Language language);

}  // namespace sockwb::codegen
