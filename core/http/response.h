#pragma once

#include <string>
#include <string_view>

#include "core/http/headers.h"

namespace sockwb::http {

// Class of a status code (its first digit), RFC 9110 §15.
enum class StatusClass { Informational, Success, Redirection, ClientError, ServerError, Unknown };

// One HTTP/1.x response as plain data. A value type: copy or move freely.
class Response {
public:
    std::string version = "HTTP/1.1";
    int status = 200;
    std::string reason = "OK";
    Headers headers;
    std::string body;  // bytes (binary-safe), already de-chunked when parsed
    Headers trailers;  // trailer fields of a chunked body

    // Exact wire bytes: status line, fields, CRLF, body as held (no framing added). Const:
    // thread-safe for readers.
    std::string serialize() const;
    // Sets Content-Length to body.size() (and drops Transfer-Encoding). Not thread-safe.
    void updateContentLength();
    // Class of this->status. Const: thread-safe for readers.
    StatusClass statusClass() const { return classOf(status); }

    // Class of any status code (Unknown outside 100..599). Thread-safe (pure).
    static StatusClass classOf(int status);
    // Standard reason phrase ("Not Found"), empty for codes not in the table. Thread-safe (static
    // table).
    static std::string_view reasonPhrase(int status);
    // Appends "VERSION SSS REASON\r\n", the status always three digits on the
    // wire (0 for a nonsensical value set by hand). Thread-safe (pure).
    static void appendStatusLine(std::string& out, std::string_view version, int status,
                                 std::string_view reason);
};

}  // namespace sockwb::http
