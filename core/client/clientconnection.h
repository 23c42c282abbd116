#pragma once
// ClientConnection: one client socket (TCP or UDP) driven by its own I/O
// thread, so that a caller that must never block (a window) can connect,
// send and disconnect with calls that return at once. The thread resolves
// the host, connects with a timeout (non-blocking connect + poll, woken early
// by stop), then polls the socket and an eventfd: sends queued from any
// thread wake it through the eventfd. Everything it learns is reported to a
// ClientObserver on the I/O thread. Its socket calls go through sys:: inside
// a TraceScope, so an attached TraceObserver sees every one of them.

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/protocol.h"
#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/net/wakeup.h"

namespace sockwb {

struct ClientConfig {
    Protocol protocol = Protocol::Tcp;
    std::string host = "127.0.0.1";  // unix, unixgram: the socket path (port unused)
    uint16_t port = 0;
    Millis connectTimeout{5000};
};

// Why the connection ended.
enum class CloseReason {
    Local,       // disconnect()/stop() on this side
    PeerClosed,  // recv returned 0: the peer closed (or half-closed) its side
    Error,       // an error ended it (reported through onError first)
};

// Receives what happens on a connection. Every call is made on the
// connection's I/O thread; an implementation must not call stop() from it.
class ClientObserver {
public:
    virtual ~ClientObserver() = default;
    // The socket is ready: local and peer addresses (UDP: peer is the target).
    virtual void onConnected(const Address& local, const Address& peer) {
        (void)local;
        (void)peer;
    }
    // Bytes received, split anyhow (UDP: one datagram per call).
    virtual void onData(std::string_view bytes) { (void)bytes; }
    // Bytes the kernel accepted (a partial send reports what went out).
    virtual void onSent(size_t bytes) { (void)bytes; }
    // An error (connect refused, reset, timeout...). onClosed follows.
    virtual void onError(const ErrorInfo& error) { (void)error; }
    // The last call: the socket is closed, the thread is about to end.
    virtual void onClosed(CloseReason reason) { (void)reason; }
};

class ClientConnection {
public:
    enum class State { Idle, Connecting, Connected, Closed };

    // observer and trace are not owned and must outlive the connection (or
    // at least stop()); both may be nullptr.
    ClientConnection(ClientConfig config, ClientObserver* observer, TraceObserver* trace = nullptr);
    // Stops and joins.
    ~ClientConnection();
    ClientConnection(const ClientConnection&) = delete;
    ClientConnection& operator=(const ClientConnection&) = delete;

    // Starts the I/O thread, which connects. Returns at once; call once.
    // Throws Error if the thread or eventfd cannot be created.
    void start();
    // Queues bytes (TCP: in order, all of them; UDP: one datagram per call).
    // Thread-safe, never blocks. Ignored once closed.
    void send(std::string bytes);
    // Half-close after everything queued has gone: shutdown(SHUT_WR). TCP
    // only. Thread-safe, never blocks.
    void shutdownWrite();
    // Asks the I/O thread to close the socket; returns at once. onClosed
    // (Local) follows on the I/O thread. Thread-safe.
    void disconnect();
    // disconnect() then joins the I/O thread. Prompt (the thread is woken),
    // except while a host name is being resolved. Not from the I/O thread.
    void stop();

    // Thread-safe snapshots.
    State state() const noexcept { return state_.load(); }
    uint64_t bytesIn() const noexcept { return bytesIn_.load(); }
    uint64_t bytesOut() const noexcept { return bytesOut_.load(); }
    const ClientConfig& config() const noexcept { return config_; }

private:
    void run();
    // Resolves and connects; false when stopped or failed (reported).
    bool connectSocket();
    bool connectOne(const Address& address, ErrorInfo& failure);
    void loop();
    // Sends what the queue holds until it would block; false on error.
    bool flushQueue();
    bool readSome();
    void wake();
    void drainWake();
    void fail(const ErrorInfo& info);
    void finish(CloseReason reason);

    ClientConfig config_;
    ClientObserver* observer_;
    TraceObserver* trace_;
    std::thread thread_;
    std::optional<Wakeup> wakeup_;  // created by start(); wakes the I/O thread's poll
    Socket socket_;
    Address peer_;

    std::mutex mutex_;  // guards the queue and the requests below
    std::deque<std::string> queue_;
    size_t headSent_ = 0;  // bytes of queue_.front() already sent (TCP)
    bool shutdownRequested_ = false;
    bool shutdownDone_ = false;

    std::atomic<bool> stopRequested_{false};
    std::atomic<State> state_{State::Idle};
    std::atomic<uint64_t> bytesIn_{0};
    std::atomic<uint64_t> bytesOut_{0};
    bool finished_ = false;
};

}  // namespace sockwb
