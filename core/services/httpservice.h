#pragma once
// The http service: GET / says hello and which concurrency model served it
// (ServiceOptions::modelName); /echo, /status/N, /delay/MS, /bytes/N,
// /chunked/N; static files under ServiceOptions::root (no way out of it);
// HEAD, keep-alive, pipelining, HTTP/1.0. A malformed request gets the
// status the parser names (400, 413, 431, 501, 505) and the connection is
// closed. The per-connection state machine is HttpSession (httpsession.h).

#include "core/server/service.h"

namespace sockwb {

class HttpService final : public Service {
public:
    // The page for a request (method and target as received, HTML-escaped
    // here). Thread-safe.
    static std::string helloPage(std::string_view model, std::string_view method,
                                 std::string_view target, std::string_view peer);

    // Thread-safe (const).
    std::string name() const override { return "http"; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
};

}  // namespace sockwb
