#pragma once
// ClientConnection: one client socket (TCP or UDP) driven by its own
// threads, so that a caller that must never block (a window) can connect,
// send, shut down and disconnect with calls that return at once. Two ways
// to drive the socket, chosen in ClientConfig::io:
//  - Blocking (the default, as the course's client): a reader thread makes
//    blocking calls (connect, then recv/recvfrom, whose wait is their
//    duration in the trace) and a writer thread makes blocking sends of
//    what send() queued. disconnect() wakes them with shutdown(SHUT_RDWR).
//    The connect timeout is SO_SNDTIMEO (connect fails with EINPROGRESS when
//    it expires).
//  - Poll: one thread, a non-blocking socket, connect + poll, then poll on
//    the socket and an eventfd that queued sends and stop requests signal.
// With ClientConfig::tls (TCP only) a TLS handshake follows the connect in
// both modes (clienttls.h): send() then takes plaintext, which goes out
// encrypted through the same traced send(); received data is decrypted
// before onData; a shutdown of the writing side sends close_notify first.
// Everything it learns goes to a ClientObserver, one call at a time. Its
// socket calls go through sys:: inside a TraceScope, so an attached
// TraceObserver sees every one of them.
// Implemented in clientconnection.cpp (API, resolve, bind, queue),
// clientconnectionblocking.cpp, clientconnectionpoll.cpp and
// clientconnectiontls.cpp (the handshake and TLS sends of both modes).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/protocol.h"
#include "core/net/socket.h"
#include "core/net/sockopt.h"
#include "core/net/trace.h"
#include "core/net/wakeup.h"
#include "core/tls/tlsengine.h"
#include "core/tls/tlsoptions.h"

