#include "tests/bench/attacks/flood.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sys.h"

namespace sockwb::bench {

namespace {

// Reconnects are bounded: at most this many per wanted connection.
constexpr int kReconnectsPerConnection = 10;

struct Conn {
    const FloodGroup* group = nullptr;
    Socket socket;
    bool connecting = true;
    uint64_t sent = 0;
    Clock::time_point nextByte{};
};

// socket + non-blocking connect; an invalid Socket when it failed at once.
Socket startConnect(const Address& target, int recvBuffer) {
    try {
        Socket s = Socket::create(target.family(), SOCK_STREAM);
        if (recvBuffer > 0) s.setRecvBufferSize(recvBuffer);
        s.setNonBlocking(true);
        if (sys::connect(s.fd(), target.sockaddrPtr(), target.length()) == 0 ||
            errno == EINPROGRESS)
            return s;
    } catch (const Error&) {
    }
    return {};
}

// The bytes connection c sends next: the rest of the head, then blocks.
std::string_view nextBytes(const Conn& c) {
    const FloodGroup& g = *c.group;
    uint64_t room = g.limit > 0 ? g.limit - std::min(g.limit, c.sent) : UINT64_MAX;
    std::string_view out;
    if (c.sent < g.head.size()) {
        out = std::string_view(g.head).substr(c.sent);
    } else if (!g.block.empty()) {
        const size_t at = static_cast<size_t>((c.sent - g.head.size()) % g.block.size());
        out = std::string_view(g.block).substr(at);
    }
    if (g.pace.count() > 0) out = out.substr(0, 1);
    return out.substr(0, static_cast<size_t>(std::min<uint64_t>(room, out.size())));
}

class Flooder {
public:
    Flooder(const Address& target, const std::vector<FloodGroup>& groups)
        : target_(target), groups_(groups) {
        result_.closedPerGroup.assign(groups.size(), 0);
        for (const auto& g : groups) {
            wanted_ += g.count;
            for (int i = 0; i < g.count; ++i) open(g);
        }
    }

    FloodResult run(Clock::time_point end, const std::atomic<bool>& stop) {
        while (Clock::now() < end && !stop.load()) step(end);
        for (const auto& c : conns_)
            if (c.socket && !c.connecting) ++result_.openAtEnd;
        return result_;
    }

private:
    void open(const FloodGroup& g) {
        Conn c;
        c.group = &g;
        c.socket = startConnect(target_, g.recvBuffer);
        if (!c.socket) {
            ++result_.failedConnects;
            return;
        }
        conns_.push_back(std::move(c));
    }

    void step(Clock::time_point end) {
        const auto now = Clock::now();
        std::vector<pollfd> fds;
        std::vector<size_t> which;
        auto wait = std::min<Clock::duration>(end - now, std::chrono::milliseconds(50));
        for (size_t i = 0; i < conns_.size(); ++i) {
            Conn& c = conns_[i];
            if (!c.socket) continue;
            short events = POLLRDHUP;
            if (c.group->drain) events |= POLLIN;
            if (c.connecting || wantsToSend(c, now, wait)) events |= POLLOUT;
            fds.push_back({c.socket.fd(), events, 0});
            which.push_back(i);
        }
        const int ms = static_cast<int>(std::max<int64_t>(
            0, std::chrono::duration_cast<std::chrono::milliseconds>(wait).count()));
        if (sys::poll(fds.data(), fds.size(), ms) < 0) return;
        for (size_t k = 0; k < fds.size(); ++k)
            if (fds[k].revents) handle(conns_[which[k]], fds[k].revents);
        conns_.erase(
            std::remove_if(conns_.begin(), conns_.end(), [](const Conn& c) { return !c.socket; }),
            conns_.end());
        flushPending();
    }

    // Paced connections send when their byte is due; the wait shrinks to it.
    static bool wantsToSend(const Conn& c, Clock::time_point now, Clock::duration& wait) {
        if (nextBytes(c).empty()) return false;
        if (c.group->pace.count() == 0 && c.group->blockPace.count() == 0) return true;
        if (c.nextByte <= now) return true;
        wait = std::min<Clock::duration>(wait, c.nextByte - now);
        return false;
    }

