#pragma once
// One connection of the http service: an event-driven state machine the
// engine drives (see core/server/service.h). Requests are parsed incrementally and
// answered strictly in order (pipelining); while one answer is in progress
// (a /delay timer, a large body streamed in slices) the following requests
// wait in the parser. Large bodies (/bytes, /chunked, static files) are
// queued in bounded slices: the session sends while ctx.queuedBytes() is
// under a high-water mark, then comes back on a timer, so memory stays
// bounded whatever N is and however slowly the peer reads.
//
// Timeouts (httptimeouts.cpp, ServiceOptions): the connection is always in
// one wait, watched by one watchdog timer (SessionContext::startWatchdog):
//   - the next request (keep-alive, and the first one): keepAliveTimeoutMs
//     of silence, then a silent close (no request was started);
//   - the request head, from its first byte: headerTimeoutMs in TOTAL, so a
//     client trickling a byte at a time cannot extend it (slowloris);
//   - the body: bodyTimeoutMs without a byte;
//   - an answer in progress: none of these.
// A head or body not received in time gets "408 Request Timeout" with
// "Connection: close" (RFC 9110 §15.5.9), then the close.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/http/request.h"
#include "core/http/requestparser.h"
#include "core/http/response.h"
#include "core/server/memorybudget.h"
#include "core/server/service.h"
#include "core/services/staticfiles.h"

namespace sockwb {

class HttpSession final : public Session {
public:
    // Largest /bytes/N and /chunked/N, and largest /delay/MS.
    static constexpr uint64_t kMaxBytes = 100ull * 1024 * 1024;
    static constexpr uint64_t kMaxDelayMs = 60000;
    // Output is queued while less than this is waiting in the model.
    static constexpr size_t kHighWater = 1024 * 1024;
    static constexpr size_t kSlice = 64 * 1024;
    // Input held while an answer is in progress (requests pipelined behind
    // a /delay or a long body): beyond it the model stops reading.
    static constexpr size_t kMaxPendingInput =
        64 * 1024 + http::RequestParser::Limits{}.maxHeaderBytes;

    // Called by the model on the session's thread (not thread-safe).
    void onOpen(SessionContext& ctx) override;
    // Called by the model on the session's thread (not thread-safe).
    void onData(SessionContext& ctx, std::string_view bytes) override;
    // Called by the model on the session's thread (not thread-safe).
    void onTimer(SessionContext& ctx, int id) override;
    // A stream that stopped at the high-water mark goes on (no timer polls).
    void onWritable(SessionContext& ctx) override;
    // Called by the model on the session's thread (not thread-safe).
    void onPeerClosed(SessionContext& ctx) override;
    // Busy with an answer and kMaxPendingInput bytes waiting behind it. Const.
    bool inputPaused() const override;

private:
    enum class Source { Pattern, File };
    enum Timer { DelayTimer = 1, PumpTimer = 2 };

    void process(SessionContext& ctx);
    void handle(SessionContext& ctx, const http::Request& req);
    void route(SessionContext& ctx, const http::Request& req, std::string_view path);
    void serveStatic(SessionContext& ctx, const http::Request& req, std::string_view path);
    // GET or HEAD / with a root: its index.html when there is one (true).
    bool serveIndex(SessionContext& ctx, const http::Request& req);
    // Streams the file a lookup found (200).
    void sendFile(SessionContext& ctx, const http::Request& req, StaticFiles::Lookup& found);
    // A complete answer with a body built in memory.
    void answer(SessionContext& ctx, const http::Request& req, int status, std::string_view type,
                std::string body, const http::Headers& extra = {});
    // The wire bytes of such an answer (HEAD: no body; Connection as needed).
    std::string build(const http::Request& req, int status, std::string_view type,
                      std::string_view body, const http::Headers& extra) const;
    // GET /: the hello page, built once per connection and request line.
    void hello(SessionContext& ctx, const http::Request& req);
    // The peer as text, formatted on first use and kept.
    const std::string& peerText(SessionContext& ctx);
    // Starts a streamed answer of `length` bytes from `source`.
    void stream(SessionContext& ctx, const http::Request& req, std::string_view type,
                uint64_t length, Source source, bool chunked);
    void pump(SessionContext& ctx);
    void finish(SessionContext& ctx);
    http::Response head(int status) const;
    void addConnection(http::Response& r) const;
    void closeNow(SessionContext& ctx);
    // Charges what the parser holds to the server's memory budget.
    void chargeInput();
    // Replaces the parser, freeing what it held.
    void freshParser();
    // Over the budget while holding part of a request: 503 and close.
    void refuseOverBudget(SessionContext& ctx);

    // Timeouts (httptimeouts.cpp).
    using Clock = std::chrono::steady_clock;
    enum class Wait { None, NextRequest, Head, Body };
    static constexpr int kWatchdogFirst = 1000;  // watchdog timer ids: 1000 and up
    Wait waitingFor() const;
    // After every event: notes the wait the connection is in, arms the watchdog.
    void watch(SessionContext& ctx);
    void onWatchdog(SessionContext& ctx, int id);
    // When the current wait runs out (nullopt: no limit).
    std::optional<Clock::time_point> deadline(const ServiceOptions& opt) const;
    void timeOut(SessionContext& ctx);

    http::RequestParser parser_;
    MemoryCharge input_;      // the parser's bytes, charged to the server's budget
    bool busy_ = false;       // an answer is in progress (timer or stream)
    bool pumpWaits_ = false;  // the stream waits for onWritable (queue at kHighWater)
    bool keepAlive_ = true;   // of the request being answered
    bool closed_ = false;
    bool peerClosed_ = false;
    bool continued_ = false;  // "100 Continue" already sent for this request
    int minor_ = 1;           // HTTP/1.minor of the request being answered

    // The answer in progress.
    std::string delayed_;  // /delay: the bytes to send when the timer fires
    Source source_ = Source::Pattern;
    bool chunked_ = false;
    uint64_t offset_ = 0;
    uint64_t remaining_ = 0;
    size_t chunkSize_ = 0;
    StaticFiles::File file_;  // only while a file is served

    Wait wait_ = Wait::None;
    Clock::time_point waitSince_{}, lastData_{};
    int watchdogId_ = 0;  // the pending watchdog that counts (0: none); older ones are ignored
    int watchdogSeq_ = 0;
    Clock::time_point watchdogDue_{};

    std::string peerText_;
    // The last hello answer and what it depends on.
    std::string helloCache_, helloMethod_, helloTarget_;
    bool helloKeepAlive_ = true;
    int helloMinor_ = 1;
};

}  // namespace sockwb
