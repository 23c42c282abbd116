#include "core/server/uringconnection.h"

#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"
#include "core/server/closesequence.h"
#include "core/server/loopdelivery.h"
#include "core/server/outputbuffer.h"
#include "core/server/uringloop.h"

namespace sockwb {

namespace {
constexpr size_t kKeep = 64 * 1024;   // what an emptied buffer may keep allocated
constexpr size_t kChunk = 64 * 1024;  // held input goes to the session in pieces

void trim(std::string& s) {
    if (s.empty() && s.capacity() > kKeep) std::string().swap(s);
}
}  // namespace

UringConnection::UringConnection(UringLoop& loop, UringRing& ring, TimerQueue& timers,
                                 ServerCore& core, Socket socket,
                                 std::shared_ptr<ConnectionRecord> record, ClosedFn onClosed)
    : loop_(loop),
      ring_(ring),
      timers_(timers),
      core_(core),
      socket_(std::move(socket)),
      fd_(socket_.fd()),
      record_(std::move(record)),
      onClosed_(std::move(onClosed)) {
    charge_.attach(&core_.memoryBudget());
}

UringConnection::~UringConnection() {
    *self_ = nullptr;
    onClosed_ = nullptr;  // the owner is destroying us: do not call back
    finish();
}

template <class Fn>
void UringConnection::guarded(Fn&& fn) {
    Dispatch d(*this);
    try {
        fn();
    } catch (const std::exception& e) {
        // A service that throws loses its connection, not the whole loop.
        core_.log(std::string("session ended by an exception: ") + e.what());
        finish();
    }
}

void UringConnection::relay(std::string_view bytes) {
    send(session_ ? std::string_view(session_->relayForm(bytes)) : bytes);
}

void UringConnection::open() {
    const auto& service = *core_.listeners()[record_->listener].service;
    if (service.needsBroadcast()) {
        limiter_.emplace(core_.config().outputLimit);
        // A line from a session of this loop is queued at once; one from
        // another loop (--loops N) is posted to this loop, which alone
        // touches this connection.
        record_->deliver =
            loopDelivery(loop_, std::weak_ptr<UringConnection*>(self_), &UringConnection::relay);
    }
    core_.connectionOpened(*record_);
    trackIdle_ = core_.config().idleTimeoutMs > 0;
    if (trackIdle_) armIdle(core_.config().idleTimeoutMs);
    session_ = service.newSession(core_.options());
    guarded([this] {
        session_->onOpen(*this);
        afterIo();
    });
}

void UringConnection::send(std::string_view bytes) {
    if (finished_ || draining_) return;
    out_.append(bytes);
    charge();
    if (!withinOutputLimit()) return;
    // Inside our own callbacks afterIo() follows and queues the send; a
    // broadcast from another connection queues it now (no callback runs:
    // the SQE goes to the kernel with the loop's next io_uring_enter).
    if (!dispatching_) startSend();
}

void UringConnection::close() { closing_ = true; }

void UringConnection::startTimer(Millis delay, int id) {
    ++pendingTimers_;
    timers_.add(delay, [weak = std::weak_ptr<UringConnection*>(self_), id] {
        auto s = weak.lock();
        if (!s || !*s) return;
        UringConnection* c = *s;
        --c->pendingTimers_;
        if (c->finished_) return;
        c->guarded([c, id] {
            c->session_->onTimer(*c, id);
            c->afterIo();
        });
    });
}

void UringConnection::broadcast(std::string_view bytes) { core_.broadcast(*record_, bytes); }
void UringConnection::log(std::string_view text) { core_.log(text); }
const Address& UringConnection::peer() const { return record_->peer; }
const ServiceOptions& UringConnection::options() const { return core_.options(); }

void UringConnection::completed(const io_uring_cqe& cqe) {
    if (uringOpOf(cqe.user_data) == UringOp::Recv)
        received(cqe);
    else
        sent(cqe);
}

void UringConnection::received(const io_uring_cqe& cqe) {
    const bool more = (cqe.flags & IORING_CQE_F_MORE) != 0;
    if (!more) {
        recvArmed_ = false;
        recvCancelled_ = false;
    }
    const int res = cqe.res;
    if (cqe.flags & IORING_CQE_F_BUFFER) {
        const unsigned id = cqe.flags >> IORING_CQE_BUFFER_SHIFT;
        const std::string_view bytes(ring_.buffer(id), size_t(std::max(res, 0)));
        if (UringRing::traced())
            UringRing::noteCqe(fd_,
                               "recv " + std::to_string(res) + " bytes, buffer " +
                                   std::to_string(id) + (more ? "" : ", multishot ended"),
                               res, bytes);
        if (!finished_ && res > 0) guarded([this, bytes] { input(bytes); });
        ring_.recycle(id);
    } else {
        if (UringRing::traced())
            UringRing::noteCqe(fd_,
                               res == 0  ? std::string("recv 0 bytes: the peer closed")
                               : res < 0 ? "recv " + UringRing::errName(-res) +
                                               (res == -ENOBUFS ? ": no free buffer, re-armed" : "")
                                         : "recv " + std::to_string(res) + " bytes",
                               res);
        if (finished_) return;
        if (res == 0) {
            eof_ = true;
            if (draining_) return finish();
            if (held_.empty()) guarded([this] { peerHasClosed(); });
        } else if (res < 0 && res != -ENOBUFS && res != -ECANCELED) {
            if (draining_) return finish();
            return fail("recv", -res);
        }
    }
    if (!finished_) guarded([this] { afterIo(); });
}

void UringConnection::input(std::string_view bytes) {
    touch();
    core_.bytesMoved(*record_, true, bytes);
    // Closing or draining: what the peer still sends is read and dropped
    // (the graceful close's discard).
    if (closing_ || draining_ || peerClosed_) return;
    if (!held_.empty() || !readsAllowed()) {
        held_.append(bytes);
        charge();
        return;
    }
    session_->onData(*this, bytes);
}

void UringConnection::deliverHeld() {
    while (!held_.empty() && !finished_ && readsAllowed()) {
        const size_t n = std::min(held_.size(), kChunk);
        const std::string piece = held_.substr(0, n);
        held_.erase(0, n);
        session_->onData(*this, piece);
    }
    if (!held_.empty() || finished_) return;
    trim(held_);
    charge();
    if (eof_ && !peerClosed_) peerHasClosed();
}

void UringConnection::peerHasClosed() {
    peerClosed_ = true;
    session_->onPeerClosed(*this);
}

void UringConnection::sent(const io_uring_cqe& cqe) {
    sending_ = false;
    const int res = cqe.res;
    if (UringRing::traced())
        UringRing::noteCqe(
            fd_,
            res >= 0 ? "send " + std::to_string(res) + " bytes"
                     : "send " + UringRing::errName(-res),
            res,
            res > 0 ? std::string_view(inflight_).substr(sent_, size_t(res)) : std::string_view());
    if (finished_) return;
    if (res < 0) return fail("send", -res);
    core_.bytesMoved(*record_, false, std::string_view(inflight_).substr(sent_, size_t(res)));
    sent_ += size_t(res);
    if (res > 0) touch();
    if (sent_ >= inflight_.size()) {
        inflight_.clear();
        sent_ = 0;
        trim(inflight_);
    }
    charge();
    if (!withinOutputLimit()) return;
    guarded([this, res] {
        if (res > 0) session_->onWritable(*this);
        afterIo();
    });
}

void UringConnection::startSend() {
    if (sending_ || finished_) return;
    if (sent_ == inflight_.size()) {
        if (out_.empty()) return;
        // The queued bytes become the ones in flight; the kernel reads them
        // while the session may append more to out_.
        inflight_.clear();
        sent_ = 0;
        inflight_.swap(out_);
    }
    io_uring_sqe* sqe = ring_.sqe();
    io_uring_prep_send(sqe, fd_, inflight_.data() + sent_, inflight_.size() - sent_, MSG_NOSIGNAL);
    sqe->user_data = uringTag(record_->id, UringOp::Send);
    sending_ = true;
    if (UringRing::traced())
        UringRing::noteSqe(fd_, "send fd " + std::to_string(fd_) + ", " +
                                    std::to_string(inflight_.size() - sent_) + " bytes");
}

void UringConnection::armRecv() {
    io_uring_sqe* sqe = ring_.sqe();
    io_uring_prep_recv_multishot(sqe, fd_, nullptr, 0, 0);
    sqe->flags |= IOSQE_BUFFER_SELECT;
    sqe->buf_group = UringRing::kBufferGroup;
    sqe->user_data = uringTag(record_->id, UringOp::Recv);
    recvArmed_ = true;
    recvCancelled_ = false;
    if (UringRing::traced())
        UringRing::noteSqe(fd_, "recv multishot fd " + std::to_string(fd_) + ", buffer group " +
                                    std::to_string(UringRing::kBufferGroup));
}

void UringConnection::cancel(UringOp op) {
    io_uring_sqe* sqe = ring_.sqe();
    io_uring_prep_cancel64(sqe, uringTag(record_->id, op), 0);
    sqe->user_data = uringTag(0, UringOp::Ignore);
    if (op == UringOp::Recv) recvCancelled_ = true;
    if (UringRing::traced())
        UringRing::noteSqe(fd_, std::string("async cancel ") +
                                    (op == UringOp::Recv ? "recv" : "send") + " fd " +
                                    std::to_string(fd_));
}

bool UringConnection::readsAllowed() {
    return !closing_ && !peerClosed_ && !draining_ && queuedBytes() < OutputBuffer::kHighWater &&
           !inputPaused() && budgetAllowsReads();
}

bool UringConnection::withinOutputLimit() {
    if (!limiter_) return true;
    const size_t queued = queuedBytes();
    record_->queued.store(queued, std::memory_order_relaxed);
    const auto verdict = limiter_->check(queued);
    if (verdict == OutputLimiter::Verdict::Ok) {
        if (limiter_->overSoft()) armSoftCheck();
        return true;
    }
    core_.slowReaderClosed(
        *record_, OutputLimiter::closeReason(record_->id, record_->peer.toString(), queued, verdict,
                                             limiter_->limit()));
    finish();
    return false;
}

void UringConnection::armSoftCheck() {
    if (softCheckArmed_) return;
    softCheckArmed_ = true;
    const Millis delay(int64_t(limiter_->limit().softSeconds) * 1000 + 10);
    timers_.add(delay, [weak = std::weak_ptr<UringConnection*>(self_)] {
        auto s = weak.lock();
        if (!s || !*s) return;
        UringConnection* c = *s;
        c->softCheckArmed_ = false;
        if (!c->finished_ && c->withinOutputLimit()) c->guarded([c] { c->afterIo(); });
    });
}

void UringConnection::afterIo() {
    if (finished_) return;
    deliverHeld();
    if (finished_) return;
    startSend();
    if (closing_ && queuedBytes() == 0 && !sending_ && !draining_) {
        if (peerClosed_ || eof_) return finish();
        // Nothing unread (held or in the kernel): close(2) sends a FIN after
        // the answer, nothing can turn it into a RST (nginx's fast path).
        if (held_.empty() && !inputPending()) return finish();
        // Else the graceful close sequence (closesequence.h): half-close,
        // read and drop until the peer closes, a second at most.
        draining_ = true;
        held_.clear();
        trim(held_);
        charge();
        closesequence::beginGracefulClose(fd_);
        timers_.add(closesequence::kDrainLimit, [weak = std::weak_ptr<UringConnection*>(self_)] {
            if (auto s = weak.lock(); s && *s) (*s)->finish();
        });
    }
    if (peerClosed_ && !closing_ && queuedBytes() == 0 && !sending_ && pendingTimers_ == 0 &&
        !record_->deliver)
        return finish();
    const bool want = !eof_ && (draining_ || readsAllowed());
    if (want && !recvArmed_)
        armRecv();
    else if (!want && recvArmed_ && !recvCancelled_ && !eof_)
        cancel(UringOp::Recv);
}

void UringConnection::armIdle(int delayMs) {
    timers_.add(Millis(delayMs), [weak = std::weak_ptr<UringConnection*>(self_)] {
        auto s = weak.lock();
        if (!s || !*s || (*s)->finished_) return;
        UringConnection* c = *s;
        const int left = closesequence::idleLeftMs(
            c->core_, *c->record_, c->core_.config().idleTimeoutMs, c->lastActivity_);
        if (left > 0)
            c->armIdle(left);
        else
            c->finish();
    });
}

bool UringConnection::budgetAllowsReads() {
    if (!readsPaused(&core_.memoryBudget(), core_)) return true;
    if (!budgetTimer_) {
        budgetTimer_ = true;
        timers_.add(kBudgetRecheck, [weak = std::weak_ptr<UringConnection*>(self_)] {
            auto s = weak.lock();
            if (!s || !*s || (*s)->finished_) return;
            UringConnection* c = *s;
            c->budgetTimer_ = false;
            c->guarded([c] { c->afterIo(); });
        });
    }
    return false;
}

bool UringConnection::inputPending() {
    int n = 0;
    if (sys::ioctlInt(fd_, FIONREAD, &n) != 0) return true;  // unsure: be graceful
    return n > 0;
}

void UringConnection::fail(const char* call, int err) {
    core_.error(connectionError(*record_, call, err));
    finish();
}

void UringConnection::finish() {
    if (finished_) return;
    finished_ = true;
    record_->state.store(ConnectionRecord::Closing);
    // The requests in flight hold the socket open in the kernel: cancel
    // them (by user_data: the fd number is free again after the close).
    if (recvArmed_ && !recvCancelled_) cancel(UringOp::Recv);
    if (sending_) cancel(UringOp::Send);
    socket_.close();
    core_.connectionClosed(*record_);
    if (onClosed_) onClosed_(record_->id);
}

}  // namespace sockwb
