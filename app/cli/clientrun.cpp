#include "app/cli/clientrun.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <thread>

#include "app/cli/clitext.h"
#include "app/cli/jsonline.h"
#include "app/cli/sockoptlines.h"
#include "core/net/error.h"
#include "core/net/sys.h"
#include "core/net/unixsocket.h"

namespace sockwb::app {

namespace {

constexpr size_t kChunk = 65536;

// Writes everything; false when stdout was closed by its reader (| head),
// which ends the client quietly, as netcat does.
bool writeStdout(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EPIPE) return false;
            throw Error::fromErrno("write", errno, "stdout");
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Reads one chunk of stdin; nullopt at end of input.
std::optional<std::string> readStdin() {
    std::string buf(kChunk, '\0');
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error::fromErrno("read", errno, "stdin");
        if (n == 0) return std::nullopt;
        buf.resize(static_cast<size_t>(n));
        return buf;
    }
}

// "Au Revoir" in double quotes, control bytes escaped.
std::string quoted(const std::string& text) {
    return sys::dataPreview(text.data(), text.size(), 64);
}

const char* howName(int how) {
    return how == SHUT_RD ? "SHUT_RD" : how == SHUT_WR ? "SHUT_WR" : "SHUT_RDWR";
}

}  // namespace

int ClientRun::run() {
    // A closed stdout (| head) must end us with an error, not a signal.
    ::signal(SIGPIPE, SIG_IGN);
    // netcat mode reads stdin and the socket at once: always the poll loop.
    const bool blocking = o_.io == ClientIo::Blocking && !o_.sends.empty();
    if (o_.maxTimeMs > 0) deadline_ = Clock::now() + Millis(o_.maxTimeMs);
    // A CA, certificate or key file that cannot be used fails before connecting.
    if (o_.tls) tlsContext_ = tls::Context::client(o_.tlsOptions);
    if (o_.udp) return blocking ? runUdpBlocking() : runUdp();
    return blocking ? runTcpBlocking() : runTcp();
}

std::vector<Address> ClientRun::resolveTarget() const {
    if (o_.unixDomain) return {Address::unixPath(o_.host)};  // unix:PATH
    return Address::resolve(o_.host, o_.port, o_.udp ? SOCK_DGRAM : SOCK_STREAM);
}

Socket ClientRun::openSocket(const Address& target, int type, bool nonBlocking) const {
    if (target.isUnix() && type == SOCK_DGRAM) {
        // A Unix datagram client autobinds a name, or no answer could reach it.
        Socket s = unixDatagramClient();
        if (nonBlocking) s.setNonBlocking(true);
        applySockopts(s);
        return s;
    }
    Socket s = Socket::create(target.family(), type | (nonBlocking ? SOCK_NONBLOCK : 0));
    applySockopts(s);
    if (o_.bind && !target.isUnix()) {
        const std::string host = !o_.bind->host.empty() ? o_.bind->host
                                 : target.isV6()        ? "::"
                                                        : "0.0.0.0";
        s.bind(
            Address::resolve(host, std::to_string(o_.bind->port), type, target.family()).front());
    }
    return s;
}

void ClientRun::applySockopts(const Socket& s) const {
    if (o_.sockopts.empty()) return;
    auto got = sockwb::applySockopts(s.fd(), o_.sockopts, SockoptStage::BeforeBind);
    auto more = sockwb::applySockopts(s.fd(), o_.sockopts, SockoptStage::Connected);
    got.insert(got.end(), more.begin(), more.end());
    for (const auto& r : got) {
        if (o_.json)
            writeStdout(sockoptJson(r) + "\n");
        else
            printErr(q(sockoptLine(r)) + QLatin1Char('\n'));
    }
}

void ClientRun::pauseBeforeSend(size_t index) const {
    if (index > 0 && o_.delayMs > 0) std::this_thread::sleep_for(Millis(o_.delayMs));
}

void ClientRun::shutdownSocket(Socket& s) {
    if (o_.shutdownHow < 0) return;
    closeNotify(s, o_.shutdownHow);
    s.shutdown(o_.shutdownHow);
    if (o_.json) {
        const std::string line =
            JsonLine().add("event", "shutdown").add("how", howName(o_.shutdownHow)).str() + "\n";
        writeStdout(line);
    }
}

void ClientRun::reportConnected(const Socket& s) const {
    if (!o_.json) return;
    JsonLine line;
    line.add("event", "connected").add("peer", target_.toString());
    try {
        line.add("local", s.localAddress().toString());
    } catch (const Error&) {
        // An unknown local address only leaves the field out.
    }
    writeStdout(line.str() + "\n");
}

