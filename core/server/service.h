#pragma once
// Services are written once, as event-driven state machines, and every
// concurrency model drives them: a blocking model runs one session on its
// own thread (or process), blocking in recv() and sleeping until its next
// timer as the course's programs do (or, with IoMode::Poll, with one poll()
// for data and timers); an event-driven model runs thousands of sessions in
// one loop. A service therefore never sleeps itself and never touches a
// socket: it asks its context to send, to close or to start a timer. This is
// what lets one select/poll/epoll thread serve 100 clock clients at once.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/address.h"
#include "core/net/millis.h"

namespace sockwb {

// What ends each message of a service that offers the choice (clock).
// None is the course's bytes: its send_to(client, "Au Revoir") sends
// strlen() bytes, no newline (core/services/terminator.h names them).
enum class Terminator { None, Lf, CrLf };

class MemoryBudget;

// Options a service may read. Plain data, copied into each server.
struct ServiceOptions {
    int ticks = 5;                             // clock: messages of time per request
    int intervalMs = 1000;                     // clock: pause between two messages
    Terminator terminator = Terminator::None;  // clock: after each message
    std::string root;                          // http: folder of static files ("" = none)
    std::string modelName;                     // filled by the engine: the model serving
    size_t maxLine = 64 * 1024;                // chat and line services: longest line accepted
    // http timeouts, 0 = off (httpsession.h). The head's is a total from its
    // first byte (a byte trickled in does not extend it: slowloris); the
    // body's runs between two reads; keep-alive is the wait for the next
    // request (and for the first), ended by a silent close.
    int headerTimeoutMs = 20000;
    int bodyTimeoutMs = 60000;
    int keepAliveTimeoutMs = 75000;
    friend bool operator==(const ServiceOptions&, const ServiceOptions&) = default;
};

// What a TCP session may do with its connection. Implemented by each model;
// every call is made on the session's own thread (or loop).
class SessionContext {
public:
    virtual ~SessionContext() = default;
    // Queues bytes for the peer; the model sends them (all of them, in order).
    virtual void send(std::string_view bytes) = 0;
    // Closes once everything queued has been sent.
    virtual void close() = 0;
    // One-shot timer: onTimer(id) is called after delay on the session's thread.
    virtual void startTimer(Millis delay, int id = 0) = 0;
    // A one-shot timer that watches the peer (a deadline for its request):
    // the same onTimer(id), but the session keeps reading while it is
    // pending. startTimer makes the course's blocking driver sleep (the
    // clock's tick); this one makes it wait in recv() with the deadline as
    // its timeout. Every other model reads while any timer is pending.
    virtual void startWatchdog(Millis delay, int id) { startTimer(delay, id); }
    // Relays bytes to every other open session of the same listener (chat).
    // Thread-safe with respect to the other sessions.
    virtual void broadcast(std::string_view bytes) = 0;
    // A line for the server's log ("client 3 asked for /index.html").
    virtual void log(std::string_view text) = 0;
    virtual const Address& peer() const = 0;
    virtual const ServiceOptions& options() const = 0;
    // Bytes queued by send() and not yet handed to the kernel. A service that
    // produces output unasked (chargen) reads it to keep its output bounded
    // when the peer does not read. Models that send synchronously keep 0.
    virtual size_t queuedBytes() const { return 0; }
    // The server's memory budget, for a session that holds input (http's
    // request buffer) to charge it; null when the model counts nothing.
    virtual MemoryBudget* memoryBudget() const { return nullptr; }
    // One request answered (http: a request read and answered, good or bad),
    // for ServerStats::requests. Models that count nothing ignore it.
    virtual void requestHandled() {}
    // The connection's socket, for trace notes about it (TLS records); -1
    // when the model does not say.
    virtual int fd() const { return -1; }
    // TLS: the handshake completed ("TLSv1.3 TLS_AES_256_GCM_SHA384"), for
    // ConnectionInfo::tls and ServerObserver::onConnectionTls.
    virtual void tlsEstablished(const std::string& summary) { (void)summary; }
};

// One per TCP connection. Not thread-safe: the model calls it from one thread.
class Session {
public:
    virtual ~Session() = default;
    virtual void onOpen(SessionContext& ctx) { (void)ctx; }
    // Bytes from the peer, split anyhow: never assume one recv = one message.
    virtual void onData(SessionContext& ctx, std::string_view bytes) = 0;
    virtual void onTimer(SessionContext& ctx, int id) {
        (void)ctx;
        (void)id;
    }
    // The peer took some of the queued output (a flush sent bytes): a
    // session that stopped producing because queuedBytes() was high goes
    // on from here, instead of polling the queue with a timer. (The
    // blocking driver's sends take everything: it calls this after each
    // flush, when its queue is empty again.)
    virtual void onWritable(SessionContext& ctx) { (void)ctx; }
    // The peer half-closed (recv returned 0). Default: close our side too.
    virtual void onPeerClosed(SessionContext& ctx) { ctx.close(); }
    // Input back-pressure: true while the session holds as much unprocessed
    // input as it accepts (http: requests pipelined behind a busy answer).
    // Every model then stops calling recv for this connection and asks again
    // after each onData/onTimer; a session that pauses must have a timer
    // pending (or output queued) that will end the pause. Const.
    virtual bool inputPaused() const { return false; }
    // Bytes another session relays to this one (chat), in the form they
    // take on the wire: as they are, or encrypted by a TLS session. The
    // model queues what this returns where it would have queued the bytes.
    // Called on the session's thread (loop), except under the blocking chat
    // driver: on the sender's thread while the session's own thread is kept
    // out by its send lock (blockingsession.h). Never throws.
    virtual std::string relayForm(std::string_view bytes) { return std::string(bytes); }
};

// What a UDP handler may do. Implemented by each model.
class DatagramContext {
public:
    virtual ~DatagramContext() = default;
    virtual void sendTo(std::string_view bytes, const Address& to) = 0;
    // One-shot timer for that peer: onTimer(id, peer) after delay.
    virtual void startTimer(Millis delay, int id, const Address& peer) = 0;
    virtual void log(std::string_view text) = 0;
    virtual const ServiceOptions& options() const = 0;
};

// One per UDP listener. Not thread-safe: called from one thread.
class DatagramHandler {
public:
    virtual ~DatagramHandler() = default;
    virtual void onDatagram(DatagramContext& ctx, std::string_view bytes, const Address& from) = 0;
    virtual void onTimer(DatagramContext& ctx, int id, const Address& peer) {
        (void)ctx;
        (void)id;
        (void)peer;
    }
};

// A service: a factory of sessions / datagram handlers. Thread-safe (const).
class Service {
public:
    virtual ~Service() = default;
    virtual std::string name() const = 0;
    virtual bool supportsTcp() const { return true; }
    virtual bool supportsUdp() const { return false; }
    // Relays between sessions (chat): needs every client in one process.
    virtual bool needsBroadcast() const { return false; }
    virtual std::unique_ptr<Session> newSession(const ServiceOptions& options) const = 0;
    virtual std::unique_ptr<DatagramHandler> newDatagramHandler(
        const ServiceOptions& options) const {
        (void)options;
        return nullptr;
    }
};

// The service registry: "echo", "discard", "chargen", "daytime", "time",
// "clock", "chat", "http". Throws Error (InvalidInput) listing valid names.
std::shared_ptr<const Service> makeService(std::string_view name);
std::vector<std::string> serviceNames();

}  // namespace sockwb
