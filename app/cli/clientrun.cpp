#include "app/cli/clientrun.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

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

}  // namespace

int ClientRun::run() {
    // A closed stdout (| head) must end us with an error, not a signal.
    ::signal(SIGPIPE, SIG_IGN);
    return o_.udp ? runUdp() : runTcp();
}

int ClientRun::idleTimeout() const {
    if (o_.timeoutMs > 0) return o_.timeoutMs;
    if (o_.until) return 10000;
    if (o_.udp) return 2000;
    return o_.sends.empty() ? -1 : 5000;
}

int ClientRun::timedOut() const {
    if (!o_.until) return 0;  // without --until, silence is how the exchange ends
    std::fprintf(stderr, "sockwb client: %s did not arrive within %d ms\n",
                 quoted(*o_.until).c_str(), idleTimeout());
    return 1;
}

int ClientRun::closedEarly() const {
    if (!o_.until) return 0;
    std::fprintf(stderr, "sockwb client: the server closed the connection before %s arrived\n",
                 quoted(*o_.until).c_str());
    return 1;
}

bool ClientRun::deliver(std::string_view bytes) {
    if (!writeStdout(bytes)) return true;
    if (!o_.until) return false;
    window_.append(bytes);
    if (window_.find(*o_.until) != std::string::npos) return true;
    const size_t keep = o_.until->size() - 1;
    if (window_.size() > keep) window_.erase(0, window_.size() - keep);
    return false;
}

int ClientRun::runTcp() {
    const int connectMs = o_.timeoutMs > 0 ? o_.timeoutMs : 10000;
    Socket s = o_.unixDomain ? tcpConnect(Address::unixPath(o_.host), Millis(connectMs))
                             : tcpConnect(o_.host, o_.port, Millis(connectMs));
    s.setNonBlocking(true);
    const bool netcat = o_.sends.empty();
    std::string out;
    for (const auto& m : o_.sends) out += m;
    bool stdinOpen = netcat;
    bool halfClosed = false;
    std::string buf(kChunk, '\0');
    for (;;) {
        pollfd fds[2] = {{s.fd(), POLLIN, 0}, {STDIN_FILENO, 0, 0}};
        if (!out.empty()) fds[0].events |= POLLOUT;
        // Read stdin only when the previous chunk is gone: the socket's
        // pace sets stdin's, so memory stays bounded.
        if (stdinOpen && out.empty()) fds[1].events = POLLIN;
        const int n = sys::poll(fds, fds[1].events ? 2 : 1, idleTimeout());
        if (n < 0) throw Error::fromErrno("poll", errno);
        if (n == 0) return timedOut();
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            IoResult r = s.recv(buf.data(), buf.size());
            if (r.eof()) return closedEarly();
            if (r.ok() && deliver(std::string_view(buf.data(), r.bytes))) return 0;
        }
        if ((fds[0].revents & POLLOUT) && !out.empty()) {
            IoResult r = s.send(out);
            if (r.ok()) out.erase(0, r.bytes);
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            if (auto chunk = readStdin()) {
                out = o_.framing == Framing::Len32 ? encodeFrame(Framing::Len32, *chunk)
                                                   : std::move(*chunk);
            } else {
                stdinOpen = false;
            }
        }
        // netcat: end of input is a half-close, once all of it is sent; the
        // server sees end of stream and we keep reading its answer.
        if (netcat && !stdinOpen && out.empty() && !halfClosed) {
            s.shutdownWrite();
            halfClosed = true;
        }
    }
}

int ClientRun::runUdp() {
    const Address server = o_.unixDomain ? Address::unixPath(o_.host)
                                         : Address::resolve(o_.host, o_.port, SOCK_DGRAM).front();
    // A Unix datagram client autobinds a name, or no answer could reach it.
    Socket s = o_.unixDomain ? unixDatagramClient() : udpSocket(server.family());
    s.setNonBlocking(true);
    for (const auto& m : o_.sends) s.sendTo(m, server);
    bool stdinOpen = o_.sends.empty();
    std::string buf(kChunk, '\0');
    for (;;) {
        pollfd fds[2] = {{s.fd(), POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        const int n = sys::poll(fds, stdinOpen ? 2 : 1, idleTimeout());
        if (n < 0) throw Error::fromErrno("poll", errno);
        if (n == 0) return timedOut();
        if (fds[0].revents & (POLLIN | POLLERR)) {
            if (auto d = s.recvFrom(buf.data(), buf.size())) {
                // Only the server's answers: a stray datagram is not ours.
                if (d->from == server && deliver(std::string_view(buf.data(), d->size))) return 0;
            }
        }
        if (stdinOpen && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            // Each chunk of input is one datagram.
            if (auto chunk = readStdin())
                s.sendTo(
                    o_.framing == Framing::Len32 ? encodeFrame(Framing::Len32, *chunk) : *chunk,
                    server);
            else
                stdinOpen = false;
        }
    }
}

}  // namespace sockwb::app
