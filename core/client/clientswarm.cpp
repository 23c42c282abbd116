#include "core/client/clientswarm.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <deque>

#include "core/net/framing.h"
#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/net/trace.h"
#include "core/net/wakeup.h"
#include "core/reactor/eventloop.h"

namespace sockwb {

namespace {
using Clock = std::chrono::steady_clock;
constexpr int kReadsPerEvent = 16;
constexpr size_t kMaxLine = 64 * 1024;
// Between two batches of connects: the server gets to accept the last one.
constexpr std::chrono::milliseconds kConnectPause{1};

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
}  // namespace

struct ClientSwarm::Client {
    Socket socket;
    SwarmClientStatus::State state = SwarmClientStatus::Waiting;
    std::string out;  // TCP bytes not yet taken by the kernel
    FrameDecoder decoder{Framing::Line, kMaxLine};
    unsigned interest = 0;  // what the loop watches (Poller::In|Out)
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

ClientSwarm::~ClientSwarm() { stop(); }

void ClientSwarm::start() {
    if (loop_) return;
    TraceScope scope(trace_);
    auto wake = std::make_unique<Wakeup>();
    loop_ = std::make_unique<EventLoop>(makePoller("epoll"), wake->fd());
    wake_ = std::move(wake);
    thread_ = std::thread(&ClientSwarm::run, this);
}

void ClientSwarm::stop() {
    stopRequested_ = true;
    if (wake_) wake_->notify();  // the loop's stop fd: run() returns at once
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
    if (resolveTarget() && !stopRequested_) {
        connectBatch();
        try {
            if (ended_ < clients_.size()) loop_->run();  // end() quits after the last client
        } catch (const Error& e) {
            std::lock_guard lock(mutex_);
            failRemaining(e.info());
        }
    }
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < clients_.size(); ++i)
        if (!clients_[i]->ended()) end(i, SwarmClientStatus::Closed);
    finished_ = true;
}

bool ClientSwarm::resolveTarget() {
    const bool udp = isDatagram(config_.target.protocol);
    try {
        if (isUnixDomain(config_.target.protocol)) {  // host is the socket path
            target_ = Address::unixPath(config_.target.host);
            return true;
        }
        auto all = Address::resolve(config_.target.host, std::to_string(config_.target.port),
                                    udp ? SOCK_DGRAM : SOCK_STREAM);
        target_ = all.front();
        return true;
    } catch (const Error& e) {
        std::lock_guard lock(mutex_);
        failRemaining(e.info());
        return false;
    }
}

// connectsPerRound new clients, then again after a pause until all are started.
void ClientSwarm::connectBatch() {
    std::lock_guard lock(mutex_);
    for (int k = 0; k < config_.connectsPerRound && nextToConnect_ < clients_.size(); ++k)
        startConnect(nextToConnect_++);
    if (nextToConnect_ < clients_.size())
        loop_->timers().add(kConnectPause, [this] { connectBatch(); });
}

void ClientSwarm::startConnect(size_t i) {
    Client& c = *clients_[i];
    const bool udp = isDatagram(config_.target.protocol);
    const std::string where = target_.toString();
    c.state = status_[i].state = SwarmClientStatus::Connecting;
    int fd = sys::socket(target_.family(),
                         (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return failClient(i, Error::fromErrno("socket", errno, where).info());
    c.socket = Socket(fd);
    status_[i].fd = fd;
    // A Unix datagram client autobinds a name, or no answer could reach it.
    const Address unnamed = Address::unixUnnamed();
    if (udp && target_.isUnix() && sys::bind(fd, unnamed.sockaddrPtr(), unnamed.length()) != 0)
        return failClient(i, Error::fromErrno("bind", errno, unnamed.toString()).info());
    bool connected = udp;  // UDP: sendto/recvfrom, nothing to wait for
    if (!udp) {
        if (sys::connect(fd, target_.sockaddrPtr(), target_.length()) == 0) {
            connected = true;
        } else if (errno != EINPROGRESS) {
            return failClient(i, Error::fromErrno("connect", errno, where).info());
        }
    }
    watchClient(i, connected ? Poller::In : Poller::Out);
    if (c.ended()) return;
    if (connected) return onConnected(i);
    loop_->timers().add(config_.target.connectTimeout, [this, i] {
        std::lock_guard lock(mutex_);
        if (clients_[i]->state != SwarmClientStatus::Connecting) return;
        failClient(
            i, withDetail(ErrorInfo{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, targetText(), {}},
                          DetailCode::GaveUpAfterMs, config_.target.connectTimeout.count()));
    });
}

void ClientSwarm::watchClient(size_t i, unsigned interest) {
    Client& c = *clients_[i];
    try {
        loop_->watch(c.socket.fd(), interest, [this, i](unsigned events) {
            std::lock_guard lock(mutex_);
            onEvent(i, events);
        });
        c.interest = interest;
    } catch (const Error& e) {
        failClient(i, e.info());
    }
}

void ClientSwarm::onEvent(size_t i, unsigned events) {
    Client& c = *clients_[i];
    if (c.ended()) return;
    if (c.state == SwarmClientStatus::Connecting) {
        if (events & (Poller::Out | Poller::Err)) onConnected(i);
        return;
    }
    if (events & (Poller::In | Poller::Err)) onReadable(i);
    if (!c.ended() && (events & Poller::Out)) onWritable(i);
}

void ClientSwarm::onConnected(size_t i) {
    Client& c = *clients_[i];
    if (isStream(config_.target.protocol)) {
        int err = 0;
        socklen_t len = sizeof err;
        if (sys::getsockopt(c.socket.fd(), SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
        if (err != 0) return failClient(i, Error::fromErrno("connect", err, targetText()).info());
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
            armTimer(i, now);  // the first ping at once
            break;
        case Scenario::ChatBot:
            armTimer(i, now + std::chrono::milliseconds(config_.intervalMs));
            break;
        case Scenario::HoldIdle:
            break;
    }
}

void ClientSwarm::onReadable(size_t i) {
    Client& c = *clients_[i];
    const bool udp = isDatagram(config_.target.protocol);
    char buffer[16 * 1024];
    for (int k = 0; k < kReadsPerEvent && !c.ended(); ++k) {
        ssize_t n = udp ? sys::recvfrom(c.socket.fd(), buffer, sizeof buffer, 0, nullptr, nullptr)
                        : sys::recv(c.socket.fd(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            return failClient(i, Error::fromErrno(udp ? "recvfrom" : "recv", errno).info());
        }
        status_[i].bytesIn += static_cast<uint64_t>(n);
        if (!takeBytes(i, buffer, static_cast<size_t>(n))) return;
    }
}

// Feeds n received bytes (0: the peer closed) to the client's decoder and
// its messages to onMessage; false when the client ended.
bool ClientSwarm::takeBytes(size_t i, const char* data, size_t n) {
    Client& c = *clients_[i];
    const bool udp = isDatagram(config_.target.protocol);
    try {
        if (n == 0 && !udp) {
            // The peer closed: its last line may lack a terminator.
            if (auto last = c.decoder.flush()) onMessage(i, *last);
            if (!c.ended()) end(i, SwarmClientStatus::Closed);
            return false;
        }
        c.decoder.feed(std::string_view(data, n));
        while (!c.ended()) {
            auto message = c.decoder.next();
            if (!message) break;
            onMessage(i, *message);
        }
        // A datagram is a message even without a line terminator, and so
        // are the unterminated bytes of one TCP read: the course's clock
        // server sends "Au Revoir" with no '\n', and its receive_from()
        // returns what one recv() gave.
        if (!c.ended())
            if (auto rest = c.decoder.flush()) onMessage(i, *rest);
    } catch (const Error& e) {
        failClient(i, e.info());
    }
    return !c.ended();
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

void ClientSwarm::armTimer(size_t i, Clock::time_point at) {
    Client& c = *clients_[i];
    if (c.ended()) return;
    c.timerArmed = true;
    c.nextTimer = at;
    loop_->timers().addAt(at, [this, i] {
        std::lock_guard lock(mutex_);
        if (clients_[i]->timerArmed && !clients_[i]->ended()) onTimer(i);
    });
}

void ClientSwarm::onTimer(size_t i) {
    Client& c = *clients_[i];
    const auto now = Clock::now();
    const auto interval = std::chrono::milliseconds(config_.intervalMs);
    const auto next = std::max(c.nextTimer + interval, now + interval / 2);
    if (config_.scenario == Scenario::EchoPing) {
        ++c.seq;
        c.pings.emplace_back(c.seq, now);
        if (c.pings.size() > 64) c.pings.pop_front();  // lost echoes (UDP) are forgotten
        queueSend(i, "ping " + std::to_string(c.seq) + "\n");
    } else if (config_.scenario == Scenario::ChatBot) {
        ++c.seq;
        queueSend(i,
                  formatChatMessage(config_.chatFormat, config_.nickPrefix + std::to_string(i + 1),
                                    "message " + std::to_string(c.seq), std::time(nullptr)));
    }
    armTimer(i, next);
}

void ClientSwarm::queueSend(size_t i, std::string bytes) {
    Client& c = *clients_[i];
    ++status_[i].messagesOut;
    if (isDatagram(config_.target.protocol)) {
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
    const unsigned want = Poller::In | (c.out.empty() ? 0u : unsigned{Poller::Out});
    if (want == c.interest) return;
    loop_->setInterest(c.socket.fd(), want);
    c.interest = want;
}

void ClientSwarm::end(size_t i, SwarmClientStatus::State state) {
    Client& c = *clients_[i];
    if (c.ended()) return;
    if (c.socket) loop_->unwatchClosing(c.socket.fd());
    c.socket.close();
    c.timerArmed = false;
    c.out.clear();
    c.state = status_[i].state = state;
    status_[i].fd = -1;
    if (++ended_ == clients_.size()) loop_->quit();  // the last one: leave run()
}

void ClientSwarm::failClient(size_t i, const ErrorInfo& error) {
    status_[i].hasError = true;
    status_[i].error = error;
    end(i, SwarmClientStatus::Failed);
}

void ClientSwarm::failRemaining(const ErrorInfo& error) {
    for (size_t i = 0; i < clients_.size(); ++i)
        if (!clients_[i]->ended()) failClient(i, error);
}

std::string ClientSwarm::targetText() const {
    if (isUnixDomain(config_.target.protocol)) return target_.toString();
    return config_.target.host + ":" + std::to_string(config_.target.port);
}

}  // namespace sockwb
