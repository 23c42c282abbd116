#pragma once
// The state every concurrency model shares for one running server: the open
// listeners, the stop eventfd, the counters, the registry of live
// connections and the observers. Models drive it; Server owns it. It is
// also the in-process SessionReporter: counters, registry and observer
// callbacks in one place, so every model reports the same way.

#include <sys/types.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/net/wakeup.h"
#include "core/server/blockingwaits.h"
#include "core/server/connectionrecord.h"
#include "core/server/errorthrottle.h"
#include "core/server/memorybudget.h"
#include "core/server/server.h"
#include "core/server/serversockopts.h"
#include "core/server/service.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

struct Listener {
    ListenerConfig config;
    std::shared_ptr<const Service> service;
    Socket socket;
    Address address;    // the real one (port 0 resolved)
    std::string label;  // "echo/tcp"
    // ServerConfig::loops > 1: which event loop serves this socket, and the
    // index in config.listeners it is a copy of (several sockets share one
    // port through SO_REUSEPORT). 0 and its own index otherwise.
    size_t loop = 0;
    size_t origin = 0;
};

class ServerCore final : public SessionReporter {
public:
    // services: one per listener, same order as config.listeners.
    ServerCore(ServerConfig config, std::vector<std::shared_ptr<const Service>> services,
               ServerObserver* observer, TraceObserver* trace);
    ~ServerCore() override;
    ServerCore(const ServerCore&) = delete;
    ServerCore& operator=(const ServerCore&) = delete;

    // Creates the stop eventfd and opens every listener (TCP listening, UDP
    // bound). Listeners are non-blocking, except under blocking calls
    // (usesBlockingCalls) when the model can wait in accept()/recvfrom() on
    // its one listener: blockingAccept(). Throws Error and closes what it opened.
    // Caller's thread, before any model thread runs.
    void open();
    // Closes every listener and the stop fd. After the model has stopped.
    void close();

    const ServerConfig& config() const noexcept { return config_; }
    const ServiceOptions& options() const noexcept { return config_.serviceOptions; }
    // Listeners: their sockets are used by the model threads; the vector
    // itself does not change between open() and close(). The configured
    // listeners come first, in config order (listeners()[i].origin == i,
    // loop 0); with loopCount() > 1 each further loop's SO_REUSEPORT copies
    // of the stream listeners follow. Whatever shows a listener to the user
    // (records, labels, addresses) uses the configured one: its origin.
    std::vector<Listener>& listeners() noexcept { return listeners_; }
    // One address per configured listener (the copies share it).
    std::vector<Address> addresses() const;
    // ServerConfig::loops for epoll and io_uring, else 1.
    size_t loopCount() const noexcept;

    // Readable (level-triggered, never drained) once stop was requested:
    // every serving poll includes it, fork children too (they share it).
    int stopFd() const noexcept { return stop_ ? stop_->fd() : -1; }
    // Thread-safe, async-signal-safe enough (one write).
    void requestStop() noexcept;
    // Under blocking calls, wakes what waits in them (waits().wakeAll()):
    // after requestStop(), before the model's stop(). Thread-safe.
    void wakeBlockedCalls();
    // The blocking calls' side of stop: sockets to shut down, sleeps to
    // interrupt. Thread-safe.
    BlockingWaits& waits() noexcept { return waits_; }
    // True when the model waits in blocking calls (ServerConfig::io).
    bool blockingCalls() const noexcept { return blocking_; }
    // Blocking calls and a single TCP listener: accept() waits on it
    // directly. Several listeners are polled first (accept cannot wait on two).
    bool blockingAccept() const noexcept;
    bool stopRequested() const noexcept { return stopping_.load(std::memory_order_acquire); }

    ServerObserver* observer() const noexcept { return observer_; }
    TraceObserver* traceObserver() const noexcept { return trace_; }
    // To call first thing in every thread the server starts, after its
    // TraceScope: reports thread_start to the trace. Thread-safe.
    void threadStarted(const std::string& role) const;

