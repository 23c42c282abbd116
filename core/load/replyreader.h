#pragma once
// What a load connection reads back for one request, whatever the workload:
// an HTTP response (framed by the fast ResponseScanner, or by the full
// http::ResponseParser when asked, for comparison), the echo of a payload
// (a byte count), or one echoed datagram. One per connection; not thread-safe.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/load/loadconfig.h"
#include "core/load/responsescanner.h"

namespace sockwb::http {
class ResponseParser;
}

namespace sockwb::load {

class ReplyReader {
public:
    enum class Result { NeedMore, Complete, Error };

    // expected: the payload size echoed back (echo workloads). Not thread-safe.
    ReplyReader(Workload workload, std::size_t expected, bool fullParser);
    ~ReplyReader();
    ReplyReader(ReplyReader&&) noexcept;
    ReplyReader& operator=(ReplyReader&&) noexcept;

    // Bytes of the reply (one datagram for UDP). Bytes beyond the end of the
    // reply are an Error: requests are never pipelined. Not thread-safe.
    Result feed(std::string_view data);
    // The peer closed: completes a close-delimited HTTP body, else Error. Not thread-safe.
    Result onEof();
    // Ready for the next reply. Not thread-safe.
    void reset();

    // HTTP status (echo: 200) once Complete. Const.
    int status() const noexcept { return status_; }
    // The server lets the connection carry another request (once Complete). Const.
    bool keepAlive() const noexcept { return keepAlive_; }
    // Why the reply was refused (Error). Const.
    const std::string& error() const noexcept { return error_; }

private:
    Result fail(std::string why);

    Workload workload_;
    std::size_t expected_;
    std::size_t got_ = 0;
    int status_ = 0;
    bool keepAlive_ = true;
    std::string error_;
    ResponseScanner scanner_;
    std::unique_ptr<http::ResponseParser> parser_;
};

}  // namespace sockwb::load
