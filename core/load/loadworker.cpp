// LoadWorker, its loop and schedule: the epoll loop, tickets, the
// open-loop dispatch and its timerfd, failures and back-off. The
// connections' I/O is in loadworkerio.cpp.

#include "core/load/loadworker.h"

#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb::load {

namespace {
constexpr std::uint32_t kWakeTag = 0xffffffffu;
constexpr std::uint32_t kTimerTag = 0xfffffffeu;
constexpr std::int64_t kSweepNs = 50'000'000;           // timeout check period
constexpr std::int64_t kConnectBackoffNs = 50'000'000;  // after a failed connect
constexpr std::size_t kRecvBuffer = 64 * 1024;
}  // namespace

LoadWorker::LoadWorker(const LoadConfig& config, int connections, double rate, RunControl& control)
    : config_(config),
      control_(control),
      rate_(rate),
      timeoutNs_(std::int64_t(config.timeout.count()) * 1'000'000) {
    epfd_ = sys::epollCreate();
    if (epfd_ < 0) throw Error::fromErrno("epoll_create1", errno);
    wakeFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    timerFd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (wakeFd_ < 0 || timerFd_ < 0) {
        const int e = errno;
        const bool eventFdFailed = wakeFd_ < 0;
        if (wakeFd_ >= 0) ::close(wakeFd_);
        if (timerFd_ >= 0) ::close(timerFd_);
        sys::close(epfd_);
        throw Error::fromErrno(eventFdFailed ? "eventfd" : "timerfd_create", e);
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kWakeTag;
    sys::epollCtl(epfd_, EPOLL_CTL_ADD, wakeFd_, &ev);
    ev.data.u64 = kTimerTag;
    sys::epollCtl(epfd_, EPOLL_CTL_ADD, timerFd_, &ev);
    if (rate_ > 0) intervalNs_ = 1e9 / rate_;

    request_ = config_.requestBytes();
    buffer_.resize(kRecvBuffer);
    conns_.reserve(static_cast<std::size_t>(connections));
    for (int k = 0; k < connections; ++k)
        conns_.emplace_back(ReplyReader(config_.workload, request_.size(), config_.fullParser));
}

LoadWorker::~LoadWorker() {
    for (std::uint32_t i = 0; i < conns_.size(); ++i) closeConn(i);
    if (timerFd_ >= 0) ::close(timerFd_);
    if (wakeFd_ >= 0) ::close(wakeFd_);
    if (epfd_ >= 0) sys::close(epfd_);
    timerFd_ = wakeFd_ = epfd_ = -1;
}

void LoadWorker::wake() noexcept {
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t r = ::write(wakeFd_, &one, sizeof one);
}

const std::string& LoadWorker::outgoing() const { return request_; }

void LoadWorker::publish() noexcept {
    liveRequests_.store(stats_.requests, std::memory_order_relaxed);
    liveErrors_.store(stats_.errorTotal(), std::memory_order_relaxed);
    liveBytes_.store(config_.workload == Workload::Bulk ? stats_.bytesSent : stats_.bytesReceived,
                     std::memory_order_relaxed);
}

void LoadWorker::run() {
    std::int64_t now = monotonicNs();
    nextSweepNs_ = now + kSweepNs;
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
    std::vector<epoll_event> events(256);
    while (true) {
        now = monotonicNs();
        if (control_.stop.load(std::memory_order_relaxed)) break;
        if (control_.deadlineNs && now >= control_.deadlineNs) break;
        if (busy_ == 0 && control_.exhausted() && backoff_.empty()) break;
        const int n = sys::epollWait(epfd_, events.data(), int(events.size()), waitTimeoutMs(now));
        if (n < 0) {
            stats_.firstError =
                stats_.firstError.empty() ? "epoll_wait: " + errnoName(errno) : stats_.firstError;
            break;
        }
        now = monotonicNs();
        for (int k = 0; k < n; ++k) {
            const std::uint64_t tag = events[std::size_t(k)].data.u64;
            const auto idx = std::uint32_t(tag & 0xffffffffu);
            if (idx == kWakeTag) {
                std::uint64_t v;
                [[maybe_unused]] ssize_t r = ::read(wakeFd_, &v, sizeof v);
                continue;
            }
            if (idx == kTimerTag) {
                std::uint64_t v;
                [[maybe_unused]] ssize_t r = ::read(timerFd_, &v, sizeof v);
                timerAt_ = 0;
                continue;
            }
            if (conns_[idx].gen != std::uint32_t(tag >> 32)) continue;  // closed since
            onEvent(idx, events[std::size_t(k)].events, now);
        }
        if (n == int(events.size()) && events.size() < 4096) events.resize(events.size() * 2);
        if (!backoff_.empty()) retryDue(now);
        if (now >= nextSweepNs_) sweep(now);
        if (rate_ > 0) dispatch(monotonicNs());
        publish();
    }
    for (std::uint32_t i = 0; i < conns_.size(); ++i) closeConn(i);
    publish();
}

int LoadWorker::waitTimeoutMs(std::int64_t now) const {
    std::int64_t until = nextSweepNs_;
    if (control_.deadlineNs) until = std::min(until, control_.deadlineNs);
    for (auto i : backoff_) until = std::min(until, conns_[i].retryNs);
    const std::int64_t ns = until - now;
    if (ns <= 0) return 0;
    return int((ns + 999'999) / 1'000'000);
}

void LoadWorker::setEvents(std::uint32_t i, std::uint32_t events) {
    Conn& c = conns_[i];
    if (c.events == events) return;
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = (std::uint64_t(c.gen) << 32) | i;
    sys::epollCtl(epfd_, c.events ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, c.fd, &ev);
    c.events = events;
}

void LoadWorker::closeConn(std::uint32_t i) {
    Conn& c = conns_[i];
    if (c.fd >= 0) sys::close(c.fd);  // close also leaves the epoll set
    c.fd = -1;
    c.events = 0;
    ++c.gen;
    c.state = State::Closed;
    c.reader.reset();
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

void LoadWorker::countError(LoadErrorKind kind, const std::string& what, int err) {
    ++stats_.errors[std::size_t(kind)];
    if (stats_.firstError.empty())
        stats_.firstError =
            std::string(loadErrorName(kind)) + ": " + what + (err ? ": " + errnoName(err) : "");
}

void LoadWorker::fail(std::uint32_t i, LoadErrorKind kind, const std::string& what, int err,
                      std::int64_t now) {
    Conn& c = conns_[i];
    countError(kind, what, err);
    if (c.inFlight) {
        c.inFlight = false;
        --busy_;
    }
    closeConn(i);
    // Retry later rather than at once: a refused connect would otherwise spin,
    // and an immediate retry from inside an error path could recurse.
    c.state = State::Backoff;
    c.retryNs = now + (kind == LoadErrorKind::Connect ? kConnectBackoffNs : 0);
    backoff_.push_back(i);
}

void LoadWorker::retryDue(std::int64_t now) {
    std::vector<std::uint32_t> due;
    auto it = std::partition(backoff_.begin(), backoff_.end(),
                             [&](std::uint32_t i) { return conns_[i].retryNs > now; });
    due.assign(it, backoff_.end());
    backoff_.erase(it, backoff_.end());
    for (auto i : due) {
        conns_[i].state = State::Closed;
        release(i, now);
    }
}

void LoadWorker::sweep(std::int64_t now) {
    nextSweepNs_ = now + kSweepNs;
    for (std::uint32_t i = 0; i < conns_.size(); ++i) {
        const Conn& c = conns_[i];
        if (c.inFlight && now > c.deadlineNs)
            fail(i, LoadErrorKind::Timeout,
                 "no answer within " + std::to_string(config_.timeout.count()) + " ms", 0, now);
    }
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
