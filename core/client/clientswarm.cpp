#include "core/client/clientswarm.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <deque>

#include "core/net/framing.h"
#include "core/net/sys.h"
#include "core/net/trace.h"

namespace sockwb {

namespace {
using Clock = std::chrono::steady_clock;
constexpr uint64_t kWakeKey = ~uint64_t{0};
constexpr int kReadsPerEvent = 16;
constexpr size_t kMaxLine = 64 * 1024;

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// "[HH:MM:SS] " in local time, as the course's chat clients print it.
std::string clockStamp() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}
}  // namespace

const char* scenarioName(Scenario s) noexcept {
    switch (s) {
        case Scenario::Bonjour:
            return "bonjour";
        case Scenario::EchoPing:
            return "ping";
        case Scenario::ChatBot:
            return "chat";
        case Scenario::HoldIdle:
            return "idle";
    }
    return "?";
}

Scenario parseScenario(std::string_view name) {
    for (Scenario s :
         {Scenario::Bonjour, Scenario::EchoPing, Scenario::ChatBot, Scenario::HoldIdle})
        if (name == scenarioName(s)) return s;
    throw Error::invalid("scenario '" + std::string(name) + "'",
                         "choose bonjour, ping, chat or idle");
}

const char* swarmStateName(SwarmClientStatus::State s) noexcept {
    switch (s) {
        case SwarmClientStatus::Waiting:
            return "waiting";
        case SwarmClientStatus::Connecting:
            return "connecting";
        case SwarmClientStatus::Connected:
            return "connected";
        case SwarmClientStatus::Done:
            return "done";
        case SwarmClientStatus::Closed:
            return "closed";
        case SwarmClientStatus::Failed:
            return "failed";
    }
    return "?";
}

struct ClientSwarm::Client {
    Socket socket;
    SwarmClientStatus::State state = SwarmClientStatus::Waiting;
    std::string out;  // TCP bytes not yet taken by the kernel
    FrameDecoder decoder{Framing::Line, kMaxLine};
    uint32_t events = 0;
    Clock::time_point connectDeadline;
    bool timerArmed = false;
    Clock::time_point nextTimer;
    bool awaitingFirst = false;
    Clock::time_point bonjourSent;
    uint64_t seq = 0;
    std::deque<std::pair<uint64_t, Clock::time_point>> pings;
    bool ended() const { return state >= SwarmClientStatus::Done; }
};

ClientSwarm::ClientSwarm(SwarmConfig config, TraceObserver* trace)
    : config_(std::move(config)), trace_(trace) {
    config_.count = std::max(config_.count, 0);
    config_.intervalMs = std::max(config_.intervalMs, 1);
    config_.connectsPerRound = std::max(config_.connectsPerRound, 1);
    status_.resize(static_cast<size_t>(config_.count));
    for (int i = 0; i < config_.count; ++i) clients_.push_back(std::make_unique<Client>());
}

ClientSwarm::~ClientSwarm() {
    stop();
    if (wakeFd_ >= 0) ::close(wakeFd_);
    if (epollFd_ >= 0) ::close(epollFd_);
}

void ClientSwarm::start() {
    if (thread_.joinable() || epollFd_ >= 0) return;
    wakeFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeFd_ < 0) throw Error::fromErrno("eventfd", errno);
    epollFd_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (epollFd_ < 0) throw Error::fromErrno("epoll_create1", errno);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kWakeKey;
    if (::epoll_ctl(epollFd_, EPOLL_CTL_ADD, wakeFd_, &ev) != 0)
        throw Error::fromErrno("epoll_ctl", errno);
    thread_ = std::thread(&ClientSwarm::run, this);
}

void ClientSwarm::stop() {
    stopRequested_ = true;
    if (wakeFd_ >= 0) {
        uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(wakeFd_, &one, sizeof one);
    }
    if (thread_.joinable()) thread_.join();
}

