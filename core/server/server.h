#pragma once
// A server: one or more listeners (service, protocol, port) run under one
// concurrency model. start() returns once every socket listens; stop() is
// prompt (< 1 s) and leaves no thread, child process, fd or port behind.
// Public methods are thread-safe unless noted.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/protocol.h"
#include "core/net/sockopt.h"
#include "core/net/trace.h"
#include "core/server/outputlimit.h"
#include "core/server/service.h"
#include "core/tls/certificateinfo.h"
#include "core/tls/tlsoptions.h"

namespace sockwb {

struct ListenerConfig {
    std::string service = "echo";
    Protocol protocol = Protocol::Tcp;
    std::string bindAddress = "127.0.0.1";
    uint16_t port = 0;  // 0: the kernel chooses a free one
    friend bool operator==(const ListenerConfig&, const ListenerConfig&) = default;
};

// How the iterative, fork, thread and pool models wait (select, poll and
// epoll are event loops and ignore it).
enum class IoMode {
    // The course's way: blocking sockets. accept() and recv() wait in the
    // kernel (the wait is the call's duration in the trace), send() sends
    // everything, the clock sleeps (nanosleep) between its ticks. Stop
    // wakes them: shutdown() of the sockets, a signal for the sleeps.
    Blocking,
    // Non-blocking sockets and one poll() per wait (socket, stop fd, next
    // timer as timeout).
    Poll,
};

// "blocking" or "poll". Thread-safe.
const char* ioModeName(IoMode mode) noexcept;
// The mode named ("blocking", "poll"), nullopt for any other text. Thread-safe.
std::optional<IoMode> ioModeFromName(std::string_view name) noexcept;

struct ServerConfig {
    // The first listener is the main one; more make a multi-service server.
    // Every model serves several TCP listeners; a UDP listener among several
    // needs an event-driven model (select, poll, epoll): see Refusal.
    std::vector<ListenerConfig> listeners{ListenerConfig{}};
    // iterative, fork, thread, pool, select, poll, epoll, io_uring
    std::string model = "epoll";
    // epoll and io_uring: N event loops on N threads, each with its own
    // SO_REUSEPORT copy of every TCP listener (nginx's worker_processes N);
    // the kernel spreads new connections between them. UDP listeners stay
    // on loop 0. 1 for every other model (Server::validate refuses more).
    int loops = 1;
    int backlog = 128;
    int poolSize = 4;        // pool: worker threads
    int maxConnections = 0;  // 0: no limit; over it a client is accepted then closed
    int idleTimeoutMs = 0;   // 0: none; an idle connection is closed after it
    // fork: children, thread: client threads alive at once (0: no limit);
    // over it a client is accepted then closed, with a log line.
    int maxWorkers = 256;
    // UDP: replies a second to one peer address (burst twice that), 0: no
    // limit; datagrams from service ports and from the listener itself are
    // never answered (core/server/reflectionguard.h).
    int udpRepliesPerSecond = 100;
    // Memory every connection together may hold (output buffers, request
    // buffers): reads pause at it (core/server/memorybudget.h). 0: no limit.
    uint64_t memoryBudget = kDefaultMemoryBudget;
    static constexpr uint64_t kDefaultMemoryBudget = 256ull * 1024 * 1024;
    bool reuseAddr = true;
    // --sockopt NAME=VALUE: set on every listener before bind (SO_REUSEADDR,
    // SO_REUSEPORT, IPV6_V6ONLY, buffers) and on every accepted socket
    // (core/net/sockopt.h). An SO_REUSEADDR here overrides reuseAddr.
    std::vector<SockoptSetting> sockopts;
    IoMode io = IoMode::Blocking;  // iterative, fork, thread, pool; see IoMode
    // What may queue for a client of a relaying service (chat) that does
    // not read before it is disconnected (outputlimit.h).
    OutputLimit outputLimit;
    ServiceOptions serviceOptions;
    // --tls: every TCP listener speaks TLS (core/tls/tlsservice.h), under
    // every model. UDP listeners stay plain.
    bool tls = false;
    tls::ServerOptions tlsOptions;
    friend bool operator==(const ServerConfig&, const ServerConfig&) = default;
};

// True when config's model waits in blocking calls: io is Blocking and the
// model is iterative, fork, thread or pool. Thread-safe.
bool usesBlockingCalls(const ServerConfig& config) noexcept;

// Where a connection is in its life. Worded by each front end:
// connectionStateName() gives the English name ("open", "closing", "closed").
enum class ConnectionState {
    Open,     // being served
    Closing,  // the engine is closing it (FIN sent, draining, or closing now)
    Closed,   // closed: the fd is released
};

// "open", "closing" or "closed". Thread-safe.
const char* connectionStateName(ConnectionState state) noexcept;

// Counters of one connection (a snapshot).
struct ConnectionInfo {
    uint64_t id = 0;
    std::string listener;      // "echo/tcp"
    size_t listenerIndex = 0;  // in ServerConfig::listeners and Server::addresses()
    Address peer;
    int fd = -1;
    int tid = 0;  // worker thread (thread/pool/event models)
    int pid = 0;  // process (fork model: the child's pid)
    uint64_t bytesIn = 0;
    uint64_t bytesOut = 0;
    uint64_t queued = 0;  // bytes waiting in the server for the peer to read
    ConnectionState state = ConnectionState::Open;
    std::chrono::system_clock::time_point since;
    // TLS: "TLSv1.3 TLS_AES_256_GCM_SHA384" once the handshake is done, ""
    // before it and on a plain connection.
    std::string tls;
};

// Counters of the whole server (a snapshot).
struct ServerStats {
    uint64_t accepted = 0;
    uint64_t active = 0;
    uint64_t bytesIn = 0;
    uint64_t bytesOut = 0;
    uint64_t datagramsIn = 0;
    uint64_t datagramsOut = 0;
    uint64_t errors = 0;
    uint64_t refused = 0;       // over maxConnections or maxWorkers
    uint64_t memoryBytes = 0;   // held by the connections now (memorybudget.h)
    uint64_t memoryPeak = 0;    // the most they held at once
    uint64_t memoryBudget = 0;  // ServerConfig::memoryBudget (0: no limit)
    uint64_t slowClosed = 0;    // closed over the output limit: they did not read
    // Requests answered: http only (every request parsed and answered, bad
    // ones too); 0 for the other services. Not counted under fork.
    uint64_t requests = 0;
};

// What a server tells the outside world. Called from the server's threads
// (never the fork children: their events are relayed by the parent), so an
// implementation must be thread-safe and must not call back into Server.
class ServerObserver {
public:
    virtual ~ServerObserver() = default;
    virtual void onListening(const std::string& listener, const Address& address) {
        (void)listener;
        (void)address;
    }
    virtual void onConnectionOpened(const ConnectionInfo& info) { (void)info; }
    virtual void onConnectionClosed(const ConnectionInfo& info) { (void)info; }
    // Data moved: direction true = received from the peer. bytes may be cut
    // to a preview by the engine (at most 256 bytes are passed).
    virtual void onData(uint64_t connectionId, bool incoming, std::string_view bytes) {
        (void)connectionId;
        (void)incoming;
        (void)bytes;
    }
    // A line from a service or the engine ("refused: 10 connections max").
    virtual void onLog(const std::string& text) { (void)text; }
    // A connection's TLS handshake completed: summary as ConnectionInfo::tls.
    virtual void onConnectionTls(uint64_t connectionId, const std::string& summary) {
        (void)connectionId;
        (void)summary;
    }
    // A failure that did not stop the server (one connection's error...).
    virtual void onError(const ErrorInfo& error) { (void)error; }
    virtual void onStopped() {}
};

class ConcurrencyModel;
class ServerCore;
namespace tls {
class Context;
}

class Server {
public:
    // Validates the configuration (unknown service or model, refused
    // combinations) and throws Error with a sentence saying why.
    explicit Server(ServerConfig config);
    // Same, with the services given (one per listener, in order) instead of
    // looked up by name: for services that are not in the registry (tests,
    // plug-ins). Validated the same way.
    Server(ServerConfig config, std::vector<std::shared_ptr<const Service>> services);
    ~Server();  // stops
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Not owned; set before start(). Optional.
    void setObserver(ServerObserver* observer);
    // Syscall trace for every thread of this server (and the fork children's
    // events, relayed). Not owned; set before start(). Optional.
    void setTraceObserver(TraceObserver* observer);

