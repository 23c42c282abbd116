#pragma once

#include <string>

#include "core/http/headers.h"

namespace sockwb::http {

// One HTTP/1.x request as plain data: request line, fields, body bytes and
// (for chunked bodies) trailer fields. A value type: copy or move freely.
class Request {
public:
    std::string method = "GET";
    std::string target = "/";  // as on the wire: origin-form, absolute-form, "*" or authority
    std::string version = "HTTP/1.1";
    Headers headers;
    std::string body;  // bytes (binary-safe), already de-chunked when parsed
    Headers trailers;  // trailer fields of a chunked body

    // Exact wire bytes: request line, fields, CRLF, body as held (no framing added). Const:
    // thread-safe for readers.
    std::string serialize() const;
    // Sets Content-Length to body.size() (and drops Transfer-Encoding). Not thread-safe.
    void updateContentLength();
    // Minor version digit (0 for HTTP/1.0, 1 otherwise). Const: thread-safe for readers.
    int minorVersion() const;
};

// Why these fields cannot be sent, "" when they can: a name that is not a
// token, or a value holding CR, LF, NUL or another control byte (RFC 9110
// §5.1, §5.5). A CR LF in a value would start another header (injection).
// Pure, thread-safe.
std::string invalidFieldReason(const Headers& headers);
// Throws Error (invalid argument) worded by invalidFieldReason(). Pure.
void checkFields(const Headers& headers);

}  // namespace sockwb::http
