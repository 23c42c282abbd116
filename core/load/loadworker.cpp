#include "core/load/loadworker.h"

#include <netinet/tcp.h>
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

void LoadWorker::openSocket(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const Address& a = config_.target.address;
    const bool udp = config_.workload == Workload::UdpEcho;
    c.fd =
        sys::socket(a.family(), (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        fail(i, LoadErrorKind::Connect, "socket", errno, now);
        return;
    }
    if (!udp) {
        const int one = 1;
        sys::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    if (sys::connect(c.fd, a.sockaddrPtr(), a.length()) == 0) {
        ++stats_.connectionsOpened;
        setEvents(i, EPOLLIN);
        if (config_.workload == Workload::Bulk) {
            c.state = State::Sending;
            bulkWrite(i, now);
        } else {
            trySend(i, now);
        }
        return;
    }
    if (errno != EINPROGRESS) {
        fail(i, LoadErrorKind::Connect, "connect " + a.toString(), errno, now);
        return;
    }
    c.state = State::Connecting;
    setEvents(i, EPOLLOUT);
}

void LoadWorker::onEvent(std::uint32_t i, std::uint32_t ev, std::int64_t now) {
    Conn& c = conns_[i];
    switch (c.state) {
        case State::Connecting: {
            int err = 0;
            socklen_t len = sizeof err;
            sys::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err) {
                fail(i, LoadErrorKind::Connect, "connect " + config_.target.address.toString(), err,
                     now);
                return;
            }
            ++stats_.connectionsOpened;
            if (config_.workload == Workload::Bulk) {
                c.state = State::Sending;
                setEvents(i, EPOLLIN | EPOLLOUT);
                bulkWrite(i, now);
            } else {
                setEvents(i, EPOLLIN);
                trySend(i, now);
            }
            return;
        }
        case State::Sending:
            if (config_.workload == Workload::Bulk) {
                const std::uint32_t gen = c.gen;
                if (ev & (EPOLLIN | EPOLLERR | EPOLLHUP)) onReadable(i, now);
                if ((ev & EPOLLOUT) && conns_[i].gen == gen && conns_[i].state == State::Sending)
                    bulkWrite(i, now);
                return;
            }
            if (ev & (EPOLLOUT | EPOLLERR))
                trySend(i, now);
            else if (ev & (EPOLLIN | EPOLLHUP))
                onReadable(i, now);
            return;
        case State::Receiving:
        case State::Idle:
        case State::Done:
            onReadable(i, now);
            return;
        case State::Closed:
        case State::Backoff:
            return;
    }
}

void LoadWorker::trySend(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const std::string& out = outgoing();
    while (c.sendOffset < out.size()) {
        const ssize_t r = sys::send(c.fd, out.data() + c.sendOffset, out.size() - c.sendOffset);
        if (r > 0) {
            c.sendOffset += std::size_t(r);
            stats_.bytesSent += std::uint64_t(r);
            continue;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            c.state = State::Sending;
            setEvents(i, EPOLLIN | EPOLLOUT);
            return;
        }
        fail(i,
             config_.workload == Workload::UdpEcho && errno == ECONNREFUSED ? LoadErrorKind::Connect
                                                                            : LoadErrorKind::Write,
             "send", errno, now);
        return;
    }
    c.state = State::Receiving;
    setEvents(i, EPOLLIN);
}

// Bulk: each full payload sent is one "request"; keeps the socket buffer full.
void LoadWorker::bulkWrite(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const std::string& out = outgoing();
    while (true) {
        const ssize_t r = sys::send(c.fd, out.data() + c.sendOffset, out.size() - c.sendOffset);
        if (r > 0) {
            c.sendOffset += std::size_t(r);
            stats_.bytesSent += std::uint64_t(r);
            if (c.sendOffset < out.size()) continue;
            ++stats_.requests;
            c.sendOffset = 0;
            c.deadlineNs = now + timeoutNs_;
            if (!control_.claim()) {
                c.inFlight = false;
                --busy_;
                c.state = State::Done;
                setEvents(i, EPOLLIN);
                return;
            }
            continue;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setEvents(i, EPOLLIN | EPOLLOUT);
            return;
        }
        fail(i, LoadErrorKind::Write, "send", errno, now);
        return;
    }
}

void LoadWorker::onReadable(std::uint32_t i, std::int64_t now) {
    while (true) {
        Conn& c = conns_[i];
        const ssize_t r = sys::recv(c.fd, buffer_.data(), buffer_.size());
        if (r > 0) {
            stats_.bytesReceived += std::uint64_t(r);
            if (!onData(i, buffer_.data(), std::size_t(r), now)) return;
            if (std::size_t(r) < buffer_.size()) return;
            continue;
        }
        if (r == 0) {
            onEof(i, now);
            return;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) return;
        if (!c.inFlight) {
            closeConn(i);  // an idle connection reset: reconnect on next use
            return;
        }
        fail(i,
             config_.workload == Workload::UdpEcho && errno == ECONNREFUSED ? LoadErrorKind::Connect
                                                                            : LoadErrorKind::Read,
             "recv", errno, now);
        return;
    }
}

bool LoadWorker::onData(std::uint32_t i, const char* data, std::size_t n, std::int64_t now) {
    Conn& c = conns_[i];
    if (!c.inFlight || c.state != State::Receiving) {
        if (config_.workload == Workload::Bulk)
            return true;  // a discard server says nothing; ignore
        if (c.inFlight) {
            fail(i, LoadErrorKind::Parse, "bytes arrived before the request was sent", 0, now);
        } else {
            // Unsolicited bytes on a resting connection: count them, drop the
            // connection (it is already listed as free, so no backoff).
            countError(LoadErrorKind::Parse, "bytes arrived with no request outstanding", 0);
            closeConn(i);
        }
        return false;
    }
    switch (c.reader.feed(std::string_view(data, n))) {
        case ReplyReader::Result::NeedMore:
            return true;
        case ReplyReader::Result::Error:
            fail(i, LoadErrorKind::Parse, c.reader.error(), 0, now);
            return false;
        case ReplyReader::Result::Complete:
            complete(i, monotonicNs());
            return false;
    }
    return true;
}

void LoadWorker::onEof(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    if (!c.inFlight) {
        closeConn(i);  // the server closed an idle keep-alive connection: not an error
        return;
    }
    if (c.state == State::Receiving && c.reader.onEof() == ReplyReader::Result::Complete) {
        complete(i, monotonicNs());  // a close-delimited HTTP body
        return;
    }
    fail(i, LoadErrorKind::Read,
         c.state == State::Receiving ? c.reader.error() : "the server closed the connection", 0,
         now);
}

void LoadWorker::complete(std::uint32_t i, std::int64_t now) {
    Conn& c = conns_[i];
    const int status = c.reader.status();
    const bool keep = c.reader.keepAlive() && config_.keepAlive;
    c.reader.reset();
    ++stats_.requests;
    if (status < 200 || status > 299) ++stats_.non2xx;
    const std::int64_t us = (now - c.startNs) / 1000;
    stats_.latency.record(us > 0 ? std::uint64_t(us) : 0);
    c.inFlight = false;
    --busy_;
    if (keep)
        c.state = State::Idle;
    else
        closeConn(i);
    release(i, now);
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