std::vector<SwarmClientStatus> ClientSwarm::snapshot() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void ClientSwarm::run() {
    TraceScope scope(trace_);
    traceNote("thread", -1,
              "client swarm loop: " + std::to_string(config_.count) + " clients, scenario " +
                  scenarioName(config_.scenario));
    const bool udp = config_.target.protocol == Protocol::Udp;
    Address& target = target_;
    try {
        auto all = Address::resolve(config_.target.host, std::to_string(config_.target.port),
                                    udp ? SOCK_DGRAM : SOCK_STREAM);
        target = all.front();
    } catch (const Error& e) {
        std::lock_guard lock(mutex_);
        for (size_t i = 0; i < clients_.size(); ++i) failClient(i, e.info());
    }
    size_t nextToConnect = target.isValid() ? 0 : clients_.size();
    std::vector<epoll_event> events(256);
    while (!stopRequested_ && ended_ < clients_.size()) {
        {
            std::lock_guard lock(mutex_);
            for (int k = 0; k < config_.connectsPerRound && nextToConnect < clients_.size(); ++k)
                startConnect(nextToConnect++, target);
        }
        const int timeout = nextToConnect < clients_.size() ? 1 : nextTimeoutMs();
        int n = sys::epollWait(epollFd_, events.data(), static_cast<int>(events.size()), timeout);
        if (stopRequested_) break;
        std::lock_guard lock(mutex_);
        for (int k = 0; k < n; ++k) {
            const epoll_event& ev = events[static_cast<size_t>(k)];
            if (ev.data.u64 == kWakeKey) {
                uint64_t value;
                [[maybe_unused]] ssize_t r = ::read(wakeFd_, &value, sizeof value);
                continue;
            }
            const size_t i = static_cast<size_t>(ev.data.u64);
            Client& c = *clients_[i];
            if (c.ended()) continue;
            if (c.state == SwarmClientStatus::Connecting) {
                if (ev.events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) onConnected(i);
                continue;
            }
            if (ev.events & (EPOLLIN | EPOLLERR | EPOLLHUP)) onReadable(i);
            if (!c.ended() && (ev.events & EPOLLOUT)) onWritable(i);
        }
        fireTimers();
    }
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < clients_.size(); ++i)
        if (!clients_[i]->ended()) end(i, SwarmClientStatus::Closed);
    finished_ = true;
}

