#include "core/server/eventconnection.h"

#include <sys/ioctl.h>

#include <cerrno>

#include "core/net/sys.h"
#include "core/server/closesequence.h"
#include "core/server/loopdelivery.h"

namespace sockwb {

EventConnection::EventConnection(EventLoop& loop, ServerCore& core, Socket socket,
                                 std::shared_ptr<ConnectionRecord> record, ClosedFn onClosed)
    : loop_(loop),
      core_(core),
      socket_(std::move(socket)),
      record_(std::move(record)),
      onClosed_(std::move(onClosed)) {
    out_.setBudget(&core_.memoryBudget());
}

EventConnection::~EventConnection() {
    *self_ = nullptr;
    onClosed_ = nullptr;  // the owner is destroying us: do not call back
    finish();
}

void EventConnection::open() {
    // A broadcast from a session of this loop appends to this connection's
    // buffer directly; one from another loop (--loops N) is posted to this
    // connection's loop, which alone touches it.
    const auto& service = *core_.listeners()[record_->listener].service;
    if (service.needsBroadcast()) {
        limiter_.emplace(core_.config().outputLimit);
        record_->deliver =
            loopDelivery(loop_, std::weak_ptr<EventConnection*>(self_), &EventConnection::relay);
    }
    core_.connectionOpened(*record_);
    loop_.watch(socket_.fd(), Poller::In, [this](unsigned ev) { handle(ev); });
    trackIdle_ = core_.config().idleTimeoutMs > 0;
    if (trackIdle_) armIdle(core_.config().idleTimeoutMs);
    session_ = service.newSession(core_.options());
    Dispatch d(*this);
    session_->onOpen(*this);
    afterIo();
}

void EventConnection::relay(std::string_view bytes) {
    send(session_ ? std::string_view(session_->relayForm(bytes)) : bytes);
}

void EventConnection::send(std::string_view bytes) {
    if (finished_ || draining_) return;
    out_.append(bytes);
    if (!withinOutputLimit()) return;
    // Inside our own callbacks afterIo() follows: it writes at once and sets
    // the interest once (usually no epoll_ctl at all: the write succeeds and
    // the interest stays In). Anything else (a chat broadcast from another
    // connection) only asks for Out and is written on the next Out event:
    // never from inside a broadcast loop, which keeps re-entrancy away.
    if (dispatching_) return;
    const bool reading = !closing_ && !peerClosed_ && queuedBytes() < OutputBuffer::kHighWater &&
                         !inputPaused() && budgetAllowsReads();
    loop_.setInterest(socket_.fd(), (reading ? unsigned(Poller::In) : 0u) | Poller::Out);
}

void EventConnection::close() { closing_ = true; }

void EventConnection::startTimer(Millis delay, int id) {
    ++pendingTimers_;
    loop_.timers().add(delay, [weak = std::weak_ptr<EventConnection*>(self_), id] {
        auto s = weak.lock();
        if (!s || !*s) return;
        EventConnection* c = *s;
        --c->pendingTimers_;
        if (c->finished_) return;
        Dispatch d(*c);
        try {
            c->session_->onTimer(*c, id);
            c->afterIo();
        } catch (const std::exception& e) {
            c->core_.log(std::string("session ended by an exception: ") + e.what());
            c->finish();
        }
    });
}

void EventConnection::broadcast(std::string_view bytes) { core_.broadcast(*record_, bytes); }
void EventConnection::log(std::string_view text) { core_.log(text); }
const Address& EventConnection::peer() const { return record_->peer; }
const ServiceOptions& EventConnection::options() const { return core_.options(); }

void EventConnection::armIdle(int delayMs) {
    loop_.timers().add(Millis(delayMs), [weak = std::weak_ptr<EventConnection*>(self_)] {
        auto s = weak.lock();
        if (!s || !*s || (*s)->finished_) return;
        EventConnection* c = *s;
        const int left = closesequence::idleLeftMs(
            c->core_, *c->record_, c->core_.config().idleTimeoutMs, c->lastActivity_);
        if (left > 0)
            c->armIdle(left);
        else
            c->finish();
    });
}

void EventConnection::fail(const char* call, int err) {
    core_.error(connectionError(*record_, call, err));
    finish();
}

void EventConnection::handle(unsigned events) {
    if (finished_) return;
    Dispatch d(*this);
    try {
        handleIo(events);
    } catch (const std::exception& e) {
        // A service that throws loses its connection, not the whole loop.
        core_.log(std::string("session ended by an exception: ") + e.what());
        finish();
    }
}

void EventConnection::handleIo(unsigned events) {
    if (events & (Poller::In | Poller::Err)) {
        if (draining_)
            drainSome();
        else if (!closing_ && !peerClosed_)
            readSome();
    }
    if (!finished_ && (events & Poller::Out)) flush();
    if (!finished_) afterIo();
}

void EventConnection::readSome() {
    char buf[65536];
    // A few reads per event, then back to the loop: one fast sender must
    // not starve the other connections.
    for (int i = 0; i < 4 && !finished_ && !closing_ && queuedBytes() < OutputBuffer::kHighWater &&
                    !inputPaused() && budgetAllowsReads();
         ++i) {
        ssize_t n = sys::recv(socket_.fd(), buf, sizeof buf);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                fail("recv", errno);
            else
                readDrained_ = true;
            return;
        }
        touch();
        // Less than asked for: the receive queue was emptied (at that instant).
        readDrained_ = size_t(n) < sizeof buf;
        if (n == 0) {
            peerClosed_ = true;
            session_->onPeerClosed(*this);
            return;
        }
        std::string_view data(buf, size_t(n));
        core_.bytesMoved(*record_, true, data);
        session_->onData(*this, data);
        if (size_t(n) < sizeof buf) return;
    }
}