namespace sockwb {

class ClientTls;

// How the connection's threads use the socket.
enum class ClientIo {
    Blocking,  // blocking calls, a reader and a writer thread (the course's client)
    Poll,      // a non-blocking socket in a poll loop, one thread
};
const char* clientIoName(ClientIo io) noexcept;  // "blocking" / "poll"
ClientIo parseClientIo(std::string_view text);   // throws Error (InvalidInput)

// A client-side bind: "ADDR", "ADDR:PORT", "[v6]:PORT", ":PORT" (any
// address). host empty: the wildcard of the target's family.
struct ClientBind {
    std::string host;
    uint16_t port = 0;
    friend bool operator==(const ClientBind&, const ClientBind&) = default;
};
// Parses the forms above. Throws Error (InvalidInput) naming the text.
ClientBind parseClientBind(std::string_view text);

struct ClientConfig {
    Protocol protocol = Protocol::Tcp;
    std::string host = "127.0.0.1";  // unix, unixgram: the socket path (port unused)
    uint16_t port = 0;
    Millis connectTimeout{5000};
    ClientIo io = ClientIo::Blocking;
    std::optional<ClientBind> bind;  // bind() before connect / the first sendto
    size_t recvSize = 64 * 1024;     // bytes asked of each recv (1..1 MiB)
    // --sockopt NAME=VALUE: set before bind/connect (core/net/sockopt.h);
    // what the kernel reads back goes to ClientObserver::onSockopts.
    std::vector<SockoptSetting> sockopts;
    // --tls (TCP only): a TLS handshake after connect; send/recv then carry
    // plaintext for the caller and ciphertext on the wire. tlsServerName is
    // the SNI and the name checked ("" = host). The handshake is bounded by
    // connectTimeout as the connect is (a Timeout of "SSL_connect").
    bool tls = false;
    tls::ClientOptions tlsOptions;
    std::string tlsServerName;
    // A context to share (sessions cached in it resume on the next
    // connection to the same host:port); null: one made from tlsOptions.
    std::shared_ptr<const tls::Context> tlsContext;
    // Compares tlsContext as pointers (a workspace never sets it).
    friend bool operator==(const ClientConfig&, const ClientConfig&) = default;
};

// Why the connection ended.
enum class CloseReason {
    Local,       // disconnect()/stop() on this side
    PeerClosed,  // recv returned 0: the peer closed (or half-closed) its side
    Error,       // an error ended it (reported through onError first)
};

// Receives what happens on a connection. Calls come from the connection's
// threads, never two at once; an implementation must not call stop() from
// them (disconnect() and send() are fine).
class ClientObserver {
public:
    virtual ~ClientObserver() = default;
    // The socket is ready: local and peer addresses (UDP: peer is the target).
    virtual void onConnected(const Address& local, const Address& peer) {
        (void)local;
        (void)peer;
    }
    // Bytes of one recv (UDP: one datagram) and who sent them (TCP: the
    // peer; UDP: the datagram's source, which may differ from the target).
    virtual void onData(std::string_view bytes, const Address& from) {
        (void)bytes;
        (void)from;
    }
    // Bytes the kernel accepted (a partial send reports what went out).
    // TLS: the plaintext of one send() once all its records went out.
    virtual void onSent(size_t bytes) { (void)bytes; }
    // ClientConfig::sockopts were applied (before onConnected): what each read back.
    virtual void onSockopts(const std::vector<SockoptReadback>& readback) { (void)readback; }
    // ClientConfig::tls: the handshake completed (before onConnected's data
    // flows; after onConnected itself, which reports the TCP connection).
    virtual void onTlsHandshake(const tls::SessionInfo& info) { (void)info; }
    // shutdown(how) succeeded (SHUT_RD, SHUT_WR or SHUT_RDWR).
    virtual void onShutdown(int how) { (void)how; }
    // An error (connect refused, reset, timeout...). onClosed follows when
    // it ended the connection.
    virtual void onError(const ErrorInfo& error) { (void)error; }
    // The last call: the socket is closed, the threads are about to end.
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
    // Queues bytes: each call is one send() (TCP: in order, all of them;
    // UDP: one datagram). Thread-safe, never blocks. Ignored once closed or
    // after a shutdown of the writing side.
    void send(std::string bytes);
    // shutdown(how) (SHUT_RD, SHUT_WR, SHUT_RDWR) once everything queued
    // before has gone. Thread-safe, never blocks.
    void shutdown(int how);
    void shutdownWrite() { shutdown(SHUT_WR); }
    // Asks the I/O threads to close the socket; returns at once (blocking
    // mode: shutdown(SHUT_RDWR) wakes a blocked call). onClosed(Local)
    // follows. Thread-safe.
    void disconnect();
    // disconnect() then joins the I/O threads. Prompt (they are woken),
    // except while a host name is being resolved. Not from an I/O thread.
    void stop();

    // Thread-safe snapshots. With TLS the byte counts are plaintext (the
    // trace shows the ciphertext).
    State state() const noexcept { return state_.load(); }
    uint64_t bytesIn() const noexcept { return bytesIn_.load(); }
    uint64_t bytesOut() const noexcept { return bytesOut_.load(); }
    const ClientConfig& config() const noexcept { return config_; }

private:
    // One queued operation: bytes for one send(), or a shutdown.
    struct Outgoing {
        std::string bytes;
        int shutdownHow = -1;  // >= 0: shutdown(how) instead of a send
    };

    void run();
    bool resolveTarget(std::vector<Address>& addresses);
    // socket() for the target's family, the sockopts, and the optional
    // bind(); invalid Socket (reported in failure) when a call failed.
    Socket openSocket(const Address& target, bool nonBlocking, ErrorInfo& failure);
    // config_.sockopts on a new socket, both stages, into sockoptReadback_.
    void applySockopts(int fd);
    // The blocking connect bounds itself with SO_SNDTIMEO, then clears it:
    // an SO_SNDTIMEO asked for is set again after it.
    void restoreSendTimeout(int fd);
    void reportConnected();
    void deliver(std::string_view bytes, const Address& from);
    // Runs one queued shutdown; false on failure (reported).
    bool doShutdown(int how);