    // Admission after accept (max connections). Counts the accept; when over
    // the limit logs, closes the socket and returns false. An admitted
    // socket gets ServerConfig::sockopts' Connected options. Thread-safe.
    bool admit(Socket& socket, const Address& peer, size_t listener);
    // A client admitted but never served (queued at stop): frees its slot.
    void discardAdmitted() noexcept;
    // A client admitted, then refused by the model (workers cap): counts
    // it as refused, logs "refused PEER on LISTENER: why", closes the
    // socket and frees its slot. Thread-safe.
    void refuseAdmitted(Socket& socket, const Address& peer, size_t listener, std::string_view why);
    // A fresh record for an admitted connection. Thread-safe.
    std::shared_ptr<ConnectionRecord> newRecord(size_t listener, const Address& peer, int fd);
    // Record registered by id (fork parent relaying a child's events).
    std::shared_ptr<ConnectionRecord> findRecord(uint64_t id) const;

    // A failed accept (EMFILE...): reported as error() at most once per 5 s,
    // with a log line counting the ones left out. Thread-safe.
    void acceptFailed(const ErrorInfo& info);
    // An accept succeeded: logs how many failures were left out, if any.
    // Thread-safe.
    void acceptSucceeded();

    // Server-wide byte counters only (fork parent: the child counted the
    // record's). Thread-safe.
    void countBytes(bool incoming, uint64_t bytes) noexcept;
    void datagramIn(size_t bytes) noexcept;
    void datagramOut(size_t bytes) noexcept;

    // What the connections hold (ServerConfig::memoryBudget). Thread-safe.
    MemoryBudget& memoryBudget() noexcept { return budget_; }

    ServerStats stats() const;
    std::vector<ConnectionInfo> connections() const;
    // What ServerConfig::sockopts read back (Server::sockoptReadback). Thread-safe.
    std::vector<SockoptReadback> sockoptReadback() const { return sockopts_.readback(); }

    // SessionReporter (thread-safe; observer called without engine locks).
    void connectionOpened(ConnectionRecord& record) override;
    void bytesMoved(ConnectionRecord& record, bool incoming, std::string_view bytes) override;
    void connectionClosed(ConnectionRecord& record) override;
    void broadcast(ConnectionRecord& from, std::string_view bytes) override;
    void slowReaderClosed(ConnectionRecord& record, std::string_view reason) override;
    void requestHandled() override { requests_.fetch_add(1, std::memory_order_relaxed); }
    void tlsEstablished(ConnectionRecord& record, const std::string& summary) override;
    void log(std::string_view text) override;
    void error(const ErrorInfo& info) override;

private:
    std::string skippedAccepts(uint64_t count) const;

    ServerConfig config_;
    ServerSockopts sockopts_;
    MemoryBudget budget_;
    std::vector<Listener> listeners_;
    ServerObserver* observer_;
    TraceObserver* trace_;
    std::optional<Wakeup> stop_;  // never drained once notified: stays readable
    std::atomic<bool> stopping_{false};
    const bool blocking_;
    BlockingWaits waits_;
    std::vector<uint64_t> watchedListeners_;
    ErrorThrottle acceptErrors_;
    std::string lastAcceptError_;  // "accept4 on 127.0.0.1:7000 failed with EMFILE"

    std::atomic<uint64_t> nextId_{1};
    std::atomic<uint64_t> accepted_{0}, active_{0}, bytesIn_{0}, bytesOut_{0};
    std::atomic<uint64_t> datagramsIn_{0}, datagramsOut_{0}, errors_{0}, refused_{0};
    std::atomic<uint64_t> slowClosed_{0};
    std::atomic<uint64_t> requests_{0};

    mutable std::mutex mutex_;  // guards records_, lastAcceptError_
    std::map<uint64_t, std::shared_ptr<ConnectionRecord>> records_;
};

// The first line of every thread a model starts: the thread reports to the
// server's trace observer (TraceScope) for as long as the scope lives, and
// its start is noted in the trace with its role ("pool worker 2"), and the
// kernel knows it by that role (threadname.h).
class ServerThreadScope {
public:
    ServerThreadScope(const ServerCore& core, const std::string& role);
    ServerThreadScope(const ServerThreadScope&) = delete;
    ServerThreadScope& operator=(const ServerThreadScope&) = delete;

private:
    TraceScope trace_;
};

}  // namespace sockwb
