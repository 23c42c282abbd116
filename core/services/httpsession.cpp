#include "core/services/httpsession.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "core/services/httpanswer.h"
#include "core/services/httpecho.h"
#include "core/services/httpservice.h"
#include "core/services/staticfiles.h"

namespace sockwb {

namespace {

// A decimal number of at most 12 digits, no sign, no spaces; nullopt otherwise.
std::optional<uint64_t> parseNumber(std::string_view s) {
    if (s.empty() || s.size() > 12) return std::nullopt;
    uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    return v;
}

// "/bytes/123" with prefix "/bytes/" -> "123"; nullopt when the prefix differs.
std::optional<std::string_view> after(std::string_view path, std::string_view prefix) {
    if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
    return path.substr(prefix.size());
}

// The body of /bytes and /chunked: byte i is i mod 256, so any slice is known.
void appendPattern(std::string& out, uint64_t offset, size_t n) {
    for (size_t i = 0; i < n; ++i) out += static_cast<char>((offset + i) & 0xFF);
}

std::string hex(uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    std::string s;
    do {
        s.insert(s.begin(), digits[v & 0xF]);
        v >>= 4;
    } while (v);
    return s;
}

// The path of an origin-form or absolute-form target, without the query.
std::optional<std::string_view> targetPath(std::string_view target) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (target.substr(0, scheme.size()) == scheme) {
            const size_t slash = target.find('/', scheme.size());
            target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
            break;
        }
    }
    if (target.empty() || target.front() != '/') return std::nullopt;
    return target.substr(0, std::min(target.find('?'), target.find('#')));
}

const char* const kText = "text/plain; charset=utf-8";
constexpr size_t kKeptParserBytes = 64 * 1024;  // a parser between requests may keep that

}  // namespace

void HttpSession::onOpen(SessionContext& ctx) { watch(ctx); }

void HttpSession::onData(SessionContext& ctx, std::string_view bytes) {
    if (closed_) return;  // the last answer is on its way; the rest is ignored
    lastData_ = Clock::now();
    input_.attach(ctx.memoryBudget());
    parser_.feed(bytes);
    chargeInput();
    process(ctx);
    refuseOverBudget(ctx);
    watch(ctx);
}

bool HttpSession::inputPaused() const {
    // Whatever the parser holds for the next request counts: its raw bytes
    // and a body being decoded.
    return busy_ && !closed_ &&
           parser_.bufferedBytes() + parser_.request().body.size() >= kMaxPendingInput;
}

void HttpSession::chargeInput() {
    // Between requests, a parser grown by a large one is replaced: its
    // buffer would otherwise stay allocated for the connection's life.
    if (parser_.memoryHeld() > kKeptParserBytes && !parser_.headComplete() &&
        parser_.status() == http::RequestParser::Status::NeedMore && parser_.consumedBytes() == 0 &&
        parser_.leftover().empty())
        freshParser();
    input_.set(parser_.memoryHeld());
}

void HttpSession::freshParser() {
    // Swapped, not assigned: a std::string assigned from a short one keeps
    // its large buffer; here the old parser goes with `old`.
    http::RequestParser old;
    std::swap(parser_, old);
}

void HttpSession::refuseOverBudget(SessionContext& ctx) {
    // Reads pause when the server's memory budget is spent; a connection
    // that holds part of a request could then wait for ever (and every
    // connection may hold one). The one whose read crossed the budget is
    // refused instead, so its memory goes back and the others go on.
    const MemoryBudget* budget = input_.budget();
    if (closed_ || busy_ || !budget || budget->limit() == 0 || budget->used() < budget->limit() ||
        input_.charged() == 0 || parser_.status() != http::RequestParser::Status::NeedMore)
        return;
    ctx.log("http: memory budget reached: " + peerText(ctx) + "'s request refused (503)");
    http::Headers retry;
    retry.add("Retry-After", "1");
    keepAlive_ = false;
    minor_ = 1;
    answer(ctx, http::Request{}, 503, kText,
           "the server's memory budget is spent: try again later\n", retry);
    freshParser();  // its memory goes back now, not at the close
    input_.set(parser_.memoryHeld());
}

