#pragma once
// One TCP connection served by an io_uring loop, driven by completions
// instead of readiness: a multishot receive stays armed and posts the bytes
// into provided buffers (handed back once the session consumed them), and
// the output goes out as one IORING_OP_SEND at a time (partial sends go on
// from where they stopped). What EventConnection guarantees holds here too:
// the Session/SessionContext contract (timers, broadcast, inputPaused,
// onWritable, onPeerClosed, queuedBytes), the reporting through ServerCore,
// the memory budget, the output limit of relaying services, the idle
// timeout, and a close that never loses the answer (plain close when no
// input is unread, else half-close and drain for at most a second).
//
// Input that arrives while reads are paused (back-pressure, the memory
// budget, a session's inputPaused) is held, the receive is cancelled, and
// the held bytes go to the session first when reads resume.
//
// Requests in flight keep the kernel's reference to the socket and to our
// output bytes: after finish() the object lives on until every request of
// it has completed (idle()); the loop destroys it then. Loop thread only.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/reactor/timerqueue.h"
#include "core/reactor/uringring.h"
#include "core/server/connectionrecord.h"
#include "core/server/memorybudget.h"
#include "core/server/outputlimit.h"
#include "core/server/servercore.h"
#include "core/server/service.h"

namespace sockwb {

class UringLoop;

class UringConnection final : public SessionContext {
public:
    using ClosedFn = std::function<void(uint64_t id)>;
    // Takes the accepted, non-blocking socket. onClosed(id) is called once
    // the connection is finished (its requests may still be in flight).
    // loop: the one that owns it (a chat line from another loop is posted there).
    UringConnection(UringLoop& loop, UringRing& ring, TimerQueue& timers, ServerCore& core,
                    Socket socket, std::shared_ptr<ConnectionRecord> record, ClosedFn onClosed);
    ~UringConnection() override;
    UringConnection(const UringConnection&) = delete;
    UringConnection& operator=(const UringConnection&) = delete;

    // Registers the record, calls the session's onOpen, arms the receive.
    void open();
    // Closes at once (server stopping). Idempotent.
    void abort() { finish(); }
    bool finished() const noexcept { return finished_; }
    // Finished and no request of it left in the kernel: safe to destroy.
    bool idle() const noexcept { return finished_ && !recvArmed_ && !sending_; }
    uint64_t id() const noexcept { return record_->id; }
    // A completion of one of our requests (UringOp::Recv or Send).
    void completed(const io_uring_cqe& cqe);

    // SessionContext
    void send(std::string_view bytes) override;
    void close() override;
    void startTimer(Millis delay, int id) override;
    void broadcast(std::string_view bytes) override;
    void log(std::string_view text) override;
    const Address& peer() const override;
    const ServiceOptions& options() const override;
    size_t queuedBytes() const override { return out_.size() + (inflight_.size() - sent_); }
    MemoryBudget* memoryBudget() const override { return &core_.memoryBudget(); }
    void requestHandled() override { core_.requestHandled(); }
    int fd() const override { return fd_; }
    void tlsEstablished(const std::string& summary) override {
        core_.tlsEstablished(*record_, summary);
    }

private:
    // A chat line reaching the connection, on its loop's thread, sent in
    // the session's wire form (a TLS session encrypts it).
    void relay(std::string_view bytes);
    void received(const io_uring_cqe& cqe);
    void sent(const io_uring_cqe& cqe);
    void input(std::string_view bytes);  // bytes the kernel received for us
    void deliverHeld();
    void peerHasClosed();
    void armRecv();
    void cancel(UringOp op);
    void startSend();
    bool readsAllowed();
    bool withinOutputLimit();
    void armSoftCheck();
    void afterIo();
    void armIdle(int delayMs);
    bool budgetAllowsReads();
    bool inputPending();
    void fail(const char* call, int err);
    void finish();
    void charge() { charge_.set(out_.capacity() + inflight_.capacity() + held_.capacity()); }
    bool inputPaused() const { return session_ && session_->inputPaused(); }
    void touch() {
        if (trackIdle_) lastActivity_ = std::chrono::steady_clock::now();
    }
    template <class Fn>
    void guarded(Fn&& fn);  // Dispatch + a throwing session ends its connection
    struct Dispatch {
        explicit Dispatch(UringConnection& c) : c_(c), was_(c.dispatching_) {
            c.dispatching_ = true;
        }
        ~Dispatch() { c_.dispatching_ = was_; }
        UringConnection& c_;
        bool was_;
    };

    UringLoop& loop_;
    UringRing& ring_;
    TimerQueue& timers_;
    ServerCore& core_;
    Socket socket_;
    const int fd_;  // the number, kept for the trace after close
    std::shared_ptr<ConnectionRecord> record_;
    ClosedFn onClosed_;
    std::unique_ptr<Session> session_;
    std::string out_;       // queued by the session, not yet handed to a send
    std::string inflight_;  // what the send in flight reads (stable memory)
    size_t sent_ = 0;       // inflight_[0, sent_) is sent
    std::string held_;      // received while reads were paused
    MemoryCharge charge_;
    std::optional<OutputLimiter> limiter_;
    bool softCheckArmed_ = false;
    int pendingTimers_ = 0;
    bool recvArmed_ = false, recvCancelled_ = false, sending_ = false;
    bool eof_ = false;  // the kernel reported the peer's FIN (maybe behind held_)
    bool closing_ = false, peerClosed_ = false, draining_ = false, finished_ = false;
    bool dispatching_ = false;
    bool trackIdle_ = false, budgetTimer_ = false;
    std::chrono::steady_clock::time_point lastActivity_ = std::chrono::steady_clock::now();
    std::shared_ptr<UringConnection*> self_ = std::make_shared<UringConnection*>(this);
};

}  // namespace sockwb
