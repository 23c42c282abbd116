#pragma once
// The HTTP/1.1 client of the workbench: the course's client (build a
// request, stringify it, send it, read what comes back) grown up. It
// connects with a timeout, reuses a kept-alive connection for consecutive
// requests to the same origin, follows redirects when asked, decodes gzip /
// deflate when asked, times each phase and keeps the exact bytes both ways.
// https:// runs TLS (tls::TlsStream) over the same traced socket: the
// handshake is its own phase, sessions resume from the client's context,
// and raw / requestBytes stay the plaintext the user reads.
// One Client is used by one thread at a time; cancel() may be called from
// any thread and makes the running call throw Error (Cancelled) at once.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/request.h"
#include "core/http/response.h"
#include "core/http/url.h"
#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/wakeup.h"
#include "core/tls/tlsengine.h"
#include "core/tls/tlsoptions.h"
#include "core/tls/tlsstream.h"

namespace sockwb::http {

class ResponseParser;
struct PreparedRequest;

struct Exchange;

struct ClientOptions {
    // Longest wait for the connection, for the server to take bytes or to
    // send the next ones: a server that keeps sending never hits it.
    Millis timeout{30000};
    // Deadline for the whole perform(), redirects included, as curl's -m:
    // checked after every read, so an endless body or endless 1xx stop
    // there. 0: none.
    Millis maxTime{0};
    bool followRedirects = false;
    int maxRedirects = 10;
    bool compressed = false;  // ask for gzip/deflate and decode (curl --compressed)
    bool http10 = false;      // send HTTP/1.0 (no keep-alive)
    bool keepAlive = true;    // reuse connections to the same origin
    std::string userAgent = "sockwb/" SOCKWB_VERSION;
    uint64_t maxBodyBytes = 1024ull * 1024 * 1024;  // a held body; one streamed to bodySink: none
    // Interim (1xx) responses accepted before the final one (curl has no
    // limit; a server looping on "100 Continue" must not run us for ever).
    std::size_t maxInterimResponses = 10;
    // Tolerate sloppy chunk framing (bare LF line ends, odd chunk
    // extensions), for debugging odd servers. See docs/http-framing.md.
    bool lenientFraming = false;
    // Exchange::raw keeps at most this many bytes (then rawTruncated).
    std::uint64_t maxRawBytes = 1024ull * 1024 * 1024 + 64 * 1024;
    // Streaming: when set, the body of each response not followed as a
    // redirect goes here as it arrives (decoded at the end when compressed
    // needs the whole) and Response::body stays empty. Called on the
    // perform() thread.
    std::function<void(std::string_view)> bodySink;
    // Called with each hop's final head (status line and fields) when it
    // is complete, before its body reaches bodySink. perform() thread.
    std::function<void(const Response&)> headSink;
    // https:// URLs: verification, CA file, client certificate, ALPN,
    // versions, resumption (core/tls/tlsoptions.h).
    tls::ClientOptions tls;
    // curl's --resolve HOST:PORT:ADDR: connect to ADDR for HOST:PORT while
    // the URL (Host header, SNI, certificate name check) keeps HOST.
    struct ResolveOverride {
        std::string host;
        uint16_t port = 0;
        std::string address;
    };
    std::vector<ResolveOverride> resolve;
    // Called for each round trip once its connection is ready (new or
    // reused, TLS handshake done) and before the request goes out, with
    // url, requestBytes, peer, local, reusedConnection, timings so far and
    // tls set: what curl -v prints there. perform() thread.
    std::function<void(const Exchange&)> connectedSink;
};

// Parses "HOST:PORT:ADDR" (ADDR may be [v6] or bare v6). Throws Error (InvalidInput).
ClientOptions::ResolveOverride parseResolve(std::string_view text);

// Phase durations in milliseconds (curl's -w names in comments).
struct Timings {
    double resolve = 0;   // name lookup (time_namelookup)
    double connect = 0;   // TCP handshake (time_connect - time_namelookup)
    double tls = 0;       // TLS handshake (time_appconnect - time_connect); 0 for http://
    double send = 0;      // writing the request
    double wait = 0;      // from request sent to the first response byte (TTFB)
    double download = 0;  // from first byte to the complete response
    double total = 0;     // everything
};

// One request/response round trip.
struct Exchange {
    std::string url;
    Request request;
    std::string requestBytes;       // exactly what was sent
    Response response;              // body decoded when compressed was asked
    std::vector<Response> interim;  // 1xx responses seen first
    std::string raw;                // exactly what was received (chunk framing included)
    Timings timings;
    // On the wire: for https, TLS records, and the handshake of a new connection.
    uint64_t bytesSent = 0;
    uint64_t bytesReceived = 0;
    bool reusedConnection = false;
    bool rawTruncated = false;     // raw stopped at ClientOptions::maxRawBytes
    bool bodyStreamed = false;     // the body went to ClientOptions::bodySink
    std::size_t peakBuffered = 0;  // most response bytes the parser held at once
    bool complete = true;          // false: in a PartialResponseError, the response is what came
    bool headComplete = true;      // false: no complete head came; only raw is meaningful
    Address peer;
    Address local;
    // https: what the handshake agreed and the server's chain (on a reused
    // connection, the values of its handshake).
    std::optional<tls::SessionInfo> tls;
};

// The hops of a request: one Exchange, or more when redirects were followed.
struct Result {
    std::vector<Exchange> hops;
    const Exchange& final() const { return hops.back(); }
};

// What perform() throws when the connection fails after response bytes
// arrived, so the caller can show them before the error, as curl does. The
// course's "Exercise 1" server sends its page and closes without reading the
// request: its kernel answers the unread bytes with an RST, and recv() fails
// with ECONNRESET after the page (or before its end). The Error part is that
// failure (ECONNRESET, a timeout, a truncated response...); received() is the
// exchange so far: raw bytes always, and, when headComplete, the status,
// headers and body received. Cancelled never comes this way.
class PartialResponseError final : public Error {
public:
    PartialResponseError(const Error& cause, Exchange received);
    const Exchange& received() const noexcept { return received_; }

private:
    Exchange received_;
};

class Client {
public:
    explicit Client(ClientOptions options = {});
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // The request that will be sent for these inputs, with the headers the
    // client adds on its own (Host, User-Agent, Accept, Accept-Encoding,
    // Content-Length, Connection) when the caller did not set them. Pure.
    static Request prepare(const std::string& method, const Url& url, const Headers& headers,
                           const std::string& body, const ClientOptions& options);

