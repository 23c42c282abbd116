// http::Client, its connection: waiting with the timeout, max-time and
// cancel fd, TCP connect (with --resolve overrides), keep-alive reuse and,
// for https://, the TLS handshake over the same traced socket. The round
// trip itself is in client.cpp.

#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "core/http/client.h"
#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb::http {

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

bool sameText(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool sameTls(const tls::ClientOptions& a, const tls::ClientOptions& b) {
    return a.insecure == b.insecure && a.caFile == b.caFile && a.certFile == b.certFile &&
           a.keyFile == b.keyFile && a.alpn == b.alpn && a.minVersion == b.minVersion &&
           a.maxVersion == b.maxVersion && a.resumeSessions == b.resumeSessions;
}

std::string originOf(const Url& url) { return url.host() + ":" + std::to_string(url.port()); }

// "host:port" as the user wrote the host: what TLS errors name and the
// session cache is keyed by.
std::string hostPort(const Url& url) {
    const std::string host = url.isIpv6() ? "[" + url.host() + "]" : url.host();
    return host + ":" + std::to_string(url.port());
}

[[noreturn]] void badResolve(std::string_view text, const std::string& why) {
    throw Error::invalid("--resolve '" + std::string(text) + "': " + why,
                         "write HOST:PORT:ADDRESS, e.g. localhost:443:127.0.0.1");
}

}  // namespace

ClientOptions::ResolveOverride parseResolve(std::string_view text) {
    ClientOptions::ResolveOverride out;
    std::string_view rest = text;
    std::size_t hostEnd = 0;
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos) badResolve(text, "the host has no closing ']'");
        out.host = std::string(rest.substr(1, close - 1));
        hostEnd = close + 1;
    } else {
        hostEnd = std::min(rest.find(':'), rest.size());
        out.host = std::string(rest.substr(0, hostEnd));
    }
    if (out.host.empty()) badResolve(text, "no host");
    if (hostEnd >= rest.size() || rest[hostEnd] != ':') badResolve(text, "no port");
    rest.remove_prefix(hostEnd + 1);
    const auto portEnd = rest.find(':');
    if (portEnd == std::string_view::npos) badResolve(text, "no address");
    const std::string_view port = rest.substr(0, portEnd);
    unsigned long value = 0;
    for (const char c : port) {
        if (c < '0' || c > '9' || value > 65535) badResolve(text, "the port is not a number");
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (port.empty() || value == 0 || value > 65535)
        badResolve(text, "the port must be between 1 and 65535");
    out.port = static_cast<uint16_t>(value);
    std::string_view address = rest.substr(portEnd + 1);
    if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);
    if (address.empty()) badResolve(text, "no address");
    out.address = std::string(address);
    for (char& c : out.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void Client::disconnect() {
    if (tls_) {
        tls_->close();  // close_notify, if the socket takes it now
        tls_.reset();
    }
    socket_.close();
    origin_.clear();
}

void Client::throwTimeout(const char* what, Millis limit) {
    std::string where = origin_;
    disconnect();
    ErrorInfo info{ErrorKind::Timeout, what, ETIMEDOUT, 0, where, {}};
    throw Error(withDetail(info, DetailCode::GaveUpAfterMs, limit.count()));
}

void Client::checkMaxTime(const char* what) {
    if (Clock::now() >= maxDeadline_) throwTimeout(what, options_.maxTime);
}

void Client::awaitReady(short events, const char* what) {
    const auto idleDeadline = Clock::now() + options_.timeout;
    const bool maxFirst = maxDeadline_ <= idleDeadline;
    const auto deadline = maxFirst ? maxDeadline_ : idleDeadline;
    for (;;) {
        auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
        if (left <= 0) {
            const Millis limit = maxFirst ? options_.maxTime : options_.timeout;
            ErrorInfo info{ErrorKind::Timeout, what, ETIMEDOUT, 0, origin_, {}};
            throw Error(withDetail(info, DetailCode::GaveUpAfterMs, limit.count()));
        }
        pollfd fds[2] = {{socket_.fd(), events, 0}, {cancel_.fd(), POLLIN, 0}};
        int r = sys::poll(fds, 2, static_cast<int>(std::min<long long>(left, 1 << 30)));
        if (r < 0) throw Error::fromErrno("poll", errno);
        if ((fds[1].revents & POLLIN) && cancel_.drain() > 0)
            throw Error(withDetail(ErrorInfo{ErrorKind::Cancelled, "http", 0, 0, {}, {}},
                                   DetailCode::ByTheUser));
        if (fds[0].revents) return;
    }
}

void Client::waitReady(short events, const char* what) {
    try {
        awaitReady(events, what);
    } catch (const Error&) {
        disconnect();
        throw;
    }
}

void Client::connectTo(const Url& url, Exchange& ex) {
    const auto t0 = Clock::now();
    // --resolve: this host and port go to the address given; the URL (Host,
    // SNI, the certificate's name check) keeps its host.
    std::string connectHost = url.host();
    for (const auto& r : options_.resolve)
        if (r.port == url.port() && sameText(r.host, url.host())) {
            connectHost = r.address;
            break;
        }
    auto addresses = Address::resolve(connectHost, std::to_string(url.port()), SOCK_STREAM);
    const auto t1 = Clock::now();
    ex.timings.resolve = msBetween(t0, t1);
    std::optional<Error> last;
    for (const auto& a : addresses) {
        throwIfCancelled();
        try {
            Socket s = Socket::create(a.family(), SOCK_STREAM | SOCK_NONBLOCK);
            if (sys::connect(s.fd(), a.sockaddrPtr(), a.length()) != 0) {
                if (errno != EINPROGRESS) throw Error::fromErrno("connect", errno, a.toString());
                socket_ = std::move(s);
                origin_ = a.toString();
                waitReady(POLLOUT, "connect");
                int err = socket_.pendingError();
                if (err != 0) {
                    socket_.close();
                    throw Error::fromErrno("connect", err, a.toString());
                }
            } else {
                socket_ = std::move(s);
            }
            socket_.setNoDelay(true);
            origin_ = originOf(url);
            ex.peer = a;
            ex.local = socket_.localAddress();
            ex.timings.connect = msBetween(t1, Clock::now());
            return;
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled || e.kind() == ErrorKind::Timeout) throw;
            last = e;
        }
    }
    origin_.clear();
    throw *last;
}