void EventConnection::drainSome() {
    // The peer closed too (or reset): done.
    if (!closesequence::discardInput(socket_.fd(), core_, *record_)) finish();
}

void EventConnection::flush() {
    const auto flushed = out_.flushTo(socket_.fd(), core_, *record_);
    if (flushed.bytes > 0) touch();
    if (flushed.err != 0) return fail("send", flushed.err);
    if (!withinOutputLimit()) return;
    if (flushed.bytes > 0) session_->onWritable(*this);
}

bool EventConnection::withinOutputLimit() {
    if (!limiter_) return true;
    record_->queued.store(out_.size(), std::memory_order_relaxed);
    const auto verdict = limiter_->check(out_.size());
    if (verdict == OutputLimiter::Verdict::Ok) {
        if (limiter_->overSoft()) armSoftCheck();
        return true;
    }
    core_.slowReaderClosed(
        *record_, OutputLimiter::closeReason(record_->id, record_->peer.toString(), out_.size(),
                                             verdict, limiter_->limit()));
    finish();
    return false;
}

// Checks happen when output is added or sent; with reads paused (memory
// budget) neither may happen again, and the deaf client would keep its
// queue for ever. A timer at the soft limit's time checks once more.
void EventConnection::armSoftCheck() {
    if (softCheckArmed_) return;
    softCheckArmed_ = true;
    const Millis delay(int64_t(limiter_->limit().softSeconds) * 1000 + 10);
    loop_.timers().add(delay, [weak = std::weak_ptr<EventConnection*>(self_)] {
        auto s = weak.lock();
        if (!s || !*s) return;
        EventConnection* c = *s;
        c->softCheckArmed_ = false;
        if (!c->finished_ && c->withinOutputLimit()) c->afterIo();
    });
}

void EventConnection::afterIo() {
    if (finished_) return;
    if (!out_.empty()) flush();  // try at once: usually the socket has room
    if (finished_) return;
    if (closing_ && out_.empty() && !draining_) {
        if (peerClosed_) return finish();
        // The common case (an HTTP "Connection: close" answered): the
        // answer is in the kernel and no input waits unread, so close(2)
        // sends a FIN after our data and nothing can turn it into a RST.
        // This is nginx's fast path too; no shutdown, drain or timer.
        if (readDrained_ && !inputPending()) return finish();
        // Else the graceful close sequence (closesequence.h), as in the
        // blocking driver, so unread input cannot turn our close into a RST
        // that loses data.
        draining_ = true;
        closesequence::beginGracefulClose(socket_.fd());
        loop_.timers().add(closesequence::kDrainLimit,
                           [weak = std::weak_ptr<EventConnection*>(self_)] {
                               if (auto s = weak.lock(); s && *s) (*s)->finish();
                           });
    }
    if (peerClosed_ && !closing_ && out_.empty() && pendingTimers_ == 0 && !record_->deliver)
        return finish();
    unsigned interest = 0;
    // Back-pressure: a peer that does not read its echo gets no more reads
    // once a megabyte is queued for it.
    if ((draining_ || !closing_) && !peerClosed_ &&
        (draining_ || (queuedBytes() < OutputBuffer::kHighWater && budgetAllowsReads())))
        interest |= Poller::In;
    // Input back-pressure: the session holds all the input it accepts.
    if (!draining_ && inputPaused()) interest &= ~unsigned(Poller::In);
    if (!out_.empty()) interest |= Poller::Out;
    loop_.setInterest(socket_.fd(), interest);
}

bool EventConnection::budgetAllowsReads() {
    if (!readsPaused(&core_.memoryBudget(), core_)) return true;
    if (!budgetTimer_) {
        budgetTimer_ = true;
        loop_.timers().add(kBudgetRecheck, [weak = std::weak_ptr<EventConnection*>(self_)] {
            auto s = weak.lock();
            if (!s || !*s || (*s)->finished_) return;
            EventConnection* c = *s;
            c->budgetTimer_ = false;
            Dispatch d(*c);
            c->afterIo();
        });
    }
    return false;
}

bool EventConnection::inputPending() {
    // The last recv found the queue empty, but bytes may have arrived
    // since: one ioctl is cheap next to a RST that loses the answer.
    int n = 0;
    if (sys::ioctlInt(socket_.fd(), FIONREAD, &n) != 0) return true;  // unsure: be graceful
    return n > 0;
}

void EventConnection::finish() {
    if (finished_) return;
    finished_ = true;
    record_->state.store(ConnectionRecord::Closing);
    loop_.unwatchClosing(socket_.fd());
    socket_.close();
    core_.connectionClosed(*record_);
    if (onClosed_) onClosed_(record_->id);
}

}  // namespace sockwb