    // TLS (clientconnectiontls.cpp). Makes tls_ (false: reported).
    bool prepareTls();
    // The handshake in blocking mode, before the writer starts; false when
    // it failed (reported) or a stop came.
    bool handshakeBlocking();
    // Sends what the engine has for the wire (blocking); false on a failure.
    bool sendTlsOutputBlocking();
    // Encrypts one message and sends it (blocking); onSent(its size).
    bool sendTlsBlocking(const std::string& plain);
    // shutdown(how), close_notify first when it closes the writing side.
    bool shutdownBlocking(int how);
    // Ciphertext received: decrypted data delivered, the handshake
    // reported once done. False after a TLS error (reported).
    bool receiveTls(std::string_view ciphertext);
    // The handshake's summary to the observer, once.
    void reportTls();
    // Poll mode: sends tlsOut_, then encrypts the queue's next message
    // into it. False when the connection ended.
    bool flushTls();
    // An error of the engine, with the peer's address, after a try to send
    // the alert it made.
    void failTls(const Error& e);
    ErrorInfo handshakeTimeout() const;  // SSL_connect gave up after connectTimeout
    ErrorInfo handshakeClosed() const;   // recv returned 0 before the handshake ended

    // Blocking mode (clientconnectionblocking.cpp).
    void runBlocking(const std::vector<Address>& addresses);
    bool connectBlocking(const Address& address, ErrorInfo& failure);
    void readBlocking();
    void writeBlocking();
    // report: onSent and bytesOut for what went out (false: TLS records).
    bool sendAllBlocking(std::string_view bytes, bool report = true);
    void parkUntilStopped();
    void wakeBlocked();

    // Poll mode (clientconnectionpoll.cpp).
    void runPoll(const std::vector<Address>& addresses);
    bool connectPoll(const Address& address, ErrorInfo& failure);
    void loopPoll();
    bool flushQueue();
    bool readSome();

    // Calls the observer (if any), one call at a time across the threads.
    template <class F>
    void notify(F&& f) {
        if (!observer_) return;
        std::lock_guard lock(notifyMutex_);
        f(*observer_);
    }
    void fail(const ErrorInfo& info);
    // Closes the socket (under mutex_, so disconnect() never shuts down a
    // reused fd), then onClosed. Once.
    void finish(CloseReason reason);

    ClientConfig config_;
    ClientObserver* observer_;
    TraceObserver* trace_;
    std::thread thread_;            // the reader (blocking) or the only I/O thread (poll)
    std::thread writer_;            // blocking mode: started by the reader once connected
    std::optional<Wakeup> wakeup_;  // poll mode: wakes the I/O thread's poll
    Socket socket_;
    Address peer_;
    // What config_.sockopts read back on the socket being connected (I/O
    // thread only); reported by reportConnected().
    std::vector<SockoptReadback> sockoptReadback_;
    std::mutex notifyMutex_;          // one observer call at a time
    std::unique_ptr<ClientTls> tls_;  // ClientConfig::tls: made on the I/O thread before connect
    std::string tlsOut_;              // poll mode: ciphertext not sent yet
    size_t tlsOutPlain_ = 0;          // poll mode: plaintext bytes tlsOut_ carries
    bool tlsCloseQueued_ = false;     // poll mode: the close_notify of a queued shutdown was made

    std::mutex mutex_;  // guards the queue, the flags below and socket_'s fd for disconnect
    std::condition_variable changed_;  // blocking mode: queue or stop changed
    std::deque<Outgoing> queue_;
    size_t headSent_ = 0;                // bytes of queue_.front() already sent (poll mode, TCP)
    bool writeShut_ = false;             // a shutdown of the writing side was queued
    bool writerFailed_ = false;          // blocking mode: a send error ended the connection
    bool writerBusy_ = false;            // blocking mode: the writer is in a send/shutdown
    bool readerDone_ = false;            // blocking mode: the reader ended, the writer must too
    bool wokeWithShutdown_ = false;      // blocking mode: disconnect() made its shutdown
    bool tlsFlush_ = false;              // blocking mode: the reader left TLS output for the writer
    std::atomic<bool> readShut_{false};  // SHUT_RD was asked: recv gives 0 from now on

    std::atomic<bool> stopRequested_{false};
    std::atomic<State> state_{State::Idle};
    std::atomic<uint64_t> bytesIn_{0};
    std::atomic<uint64_t> bytesOut_{0};
    bool finished_ = false;
};

}  // namespace sockwb
