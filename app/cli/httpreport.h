#pragma once
// What `sockwb http` reports besides the body: curl's -v lines ("*" for
// the connection and the TLS handshake, ">" for the request head, "<" for
// the response head) and the --json object of each round trip, its "tls"
// object included. The "*" lines and JSON are English like curl's output
// and stable for scripts (never translated). Thread-safe (pure functions).

#include <string>

#include "core/http/client.h"

namespace sockwb::app {

// "* Connected to ..." (or "* Re-using ..."), then, for a new TLS
// connection, the handshake and the server's certificate; then the
// request head as "> " lines. Each line ends with '\n'.
std::string verboseConnected(const http::Exchange& ex);
// The handshake in curl's words: "* SSL connection using TLSv1.3 / ...",
// ALPN, resumption, the server's certificate and the verification result.
std::string verboseTls(const tls::SessionInfo& info);
// A response head as "< " lines.
std::string verboseResponse(const http::Response& head);

// One round trip as one JSON object (no newline): url, status, peer,
// local, reused, bytes, timings in ms, and "tls" (null for http://).
std::string exchangeJson(const http::Exchange& ex);
// The "tls" object alone: version, cipher, alpn, server_name, resumed,
// verified, verify_result, verify_text and the chain (leaf first).
std::string tlsJson(const tls::SessionInfo& info);

}  // namespace sockwb::app
