#include "core/client/clientconnection.h"

#include <cerrno>

#include "core/client/clienttls.h"
#include "core/net/sys.h"
#include "core/net/trace.h"
#include "core/net/unixsocket.h"

namespace sockwb {

const char* clientIoName(ClientIo io) noexcept {
    return io == ClientIo::Blocking ? "blocking" : "poll";
}

ClientIo parseClientIo(std::string_view text) {
    if (text == "blocking") return ClientIo::Blocking;
    if (text == "poll") return ClientIo::Poll;
    throw Error::invalid("'" + std::string(text) + "' is not an I/O mode",
                         "use blocking (the course's calls) or poll (non-blocking + poll)");
}

ClientBind parseClientBind(std::string_view text) {
    const auto invalid = [&](const char* why) {
        return Error::invalid("bind address '" + std::string(text) + "'", why);
    };
    if (text.empty()) throw invalid("write ADDR, ADDR:PORT, [v6]:PORT or :PORT");
    ClientBind bind;
    std::string_view port;
    if (text.front() == '[') {
        const auto end = text.find(']');
        if (end == std::string_view::npos) throw invalid("a ']' is missing: [::1]:5000");
        bind.host = std::string(text.substr(1, end - 1));
        const std::string_view rest = text.substr(end + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') throw invalid("write [v6]:PORT, as in [::1]:5000");
            port = rest.substr(1);
        }
    } else if (text.find(':') != text.rfind(':')) {
        bind.host = std::string(text);  // a bare IPv6 address, no port
    } else if (const auto colon = text.find(':'); colon != std::string_view::npos) {
        bind.host = std::string(text.substr(0, colon));
        port = text.substr(colon + 1);
    } else {
        bind.host = std::string(text);
    }
    if (bind.host.empty() && port.empty()) throw invalid("give an address, a port or both");
    if (!port.empty() || text.back() == ':') bind.port = Address::parsePort(port);
    return bind;
}

ClientConnection::ClientConnection(ClientConfig config, ClientObserver* observer,
                                   TraceObserver* trace)
    : config_(std::move(config)), observer_(observer), trace_(trace) {
    if (config_.recvSize == 0) config_.recvSize = 1;
    if (config_.recvSize > (1u << 20)) config_.recvSize = 1u << 20;
}

ClientConnection::~ClientConnection() { stop(); }

void ClientConnection::start() {
    if (thread_.joinable() || state_ != State::Idle) return;
    if (config_.io == ClientIo::Poll) wakeup_.emplace();
    state_ = State::Connecting;
    try {
        thread_ = std::thread(&ClientConnection::run, this);
    } catch (const std::system_error& e) {
        state_ = State::Closed;
        throw Error::fromErrno("pthread_create", e.code().value());
    }
}

void ClientConnection::send(std::string bytes) {
    {
        std::lock_guard lock(mutex_);
        if (writeShut_ || stopRequested_ || state_ == State::Closed) return;
        queue_.push_back(Outgoing{std::move(bytes)});
        changed_.notify_all();
    }
    if (wakeup_) wakeup_->notify();
}

void ClientConnection::shutdown(int how) {
    {
        std::lock_guard lock(mutex_);
        if (stopRequested_ || state_ == State::Closed) return;
        if (how != SHUT_RD) writeShut_ = true;
        queue_.push_back(Outgoing{{}, how});
        changed_.notify_all();
    }
    if (wakeup_) wakeup_->notify();
}

void ClientConnection::disconnect() {
    stopRequested_ = true;
    if (wakeup_) wakeup_->notify();
    wakeBlocked();
}

void ClientConnection::stop() {
    disconnect();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void ClientConnection::run() {
    TraceScope scope(trace_);
    traceNote("thread", -1,
              std::string("client I/O thread (") + clientIoName(config_.io) + ") for " +
                  (isUnixDomain(config_.protocol)
                       ? std::string(protocolName(config_.protocol)) + ":" + config_.host
                       : config_.host + ":" + std::to_string(config_.port)));
    std::vector<Address> addresses;
    if (config_.tls && !prepareTls()) {
        finish(CloseReason::Error);
        return;
    }
    if (!resolveTarget(addresses)) {
        finish(stopRequested_ ? CloseReason::Local : CloseReason::Error);
        return;
    }
    if (config_.io == ClientIo::Blocking)
        runBlocking(addresses);
    else
        runPoll(addresses);
}

bool ClientConnection::resolveTarget(std::vector<Address>& addresses) {
    const int type = isDatagram(config_.protocol) ? SOCK_DGRAM : SOCK_STREAM;
    try {
        // Unix domain: host is the socket path.
        addresses = isUnixDomain(config_.protocol)
                        ? std::vector<Address>{Address::unixPath(config_.host)}
                        : Address::resolve(config_.host, std::to_string(config_.port), type);
    } catch (const Error& e) {
        fail(e.info());
        return false;
    }
    return !stopRequested_ && !addresses.empty();
}

// Every stage at once: nothing is bound or connected yet.
void ClientConnection::applySockopts(int fd) {
    sockoptReadback_ = sockwb::applySockopts(fd, config_.sockopts, SockoptStage::BeforeBind);
    auto more = sockwb::applySockopts(fd, config_.sockopts, SockoptStage::Connected);
    sockoptReadback_.insert(sockoptReadback_.end(), more.begin(), more.end());
}

void ClientConnection::restoreSendTimeout(int fd) {
    const SockoptSetting* asked = findSetting(config_.sockopts, "SO_SNDTIMEO");
    if (!asked) return;
    auto again = sockwb::applySockopts(fd, {*asked}, SockoptStage::Connected);
    for (auto& r : sockoptReadback_)
        if (r.asked.name == asked->name && !again.empty()) r = again.front();
}

Socket ClientConnection::openSocket(const Address& target, bool nonBlocking, ErrorInfo& failure) {
    const int type = isDatagram(config_.protocol) ? SOCK_DGRAM : SOCK_STREAM;
    if (target.isUnix() && type == SOCK_DGRAM) {
        // A Unix datagram client autobinds a name, or no answer could reach it.
        try {
            Socket s = unixDatagramClient();
            if (nonBlocking) s.setNonBlocking(true);
            applySockopts(s.fd());
            return s;
        } catch (const Error& e) {
            failure = e.info();
            return Socket();
        }
    }
    const int fd =
        sys::socket(target.family(), type | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0) {
        failure = Error::fromErrno("socket", errno, target.toString()).info();
        return Socket();
    }
    Socket s(fd);
    applySockopts(fd);
    if (!config_.bind || target.isUnix()) return s;
    const ClientBind& b = *config_.bind;
    const std::string host = !b.host.empty() ? b.host : target.isV6() ? "::" : "0.0.0.0";
    try {
        const Address local =
            Address::resolve(host, std::to_string(b.port), type, target.family()).front();
        if (sys::bind(fd, local.sockaddrPtr(), local.length()) != 0) {
            failure = Error::fromErrno("bind", errno, local.toString()).info();
            return Socket();
        }
    } catch (const Error& e) {
        failure = e.info();
        return Socket();
    }
    return s;
}

void ClientConnection::reportConnected() {
    state_ = State::Connected;
    if (!observer_) return;
    Address local;
    try {
        local = socket_.localAddress();
    } catch (const Error&) {
        // Only shown to the user; an unknown local address is not fatal.
    }
    if (!config_.sockopts.empty())
        notify([&](ClientObserver& o) { o.onSockopts(sockoptReadback_); });
    notify([&](ClientObserver& o) { o.onConnected(local, peer_); });
}

void ClientConnection::deliver(std::string_view bytes, const Address& from) {
    bytesIn_ += bytes.size();
    notify([&](ClientObserver& o) { o.onData(bytes, from); });
}

bool ClientConnection::doShutdown(int how) {
    if (how != SHUT_WR) readShut_ = true;  // Linux applies it even when it says ENOTCONN (UDP)
    if (sys::shutdown(socket_.fd(), how) != 0) {
        fail(Error::fromErrno("shutdown", errno, peer_.toString()).info());
        return false;
    }
    notify([&](ClientObserver& o) { o.onShutdown(how); });
    return true;
}

void ClientConnection::fail(const ErrorInfo& info) {
    notify([&](ClientObserver& o) { o.onError(info); });
}

void ClientConnection::finish(CloseReason reason) {
    if (finished_) return;
    finished_ = true;
    {
        std::lock_guard lock(mutex_);
        socket_.close();
    }
    state_ = State::Closed;
    notify([&](ClientObserver& o) { o.onClosed(reason); });
}

}  // namespace sockwb
