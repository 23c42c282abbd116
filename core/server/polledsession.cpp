#include "core/server/polledsession.h"

#include <cerrno>
#include <mutex>
#include <utility>

#include "core/net/sys.h"
#include "core/net/wakeup.h"
#include "core/reactor/timerqueue.h"
#include "core/server/closesequence.h"
#include "core/server/outputbuffer.h"
#include "core/server/outputlimit.h"

namespace sockwb {

namespace {

using Clock = std::chrono::steady_clock;

// Bytes broadcast to this session by other threads, and the Wakeup that
// wakes its poll. Shared with the record's deliver function, which may
// outlive the session: a closed inbox simply drops what arrives. The
// output limit counts what waits here plus the driver's output buffer (as
// of its last flush): a sender finds a client over the hard limit at once,
// drops what it queued and wakes its driver, which then closes it.
struct Inbox {
    Inbox(const OutputLimit& limit, std::shared_ptr<ConnectionRecord> r)
        : limiter(limit), record(std::move(r)) {}

    std::mutex mutex;
    std::string pending;
    bool open = true;
    size_t outQueued = 0;  // the driver's output buffer at its last check
    OutputLimiter limiter;
    OutputLimiter::Verdict verdict = OutputLimiter::Verdict::Ok;
    size_t queuedAtVerdict = 0;
    std::shared_ptr<ConnectionRecord> record;  // its queued gauge
    Wakeup wakeup;

    void deliver(std::string_view bytes) {
        std::lock_guard lock(mutex);
        if (!open) return;
        pending.append(bytes);
        checkLocked();
        wakeup.notify();
    }
    // What waits here, now the driver's (counted as its output at once, so
    // a sender never sees less than what is queued).
    std::string take() {
        std::lock_guard lock(mutex);
        wakeup.drain();
        outQueued += pending.size();
        return std::exchange(pending, {});
    }
    // The driver's side, after each flush: Ok, or why it must close.
    OutputLimiter::Verdict check(size_t outSize) {
        std::lock_guard lock(mutex);
        outQueued = outSize;
        if (open) checkLocked();
        return verdict;
    }
    void shut() {
        std::lock_guard lock(mutex);
        open = false;
        std::string().swap(pending);
    }

private:
    void checkLocked() {
        const size_t queued = pending.size() + outQueued;
        record->queued.store(queued, std::memory_order_relaxed);
        verdict = limiter.check(queued);
        if (verdict == OutputLimiter::Verdict::Ok) return;
        queuedAtVerdict = queued;
        open = false;
        std::string().swap(pending);  // the memory goes now, not at the driver's turn
    }
};

class Driver final : public SessionContext {
public:
    Driver(Socket socket, std::shared_ptr<ConnectionRecord> record, const BlockingSessionParams& p)
        : socket_(std::move(socket)), record_(std::move(record)), p_(p) {}

    void run();

    // SessionContext
    void send(std::string_view bytes) override {
        if (!aborted_ && !draining_) out_.append(bytes);
    }
    void close() override { closing_ = true; }
    void startTimer(Millis delay, int id) override {
        timers_.add(delay, [this, id] {
            if (!done_) session_->onTimer(*this, id);
        });
    }
    void broadcast(std::string_view bytes) override { p_.reporter->broadcast(*record_, bytes); }
    void log(std::string_view text) override { p_.reporter->log(text); }
    const Address& peer() const override { return record_->peer; }
    const ServiceOptions& options() const override { return *p_.options; }
    size_t queuedBytes() const override { return out_.size(); }
    MemoryBudget* memoryBudget() const override { return p_.budget; }
    void requestHandled() override { p_.reporter->requestHandled(); }
    int fd() const override { return socket_.fd(); }
    void tlsEstablished(const std::string& summary) override {
        p_.reporter->tlsEstablished(*record_, summary);
    }

private:
    void open();
    bool step();  // false: the connection is over
    bool worthWaiting();
    bool withinOutputLimit();  // false: closed as a slow reader
    short socketInterest() const;
    int pollTimeout() const;
    bool socketReady(short interest, short revents);  // false: the connection is over
    bool idleExpired();
    bool flush();     // false on a fatal send error
    bool readOnce();  // false on a fatal recv error
    void fail(const char* call, int err);
    void startDrain();