void HttpSession::onTimer(SessionContext& ctx, int id) {
    if (id >= kWatchdogFirst) {
        onWatchdog(ctx, id);
        return;
    }
    if (closed_ || !busy_) return;
    if (id == DelayTimer) {
        ctx.send(delayed_);
        delayed_.clear();
        finish(ctx);
    } else if (id == PumpTimer) {
        pump(ctx);
    }
    process(ctx);
    watch(ctx);
}

void HttpSession::onPeerClosed(SessionContext& ctx) {
    peerClosed_ = true;
    if (closed_) return;
    // A half-close after complete requests still gets every answer; a
    // request cut in the middle only gets a log line (nobody would read it).
    if (parser_.status() == http::RequestParser::Status::NeedMore &&
        parser_.onEof() == http::RequestParser::Status::Error && !busy_) {
        ctx.log("http: " + parser_.error().message);
        closeNow(ctx);
        return;
    }
    process(ctx);
}

void HttpSession::process(SessionContext& ctx) {
    using Status = http::RequestParser::Status;
    while (!closed_ && !busy_) {
        const Status st = parser_.status();
        if (st == Status::Complete) {
            keepAlive_ = parser_.keepAlive();  // read before takeRequest (next request's after)
            const http::Request req = parser_.takeRequest();
            continued_ = false;
            handle(ctx, req);
            continue;
        }
        if (st == Status::Error) {
            const http::ParseError& e = parser_.error();
            if (peerClosed_ && (e.code == http::ErrorCode::TruncatedHeaders ||
                                e.code == http::ErrorCode::TruncatedBody)) {
                closeNow(ctx);  // cut request after a half-close: nobody reads an answer
                return;
            }
            ctx.log("http: bad request from " + peerText(ctx) + ": " + e.message);
            ctx.requestHandled();
            http::Request none;
            keepAlive_ = false;
            minor_ = 1;
            answer(ctx, none, e.status ? e.status : 400, kText, e.message + "\n");
            return;
        }
        if (parser_.headComplete() && parser_.expectsContinue() && !continued_) {
            continued_ = true;
            ctx.send("HTTP/1.1 100 Continue\r\n\r\n");
        }
        break;
    }
    if (peerClosed_ && !busy_ && !closed_) closeNow(ctx);
    chargeInput();
}

const std::string& HttpSession::peerText(SessionContext& ctx) {
    // Formatted once per connection (inet_ntop + the port), not per request.
    if (peerText_.empty()) peerText_ = ctx.peer().toString();
    return peerText_;
}

void HttpSession::handle(SessionContext& ctx, const http::Request& req) {
    ctx.requestHandled();
    {
        const std::string& peer = peerText(ctx);
        std::string line;
        line.reserve(16 + req.method.size() + req.target.size() + peer.size());
        line += "http: ";
        line += req.method;
        line += ' ';
        line += req.target;
        line += " from ";
        line += peer;
        ctx.log(line);
    }
    minor_ = req.minorVersion();
    const auto path = targetPath(req.target);
    if (!path) {
        answer(ctx, req, 400, kText, "unsupported request target\n");
        return;
    }
    route(ctx, req, *path);
}

