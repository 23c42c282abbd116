#include "core/http/client.h"

#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>

#include "core/http/base64.h"
#include "core/http/decompress.h"
#include "core/http/preparedrequest.h"
#include "core/http/responseparser.h"
#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb::http {

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

bool isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Whether performHops() goes on past a response with this head.
bool isRedirectFollowed(const Response& head, const ClientOptions& o) {
    return o.followRedirects && isRedirect(head.status) && head.headers.get("Location");
}

[[noreturn]] void protocolError(const std::string& address, const std::string& detail) {
    ErrorInfo info;
    info.kind = ErrorKind::Protocol;
    info.call = "http";
    info.address = address;
    info.detail = detail;
    throw Error(info);
}

}  // namespace

std::string resolveLocation(const Url& base, const std::string& location) {
    const auto startsWith = [&](std::string_view prefix) {
        if (location.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(location[i])) != prefix[i]) return false;
        return true;
    };
    if (startsWith("http://") || startsWith("https://")) return location;
    // A network-path reference keeps the scheme of the base (https stays https).
    if (location.rfind("//", 0) == 0) return base.scheme() + ":" + location;
    std::string prefix = base.scheme() + "://" + base.uriAuthority();
    if (!location.empty() && location.front() == '/') return prefix + location;
    // Relative reference: replace the last segment of the base path.
    std::string path = base.path().empty() ? "/" : base.path();
    path = path.substr(0, path.rfind('/') + 1);
    if (!location.empty() && location.front() == '?')
        return prefix + base.target().substr(0, base.target().find('?')) + location;
    return prefix + path + location;
}

PartialResponseError::PartialResponseError(const Error& cause, Exchange received)
    : Error(cause), received_(std::move(received)) {}

Client::Client(ClientOptions options) : options_(std::move(options)) {}

Client::~Client() { disconnect(); }

void Client::cancel() { cancel_.notify(); }

void Client::throwIfCancelled() {
    if (cancel_.drain() > 0) {
        disconnect();
        throw Error(withDetail(ErrorInfo{ErrorKind::Cancelled, "http", 0, 0, {}, {}},
                               DetailCode::ByTheUser));
    }
}

Request Client::prepare(const std::string& method, const Url& url, const Headers& headers,
                        const std::string& body, const ClientOptions& options) {
    Request req;
    req.method = method;
    req.target = url.target();
    req.version = options.http10 ? "HTTP/1.0" : "HTTP/1.1";
    req.headers = headers;
    req.body = body;
    // Defaults go first, like curl, unless the caller set them.
    Headers out;
    if (!headers.contains("Host")) out.add("Host", url.authority());
    if (!headers.contains("User-Agent")) out.add("User-Agent", options.userAgent);
    if (!headers.contains("Accept")) out.add("Accept", "*/*");
    if (options.compressed && !headers.contains("Accept-Encoding"))
        out.add("Accept-Encoding", "gzip, deflate");
    if (url.hasUserInfo() && !headers.contains("Authorization")) {
        // Basic credentials from the URL, as curl does with user:pass@.
        out.add("Authorization", "Basic " + base64::encode(url.user() + ":" + url.password()));
    }
    for (const auto& f : headers) out.add(f.name, f.value);
    if (!body.empty() && !headers.contains("Content-Length") &&
        !headers.contains("Transfer-Encoding"))
        out.add("Content-Length", std::to_string(body.size()));
    if (options.http10 && !headers.contains("Connection")) {
        // HTTP/1.0 closes by default: nothing to say.
    } else if (!options.keepAlive && !headers.contains("Connection")) {
        out.add("Connection", "close");
    }
    req.headers = std::move(out);
    return req;
}

bool Client::sendRequest(Exchange& ex, bool allowRetry) {
    std::string_view out = ex.requestBytes;
    try {
        if (tls_) {
            // The stream encrypts it all and sends the records, waiting
            // (timeout, max-time, cancel) when the socket is full.
            checkMaxTime("send");
            const std::uint64_t before = tls_->wireSent();
            try {
                tls_->write(out);
            } catch (...) {
                if (tls_) ex.bytesSent += tls_->wireSent() - before;
                throw;
            }
            ex.bytesSent += tls_->wireSent() - before;
            return true;
        }
        while (!out.empty()) {
            checkMaxTime("send");
            IoResult r = socket_.send(out);
            if (r.status == IoResult::WouldBlock) {
                waitReady(POLLOUT, "send");
                continue;
            }
            out.remove_prefix(r.bytes);
            ex.bytesSent += r.bytes;
        }
    } catch (const Error& e) {
        disconnect();
        if (ex.reusedConnection && allowRetry && e.kind() == ErrorKind::System) return false;
        throw;
    }
    return true;
}

