#pragma once
// What a load run does: the target (an http:// URL, tcp://HOST:PORT for echo
// round trips or --bulk, udp://HOST:PORT for datagram echo) and the knobs of
// `sockwb load`. Plain values; LoadTarget::parse checks user input.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/net/address.h"
#include "core/tls/tlsoptions.h"

namespace sockwb::load {

enum class Workload {
    Http,     // HTTP/1.1 GET, keep-alive unless keepAlive is false
    TcpEcho,  // payload bytes out, the same count back, per round trip
    UdpEcho,  // one datagram out, one back
    Bulk,     // TCP, send only, as fast as possible (discard service)
};

// Name of a workload for reports: "http", "tcp-echo", "udp-echo", "bulk". Pure.
const char* workloadName(Workload w) noexcept;

struct LoadTarget {
    enum class Scheme { Http, Tcp, Udp };
    Scheme scheme = Scheme::Http;
    Address address;         // resolved once, before the run
    std::string hostHeader;  // HTTP: Host value ("127.0.0.1:8080")
    std::string path = "/";  // HTTP: request target in origin form
    std::string text;        // the target as the user wrote it, for reports
    bool tls = false;        // https://: TLS on every connection (SNI = host)
    std::string serverName;  // https: SNI and the name checked (the URL's host)

    // Parses "http://host[:port]/path", "https://host[:port]/path", "tcp://host:port",
    // "udp://host:port" (a bare "host:port/..." means http) and resolves the host. Throws Error
    // (InvalidInput, Resolve). Thread-safe.
    static LoadTarget parse(std::string_view text);
};

struct LoadConfig {
    LoadTarget target;
    Workload workload = Workload::Http;
    int connections = 10;  // concurrent connections (UDP: sockets), over all threads
    int threads = 1;       // event loops, one per thread
    std::chrono::milliseconds duration{0};  // run time; 0 = until `requests` are done
    std::uint64_t requests = 0;             // total requests (bulk: chunks); 0 = no limit
    double rate = 0;           // open loop: requests/s over all threads; 0 = closed loop
    bool keepAlive = true;     // HTTP: reuse connections
    std::size_t payload = 64;  // echo: bytes per round trip; bulk: bytes per send
    std::chrono::milliseconds timeout{5000};  // a request (or connect) slower than this is an error
    bool fullParser = false;  // HTTP: use http::ResponseParser instead of the fast scanner
    // https:// targets (LoadTarget::tls) and --tls for echo/bulk: every
    // connection runs a tls::Engine; resumeSessions off makes each new
    // connection a full handshake.
    tls::ClientOptions tlsOptions;

    // Checks the combination; throws Error (InvalidInput) with a sentence. Const.
    void validate() const;
    // What each request sends: the HTTP GET (with "Connection: close" when
    // keepAlive is off) or `payload` bytes of a recognisable pattern. Const.
    std::string requestBytes() const;
};

}  // namespace sockwb::load
