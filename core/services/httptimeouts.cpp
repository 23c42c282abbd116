// HttpSession's timeouts (see httpsession.h): which wait the connection is
// in, its deadline, and the one watchdog timer that enforces it.

#include <algorithm>

#include "core/services/httpsession.h"

namespace sockwb {

namespace {

const char* const kText = "text/plain; charset=utf-8";

}  // namespace

HttpSession::Wait HttpSession::waitingFor() const {
    if (closed_ || busy_ || parser_.status() != http::RequestParser::Status::NeedMore)
        return Wait::None;
    if (parser_.headComplete()) return Wait::Body;
    // A byte of the next request (even one left over after the last) starts its head.
    if (parser_.consumedBytes() > 0 || !parser_.leftover().empty()) return Wait::Head;
    return Wait::NextRequest;
}

std::optional<HttpSession::Clock::time_point> HttpSession::deadline(
    const ServiceOptions& opt) const {
    int ms = 0;
    Clock::time_point from = waitSince_;
    switch (wait_) {
        case Wait::None:
            return std::nullopt;
        case Wait::NextRequest:
            ms = opt.keepAliveTimeoutMs;
            from = std::max(waitSince_, lastData_);
            break;
        case Wait::Head:
            ms = opt.headerTimeoutMs;  // from the first byte: new bytes do not move it
            break;
        case Wait::Body:
            ms = opt.bodyTimeoutMs;
            from = std::max(waitSince_, lastData_);
            break;
    }
    if (ms <= 0) return std::nullopt;
    return from + std::chrono::milliseconds(ms);
}

void HttpSession::watch(SessionContext& ctx) {
    if (closed_) return;
    const auto now = Clock::now();
    const Wait w = waitingFor();
    if (w != wait_) {
        wait_ = w;
        waitSince_ = now;
    }
    const auto due = deadline(ctx.options());
    // Timers cannot be cancelled: a pending watchdog due first will look again.
    if (!due || (watchdogId_ != 0 && watchdogDue_ <= *due)) return;
    watchdogSeq_ = (watchdogSeq_ + 1) % 1000000;
    watchdogId_ = kWatchdogFirst + watchdogSeq_;
    watchdogDue_ = *due;
    ctx.startWatchdog(std::max(Millis(0), std::chrono::ceil<Millis>(*due - now)), watchdogId_);
}

void HttpSession::onWatchdog(SessionContext& ctx, int id) {
    if (id != watchdogId_) return;  // superseded by one due sooner
    watchdogId_ = 0;
    if (closed_) return;
    const auto due = deadline(ctx.options());
    if (due && Clock::now() >= *due) {
        timeOut(ctx);
        return;
    }
    watch(ctx);  // the wait changed or was extended (a body byte): arm again
}

void HttpSession::timeOut(SessionContext& ctx) {
    const ServiceOptions& opt = ctx.options();
    const std::string& peer = peerText(ctx);
    if (wait_ == Wait::NextRequest) {
        // No request was started: nobody waits for an answer (RFC 9112 §9.5).
        ctx.log("http: closing the connection from " + peer + ": no request for " +
                std::to_string(opt.keepAliveTimeoutMs) + " ms (keep-alive timeout)");
        closeNow(ctx);
        return;
    }
    const bool head = wait_ == Wait::Head;
    const std::string why = head ? "request head not complete " +
                                       std::to_string(opt.headerTimeoutMs) +
                                       " ms after its first byte (header timeout)"
                                 : "no byte of the request body for " +
                                       std::to_string(opt.bodyTimeoutMs) + " ms (body timeout)";
    ctx.log("http: 408 to " + peer + ": " + why);
    keepAlive_ = false;  // "Connection: close", then the close
    minor_ = 1;
    answer(ctx, http::Request{}, 408, kText, "408 Request Timeout: " + why + "\n");
}

}  // namespace sockwb
