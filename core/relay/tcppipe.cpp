// TcpPipe: reads a leg, forwards to the other through the faults. The
// common case (no fault) is recv → send from the same buffer; the queue
// only holds what must wait (latency, slices, bandwidth, a full peer).

#include "core/relay/tcppipe.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

#include "core/net/sys.h"

namespace sockwb {

namespace {
// Reads per readiness event: a busy leg does not starve the others.
constexpr int kReadsPerEvent = 8;
// Written chunks whose storage is kept for the next ones.
constexpr size_t kSpareChunks = 8;
// The token bucket holds at most this share of a second of bandwidth: the
// burst after an idle time stays small against the cap. A write waits for
// a quarter of it: a timer that fires late loses no tokens to the cap.
constexpr double kBucketSeconds = 0.05;
constexpr double kMinBucketBytes = 4096;
constexpr double kWriteShare = 0.25;

bool wouldBlock(int err) { return err == EAGAIN || err == EWOULDBLOCK; }
}  // namespace

TcpPipe::TcpPipe(RelayContext& context, RelayDirection direction, int from, int to,
                 std::vector<char>& buffer)
    : context_(context),
      direction_(direction),
      from_(from),
      to_(to),
      buffer_(buffer),
      maxHeld_(std::max<size_t>(context.config().maxHeldBytes, 1)) {}

void TcpPipe::decide(Clock::time_point opened) {
    const DirectionFaults f = context_.faults(direction_);
    if (f.resetAfter && context_.chance(f.limitP)) resetLimit_ = f.resetAfter;
    if (f.closeAfter && context_.chance(f.limitP)) closeLimit_ = f.closeAfter;
    if (f.stall && context_.chance(f.limitP)) {
        stalled_ = true;
        ++counts_.stalls;
        dirty_ = true;
    }
    for (const auto* limit : {&resetLimit_, &closeLimit_}) {
        if (!*limit || (*limit)->unit != FaultLimit::Unit::Millis) continue;
        const auto at = opened + std::chrono::milliseconds((*limit)->amount);
        if (!limitAt_ || at < *limitAt_) limitAt_ = at;
    }
    // A byte limit of 0 fires before anything is forwarded.
    if (const auto limit = byteLimit(); limit && *limit == 0) forwarded(0);
}

std::optional<uint64_t> TcpPipe::byteLimit() const noexcept {
    std::optional<uint64_t> l;
    for (const auto* limit : {&resetLimit_, &closeLimit_})
        if (*limit && (*limit)->unit == FaultLimit::Unit::Bytes)
            l = l ? std::min(*l, (*limit)->amount) : (*limit)->amount;
    return l;
}

bool TcpPipe::wantsRead() const noexcept {
    // A full destination pauses the reading too: the bytes wait in the
    // kernel's buffers rather than being copied into the queue (held data
    // is for the faults, not for a slow peer).
    if (eof_ || end_ != End::None || blocked_ || held_ >= maxHeld_) return false;
    const auto limit = byteLimit();
    return !limit || intake_ < *limit;
}

std::optional<TcpPipe::Clock::time_point> TcpPipe::wakeAt() const noexcept {
    if (end_ != End::None) return std::nullopt;
    std::optional<Clock::time_point> at = limitAt_;
    if (wake_ && !blocked_ && !stalled_ && (!at || *wake_ < *at)) at = wake_;
    return at;
}

void TcpPipe::onReadable(Clock::time_point now) {
    for (int i = 0; i < kReadsPerEvent && wantsRead(); ++i) {
        const ssize_t r = sys::recv(from_, buffer_.data(), buffer_.size(), 0);
        if (r > 0) {
            take(buffer_.data(), size_t(r), now);
            if (size_t(r) < buffer_.size()) return;  // drained: spare the EAGAIN round trip
            continue;
        }
        if (r == 0) {
            eof_ = true;
            maybeShutdown();
            return;
        }
        if (!wouldBlock(errno)) fail("recv", errno);
        return;
    }
}

void TcpPipe::take(const char* data, size_t n, Clock::time_point now) {
    ++counts_.chunks;
    dirty_ = true;
    if (const auto limit = byteLimit()) n = size_t(std::min<uint64_t>(n, *limit - intake_));
    intake_ += n;
    if (n == 0) return;
    const DirectionFaults f = context_.faults(direction_);
    const double rate = double(f.bandwidthKBps) * 1024.0;
    if (rate != rate_) {
        if (rate_ == 0) {  // a new cap starts with an empty bucket
            tokens_ = 0;
            refilled_ = now;
        }
        rate_ = rate;
    }
    int delayMs = 0;
    if ((f.latencyMs.value > 0 || f.latencyMs.spread > 0) && context_.chance(f.latencyP))
        delayMs = context_.pick(f.latencyMs);
    if (delayMs > 0) ++counts_.delayed;
    const bool sliced = f.sliceBytes.value > 0 && context_.chance(f.sliceP);
    if (sliced) ++counts_.sliced;
    Clock::time_point due = now + std::chrono::milliseconds(delayMs);
    if (queue_.empty() && delayMs == 0 && !sliced && !stalled_ && rate_ == 0 && !blocked_) {
        const size_t sent = sendNow(data, n);
        if (sent == n || end_ != End::None) return;
        data += sent;
        n -= sent;
    }
    if (!queue_.empty() && queue_.back().due > due) due = queue_.back().due;  // keep the order
    hold(data, n, due, f, sliced);
    if (!blocked_) flush(now);
}

size_t TcpPipe::sendNow(const char* data, size_t n) {
    const ssize_t w = sys::send(to_, data, n, 0);
    if (w < 0) {
        if (wouldBlock(errno))
            blocked_ = true;
        else
            fail("send", errno);
        return 0;
    }
    ++counts_.writes;
    if (size_t(w) < n) blocked_ = true;  // the destination is full
    forwarded(size_t(w));
    return size_t(w);
}

void TcpPipe::hold(const char* data, size_t n, Clock::time_point due, const DirectionFaults& f,
                   bool sliced) {
    Chunk c;
    if (!spare_.empty()) {
        c.data = std::move(spare_.back());
        spare_.pop_back();
    }
    c.data.assign(data, n);
    c.due = due;
    c.sliced = sliced;
    c.sliceBytes = f.sliceBytes;
    c.sliceDelayMs = f.sliceDelayMs;
    queue_.push_back(std::move(c));
    held_ += n;
}

void TcpPipe::recycle(std::string&& storage) {
    if (spare_.size() < kSpareChunks) spare_.push_back(std::move(storage));
}

void TcpPipe::refill(Clock::time_point now) {
    const double cap = std::max(rate_ * kBucketSeconds, kMinBucketBytes);
    const double elapsed = std::chrono::duration<double>(now - refilled_).count();
    tokens_ = std::min(cap, tokens_ + elapsed * rate_);
    refilled_ = now;
}

void TcpPipe::flush(Clock::time_point now) {
    wake_.reset();
    checkTimeLimit(now);
    if (end_ != End::None || stalled_) return;
    blocked_ = false;
    while (!queue_.empty()) {
        Chunk& c = queue_.front();
        if (c.due > now) {
            wake_ = c.due;
            break;
        }
        size_t len = c.data.size() - c.pos;
        if (c.sliced) {
            if (c.sliceLeft == 0) c.sliceLeft = size_t(std::max(1, context_.pick(c.sliceBytes)));
            len = std::min(len, c.sliceLeft);
        }
        if (rate_ > 0) {
            refill(now);
            const double cap = std::max(rate_ * kBucketSeconds, kMinBucketBytes);
            const double need = std::min(double(len), cap * kWriteShare);
            if (tokens_ < need) {
                if (!throttling_) ++counts_.throttled;
                throttling_ = true;
                dirty_ = true;
                const double seconds = (need - tokens_) / rate_;
                wake_ = now + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(seconds));
                break;
            }
            throttling_ = false;
            len = std::min(len, size_t(tokens_));
        }
        const size_t sent = sendNow(c.data.data() + c.pos, len);
        if (end_ != End::None) return;
        if (rate_ > 0) tokens_ -= double(sent);
        c.pos += sent;
        held_ -= sent;
        if (c.sliced) c.sliceLeft -= std::min(c.sliceLeft, sent);
        if (c.pos == c.data.size()) {
            recycle(std::move(c.data));
            queue_.pop_front();
        } else if (c.sliced && c.sliceLeft == 0 && c.sliceDelayMs > 0 && !blocked_) {
            c.due = now + std::chrono::milliseconds(c.sliceDelayMs);
        }
        if (blocked_) break;
    }
    maybeShutdown();
}

