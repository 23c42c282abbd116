// LoadWorker, its loop and schedule: the EventLoop and its timers, tickets,
// the open-loop dispatch, failures and back-off. The connections' I/O is in
// loadworkerio.cpp.

#include "core/load/loadworker.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb::load {

namespace {
constexpr std::chrono::milliseconds kSweep{50};           // timeout check period
constexpr std::chrono::milliseconds kConnectBackoff{50};  // after a failed connect
constexpr std::size_t kRecvBuffer = 64 * 1024;

// The TimerQueue's clock at a monotonicNs() instant.
TimerQueue::Clock::time_point atNs(std::int64_t ns) {
    return TimerQueue::Clock::now() + std::chrono::nanoseconds(ns - monotonicNs());
}
}  // namespace

LoadWorker::LoadWorker(const LoadConfig& config, int connections, double rate, RunControl& control,
                       std::shared_ptr<const tls::Context> tls)
    : config_(config),
      control_(control),
      rate_(rate),
      timeoutNs_(std::int64_t(config.timeout.count()) * 1'000'000),
      loop_(makePoller("epoll"), wake_.fd()) {
    timerFd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (timerFd_ < 0) throw Error::fromErrno("timerfd_create", errno);
    loop_.watch(timerFd_, Poller::In, [this](unsigned) {
        std::uint64_t v;
        [[maybe_unused]] ssize_t r = ::read(timerFd_, &v, sizeof v);
        timerAt_ = 0;  // dispatch() runs at the end of the round
    });
    if (rate_ > 0) intervalNs_ = 1e9 / rate_;

    request_ = config_.requestBytes();
    buffer_.resize(kRecvBuffer);
    tls_ = std::move(tls);
    if (tls_) {
        sessionKey_ =
            config_.target.serverName + ":" + std::to_string(config_.target.address.port());
        plain_.reserve(kRecvBuffer);
    }
    conns_.reserve(static_cast<std::size_t>(connections));
    for (int k = 0; k < connections; ++k)
        conns_.emplace_back(ReplyReader(config_.workload, request_.size(), config_.fullParser));
}

LoadWorker::~LoadWorker() {
    for (std::uint32_t i = 0; i < conns_.size(); ++i) closeConn(i);
    if (timerFd_ >= 0) {
        loop_.unwatchClosing(timerFd_);
        ::close(timerFd_);
    }
}

void LoadWorker::wake() noexcept { wake_.notify(); }

const std::string& LoadWorker::outgoing() const { return request_; }

void LoadWorker::publish() noexcept {
    liveRequests_.store(stats_.requests, std::memory_order_relaxed);
    liveErrors_.store(stats_.errorTotal(), std::memory_order_relaxed);
    liveBytes_.store(config_.workload == Workload::Bulk ? stats_.bytesSent : stats_.bytesReceived,
                     std::memory_order_relaxed);
}

void LoadWorker::run() {
    const std::int64_t now = monotonicNs();
    startTimers(now);
    for (std::uint32_t i = 0; i < conns_.size(); ++i) {
        if (rate_ > 0)
            free_.push_back(i);
        else
            beginNext(i, now);
    }
    if (rate_ > 0) {
        std::reverse(free_.begin(), free_.end());
        dispatch(now);
    }
    loop_.afterRound = [this] { endOfRound(); };
    try {
        if (!finished(monotonicNs())) loop_.run();  // the stop fd, or quit() from endOfRound
    } catch (const Error& e) {
        if (stats_.firstError.empty()) stats_.firstError = e.what();
    }
    loop_.afterRound = nullptr;
    loop_.timers().clear();
    for (std::uint32_t i = 0; i < conns_.size(); ++i) closeConn(i);
    publish();
}

// The deadline and the periodic timeout sweep.
void LoadWorker::startTimers(std::int64_t now) {
    if (control_.deadlineNs)
        loop_.timers().addAt(atNs(std::max(control_.deadlineNs, now)), [this] { loop_.quit(); });
    loop_.timers().add(kSweep, [this] { sweep(); });
}

// After the handlers and the timers of a round (the old loop's tail).
void LoadWorker::endOfRound() {
    if (rate_ > 0) dispatch(monotonicNs());
    publish();
    if (finished(monotonicNs())) loop_.quit();
}

bool LoadWorker::finished(std::int64_t now) const {
    if (control_.stop.load(std::memory_order_relaxed)) return true;
    if (control_.deadlineNs && now >= control_.deadlineNs) return true;
    return busy_ == 0 && control_.exhausted() && backoff_ == 0;
}

void LoadWorker::setEvents(std::uint32_t i, unsigned events) {
    Conn& c = conns_[i];
    if (c.events == events) return;
    if (c.events == 0)
        loop_.watch(c.fd, events, [this, i](unsigned ev) { onEvent(i, ev, monotonicNs()); });
    else
        loop_.setInterest(c.fd, events);
    c.events = events;
}