void HttpSession::route(SessionContext& ctx, const http::Request& req, std::string_view path) {
    const ServiceOptions& opt = ctx.options();
    if (path == "/") {
        // With a root folder, its index.html; the hello page without one.
        if (opt.root.empty() || !serveIndex(ctx, req)) hello(ctx, req);
        return;
    }
    if (path == "/echo") {
        answer(ctx, req, 200, "application/json", HttpEcho::json(req));
        return;
    }
    if (auto arg = after(path, "/status/")) {
        const auto n = parseNumber(*arg);
        if (!n || *n <= 100 || *n >= 600) {
            answer(ctx, req, 400, kText, "/status/N wants 100 < N < 600\n");
            return;
        }
        const int status = static_cast<int>(*n);
        answer(ctx, req, status, kText,
               std::to_string(status) + " " + std::string(http::Response::reasonPhrase(status)) +
                   "\n");
        return;
    }
    if (auto arg = after(path, "/delay/")) {
        const auto ms = parseNumber(*arg);
        if (!ms || *ms > kMaxDelayMs) {
            answer(ctx, req, 400, kText, "/delay/MS wants 0 <= MS <= 60000\n");
            return;
        }
        // Never a blocked thread: the answer is built now and sent by a timer.
        http::Response r = head(200);
        r.headers.add("Content-Type", kText);
        r.body = "delayed " + std::to_string(*ms) + " ms\n";
        r.headers.add("Content-Length", std::to_string(r.body.size()));
        if (req.method == "HEAD") r.body.clear();
        addConnection(r);
        delayed_ = r.serialize();
        busy_ = true;
        ctx.startTimer(Millis(*ms), DelayTimer);
        return;
    }
    for (const bool chunked : {false, true}) {
        if (auto arg = after(path, chunked ? "/chunked/" : "/bytes/")) {
            const auto n = parseNumber(*arg);
            if (!n || *n > kMaxBytes) {
                answer(ctx, req, 400, kText, "N must be 0..104857600\n");
                return;
            }
            stream(ctx, req, "application/octet-stream", *n, Source::Pattern, chunked);
            return;
        }
    }
    if (opt.root.empty()) {
        answer(ctx, req, 404, kText, "not found (no --root folder is served)\n");
        return;
    }
    serveStatic(ctx, req, path);
}

void HttpSession::serveStatic(SessionContext& ctx, const http::Request& req,
                              std::string_view path) {
    if (req.method != "GET" && req.method != "HEAD") {
        http::Headers allow;
        allow.add("Allow", "GET, HEAD");
        answer(ctx, req, 405, kText, "static files accept GET and HEAD only\n", allow);
        return;
    }
    StaticFiles::Lookup l = StaticFiles::resolve(ctx.options().root, path);
    if (l.status == 301) {
        http::Headers loc;
        loc.add("Location", l.location);
        answer(ctx, req, 301, kText, "moved to " + l.location + "\n", loc);
        return;
    }
    if (l.status != 200) {
        ctx.log("http: " + std::string(path) + ": " + l.reason);
        answer(ctx, req, l.status, kText,
               std::to_string(l.status) + " " +
                   std::string(http::Response::reasonPhrase(l.status)) + "\n");
        return;
    }
    sendFile(ctx, req, l);
}

bool HttpSession::serveIndex(SessionContext& ctx, const http::Request& req) {
    if (req.method != "GET" && req.method != "HEAD") return false;
    StaticFiles::Lookup l = StaticFiles::resolve(ctx.options().root, "/");
    if (l.status != 200) return false;
    sendFile(ctx, req, l);
    return true;
}

void HttpSession::sendFile(SessionContext& ctx, const http::Request& req,
                           StaticFiles::Lookup& found) {
    // The descriptor resolve() opened and checked is the one read.
    file_ = std::move(found.file);
    stream(ctx, req, StaticFiles::contentType(found.name), found.size, Source::File, false);
}

void HttpSession::addConnection(http::Response& r) const {
    // HTTP/1.1 is persistent by default; HTTP/1.0 only when both sides say so.
    if (!keepAlive_)
        r.headers.add("Connection", "close");
    else if (minor_ == 0)
        r.headers.add("Connection", "keep-alive");
}

http::Response HttpSession::head(int status) const {
    http::Response r;
    r.status = status;
    r.reason = std::string(http::Response::reasonPhrase(status));
    r.headers.add("Server", "sockwb/" SOCKWB_VERSION);
    r.headers.add("X-Content-Type-Options", "nosniff");  // as HttpAnswer::wire()
    return r;
}

void HttpSession::hello(SessionContext& ctx, const http::Request& req) {
    // A keep-alive client asks for the same page again and again: the page
    // names the model, the request line and the peer, all fixed for this
    // connection, so the wire bytes are built once and sent as they are.
    if (helloCache_.empty() || helloMethod_ != req.method || helloTarget_ != req.target ||
        helloKeepAlive_ != keepAlive_ || helloMinor_ != minor_) {
        helloCache_ = build(
            req, 200, "text/html; charset=utf-8",
            HttpService::helloPage(ctx.options().modelName, req.method, req.target, peerText(ctx)),
            {});
        helloMethod_ = req.method;
        helloTarget_ = req.target;
        helloKeepAlive_ = keepAlive_;
        helloMinor_ = minor_;
    }
    ctx.send(helloCache_);
    finish(ctx);
}

