#pragma once
// HTTP, first version: every request gets a small HTML page saying hello and
// which concurrency model served it (ServiceOptions::modelName), as a proper
// HTTP/1.1 response (Content-Length, Connection: close); a browser shows it.
// A malformed request gets the status the parser names (400, 413, 431...).
// The request is parsed incrementally, so any split of the bytes works.
// The HTTP issue adds /echo and static files from ServiceOptions::root.

#include "core/service.h"

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
