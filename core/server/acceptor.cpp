#include "core/server/acceptor.h"

#include <cerrno>

#include "core/net/sys.h"
#include "core/reactor/timerqueue.h"

namespace sockwb {

Acceptor::Acceptor(ServerCore& core) : core_(core) {}

std::optional<AcceptedClient> Acceptor::acceptOn(size_t index) {
    Listener& l = core_.listeners()[index];
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    int fd = sys::accept(l.socket.fd(), reinterpret_cast<sockaddr*>(&ss), &len);
    if (fd < 0) {
        int err = errno;
        if (err == EAGAIN || err == EWOULDBLOCK || err == ECONNABORTED) return std::nullopt;
        ErrorInfo info;
        info.call = "accept4";
        info.err = err;
        info.address = l.address.toString();
        if (core_.stopRequested()) return std::nullopt;  // shut down by stop: EINVAL
        core_.acceptFailed(info);
        pausedUntil_ = std::chrono::steady_clock::now() + Millis(100);
        return std::nullopt;
    }
    core_.acceptSucceeded();
    AcceptedClient c{Socket(fd), Address(reinterpret_cast<sockaddr*>(&ss), len), index};
    if (!core_.admit(c.socket, c.peer, index)) return std::nullopt;
    return c;
}

std::optional<AcceptedClient> Acceptor::next() {
    return core_.blockingAccept() && extraFds.empty() ? nextBlocking() : nextPolled();
}

std::optional<AcceptedClient> Acceptor::nextBlocking() {
    auto& ls = core_.listeners();
    size_t tcp = 0;
    while (tcp < ls.size() && ls[tcp].config.protocol != Protocol::Tcp) ++tcp;
    while (!core_.stopRequested() && tcp < ls.size()) {
        const auto now = std::chrono::steady_clock::now();
        if (now < pausedUntil_ &&
            !core_.waits().sleepFor(std::chrono::ceil<Millis>(pausedUntil_ - now)))
            return std::nullopt;
        if (auto c = acceptOn(tcp)) return c;
    }
    return std::nullopt;
}

std::optional<AcceptedClient> Acceptor::nextPolled() {
    auto& ls = core_.listeners();
    std::vector<pollfd> fds;
    std::vector<size_t> tcp;
    for (size_t i = 0; i < ls.size(); ++i)
        if (isStream(ls[i].config.protocol)) tcp.push_back(i);
    while (!core_.stopRequested()) {
        fds.clear();
        fds.push_back({core_.stopFd(), POLLIN, 0});
        const auto now = std::chrono::steady_clock::now();
        const bool paused = now < pausedUntil_;
        for (size_t i : tcp) fds.push_back({paused ? -1 : ls[i].socket.fd(), POLLIN, 0});
        const std::vector<int> extras = extraFds;  // onReady may change extraFds
        for (int fd : extras) fds.push_back({fd, POLLIN, 0});
        int timeout = idleTimeoutMs;
        if (paused)
            timeout =
                minTimeout(timeout, int(std::chrono::ceil<Millis>(pausedUntil_ - now).count()));
        int r = sys::poll(fds.data(), fds.size(), timeout);
        if (r < 0) {
            core_.error(ErrorInfo{ErrorKind::System, "poll", errno, 0, {}, {}});
            return std::nullopt;
        }
        if (fds[0].revents) return std::nullopt;
        for (size_t k = 0; k < extras.size(); ++k)
            if (fds[1 + tcp.size() + k].revents && onReady) onReady(extras[k]);
        if (r == 0 && onIdle) onIdle();
        for (size_t k = 0; k < tcp.size(); ++k) {
            if (!(fds[1 + k].revents & POLLIN)) continue;
            if (auto c = acceptOn(tcp[k])) return c;
        }
    }
    return std::nullopt;
}

}  // namespace sockwb
