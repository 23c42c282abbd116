#pragma once
// The engine's live record of one TCP connection: what Server::connections()
// snapshots and what the observer is told. Counters are atomics because the
// GUI thread snapshots them while the serving thread updates them.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/net/address.h"
#include "core/server/server.h"

namespace sockwb {

// Always held by shared_ptr (make_shared): the registry keeps one.
struct ConnectionRecord : std::enable_shared_from_this<ConnectionRecord> {
    // The engine's names for the record's state (ConnectionState, server.h).
    using State = ConnectionState;
    static constexpr State Open = State::Open;
    static constexpr State Closing = State::Closing;
    static constexpr State Closed = State::Closed;

    uint64_t id = 0;
    size_t listener = 0;  // index in ServerConfig::listeners
    std::string label;    // "echo/tcp"
    Address peer;
    int fd = -1;
    int tid = 0;
    int pid = 0;
    std::chrono::system_clock::time_point since = std::chrono::system_clock::now();
    std::atomic<uint64_t> bytesIn{0};
    std::atomic<uint64_t> bytesOut{0};
    std::atomic<State> state{Open};
    // Bytes queued in the server for the peer, not yet taken by the kernel
    // (kept by the drivers that queue relayed output: event loop, poll).
    std::atomic<uint64_t> queued{0};
    // Chat: how bytes broadcast by another session reach this one. Set once
    // before the record is registered and never changed; may be called from
    // any thread (the blocking driver queues and wakes its poll, the event
    // loop appends to the output buffer on its own single thread).
    std::function<void(std::string_view)> deliver;

    // TLS: the handshake's summary once done (ConnectionInfo::tls). Thread-safe.
    void setTls(std::string summary) {
        auto s = std::make_unique<std::string>(std::move(summary));
        std::lock_guard lock(tlsMutex());
        tls_ = std::move(s);
    }
    std::string tls() const {
        std::lock_guard lock(tlsMutex());
        return tls_ ? *tls_ : std::string();
    }

    // A copy for Server::connections() and the observer. Thread-safe.
    ConnectionInfo snapshot() const;

private:
    // One mutex for every record's summary, and the summary allocated only
    // for a TLS connection: a server holding 100,000 idle plain connections
    // keeps 64 bytes less for each (it is set once per connection and read
    // by a GUI refresh, so the shared lock is never contended).
    static std::mutex& tlsMutex() {
        static std::mutex m;
        return m;
    }
    std::unique_ptr<std::string> tls_;  // guarded by tlsMutex()
};

}  // namespace sockwb
