// TcpRelayConnection: the two legs of one relayed client, their connect,
// readiness and timers, and how the connection ends.

#include "core/relay/tcprelayconnection.h"

#include <sys/socket.h>

#include <cerrno>

#include "core/net/sys.h"
#include "core/reactor/eventloop.h"

namespace sockwb {

namespace {
// Reads of unread bytes thrown away before a clean close: close(2) with
// bytes still unread sends a RST instead of the FIN.
constexpr int kDrainReads = 16;

void add(RelayDirectionStats& to, const RelayDirectionStats& d) {
    to.bytes += d.bytes;
    to.chunks += d.chunks;
    to.writes += d.writes;
    to.delayed += d.delayed;
    to.sliced += d.sliced;
    to.throttled += d.throttled;
    to.resets += d.resets;
    to.closes += d.closes;
    to.stalls += d.stalls;
}

std::string limitText(const FaultLimit& l) {
    return std::to_string(l.amount) + (l.unit == FaultLimit::Unit::Bytes ? " bytes" : " ms");
}
}  // namespace

TcpRelayConnection::TcpRelayConnection(RelayContext& context, EventLoop& loop, Socket client,
                                       const Address& clientPeer, const Address& target,
                                       std::vector<char>& buffer, std::function<void()> finished)
    : context_(context),
      loop_(loop),
      client_(std::move(client)),
      clientPeer_(clientPeer),
      targetAddress_(target),
      buffer_(buffer),
      finished_(std::move(finished)) {}

TcpRelayConnection::~TcpRelayConnection() {
    finished_ = nullptr;  // the owner is destroying it already
    if (state_ != State::Ended) end(Close::Clean, "closed (the relay stops)");
}

std::string TcpRelayConnection::prefix() const {
    return clientPeer_.toString() + " ⇄ " + targetAddress_.toString() + ": ";
}

void TcpRelayConnection::open() {
    const auto now = Clock::now();
    const int fd =
        sys::socket(targetAddress_.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail("socket", errno, targetAddress_);
    target_ = Socket(fd);
    up_.emplace(context_, RelayDirection::Up, client_.fd(), fd, buffer_);
    down_.emplace(context_, RelayDirection::Down, fd, client_.fd(), buffer_);
    up_->decide(now);
    down_->decide(now);
    loop_.watch(client_.fd(), 0, [this](unsigned events) { onClient(events); });
    loop_.watch(fd, 0, [this](unsigned events) { onTarget(events); });
    if (sys::connect(fd, targetAddress_.sockaddrPtr(), targetAddress_.length()) == 0)
        return connected();
    if (errno != EINPROGRESS) return fail("connect", errno, targetAddress_);
    loop_.setInterest(fd, Poller::Out);  // writable: the connect is over
}

void TcpRelayConnection::connectDone() {
    int err = 0;
    socklen_t len = sizeof err;
    if (sys::getsockopt(target_.fd(), SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
    if (err != 0) return fail("connect", err, targetAddress_);
    connected();
}

void TcpRelayConnection::connected() {
    state_ = State::Open;
    context_.log(prefix() + "opened");
    settle();
}

void TcpRelayConnection::onClient(unsigned events) {
    if (state_ != State::Open) return;
    const auto now = Clock::now();
    if ((events & (Poller::In | Poller::Err)) && up_->wantsRead()) up_->onReadable(now);
    if ((events & (Poller::Out | Poller::Err)) && down_->wantsWrite()) down_->flush(now);
    settle();
}

void TcpRelayConnection::onTarget(unsigned events) {
    if (state_ == State::Connecting) return connectDone();
    if (state_ != State::Open) return;
    const auto now = Clock::now();
    if ((events & (Poller::In | Poller::Err)) && down_->wantsRead()) down_->onReadable(now);
    if ((events & (Poller::Out | Poller::Err)) && up_->wantsWrite()) up_->flush(now);
    settle();
}

void TcpRelayConnection::onTimer(Clock::time_point at) {
    if (timerAt_ && *timerAt_ <= at) timerAt_.reset();
    if (state_ != State::Open) return;
    const auto now = Clock::now();
    up_->flush(now);
    down_->flush(now);
    settle();
}

void TcpRelayConnection::count() {
    if (!up_ || (!up_->dirty() && !down_->dirty())) return;
    const RelayDirectionStats u = up_->takeCounts();
    const RelayDirectionStats d = down_->takeCounts();
    context_.count([&](RelayStats& s) {
        add(s.up, u);
        add(s.down, d);
    });
}

void TcpRelayConnection::settle() {
    count();
    if (state_ != State::Open) return;
    for (const TcpPipe* pipe : {&*up_, &*down_})
        if (pipe->end() != TcpPipe::End::None) return endBy(*pipe);
    if (up_->finished() && down_->finished()) return end(Close::Clean, "closed");
    const unsigned clientInterest =
        (up_->wantsRead() ? Poller::In : 0u) | (down_->wantsWrite() ? Poller::Out : 0u);
    const unsigned targetInterest =
        (down_->wantsRead() ? Poller::In : 0u) | (up_->wantsWrite() ? Poller::Out : 0u);
    loop_.setInterest(client_.fd(), clientInterest);
    loop_.setInterest(target_.fd(), targetInterest);

    std::optional<Clock::time_point> wake = up_->wakeAt();
    if (const auto w = down_->wakeAt(); w && (!wake || *w < *wake)) wake = w;
    if (!wake || (timerAt_ && *timerAt_ <= *wake)) return;
    timerAt_ = wake;
    std::weak_ptr<char> alive = alive_;
    loop_.timers().addAt(*wake, [this, alive, at = *wake] {
        if (!alive.expired()) onTimer(at);
    });
}

void TcpRelayConnection::endBy(const TcpPipe& pipe) {
    const RelayDirection d = pipe.direction();
    const std::string dir = std::string(" (") + relayDirectionName(d) + ")";
    switch (pipe.end()) {
        case TcpPipe::End::Reset:
            context_.count([d](RelayStats& s) { ++RelayContext::of(s, d).resets; });
            return end(Close::Reset, "reset after " + limitText(pipe.firedLimit()) + dir);
        case TcpPipe::End::Close:
            context_.count([d](RelayStats& s) { ++RelayContext::of(s, d).closes; });
            return end(Close::Drain, "closed after " + limitText(pipe.firedLimit()) + dir);
        case TcpPipe::End::Failed: {
            // Up reads the client and writes the target; down the reverse.
            const bool onClient = (d == RelayDirection::Up) == (pipe.failedCall()[0] == 'r');
            return fail(pipe.failedCall(), pipe.failedErrno(),
                        onClient ? clientPeer_ : targetAddress_);
        }
        case TcpPipe::End::None:
            return;
    }
}

void TcpRelayConnection::fail(const char* call, int err, const Address& where) {
    const bool connecting = state_ == State::Connecting;
    if (connecting) context_.count([](RelayStats& s) { ++s.refused; });
    ErrorInfo e;
    e.call = call;
    e.err = err;
    e.address = where.toString();
    context_.error(e);
    // A target that refused, or a peer that reset: the client gets a RST too.
    const bool reset = connecting || err == ECONNRESET;
    end(reset ? Close::Reset : Close::Drain,
        std::string(call) + " " + where.toString() + ": " + errnoName(err));
}

void TcpRelayConnection::end(Close how, const std::string& why) {
    if (state_ == State::Ended) return;
    state_ = State::Ended;
    context_.log(prefix() + why);
    closeLeg(client_, how);
    closeLeg(target_, how);
    context_.count([](RelayStats& s) {
        if (s.active > 0) --s.active;
    });
    if (finished_) finished_();
}

void TcpRelayConnection::closeLeg(Socket& leg, Close how) {
    if (!leg.isValid()) return;
    const int fd = leg.fd();
    loop_.unwatchClosing(fd);
    if (how == Close::Reset) {
        const linger l{1, 0};  // close(2) sends a RST: the peer reads ECONNRESET
        sys::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    } else if (how == Close::Drain) {
        sys::shutdown(fd, SHUT_WR);
        for (int i = 0; i < kDrainReads; ++i)
            if (sys::recv(fd, buffer_.data(), buffer_.size(), 0) <= 0) break;
    }
    leg.close();
}

}  // namespace sockwb