int ClientRun::idleTimeout() const {
    if (o_.timeoutMs > 0) return o_.timeoutMs;
    if (const SockoptSetting* rcv = findSetting(o_.sockopts, "SO_RCVTIMEO"))
        return rcv->value > 0 ? rcv->value : -1;  // 0: recv waits as long as it takes
    if (o_.until) return 10000;
    if (o_.udp) return 2000;
    return o_.sends.empty() ? -1 : 5000;
}

int ClientRun::timedOut() const {
    if (!o_.until) return 0;  // without --until, silence is how the exchange ends
    printErr(QCoreApplication::translate("sockwb::app::client",
                                         "sockwb client: %1 did not arrive within %2 ms\n")
                 .arg(q(quoted(*o_.until)), QString::number(idleTimeout())));
    return 1;
}

int ClientRun::waitLeft(int waitMs) const {
    if (deadline_ == Clock::time_point::max()) return waitMs;
    const auto left = std::chrono::duration_cast<Millis>(deadline_ - Clock::now()).count() + 1;
    const int cut = static_cast<int>(std::clamp<long long>(left, 1, 86400000));
    return waitMs < 0 ? cut : std::min(waitMs, cut);
}

int ClientRun::maxTimeReached() const {
    printErr(QCoreApplication::translate("sockwb::app::client",
                                         "sockwb client: stopped at --max-time (%1 ms)\n")
                 .arg(o_.maxTimeMs));
    return 1;
}

int ClientRun::closedEarly() const {
    if (!o_.until) return 0;
    printErr(QCoreApplication::translate(
                 "sockwb::app::client",
                 "sockwb client: the server closed the connection before %1 arrived\n")
                 .arg(q(quoted(*o_.until))));
    return 1;
}

bool ClientRun::deliver(std::string_view bytes, const Address& from) {
    const bool stranger = !(from == target_);
    if (o_.json) {
        const std::string line = JsonLine()
                                     .add("event", "data")
                                     .add("bytes", static_cast<uint64_t>(bytes.size()))
                                     .add("from", from.toString())
                                     .add("data", bytes)
                                     .str() +
                                 "\n";
        if (!writeStdout(line)) return true;
    } else {
        // A UDP server may answer from another socket: say who did.
        if (stranger && from.isValid())
            printErr(QCoreApplication::translate("sockwb::app::client",
                                                 "sockwb client: %1 bytes from %2 (sent to %3)\n")
                         .arg(bytes.size())
                         .arg(q(from.toString()), q(target_.toString())));
        if (!writeStdout(bytes)) return true;
    }
    if (!o_.until) return false;
    window_.append(bytes);
    if (window_.find(*o_.until) != std::string::npos) return true;
    const size_t keep = o_.until->size() - 1;
    if (window_.size() > keep) window_.erase(0, window_.size() - keep);
    return false;
}

bool ClientRun::deliverDatagram(const std::string& buffer, const Datagram& d) {
    if (d.truncated)
        printErr(QCoreApplication::translate("sockwb::app::client",
                                             "sockwb client: a datagram of %1 bytes was cut to %2 "
                                             "(--recv-size); the rest is lost\n")
                     .arg(d.wireSize)
                     .arg(d.size));
    return deliver(std::string_view(buffer.data(), d.size), d.from);
}

int ClientRun::pollTimeout() const {
    const int idle = idleTimeout();
    if (queue_.empty() || sentCount_ == 0 || o_.delayMs <= 0) return idle;
    const auto left = std::chrono::duration_cast<Millis>(nextSendAt_ - Clock::now()).count();
    const int wait = static_cast<int>(std::max<long long>(0, left));
    return idle < 0 ? wait : std::min(idle, wait);
}

bool ClientRun::sendQueued(Socket& s) {
    if (tls_) return sendQueuedTls(s);
    while (!queue_.empty()) {
        if (sentCount_ > 0 && o_.delayMs > 0 && Clock::now() < nextSendAt_) return false;
        const std::string& head = queue_.front();
        const IoResult r = s.send(std::string_view(head).substr(headSent_));
        if (!r.ok()) return false;
        headSent_ += r.bytes;
        if (headSent_ < head.size()) return false;
        queue_.pop_front();
        headSent_ = 0;
        ++sentCount_;
        nextSendAt_ = Clock::now() + Millis(o_.delayMs);
    }
    if (!shutdownDone_ && o_.shutdownHow >= 0 && !o_.sends.empty()) {
        shutdownDone_ = true;
        shutdownSocket(s);
    }
    return true;
}