void LoadWorker::closeConn(std::uint32_t i) {
    Conn& c = conns_[i];
    if (c.fd >= 0) {
        if (c.events) loop_.unwatchClosing(c.fd);
        sys::close(c.fd);  // close also leaves the epoll set
    }
    c.fd = -1;
    c.events = 0;
    ++c.gen;
    c.state = State::Closed;
    c.reader.reset();
    if (c.tls) {
        c.tls.reset();
        c.tlsOut.clear();
        c.tlsOutOffset = 0;
    }
}

// Closed loop: take a ticket and go; without one the connection rests.
void LoadWorker::beginNext(std::uint32_t i, std::int64_t now) {
    if (!control_.claim()) {
        if (conns_[i].state != State::Closed) conns_[i].state = State::Done;
        return;
    }
    conns_[i].startNs = now;
    startRequest(i, now);
}

// The connection finished a request (or failed one): next request or rest.
void LoadWorker::release(std::uint32_t i, std::int64_t now) {
    if (rate_ > 0)
        free_.push_back(i);
    else
        beginNext(i, now);
}

void LoadWorker::startRequest(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    c.inFlight = true;
    ++busy_;
    c.deadlineNs = now + timeoutNs_;
    c.sendOffset = 0;
    if (c.fd < 0) {
        openSocket(i, now);
        return;
    }
    if (config_.workload == Workload::Bulk) {
        c.state = State::Sending;
        bulkWrite(i, now);
        return;
    }
    trySend(i, now);
}

void LoadWorker::countError(LoadErrorKind kind, const std::string& what, int err,
                            const ErrorInfo* info) {
    ++stats_.errors[std::size_t(kind)];
    if (!stats_.firstError.empty()) return;
    stats_.firstError =
        std::string(loadErrorName(kind)) + ": " + what + (err ? ": " + errnoName(err) : "");
    if (info) {
        stats_.firstErrorInfo = *info;
    } else {
        stats_.firstErrorInfo.kind = kind == LoadErrorKind::Timeout ? ErrorKind::Timeout
                                     : kind == LoadErrorKind::Parse ? ErrorKind::Protocol
                                     : kind == LoadErrorKind::Tls   ? ErrorKind::Tls
                                                                    : ErrorKind::System;
        stats_.firstErrorInfo.call = what;
        stats_.firstErrorInfo.err = err;
    }
}

void LoadWorker::fail(std::uint32_t i, LoadErrorKind kind, const std::string& what, int err,
                      std::int64_t /*now*/, const ErrorInfo* info) {
    Conn& c = conns_[i];
    countError(kind, what, err, info);
    if (c.inFlight) {
        c.inFlight = false;
        --busy_;
    }
    closeConn(i);
    // Retry later rather than at once: a refused connect would otherwise spin,
    // and an immediate retry from inside an error path could recurse.
    c.state = State::Backoff;
    // A 0 ms timer runs after this round's handlers, never inside them.
    ++backoff_;
    const std::uint32_t gen = c.gen;
    loop_.timers().add(kind == LoadErrorKind::Connect || kind == LoadErrorKind::Tls
                           ? kConnectBackoff
                           : std::chrono::milliseconds(0),
                       [this, i, gen] {
                           if (conns_[i].gen == gen && conns_[i].state == State::Backoff) retry(i);
                       });
}

void LoadWorker::retry(std::uint32_t i) {
    --backoff_;
    conns_[i].state = State::Closed;
    release(i, monotonicNs());
}

void LoadWorker::sweep() {
    const std::int64_t now = monotonicNs();
    for (std::uint32_t i = 0; i < conns_.size(); ++i) {
        const Conn& c = conns_[i];
        if (c.inFlight && now > c.deadlineNs)
            fail(i, LoadErrorKind::Timeout,
                 "no answer within " + std::to_string(config_.timeout.count()) + " ms", 0, now);
    }
    loop_.timers().add(kSweep, [this] { sweep(); });
}

// Open loop: hands every request that is due to a free connection.
void LoadWorker::dispatch(std::int64_t now) {
    while (!free_.empty()) {
        const auto intended = control_.startNs + std::int64_t(double(nextIndex_) * intervalNs_);
        if (intended > now) {
            armTimer(intended);
            return;
        }
        if (!control_.claim()) return;
        const std::uint32_t i = free_.back();
        free_.pop_back();
        ++nextIndex_;
        conns_[i].startNs = intended;
        startRequest(i, now);
    }
}

void LoadWorker::armTimer(std::int64_t at) {
    if (timerAt_ == at) return;
    itimerspec its{};
    its.it_value.tv_sec = at / 1'000'000'000;
    its.it_value.tv_nsec = at % 1'000'000'000;
    ::timerfd_settime(timerFd_, TFD_TIMER_ABSTIME, &its, nullptr);
    timerAt_ = at;
}

}  // namespace sockwb::load
