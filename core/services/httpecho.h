#pragma once
// The body of the http service's /echo answer: the request as JSON. Its size
// is bounded whatever the request: at most kShownBody bytes of the request
// body are shown (cut at a UTF-8 boundary), followed by the body's full
// length and whether it was cut. JSON escaping makes a shown byte up to six
// ("\u0001"), so the answer stays under 6 x kShownBody plus the head, which
// the parser already limits (64 KiB): about 800 KiB at worst, where an
// 8 MiB body of control bytes used to give a 48 MiB answer per connection.

#include <cstddef>
#include <string>

#include "core/http/request.h"

namespace sockwb {

struct HttpEcho {
    static constexpr size_t kShownBody = 64 * 1024;

    // {"method":..,"target":..,"version":..,"headers":[[name,value]..],
    //  "body":..,"bodyLength":N,"bodyTruncated":false}. Thread-safe (pure).
    static std::string json(const http::Request& req);
};

}  // namespace sockwb