    // Opens every listener and starts the model's threads. Returns once all
    // listen; throws Error (EADDRINUSE...) and leaves nothing open if any fails.
    void start();
    // Prompt stop: closes listeners and connections, joins threads, kills and
    // reaps children. Idempotent.
    void stop();
    bool isRunning() const;

    // Real addresses (port 0 resolved), in listener order. Valid after start().
    std::vector<Address> addresses() const;
    const ServerConfig& config() const { return config_; }
    std::string modelName() const;
    ServerStats stats() const;
    std::vector<ConnectionInfo> connections() const;
    // What config().sockopts read back: on each listener (after start()),
    // then on the first accepted connection once there is one (the same
    // options on every later one). Empty when no sockopts were asked.
    std::vector<SockoptReadback> sockoptReadback() const;
    // With config().tls, after start(): the certificate the server presents
    // (its SHA-256 fingerprint is what a client should see) and its files.
    // Empty info before start() and without TLS.
    tls::CertificateInfo tlsCertificate() const;
    std::string tlsCertFile() const;

private:
    void validate() const;
    std::shared_ptr<ServerCore> core() const;

    ServerConfig config_;
    std::vector<std::shared_ptr<const Service>> services_;
    std::unique_ptr<ConcurrencyModel> model_;
    ServerObserver* observer_ = nullptr;
    TraceObserver* trace_ = nullptr;
    mutable std::mutex mutex_;                        // serialises start() and stop()
    mutable std::mutex coreMutex_;                    // guards core_, tlsContext_ (the pointers)
    std::shared_ptr<ServerCore> core_;                // kept after stop: stats stay readable
    std::shared_ptr<const tls::Context> tlsContext_;  // with config().tls, from start()
    std::atomic<bool> running_{false};
};

// Every model name, in the course's order, io_uring last. Thread-safe.
std::vector<std::string> modelNames();
// Why this kernel cannot run the model ("io_uring_setup failed with EPERM:
// kernel.io_uring_disabled is 2"), or "" when it can (every model but
// io_uring always can). Asked once, then cached. Thread-safe.
std::string modelUnavailableReason(const std::string& model);

// Why the engine refuses a (model, service, protocol) combination in a
// server of listenerCount listeners. The engine decides (refusalOf); each
// front end words the reason: englishSentence() for the CLI and the core's
// errors, widgets/common/refusaltext for the GUI.
struct Refusal {
    enum class Reason {
        UnknownModel,           // model is not one of modelNames()
        UnknownService,         // service is not one of serviceNames()
        RelayNeedsConnections,  // a relaying service (chat) over UDP
        NoUdpForm,              // the service has no UDP form (other services)
        NoTcpForm,              // the service has no TCP form
        RelayUnderFork,         // a relaying service under fork
        RelayUnderIterative,    // a relaying service under iterative
        UdpUnderFork,           // UDP under fork: no connection for a child
        UdpUnderThreads,        // UDP under thread or pool: no connection for a worker
        IterativeOneUdp,        // UDP under iterative with more than one listener
        ModelUnavailable,       // the kernel refuses the model (io_uring disabled):
                                // modelUnavailableReason(model) says why
    };
    Reason reason = Reason::UnknownModel;
    std::string model;    // the model as given
    std::string service;  // the service's name (as given when unknown)
};

// Checks a combination before anything starts: nullopt when fine, else why
// it makes no sense (chat over UDP, chat under fork...). The rules are
// checked in the order of Refusal::Reason. Server::validate() refuses the
// same; the GUI disables choices with the reason as tooltip. Thread-safe.
std::optional<Refusal> refusalOf(const std::string& model, const std::string& service,
                                 Protocol protocol, size_t listenerCount = 1);
// Same for a service object (not looked up by name). Thread-safe.
std::optional<Refusal> refusalOf(const std::string& model, const Service& service,
                                 Protocol protocol, size_t listenerCount = 1);
// The reason in English ("the chat service relays lines between connected
// clients, and UDP has no connections: use TCP"). Thread-safe.
std::string englishSentence(const Refusal& refusal);
// englishSentence(*refusalOf(...)), or "" when the combination is fine.
// Thread-safe.
std::string whyRefused(const std::string& model, const std::string& service, Protocol protocol,
                       size_t listenerCount = 1);
// Same for a service object (not looked up by name). Thread-safe.
std::string whyRefused(const std::string& model, const Service& service, Protocol protocol,
                       size_t listenerCount = 1);

}  // namespace sockwb