bool Client::receiveResponse(ResponseParser& parser, Exchange& ex, const std::string& origin,
                             bool allowRetry, Clock::time_point* firstByte) {
    try {
        return readResponse(parser, ex, origin, allowRetry, firstByte);
    } catch (const Error& e) {
        if (plainReceived_ == 0 || e.kind() == ErrorKind::Cancelled) throw;
        // What came before the failure goes with it (curl shows the page too).
        ex.complete = false;
        ex.headComplete = parser.headComplete();
        if (ex.headComplete) {
            ex.interim = parser.interimResponses();
            ex.response = parser.response();
        }
        ex.timings.download = msBetween(*firstByte, Clock::now());
        throw PartialResponseError(e, std::move(ex));
    }
}

bool Client::streamsBody(const Response& head) const {
    if (!options_.bodySink) return false;
    if (options_.compressed && !head.headers.get("Content-Encoding").value_or("").empty())
        return false;  // decoded at the end, then handed over whole
    return !isRedirectFollowed(head, options_);
}

void Client::keepRaw(Exchange& ex, std::string_view bytes) const {
    const std::uint64_t room =
        options_.maxRawBytes > ex.raw.size() ? options_.maxRawBytes - ex.raw.size() : 0;
    if (bytes.size() > room) ex.rawTruncated = true;
    ex.raw.append(
        bytes.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(room, bytes.size()))));
}

void Client::deliver(ResponseParser& parser, Exchange& ex, bool& headSeen, bool& streaming) {
    ex.peakBuffered = std::max(ex.peakBuffered, parser.bufferedBytes());
    if (!parser.headComplete()) return;
    if (!headSeen) {
        headSeen = true;
        streaming = streamsBody(parser.response());
        ex.bodyStreamed = streaming;
        if (options_.headSink) options_.headSink(parser.response());
    }
    if (streaming && !parser.response().body.empty()) options_.bodySink(parser.takeBody());
}

IoResult Client::readSome(std::string& buf, std::string_view& chunk, Exchange& ex) {
    if (tls_) {
        buf.clear();
        const std::uint64_t before = tls_->wireReceived();
        IoResult r;
        try {
            r = tls_->read(buf, false);
        } catch (...) {
            ex.bytesReceived += tls_->wireReceived() - before;
            throw;
        }
        ex.bytesReceived += tls_->wireReceived() - before;
        chunk = buf;
        return r;
    }
    if (buf.size() < 64 * 1024) buf.resize(64 * 1024);
    const IoResult r = socket_.recv(buf.data(), buf.size());
    ex.bytesReceived += r.bytes;
    chunk = std::string_view(buf.data(), r.bytes);
    return r;
}

bool Client::readResponse(ResponseParser& parser, Exchange& ex, const std::string& origin,
                          bool allowRetry, Clock::time_point* firstByte) {
    std::string buf;
    std::string_view chunk;
    bool headSeen = false;
    bool streaming = false;
    for (;;) {
        checkMaxTime("recv");
        IoResult r;
        try {
            r = readSome(buf, chunk, ex);
        } catch (const Error&) {
            disconnect();
            // A reused connection reset before any byte: the server had
            // closed it; try once on a fresh one.
            if (ex.reusedConnection && allowRetry && plainReceived_ == 0) return false;
            throw;
        }
        if (r.status == IoResult::WouldBlock) {
            waitReady(POLLIN, "recv");
            continue;
        }
        if (r.eof() && plainReceived_ == 0) {
            disconnect();
            if (ex.reusedConnection && allowRetry) return false;
            protocolError(origin, "the connection was closed before any response byte");
        }
        if (!r.eof()) {
            if (plainReceived_ == 0) *firstByte = Clock::now();
            plainReceived_ += chunk.size();
            keepRaw(ex, chunk);
        }
        const ResponseParser::Status st = r.eof() ? parser.onEof() : parser.feed(chunk);
        deliver(parser, ex, headSeen, streaming);
        if (st == ResponseParser::Status::Error) {
            disconnect();
            protocolError(origin, parser.error().message);
        }
        if (st == ResponseParser::Status::Complete) return true;
        if (r.eof()) {
            disconnect();
            protocolError(origin, "the connection closed before the response was complete");
        }
    }
}

void Client::finishExchange(ResponseParser& parser, Exchange& ex, const std::string& origin) {
    // Keep only the bytes of this message in raw (a pipelined surplus is not ours).
    if (!ex.rawTruncated && !parser.leftover().empty())
        ex.raw.resize(ex.raw.size() - parser.leftover().size());
    const bool keep = parser.keepAlive() && options_.keepAlive && !options_.http10;
    ex.interim = parser.interimResponses();
    ex.response = parser.takeResponse();
    if (!keep) disconnect();
    auto enc = ex.response.headers.get("Content-Encoding");
    if (options_.compressed && enc && !enc->empty()) {
        auto dec = Decompress::decode(ex.response.body, *enc, options_.maxBodyBytes);
        if (!dec.ok())
            protocolError(origin, "cannot decode the " + std::string(*enc) + " body: " + dec.error);
        ex.response.body = std::move(dec.data);
    }
    // A body that could not stream (decoded whole) goes to the sink now.
    if (!ex.bodyStreamed && options_.bodySink && !isRedirectFollowed(ex.response, options_)) {
        options_.bodySink(ex.response.body);
        ex.response.body.clear();
        ex.bodyStreamed = true;
    }
}