std::string HttpSession::build(const http::Request& req, int status, std::string_view type,
                               std::string_view body, const http::Headers& extra) const {
    HttpAnswer a;
    a.status = status;
    a.type = type;
    a.body = body;
    a.head = req.method == "HEAD";
    a.keepAlive = keepAlive_;
    a.minor = minor_;
    a.extra = &extra;
    return a.wire();
}

void HttpSession::answer(SessionContext& ctx, const http::Request& req, int status,
                         std::string_view type, std::string body, const http::Headers& extra) {
    ctx.send(build(req, status, type, body, extra));
    finish(ctx);
}

void HttpSession::stream(SessionContext& ctx, const http::Request& req, std::string_view type,
                         uint64_t length, Source source, bool chunked) {
    // HTTP/1.0 does not know chunked: a 1.0 client gets a Content-Length.
    chunked_ = chunked && minor_ >= 1;
    http::Response r = head(200);
    r.headers.add("Content-Type", type);
    if (chunked_)
        r.headers.add("Transfer-Encoding", "chunked");
    else
        r.headers.add("Content-Length", std::to_string(length));
    addConnection(r);
    ctx.send(r.serialize());
    if (req.method == "HEAD") {
        file_.close();
        finish(ctx);
        return;
    }
    source_ = source;
    offset_ = 0;
    remaining_ = length;
    // Several chunks even for a small N: about four, at most one slice each.
    chunkSize_ = static_cast<size_t>(std::clamp<uint64_t>((length + 3) / 4, 1, kSlice));
    busy_ = true;
    pump(ctx);
}

void HttpSession::onWritable(SessionContext& ctx) {
    if (!pumpWaits_ || ctx.queuedBytes() >= kHighWater) return;
    pumpWaits_ = false;
    pump(ctx);
}

void HttpSession::pump(SessionContext& ctx) {
    constexpr size_t kBudget = 16;  // slices per turn, so one session does not hog a loop
    std::string buf;
    for (size_t turn = 0; turn < kBudget && remaining_ > 0; ++turn) {
        if (ctx.queuedBytes() >= kHighWater) break;
        const size_t n =
            static_cast<size_t>(std::min<uint64_t>(remaining_, chunked_ ? chunkSize_ : kSlice));
        buf.clear();
        if (chunked_) buf += hex(n) + "\r\n";
        const size_t at = buf.size();
        if (source_ == Source::Pattern) {
            appendPattern(buf, offset_, n);
        } else {
            buf.resize(at + n);
            const size_t got = file_.read(buf.data() + at, n);
            if (got != n) {
                // The file shrank under us: the promised length cannot be kept.
                ctx.log("http: file shorter than announced, closing");
                buf.resize(at + got);
                ctx.send(buf);
                file_.close();
                busy_ = false;
                closeNow(ctx);
                return;
            }
        }
        if (chunked_) buf += "\r\n";
        ctx.send(buf);
        offset_ += n;
        remaining_ -= n;
    }
    if (remaining_ > 0) {
        // A full queue: onWritable goes on once the peer has read some (the
        // model waits for POLLOUT, no CPU spent); only the budget stopped
        // us: a timer at once, so the loop serves the others first.
        if (ctx.queuedBytes() >= kHighWater)
            pumpWaits_ = true;
        else
            ctx.startTimer(Millis(0), PumpTimer);
        return;
    }
    if (chunked_) ctx.send("0\r\n\r\n");
    file_.close();
    finish(ctx);
}

void HttpSession::finish(SessionContext& ctx) {
    busy_ = false;
    if (!keepAlive_) closeNow(ctx);
}

void HttpSession::closeNow(SessionContext& ctx) {
    if (closed_) return;
    closed_ = true;
    ctx.close();
}

}  // namespace sockwb
