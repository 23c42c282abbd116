#pragma once
// CompareConfig and CompareResult: the plain values the Compare panel
// passes around. A config says which workload runs against which service
// under which models; a result is what one model measured. The helpers map a
// workload to its service, protocol and load-generator settings, and say
// why a model cannot run it (the core's whyRefused sentence).

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cstdint>

#include "core/load/loadconfig.h"
#include "core/net/address.h"
#include "core/server/server.h"

namespace sockwb {

enum class CompareWorkload {
    HttpKeepAlive,      // http service, GET / on reused connections
    HttpNewConnection,  // http service, one connection per request
    TcpEcho,            // echo service, payload-byte round trips
    UdpEcho,            // echo service over UDP, one datagram each way
};

struct CompareConfig {
    CompareWorkload workload = CompareWorkload::HttpKeepAlive;
    QStringList models;    // in run order, from modelNames()
    int connections = 50;  // client connections (UDP: sockets)
    int loadThreads = 1;   // load generator event loops
    int secondsMs = 3000;  // measured time per model
    int warmupMs = -1;     // -1: a tenth of secondsMs, 50..300 ms
    int poolSize = 4;      // pool model's worker threads
    int loops = 1;         // epoll and io_uring: event loops (ServerConfig::loops)
    int payload = 64;      // echo: bytes per round trip
    int timeoutMs = 1000;  // a request unanswered this long is an error
    // Every model serves over TLS (the self-signed localhost certificate)
    // and every client connection runs a TLS engine, each new connection a
    // full handshake. TCP workloads only (UDP stays plain).
    bool tls = false;

    // Service name ("http", "echo") and protocol of the workload. Pure.
    static std::string serviceOf(CompareWorkload w);
    static Protocol protocolOf(CompareWorkload w);
    // Stable ASCII id for files: "http-keepalive", "http-close", "tcp-echo", "udp-echo". Pure.
    static QString key(CompareWorkload w);
    // key(), with "-tls" when the run is over TLS. Pure.
    QString fileKey() const;
    // True when the workload can run over TLS (a TCP one). Pure.
    static bool supportsTls(CompareWorkload w) { return protocolOf(w) == Protocol::Tcp; }
    // Short translated label for menus and reports. GUI thread (tr).
    static QString label(CompareWorkload w);
    // One translated sentence saying what the clients do and what the server runs.
    static QString description(CompareWorkload w);
    // "" when model can serve the workload, else the core's reason. Thread-safe.
    static QString whyRefused(const QString& model, CompareWorkload w);
    // True for the models that run `loops` event loops (epoll, io_uring). Pure.
    static bool runsLoops(const QString& model);
    // The model as its row and chart bar name it: "epoll ×2 loops" when it
    // runs several loops, else the model. GUI thread (tr).
    QString rowLabel(const QString& model) const;
    // The server for one model: the workload's service on 127.0.0.1:0. Pure.
    ServerConfig serverConfig(const QString& model) const;
    // The load against a server listening on `to`. Throws Error. Pure.
    load::LoadConfig loadConfig(const Address& to) const;
    // The warm-up time actually used. Pure.
    int effectiveWarmupMs() const;
};

// What one model measured (or why it could not).
struct CompareResult {
    QString model;
    bool ok = false;
    QString error;  // the failure sentence when !ok
    QString note;   // the load's first error, if any
    double requestsPerSec = 0;
    double bytesPerSec = 0;  // received by the clients
    double p50Ms = 0;
    double p99Ms = 0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    int openConnections = 0;  // connections the server held at the peak sample
    int serverThreads = 0;    // threads of this process that serve (peak)
    int childProcesses = 0;   // fork children alive (peak)
    double rssDeltaMiB = 0;   // VmRSS over the baseline + children's private memory (peak)
    double seconds = 0;       // measured wall time
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::CompareResult)
