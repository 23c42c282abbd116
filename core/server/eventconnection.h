#pragma once
// One TCP connection served by the event loop: non-blocking socket, an
// output buffer, Out interest only while output is pending (so the loop
// never wakes for a writable socket with nothing to write), session timers
// in the loop's heap, an idle timer, and a close that never loses the
// answer: a plain close when no input is unread (nothing for the kernel to
// answer with a RST), else a graceful one (half-close, then drain until the
// peer closes, at most a second). A client of a relaying service (chat)
// that lets output pile up past the output limit is closed (outputlimit.h).
// Loop thread only (the record's deliver, called from another loop's
// thread, posts to this one: EventLoop::post).

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/reactor/eventloop.h"
#include "core/server/connectionrecord.h"
#include "core/server/outputbuffer.h"
#include "core/server/outputlimit.h"
#include "core/server/servercore.h"
#include "core/server/service.h"

namespace sockwb {

class EventConnection final : public SessionContext {
public:
    using ClosedFn = std::function<void(uint64_t id)>;
    // Takes the accepted, non-blocking socket. onClosed(id) is called once
    // the connection is finished; the owner then destroys it later (not
    // from inside its own handler).
    EventConnection(EventLoop& loop, ServerCore& core, Socket socket,
                    std::shared_ptr<ConnectionRecord> record, ClosedFn onClosed);
    ~EventConnection() override;
    EventConnection(const EventConnection&) = delete;
    EventConnection& operator=(const EventConnection&) = delete;

    // Watches the socket, registers the record, calls the session's onOpen.
    void open();
    // Closes at once (server stopping). Idempotent.
    void abort() { finish(); }
    bool finished() const noexcept { return finished_; }

    // SessionContext
    void send(std::string_view bytes) override;
    void close() override;
    void startTimer(Millis delay, int id) override;
    void broadcast(std::string_view bytes) override;
    void log(std::string_view text) override;
    const Address& peer() const override;
    const ServiceOptions& options() const override;
    size_t queuedBytes() const override { return out_.size(); }
    MemoryBudget* memoryBudget() const override { return &core_.memoryBudget(); }
    void requestHandled() override { core_.requestHandled(); }
    int fd() const override { return socket_.fd(); }
    void tlsEstablished(const std::string& summary) override {
        core_.tlsEstablished(*record_, summary);
    }

private:
    // A chat line reaching the connection, on its loop's thread, sent in
    // the session's wire form (a TLS session encrypts it).
    void relay(std::string_view bytes);
    void handle(unsigned events);
    void handleIo(unsigned events);
    void readSome();
    void drainSome();
    void flush();
    bool withinOutputLimit();  // false: closed as a slow reader
    void armSoftCheck();       // the soft limit is checked at its time even with no traffic
    void afterIo();            // decides closing and interest after any event
    void armIdle(int delayMs);
    // Reads allowed by the server's memory budget; else a timer looks again
    // (kBudgetRecheck) and In interest stays off meanwhile.
    bool budgetAllowsReads();
    void fail(const char* call, int err);
    void finish();
    bool inputPending();  // unread bytes in the kernel's receive queue?
    // Input back-pressure asked by the session (Session::inputPaused).
    bool inputPaused() const { return session_ && session_->inputPaused(); }
    void touch() {
        if (trackIdle_) lastActivity_ = std::chrono::steady_clock::now();
    }
    // Set while our own handler, timer or onOpen runs: send() then only
    // queues, and afterIo() writes and sets the interest once at the end.
    struct Dispatch {
        explicit Dispatch(EventConnection& c) : c_(c), was_(c.dispatching_) {
            c.dispatching_ = true;
        }
        ~Dispatch() { c_.dispatching_ = was_; }
        EventConnection& c_;
        bool was_;
    };

    EventLoop& loop_;
    ServerCore& core_;
    Socket socket_;
    std::shared_ptr<ConnectionRecord> record_;
    ClosedFn onClosed_;
    std::unique_ptr<Session> session_;
    OutputBuffer out_;
    std::optional<OutputLimiter> limiter_;  // relaying services only (chat)
    bool softCheckArmed_ = false;           // a timer checks the soft limit again
    int pendingTimers_ = 0;
    bool closing_ = false, peerClosed_ = false, draining_ = false, finished_ = false;
    bool dispatching_ = false;
    bool readDrained_ = true;   // the last recv emptied the receive queue
    bool trackIdle_ = false;    // an idle timeout is set: keep lastActivity_
    bool budgetTimer_ = false;  // a budget recheck is armed
    std::chrono::steady_clock::time_point lastActivity_ = std::chrono::steady_clock::now();
    // Timers hold a weak reference: a timer of a destroyed connection is void.
    std::shared_ptr<EventConnection*> self_ = std::make_shared<EventConnection*>(this);
};

}  // namespace sockwb