int ClientRun::runTcp() {
    const int connectMs = o_.timeoutMs > 0 ? o_.timeoutMs : 10000;
    const std::vector<Address> addresses = resolveTarget();
    Socket s;
    for (size_t i = 0; i < addresses.size(); ++i) {
        target_ = addresses[i];
        s = openSocket(target_, SOCK_STREAM, true);
        try {
            s.connect(target_, Millis(waitLeft(connectMs)));
            break;
        } catch (const Error&) {
            if (i + 1 == addresses.size()) throw;  // the last error wins
        }
    }
    reportConnected(s);
    if (o_.tls) {
        const std::string early = startTls(s, true, Millis(waitLeft(connectMs)));
        if (!early.empty() && deliver(early, target_)) return 0;
    }
    const bool netcat = o_.sends.empty();
    queue_.assign(o_.sends.begin(), o_.sends.end());
    bool stdinOpen = netcat;
    bool halfClosed = false;
    std::string buf(o_.recvSize, '\0');
    for (;;) {
        const bool ready = sendQueued(s);
        pollfd fds[2] = {{s.fd(), POLLIN, 0}, {STDIN_FILENO, 0, 0}};
        if ((!queue_.empty() && (sentCount_ == 0 || Clock::now() >= nextSendAt_)) || !wire_.empty())
            fds[0].events |= POLLOUT;
        // Read stdin only when the previous chunk is gone: the socket's
        // pace sets stdin's, so memory stays bounded.
        if (stdinOpen && ready) fds[1].events = POLLIN;
        const int n = sys::poll(fds, fds[1].events ? 2 : 1, waitLeft(pollTimeout()));
        if (n < 0) throw Error::fromErrno("poll", errno);
        if (pastDeadline()) return maxTimeReached();
        if (n == 0 && queue_.empty() && wire_.empty()) return timedOut();
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            IoResult r = s.recv(buf.data(), buf.size());
            if (r.eof()) return closedEarly();
            std::string_view got(buf.data(), r.ok() ? r.bytes : 0);
            std::string plain;
            if (tls_ && !got.empty()) got = plain = decrypt(got);
            if (!got.empty() && deliver(got, target_)) return 0;
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            if (auto chunk = readStdin())
                queue_.push_back(o_.framing == Framing::Len32 ? encodeFrame(Framing::Len32, *chunk)
                                                              : std::move(*chunk));
            else
                stdinOpen = false;
        }
        // netcat: end of input is a half-close, once all of it is sent; the
        // server sees end of stream and we keep reading its answer.
        if (netcat && !stdinOpen && queue_.empty() && wire_.empty() && !halfClosed) {
            closeNotify(s, SHUT_WR);  // TLS: close_notify, then the TCP half-close
            s.shutdownWrite();
            halfClosed = true;
        }
    }
}

int ClientRun::runUdp() {
    target_ = resolveTarget().front();
    Socket s = openSocket(target_, SOCK_DGRAM, true);
    bool stdinOpen = o_.sends.empty();
    std::string buf(o_.recvSize, '\0');
    size_t next = 0;  // the next --send
    for (;;) {
        if (next < o_.sends.size() && (next == 0 || Clock::now() >= nextSendAt_)) {
            s.sendTo(o_.sends[next++], target_);
            nextSendAt_ = Clock::now() + Millis(o_.delayMs);
            if (next == o_.sends.size()) shutdownSocket(s);
            continue;
        }
        pollfd fds[2] = {{s.fd(), POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        int wait = idleTimeout();
        if (next < o_.sends.size()) {
            const auto left = std::chrono::duration_cast<Millis>(nextSendAt_ - Clock::now());
            wait = static_cast<int>(std::max<long long>(0, left.count()));
        }
        const int n = sys::poll(fds, stdinOpen ? 2 : 1, waitLeft(wait));
        if (n < 0) throw Error::fromErrno("poll", errno);
        if (pastDeadline()) return maxTimeReached();
        if (n == 0 && next >= o_.sends.size()) return timedOut();
        if (fds[0].revents & (POLLIN | POLLERR)) {
            // Any sender: a course's UDP server may answer from another port.
            if (auto d = s.recvFrom(buf.data(), buf.size()); d && deliverDatagram(buf, *d))
                return 0;
        }
        if (stdinOpen && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            // Each chunk of input is one datagram.
            if (auto chunk = readStdin())
                s.sendTo(
                    o_.framing == Framing::Len32 ? encodeFrame(Framing::Len32, *chunk) : *chunk,
                    target_);
            else
                stdinOpen = false;
        }
    }
}

}  // namespace sockwb::app