    void handle(Conn& c, short revents) {
        if (c.connecting && (revents & (POLLOUT | POLLERR | POLLHUP))) {
            int err = 0;
            try {
                err = c.socket.pendingError();
            } catch (const Error&) {
                err = EBADF;
            }
            if (err != 0) {
                ++result_.failedConnects;
                drop(c, false);
                return;
            }
            c.connecting = false;
            ++result_.opened;
        }
        if (revents & (POLLRDHUP | POLLERR | POLLHUP)) {
            closedByServer(c);
            return;
        }
        if ((revents & POLLIN) && c.group->drain) {
            if (!drainSome(c)) return;
        }
        if (revents & POLLOUT) send(c);
    }

    // Reads what is there (a bounded number of reads); false once closed.
    bool drainSome(Conn& c) {
        char sink[65536];
        try {
            for (int i = 0; i < 16; ++i) {
                const IoResult r = c.socket.recv(sink, sizeof sink);
                if (r.eof()) break;
                if (!r.ok() || i == 15) return true;  // all read, or enough for now
            }
        } catch (const Error&) {
        }
        closedByServer(c);
        return false;
    }

    void send(Conn& c) {
        const std::string_view bytes = nextBytes(c);
        if (bytes.empty()) return;
        try {
            const IoResult r = c.socket.send(bytes);
            c.sent += r.bytes;
            result_.bytesSent += r.bytes;
            if (c.group->pace.count() > 0) c.nextByte = Clock::now() + c.group->pace;
            const FloodGroup& g = *c.group;
            if (g.blockPace.count() > 0 && c.sent >= g.head.size() &&
                (c.sent - g.head.size()) % g.block.size() == 0)
                c.nextByte = Clock::now() + g.blockPace;  // a whole block: the next one later
        } catch (const Error&) {
            closedByServer(c);
        }
    }

    void closedByServer(Conn& c) {
        ++result_.closedByServer;
        ++result_.closedPerGroup[static_cast<size_t>(c.group - groups_.data())];
        drop(c, c.group->reconnect);
    }

    void drop(Conn& c, bool reconnect) {
        const FloodGroup* g = c.group;
        c.socket.close();
        if (reconnect && reconnects_ < kReconnectsPerConnection * wanted_) {
            ++reconnects_;
            pending_.push_back(g);
        }
    }

    // Reconnects open after a round (conns_ must not grow while it is walked).
    void flushPending() {
        for (const FloodGroup* g : pending_) open(*g);
        pending_.clear();
    }

    const Address target_;
    const std::vector<FloodGroup>& groups_;
    std::vector<Conn> conns_;
    std::vector<const FloodGroup*> pending_;
    FloodResult result_;
    int wanted_ = 0;
    int reconnects_ = 0;
};

}  // namespace

FloodResult runFlood(const Address& target, const std::vector<FloodGroup>& groups,
                     Clock::time_point end, const std::atomic<bool>& stop) {
    Flooder f(target, groups);
    return f.run(end, stop);
}

std::string bytesText(uint64_t bytes) {
    char buf[32];
    if (bytes >= 1000000000ull)
        std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(bytes) / 1e9);
    else if (bytes >= 1000000ull)
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else if (bytes >= 1000ull)
        std::snprintf(buf, sizeof buf, "%.1f kB", static_cast<double>(bytes) / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    return buf;
}

std::string describe(const FloodResult& r, const std::vector<FloodGroup>& groups) {
    int wanted = 0;
    for (const auto& g : groups) wanted += g.count;
    std::string s = std::to_string(r.openAtEnd) + "/" + std::to_string(wanted) + " open at end";
    if (r.closedByServer > 0) {
        std::string which;
        for (size_t i = 0; i < groups.size() && groups.size() > 1; ++i)
            if (r.closedPerGroup[i] > 0)
                which += (which.empty() ? "" : ", ") + std::to_string(r.closedPerGroup[i]) + " " +
                         groups[i].name;
        s += ", " + std::to_string(r.closedByServer) + " closed by server";
        if (!which.empty()) s += " (" + which + ")";
    }
    if (r.failedConnects > 0) s += ", " + std::to_string(r.failedConnects) + " connects failed";
    return s + ", " + bytesText(r.bytesSent) + " sent";
}

}  // namespace sockwb::bench