void TcpPipe::maybeShutdown() {
    if (!eof_ || shutdownSent_ || !queue_.empty() || end_ != End::None || stalled_) return;
    shutdownSent_ = true;
    if (sys::shutdown(to_, SHUT_WR) != 0 && errno != ENOTCONN) fail("shutdown", errno);
}

void TcpPipe::forwarded(size_t n) {
    forwarded_ += n;
    counts_.bytes += n;
    dirty_ = true;
    const auto limit = byteLimit();
    if (!limit || forwarded_ < *limit) return;
    // The reset wins when both limits are reached by the same byte.
    const bool reset = resetLimit_ && resetLimit_->unit == FaultLimit::Unit::Bytes &&
                       resetLimit_->amount <= forwarded_;
    end_ = reset ? End::Reset : End::Close;
    fired_ = reset ? *resetLimit_ : *closeLimit_;
}

void TcpPipe::checkTimeLimit(Clock::time_point now) {
    if (!limitAt_ || now < *limitAt_ || end_ != End::None) return;
    const bool reset = resetLimit_ && resetLimit_->unit == FaultLimit::Unit::Millis &&
                       (!closeLimit_ || closeLimit_->unit != FaultLimit::Unit::Millis ||
                        resetLimit_->amount <= closeLimit_->amount);
    end_ = reset ? End::Reset : End::Close;
    fired_ = reset ? *resetLimit_ : *closeLimit_;
}

void TcpPipe::fail(const char* call, int err) {
    end_ = End::Failed;
    failedCall_ = call;
    failedErrno_ = err;
}

RelayDirectionStats TcpPipe::takeCounts() {
    RelayDirectionStats c = counts_;
    counts_ = {};
    dirty_ = false;
    return c;
}

}  // namespace sockwb