void ClientSwarm::startConnect(size_t i, const Address& target) {
    Client& c = *clients_[i];
    const bool udp = config_.target.protocol == Protocol::Udp;
    const std::string where = target.toString();
    c.state = status_[i].state = SwarmClientStatus::Connecting;
    int fd = sys::socket(target.family(),
                         (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return failClient(i, Error::fromErrno("socket", errno, where).info());
    c.socket = Socket(fd);
    status_[i].fd = fd;
    bool connected = udp;  // UDP: sendto/recvfrom, nothing to wait for
    if (!udp) {
        if (sys::connect(fd, target.sockaddrPtr(), target.length()) == 0) {
            connected = true;
        } else if (errno != EINPROGRESS) {
            return failClient(i, Error::fromErrno("connect", errno, where).info());
        }
    }
    epoll_event ev{};
    ev.events = connected ? EPOLLIN : EPOLLOUT;
    ev.data.u64 = i;
    if (sys::epollCtl(epollFd_, EPOLL_CTL_ADD, fd, &ev) != 0)
        return failClient(i, Error::fromErrno("epoll_ctl", errno, where).info());
    c.events = ev.events;
    c.connectDeadline = Clock::now() + config_.target.connectTimeout;
    if (connected) onConnected(i);
}

void ClientSwarm::onConnected(size_t i) {
    Client& c = *clients_[i];
    if (config_.target.protocol == Protocol::Tcp) {
        int err = 0;
        socklen_t len = sizeof err;
        if (sys::getsockopt(c.socket.fd(), SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
        if (err != 0) {
            std::string where = config_.target.host + ":" + std::to_string(config_.target.port);
            return failClient(i, Error::fromErrno("connect", err, where).info());
        }
    }
    c.state = status_[i].state = SwarmClientStatus::Connected;
    updateEvents(i);
    const auto now = Clock::now();
    switch (config_.scenario) {
        case Scenario::Bonjour:
            c.awaitingFirst = true;
            c.bonjourSent = now;
            queueSend(i, "Bonjour\n");
            break;
        case Scenario::EchoPing:
            c.timerArmed = true;
            c.nextTimer = now;  // the first ping at once
            break;
        case Scenario::ChatBot:
            c.timerArmed = true;
            c.nextTimer = now + std::chrono::milliseconds(config_.intervalMs);
            break;
        case Scenario::HoldIdle:
            break;
    }
}

void ClientSwarm::onReadable(size_t i) {
    Client& c = *clients_[i];
    const bool udp = config_.target.protocol == Protocol::Udp;
    char buffer[16 * 1024];
    for (int k = 0; k < kReadsPerEvent && !c.ended(); ++k) {
        ssize_t n = udp ? sys::recvfrom(c.socket.fd(), buffer, sizeof buffer, 0, nullptr, nullptr)
                        : sys::recv(c.socket.fd(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            return failClient(i, Error::fromErrno(udp ? "recvfrom" : "recv", errno).info());
        }
        status_[i].bytesIn += static_cast<uint64_t>(n);
        try {
            if (n == 0 && !udp) {
                // The peer closed: its last line may lack a terminator.
                if (auto last = c.decoder.flush()) onMessage(i, *last);
                if (!c.ended()) end(i, SwarmClientStatus::Closed);
                return;
            }
            c.decoder.feed(std::string_view(buffer, static_cast<size_t>(n)));
            while (!c.ended()) {
                auto message = c.decoder.next();
                if (!message) break;
                onMessage(i, *message);
            }
            // A datagram is a message even without a line terminator.
            if (udp && !c.ended())
                if (auto rest = c.decoder.flush()) onMessage(i, *rest);
        } catch (const Error& e) {
            return failClient(i, e.info());
        }
    }
}

void ClientSwarm::onWritable(size_t i) {
    Client& c = *clients_[i];
    while (!c.out.empty()) {
        ssize_t n = sys::send(c.socket.fd(), c.out.data(), c.out.size());
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) break;
            return failClient(i, Error::fromErrno("send", errno).info());
        }
        status_[i].bytesOut += static_cast<uint64_t>(n);
        c.out.erase(0, static_cast<size_t>(n));
    }
    updateEvents(i);
}

void ClientSwarm::onMessage(size_t i, std::string_view message) {
    Client& c = *clients_[i];
    SwarmClientStatus& st = status_[i];
    const auto now = Clock::now();
    ++st.messagesIn;
    st.lastLine.assign(message.substr(0, 200));
    auto sample = [&st](double ms) {
        st.lastRttMs = ms;
        st.avgRttMs = (st.avgRttMs * static_cast<double>(st.rttSamples) + ms) /
                      static_cast<double>(st.rttSamples + 1);
        ++st.rttSamples;
    };
    if (config_.scenario == Scenario::Bonjour) {
        if (c.awaitingFirst) {
            c.awaitingFirst = false;
            sample(msBetween(c.bonjourSent, now));
        }
        if (message.find("Au Revoir") != std::string_view::npos) end(i, SwarmClientStatus::Done);
    } else if (config_.scenario == Scenario::EchoPing && message.substr(0, 5) == "ping ") {
        uint64_t seq = std::strtoull(std::string(message.substr(5)).c_str(), nullptr, 10);
        while (!c.pings.empty() && c.pings.front().first < seq) c.pings.pop_front();
        if (!c.pings.empty() && c.pings.front().first == seq) {
            sample(msBetween(c.pings.front().second, now));
            c.pings.pop_front();
        }
    }
}

void ClientSwarm::onTimer(size_t i) {
    Client& c = *clients_[i];
    const auto now = Clock::now();
    const auto interval = std::chrono::milliseconds(config_.intervalMs);
    c.nextTimer = std::max(c.nextTimer + interval, now + interval / 2);
    if (config_.scenario == Scenario::EchoPing) {
        ++c.seq;
        c.pings.emplace_back(c.seq, now);
        if (c.pings.size() > 64) c.pings.pop_front();  // lost echoes (UDP) are forgotten
        queueSend(i, "ping " + std::to_string(c.seq) + "\n");
    } else if (config_.scenario == Scenario::ChatBot) {
        ++c.seq;
        queueSend(i, "[" + clockStamp() + "] " + config_.nickPrefix + std::to_string(i + 1) +
                         ": message " + std::to_string(c.seq) + "\n");
    }
}

void ClientSwarm::queueSend(size_t i, std::string bytes) {
    Client& c = *clients_[i];
    ++status_[i].messagesOut;
    if (config_.target.protocol == Protocol::Udp) {
        ssize_t n = sys::sendto(c.socket.fd(), bytes.data(), bytes.size(), 0, target_.sockaddrPtr(),
                                target_.length());
        if (n < 0) {
            status_[i].hasError = true;  // a dropped datagram does not end the client
            status_[i].error = Error::fromErrno("sendto", errno, target_.toString()).info();
        } else {
            status_[i].bytesOut += static_cast<uint64_t>(n);
        }
        return;
    }
    c.out += bytes;
    onWritable(i);
}

void ClientSwarm::updateEvents(size_t i) {
    Client& c = *clients_[i];
    if (c.ended() || !c.socket) return;
    uint32_t want = EPOLLIN | (c.out.empty() ? 0u : uint32_t{EPOLLOUT});
    if (want == c.events) return;
    epoll_event ev{};
    ev.events = want;
    ev.data.u64 = i;
    if (sys::epollCtl(epollFd_, EPOLL_CTL_MOD, c.socket.fd(), &ev) == 0) c.events = want;
}

void ClientSwarm::end(size_t i, SwarmClientStatus::State state) {
    Client& c = *clients_[i];
    if (c.ended()) return;
    c.socket.close();  // closing also removes it from the epoll set
    c.timerArmed = false;
    c.out.clear();
    c.state = status_[i].state = state;
    status_[i].fd = -1;
    ++ended_;
}

void ClientSwarm::failClient(size_t i, const ErrorInfo& error) {
    status_[i].hasError = true;
    status_[i].error = error;
    end(i, SwarmClientStatus::Failed);
}

int ClientSwarm::nextTimeoutMs() const {
    const auto now = Clock::now();
    bool any = false;
    Clock::time_point first{};
    for (const auto& c : clients_) {
        Clock::time_point t;
        if (c->state == SwarmClientStatus::Connecting)
            t = c->connectDeadline;
        else if (c->timerArmed)
            t = c->nextTimer;
        else
            continue;
        if (!any || t < first) first = t;
        any = true;
    }
    if (!any) return -1;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(first - now).count() + 1;
    return static_cast<int>(std::clamp<long long>(ms, 0, 60000));
}

void ClientSwarm::fireTimers() {
    const auto now = Clock::now();
    for (size_t i = 0; i < clients_.size(); ++i) {
        Client& c = *clients_[i];
        if (c.state == SwarmClientStatus::Connecting && now >= c.connectDeadline) {
            std::string where = config_.target.host + ":" + std::to_string(config_.target.port);
            failClient(
                i, withDetail(ErrorInfo{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, where, {}},
                              DetailCode::GaveUpAfterMs, config_.target.connectTimeout.count()));
        } else if (c.timerArmed && now >= c.nextTimer) {
            onTimer(i);
        }
    }
}

}  // namespace sockwb
