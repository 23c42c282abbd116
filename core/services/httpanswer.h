#pragma once
// The wire bytes of a complete HTTP/1.1 answer whose body is in memory,
// written straight into one string: the bytes http::Response::serialize()
// gives for the same status line and fields, without building a Response
// (no Headers vector, no string per field). The http service's hot path.

#include <string>
#include <string_view>

#include "core/http/headers.h"

namespace sockwb {

struct HttpAnswer {
    int status = 200;
    std::string_view type;  // Content-Type (bodiless statuses: unused)
    std::string_view body;
    bool head = false;                     // answer to HEAD: the GET head, no body
    bool keepAlive = true;                 // false: "Connection: close"
    int minor = 1;                         // HTTP/1.0 kept alive: "Connection: keep-alive"
    const http::Headers* extra = nullptr;  // fields after Content-Length

    // Status line, Server, X-Content-Type-Options: nosniff, Content-Type,
    // Content-Length, extra, Connection, blank line, body. Thread-safe (pure).
    std::string wire() const;
};

}  // namespace sockwb