std::shared_ptr<const tls::Context> Client::tlsContext() {
    if (!tlsContext_ || !sameTls(tlsContextOptions_, options_.tls)) {
        if (tls_) disconnect();  // made with other options: not reused
        tlsContext_ = tls::Context::client(options_.tls);
        tlsContextOptions_ = options_.tls;
    }
    return tlsContext_;
}

void Client::startTls(const Url& url, Exchange& ex) {
    const auto t0 = Clock::now();
    const std::string where = hostPort(url);
    // SNI and the name check use the URL's host (the engine sends no SNI
    // for an address); sessions are cached per host:port.
    tls_ = std::make_unique<tls::TlsStream>(
        socket_, tlsContext(), url.host(), where, where,
        [this](short events, const char* what) { awaitReady(events, what); });
    try {
        ex.tls = tls_->handshake();
    } catch (const Error&) {
        ex.bytesSent += tls_->wireSent();
        ex.bytesReceived += tls_->wireReceived();
        disconnect();
        throw;
    }
    ex.timings.tls = msBetween(t0, Clock::now());
    // The handshake's bytes belong to the round trip that needed it.
    ex.bytesSent += tls_->wireSent();
    ex.bytesReceived += tls_->wireReceived();
}

void Client::reuseOrConnect(const Url& url, Exchange& ex) {
    const std::string origin = originOf(url);
    // Before the reuse check: new TLS options close a kept-alive connection.
    std::shared_ptr<const tls::Context> context;
    if (url.isHttps()) context = tlsContext();
    if (socket_.isValid() && origin_ == origin && bool(tls_) == url.isHttps()) {
        // A kept-alive connection the server may have closed meanwhile:
        // readable now means EOF (or stray bytes), so do not reuse it. Over
        // TLS, late records (session tickets) are taken in first.
        bool open = false;
        if (tls_) {
            open = tls_->idleAndOpen();
        } else {
            pollfd p{socket_.fd(), POLLIN, 0};
            open = sys::poll(&p, 1, 0) == 0;
        }
        if (open)
            ex.reusedConnection = true;
        else
            disconnect();
    } else {
        disconnect();
    }
    if (!socket_.isValid()) {
        connectTo(url, ex);
        if (url.isHttps()) startTls(url, ex);
    } else {
        ex.peer = socket_.peerAddress(), ex.local = socket_.localAddress();
        if (tls_) ex.tls = tls_->info();
    }
}

}  // namespace sockwb::http