    Socket socket_;
    std::shared_ptr<ConnectionRecord> record_;
    const BlockingSessionParams& p_;
    std::unique_ptr<Session> session_;
    std::shared_ptr<Inbox> inbox_;
    TimerQueue timers_;
    OutputBuffer out_;
    bool closing_ = false, peerClosed_ = false, aborted_ = false, done_ = false;
    bool draining_ = false;
    Clock::time_point drainUntil_;
    Clock::time_point lastActivity_ = Clock::now();
};

void Driver::fail(const char* call, int err) {
    aborted_ = true;
    p_.reporter->error(connectionError(*record_, call, err));
}

bool Driver::flush() {
    const auto flushed = out_.flushTo(socket_.fd(), *p_.reporter, *record_);
    if (flushed.bytes > 0) lastActivity_ = Clock::now();
    if (flushed.err != 0) {
        fail("send", flushed.err);
        return false;
    }
    if (flushed.bytes > 0) session_->onWritable(*this);
    return true;
}

// The close sequence of closesequence.h: FIN after our data, then discard
// what the peer still sends until it closes, for at most kDrainLimit.
void Driver::startDrain() {
    draining_ = true;
    drainUntil_ = Clock::now() + closesequence::kDrainLimit;
    closesequence::beginGracefulClose(socket_.fd());
}

bool Driver::readOnce() {
    char buf[65536];
    ssize_t n = sys::recv(socket_.fd(), buf, sizeof buf);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
        fail("recv", errno);
        return false;
    }
    lastActivity_ = Clock::now();
    if (n == 0) {
        peerClosed_ = true;
        session_->onPeerClosed(*this);
        return true;
    }
    std::string_view data(buf, size_t(n));
    p_.reporter->bytesMoved(*record_, true, data);
    session_->onData(*this, data);
    return true;
}

void Driver::run() {
    open();
    while (!aborted_ && step()) {
    }
    done_ = true;
    record_->state.store(ConnectionRecord::Closing);
    if (inbox_) inbox_->shut();
    socket_.close();
    p_.reporter->connectionClosed(*record_);
    session_.reset();
}

void Driver::open() {
    // Registered first: whatever fails later, connectionClosed balances it.
    p_.reporter->connectionOpened(*record_);
    socket_.setNonBlocking(true);
    out_.setBudget(p_.budget);
    if (p_.broadcast) {
        inbox_ = std::make_shared<Inbox>(p_.outputLimit, record_);
        std::weak_ptr<Inbox> weak = inbox_;
        record_->deliver = [weak](std::string_view bytes) {
            if (auto in = weak.lock()) in->deliver(bytes);
        };
    }
    session_ = p_.service->newSession(*p_.options);
    session_->onOpen(*this);
}

// Flushes, then decides whether the connection is over before waiting.
bool Driver::worthWaiting() {
    if (!flush() || !withinOutputLimit()) return false;
    if (closing_ && out_.empty() && !draining_) {
        if (peerClosed_) return false;  // both sides done: close at once
        startDrain();
    }
    if (draining_ && Clock::now() >= drainUntil_) return false;
    // Nothing can happen any more: the peer is gone, no timer, no output.
    return !(peerClosed_ && out_.empty() && timers_.empty() && !inbox_);
}

short Driver::socketInterest() const {
    short ev = 0;
    // Back-pressure: with a megabyte queued for a peer that does not
    // read (echo), stop reading from it until the queue drains.
    if ((!closing_ || draining_) && !peerClosed_ &&
        (draining_ ||
         (queuedBytes() < OutputBuffer::kHighWater && !readsPaused(p_.budget, *p_.reporter))))
        ev |= POLLIN;
    // Input back-pressure: the session holds all the input it accepts.
    if (!draining_ && session_->inputPaused()) ev &= short(~POLLIN);
    if (!out_.empty()) ev |= POLLOUT;
    return ev;
}

// The next timer, the end of the drain or the idle deadline.
int Driver::pollTimeout() const {
    int timeout = timers_.nextTimeoutMs();
    // Reads paused by the memory budget: look again soon.
    if (p_.budget && p_.budget->readsPaused())
        timeout = minTimeout(timeout, int(kBudgetRecheck.count()));
    if (draining_)
        timeout =
            minTimeout(timeout, int(std::chrono::ceil<Millis>(drainUntil_ - Clock::now()).count()));
    if (p_.idleTimeoutMs > 0) {
        auto idleLeft =
            std::chrono::ceil<Millis>(lastActivity_ + Millis(p_.idleTimeoutMs) - Clock::now())
                .count();
        timeout = minTimeout(timeout, idleLeft < 0 ? 0 : int(idleLeft));
    }
    return timeout;
}

bool Driver::withinOutputLimit() {
    if (!inbox_) return true;
    const auto verdict = inbox_->check(out_.size());
    if (verdict == OutputLimiter::Verdict::Ok) return true;
    p_.reporter->slowReaderClosed(
        *record_, OutputLimiter::closeReason(record_->id, record_->peer.toString(),
                                             inbox_->queuedAtVerdict, verdict, p_.outputLimit));
    return false;
}

// One round: wait on the socket, the stop fd and the inbox, then act.
bool Driver::step() {
    if (!worthWaiting()) return false;
    const short ev = socketInterest();
    pollfd fds[3];
    nfds_t n = 0;
    // With nothing to wait for on the socket (peer gone, timers left),
    // leave it out: poll would report POLLHUP again and again.
    fds[n++] = {ev ? socket_.fd() : -1, ev, 0};
    fds[n++] = {p_.stopFd, POLLIN, 0};
    if (inbox_) fds[n++] = {inbox_->wakeup.fd(), POLLIN, 0};
    if (sys::poll(fds, n, pollTimeout()) < 0) {
        fail("poll", errno);
        return false;
    }
    if (fds[1].revents) return false;  // the server stops: drop the connection now
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) && !socketReady(ev, fds[0].revents))
        return false;
    // Relayed bytes in the session's wire form (a TLS session encrypts them).
    if (n > 2 && fds[2].revents) send(session_->relayForm(inbox_->take()));
    timers_.runDue();
    return !idleExpired();
}

bool Driver::socketReady(short interest, short revents) {
    if (draining_) return closesequence::discardInput(socket_.fd(), *p_.reporter, *record_);
    if (interest & POLLIN) return readOnce();
    if (revents & POLLERR) {
        fail("poll", socket_.pendingError());
        return false;
    }
    if (!(interest & POLLOUT)) peerClosed_ = true;  // hung up while we only wait for timers
    return true;
}

bool Driver::idleExpired() {
    if (p_.idleTimeoutMs <= 0 || Clock::now() - lastActivity_ < Millis(p_.idleTimeoutMs))
        return false;
    p_.reporter->log("closing connection " + std::to_string(record_->id) + " from " +
                     record_->peer.toString() + ": idle for " + std::to_string(p_.idleTimeoutMs) +
                     " ms");
    return true;
}

}  // namespace

void runPolledSession(Socket socket, std::shared_ptr<ConnectionRecord> record,
                      const BlockingSessionParams& params) {
    Driver d(std::move(socket), std::move(record), params);
    d.run();
}

}  // namespace sockwb
