#include "core/load/loadconfig.h"

#include "core/http/url.h"
#include "core/net/error.h"
#include "core/net/socket.h"

namespace sockwb::load {

const char* workloadName(Workload w) noexcept {
    switch (w) {
        case Workload::Http:
            return "http";
        case Workload::TcpEcho:
            return "tcp-echo";
        case Workload::UdpEcho:
            return "udp-echo";
        case Workload::Bulk:
            return "bulk";
    }
    return "?";
}

namespace {

// A name with several addresses (localhost: ::1 and 127.0.0.1): the first
// one that accepts a TCP connection, as wrk chooses, so a server listening
// on 127.0.0.1 only is still found when ::1 comes first. One probe connect
// per address tried, closed at once; none answering keeps the first (the
// run then reports its errors).
Address firstReachable(const std::vector<Address>& addresses) {
    if (addresses.size() > 1) {
        for (const Address& a : addresses) {
            try {
                tcpConnect(a, Millis(1000));
                return a;
            } catch (const Error&) {
            }
        }
    }
    return addresses.front();
}

// "host:port" or "[v6]:port" after tcp:// or udp://; the port is required.
Address resolveHostPort(std::string_view rest, int socktype, std::string_view whole) {
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    std::string_view host, port;
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos || close + 1 >= rest.size() || rest[close + 1] != ':')
            throw Error::invalid("invalid target '" + std::string(whole) + "'",
                                 "write it as tcp://HOST:PORT or udp://[::1]:PORT");
        host = rest.substr(1, close - 1);
        port = rest.substr(close + 2);
    } else {
        const auto colon = rest.rfind(':');
        if (colon == std::string_view::npos || colon == 0)
            throw Error::invalid("invalid target '" + std::string(whole) + "'",
                                 "a port is required: tcp://HOST:PORT or udp://HOST:PORT");
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
    }
    const uint16_t p = Address::parsePort(port);
    if (p == 0)
        throw Error::invalid("port 0 in '" + std::string(whole) + "'",
                             "give the server's real port");
    const std::vector<Address> all = Address::resolve(host, port, socktype);
    return socktype == SOCK_STREAM ? firstReachable(all) : all.front();
}

// The authority of "host[:port][/...]" (what follows the scheme) names a port.
bool hasPort(std::string_view rest) {
    const auto end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, end);
    const auto at = authority.rfind('@');
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);
    const auto bracket = authority.rfind(']');
    const auto colon = authority.rfind(':');
    return colon != std::string_view::npos &&
           (bracket == std::string_view::npos || colon > bracket);
}

}  // namespace

LoadTarget LoadTarget::parse(std::string_view text) {
    LoadTarget t;
    t.text = std::string(text);
    if (text.empty())
        throw Error::invalid("empty target", "give a URL, tcp://HOST:PORT or udp://HOST:PORT");
    if (text.rfind("tcp://", 0) == 0) {
        t.scheme = Scheme::Tcp;
        t.address = resolveHostPort(text.substr(6), SOCK_STREAM, text);
        return t;
    }
    if (text.rfind("udp://", 0) == 0) {
        t.scheme = Scheme::Udp;
        t.address = resolveHostPort(text.substr(6), SOCK_DGRAM, text);
        return t;
    }
    // https://: the URL parsed as http:// (the same grammar), then port 443
    // unless one is given, TLS on, and the host as SNI and the name checked.
    std::string plain(text);
    bool explicitPort = true;
    if (text.rfind("https://", 0) == 0) {
        t.tls = true;
        plain = "http://" + std::string(text.substr(8));
        explicitPort = hasPort(text.substr(8));
    }
    http::UrlError err;
    auto url = http::Url::parse(plain, &err);
    if (!url) throw Error::invalid("invalid URL '" + std::string(text) + "'", err.message);
    t.scheme = Scheme::Http;
    const std::uint16_t port = t.tls && !explicitPort ? 443 : url->port();
    t.address = firstReachable(Address::resolve(url->host(), std::to_string(port), SOCK_STREAM));
    t.hostHeader = url->authority();
    if (t.tls) {
        // authority() leaves out :80 only; for https the port left out is 443.
        const std::string given = ":" + std::to_string(url->port());
        if (!explicitPort || url->port() == 443) {
            if (t.hostHeader.size() > given.size() &&
                t.hostHeader.compare(t.hostHeader.size() - given.size(), given.size(), given) == 0)
                t.hostHeader.resize(t.hostHeader.size() - given.size());
        } else if (url->port() == 80) {
            t.hostHeader += ":80";
        }
        t.serverName = url->host();
    }
    t.path = url->target();
    return t;
}

void LoadConfig::validate() const {
    if (connections < 1 || connections > 1'000'000)
        throw Error::invalid("--connections must be between 1 and 1000000");
    if (threads < 1 || threads > 256) throw Error::invalid("--threads must be between 1 and 256");
    if (threads > connections)
        throw Error::invalid("--threads is larger than --connections",
                             "each thread needs at least one connection");
    if (duration.count() <= 0 && requests == 0)
        throw Error::invalid("give --duration S or --requests N", "a load run must be bounded");
    if (rate < 0) throw Error::invalid("--rate must be positive");
    if (timeout.count() <= 0) throw Error::invalid("--timeout must be positive");
    const bool http = target.scheme == LoadTarget::Scheme::Http;
    switch (workload) {
        case Workload::Http:
            if (!http) throw Error::invalid("the HTTP workload needs an http:// URL");
            break;
        case Workload::TcpEcho:
        case Workload::Bulk:
            if (target.scheme != LoadTarget::Scheme::Tcp)
                throw Error::invalid(std::string(workloadName(workload)) +
                                     " needs a tcp://HOST:PORT target");
            if (payload < 1 || payload > 64 * 1024 * 1024)
                throw Error::invalid("--payload must be between 1 and 67108864 bytes");
            break;
        case Workload::UdpEcho:
            if (target.scheme != LoadTarget::Scheme::Udp)
                throw Error::invalid("UDP echo needs a udp://HOST:PORT target");
            if (payload < 1 || payload > 65507)
                throw Error::invalid("--payload must be between 1 and 65507 bytes for UDP",
                                     "a UDP datagram carries at most 65507 bytes");
            break;
    }
    if (target.tls && (workload == Workload::Bulk || workload == Workload::UdpEcho))
        throw Error::invalid(std::string("TLS does not apply to ") + workloadName(workload),
                             "TLS runs over HTTP and TCP echo connections");
    if (workload == Workload::Bulk && rate > 0)
        throw Error::invalid("--rate does not apply to --bulk", "bulk sends as fast as it can");
}

std::string LoadConfig::requestBytes() const {
    if (workload == Workload::Http) {
        std::string r = "GET " + target.path + " HTTP/1.1\r\nHost: " + target.hostHeader + "\r\n";
        if (!keepAlive) r += "Connection: close\r\n";
        return r + "\r\n";
    }
    std::string p(payload, '\0');
    for (std::size_t k = 0; k < p.size(); ++k) p[k] = char('a' + k % 26);
    return p;
}

}  // namespace sockwb::load