    // Sends the request (prepared or not: missing defaults are added),
    // follows redirects if enabled. Throws sockwb::Error: invalid header
    // fields (checkFields, before connecting), connection
    // errors, Timeout, Protocol (broken framing), Cancelled; a failure after
    // response bytes arrived is a PartialResponseError carrying them.
    Result perform(const Request& request, const Url& url);
    // Sends prepared.wire as the first hop's bytes, exactly, to prepared.url
    // (a redirect sends the rewritten request). Uses this client's options:
    // the caller sets prepared.options with setOptions() first. Throws as
    // perform().
    Result perform(const PreparedRequest& prepared);
    // Convenience: prepare + perform.
    Result fetch(const std::string& method, const std::string& url, const Headers& headers = {},
                 const std::string& body = {});

    // Makes the running or next perform() stop with Error (Cancelled).
    // Thread-safe; cleared when perform() returns.
    void cancel();
    // Closes the kept-alive connection, if any.
    void disconnect();
    const ClientOptions& options() const { return options_; }
    void setOptions(const ClientOptions& options) { options_ = options; }

private:
    // The hops of one request; wire is the first hop's bytes.
    Result performHops(const Request& request, const Url& url, std::string wire);
    // One round trip sending wire; a reused connection found closed is
    // retried once on a fresh one when allowRetry.
    Exchange exchangeOnce(const Request& request, const Url& url, std::string wire,
                          bool allowRetry);
    // Keeps the kept-alive connection to url's origin if it still looks
    // open, else connects (sets ex.reusedConnection, peer, local).
    void reuseOrConnect(const Url& url, Exchange& ex);
    // Writes ex.requestBytes. False: a reused connection failed, retry.
    bool sendRequest(Exchange& ex, bool allowRetry);
    // Reads into parser until a complete response. False: a reused
    // connection was closed before any byte, retry. Sets *firstByte. A
    // failure after some bytes becomes a PartialResponseError.
    bool receiveResponse(ResponseParser& parser, Exchange& ex, const std::string& origin,
                         bool allowRetry, std::chrono::steady_clock::time_point* firstByte);
    // receiveResponse's loop, without the partial wrapping.
    bool readResponse(ResponseParser& parser, Exchange& ex, const std::string& origin,
                      bool allowRetry, std::chrono::steady_clock::time_point* firstByte);
    // After a feed: hands the head to headSink and the body so far to bodySink.
    void deliver(ResponseParser& parser, Exchange& ex, bool& headSeen, bool& streaming);
    // Takes the response from parser, decides keep-alive, decodes the body.
    void finishExchange(ResponseParser& parser, Exchange& ex, const std::string& origin);
    // The TCP connection (to the --resolve address when one matches).
    void connectTo(const Url& url, Exchange& ex);
    // https: the TLS handshake over socket_ (sets ex.timings.tls, ex.tls).
    void startTls(const Url& url, Exchange& ex);
    // The TLS context for options_.tls, made on first use and again when
    // those options change (a kept-alive TLS connection is closed then).
    std::shared_ptr<const tls::Context> tlsContext();
    // Waits until fd is ready for events, at most timeout (and not past
    // the max-time deadline), or cancel; throws, leaving the connection
    // as it is (the TLS stream waits with it, so must not lose its socket).
    void awaitReady(short events, const char* what);
    // awaitReady, disconnecting when it throws.
    void waitReady(short events, const char* what);
    // Throws Timeout once the --max-time deadline has passed.
    void checkMaxTime(const char* what);
    // Disconnects and throws Timeout: what gave up after limit.
    [[noreturn]] void throwTimeout(const char* what, Millis limit);
    // One read of the response: the plaintext in chunk (held in buf),
    // wire bytes counted in ex.bytesReceived. Ok, Eof or WouldBlock.
    IoResult readSome(std::string& buf, std::string_view& chunk, Exchange& ex);
    // Appends received bytes to ex.raw up to maxRawBytes.
    void keepRaw(Exchange& ex, std::string_view bytes) const;
    // Whether the body of the response with this head goes to bodySink.
    bool streamsBody(const Response& head) const;
    void throwIfCancelled();

    ClientOptions options_;
    Socket socket_;
    std::string origin_;  // "host:port" of socket_, "" when none
    // https: the TLS stream over socket_ (null for http://).
    std::unique_ptr<tls::TlsStream> tls_;
    std::shared_ptr<const tls::Context> tlsContext_;
    tls::ClientOptions tlsContextOptions_;  // what tlsContext_ was made from
    std::uint64_t plainReceived_ = 0;       // response bytes (plaintext) of this round trip
    Wakeup cancel_;                         // notified by cancel(), drained by throwIfCancelled()
    std::chrono::steady_clock::time_point maxDeadline_ =
        std::chrono::steady_clock::time_point::max();
};

// Resolves a Location header against the URL it came from. Pure.
std::string resolveLocation(const Url& base, const std::string& location);

}  // namespace sockwb::http