Exchange Client::exchangeOnce(const Request& request, const Url& url, std::string wire,
                              bool allowRetry) {
    Exchange ex;
    ex.url = url.toString();
    ex.request = request;
    ex.requestBytes = std::move(wire);
    const auto start = Clock::now();
    const std::string origin = url.host() + ":" + std::to_string(url.port());
    plainReceived_ = 0;
    reuseOrConnect(url, ex);
    if (options_.connectedSink) options_.connectedSink(ex);

    const auto tSend = Clock::now();
    if (!sendRequest(ex, allowRetry))
        return exchangeOnce(request, url, std::move(ex.requestBytes), false);
    const auto tSent = Clock::now();
    ex.timings.send = msBetween(tSend, tSent);

    ResponseParser::Limits limits;
    // A body that goes straight to bodySink is not held: no size limit then
    // (as curl). Held bodies (no sink, compressed ones decoded whole, the
    // bodies of redirects that may be followed) keep maxBodyBytes.
    const bool neverHeld = options_.bodySink && !options_.compressed && !options_.followRedirects;
    limits.maxBodyBytes = neverHeld ? UINT64_MAX : options_.maxBodyBytes;
    limits.maxInterimResponses = options_.maxInterimResponses;
    limits.lenient = options_.lenientFraming;
    ResponseParser parser(limits);
    parser.setHeadRequest(request.method == "HEAD");
    Clock::time_point tFirst{};
    if (!receiveResponse(parser, ex, origin, allowRetry, &tFirst))
        return exchangeOnce(request, url, std::move(ex.requestBytes), false);
    const auto tDone = Clock::now();
    ex.timings.wait = msBetween(tSent, tFirst);
    ex.timings.download = msBetween(tFirst, tDone);
    ex.timings.total = msBetween(start, tDone);
    finishExchange(parser, ex, origin);
    return ex;
}

Result Client::perform(const Request& request, const Url& url) {
    return performHops(request, url, request.serialize());
}

Result Client::perform(const PreparedRequest& prepared) {
    return performHops(prepared.request, prepared.url, prepared.wire);
}

Result Client::performHops(const Request& request, const Url& url, std::string wire) {
    checkFields(request.headers);  // no header injection, whoever built the request
    throwIfCancelled();
    maxDeadline_ =
        options_.maxTime.count() > 0 ? Clock::now() + options_.maxTime : Clock::time_point::max();
    Result result;
    Request req = request;
    Url current = url;
    for (int hop = 0;; ++hop) {
        result.hops.push_back(
            exchangeOnce(req, current, hop == 0 ? std::move(wire) : req.serialize(), true));
        const Exchange& ex = result.hops.back();
        const int status = ex.response.status;
        auto location = ex.response.headers.get("Location");
        if (!options_.followRedirects || !isRedirect(status) || !location) break;
        if (hop >= options_.maxRedirects)
            throw Error(
                withDetail(ErrorInfo{ErrorKind::Protocol, "http", 0, 0, current.authority(), {}},
                           DetailCode::TooManyRedirects, options_.maxRedirects));
        UrlError err;
        auto next = Url::parse(resolveLocation(current, std::string(*location)), &err);
        if (!next)
            throw Error::invalid("cannot follow the redirect to '" + std::string(*location) + "'",
                                 err.message);
        // 303, and 301/302 after a POST, turn into a GET without body (as browsers and curl do).
        if (status == 303 || ((status == 301 || status == 302) && req.method == "POST")) {
            req.method = req.method == "HEAD" ? "HEAD" : "GET";
            req.body.clear();
            req.headers.remove("Content-Length");
            req.headers.remove("Content-Type");
        }
        req.target = next->target();
        if (next->authority() != current.authority()) {
            req.headers.set("Host", next->authority());
            req.headers.remove("Authorization");
        }
        current = *next;
    }
    return result;
}

Result Client::fetch(const std::string& method, const std::string& url, const Headers& headers,
                     const std::string& body) {
    UrlError err;
    auto u = Url::parse(url, &err);
    if (!u) throw Error::invalid("invalid URL '" + url + "'", err.message);
    return perform(prepare(method, *u, headers, body, options_), *u);
}

}  // namespace sockwb::http
