#pragma once
// PreparedRequest: a request made ready once, then shown, exported and sent
// as is: what to send (request), where (url, parsed once), how (options) and
// the exact bytes (wire == request.serialize(), computed once).
// Client::perform(const PreparedRequest&) writes `wire` as the first hop's
// bytes, so what a preview shows is what goes out. A value type; const
// access is thread-safe.

#include <string>

#include "core/http/client.h"
#include "core/http/request.h"
#include "core/http/url.h"

namespace sockwb::http {

struct PreparedRequest {
    Request request;
    Url url;
    ClientOptions options;
    std::string wire;  // request.serialize()

    // Serializes the request once. Pure.
    static PreparedRequest make(Request request, Url url, ClientOptions options);
};

}  // namespace sockwb::http
