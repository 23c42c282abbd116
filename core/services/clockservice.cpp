#include "core/services/clockservice.h"

#include <algorithm>
#include <map>

#include "core/services/terminator.h"

namespace sockwb {

namespace {

constexpr int kTickTimer = 1;

// A message as it goes on the wire: its text and the chosen terminator.
std::string message(const ServiceOptions& options, std::string_view text) {
    std::string bytes(text);
    bytes += terminatorBytes(options.terminator);
    return bytes;
}

// One run: the ticks left and whether a run is going. Shared by the TCP
// session and each UDP peer; the caller sends what step() returns.
struct Run {
    int left = 0;  // tick lines still to send
    bool active = false;
    int pending = 0;  // requests waiting for this run to end
};

class ClockSession final : public Session {
public:
    explicit ClockSession(WallClock now) : now_(std::move(now)) {}

    void onData(SessionContext& ctx, std::string_view bytes) override {
        const int requests = countRequests(bytes);
        for (int i = 0; i < requests; ++i) {
            if (run_.pending >= ClockService::kMaxPendingRequests) {
                ctx.log("clock: too many requests waiting from " + ctx.peer().toString() +
                        ", one dropped");
                continue;
            }
            ++run_.pending;
        }
        if (!run_.active) startNext(ctx);
    }

    void onTimer(SessionContext& ctx, int id) override {
        if (id != kTickTimer || !run_.active) return;
        if (run_.left > 0) {
            tick(ctx);
            return;
        }
        ctx.send(message(ctx.options(), ClockService::kGoodbye));
        run_.active = false;
        startNext(ctx);
    }

    // The client may half-close right after its request (netcat at end of
    // input): its answer still goes out, then we close.
    void onPeerClosed(SessionContext& ctx) override {
        peerClosed_ = true;
        if (!run_.active) ctx.close();
    }

private:
    // Lines end requests; a read that leaves an unterminated tail counts it
    // as a request at once, and the '\n' that later ends that tail does not
    // count it again.
    int countRequests(std::string_view bytes) {
        int n = 0;
        size_t start = 0;
        for (size_t nl = bytes.find('\n'); nl != std::string_view::npos;
             nl = bytes.find('\n', start)) {
            if (tailCounted_)
                tailCounted_ = false;
            else
                ++n;
            start = nl + 1;
        }
        if (start < bytes.size()) {
            ++n;
            tailCounted_ = true;
        }
        return n;
    }

    void startNext(SessionContext& ctx) {
        if (run_.pending == 0) {
            // TCP: the course's server closes after "Au Revoir".
            if (served_ > 0 || peerClosed_) ctx.close();
            return;
        }
        --run_.pending;
        ++served_;
        run_.active = true;
        run_.left = ctx.options().ticks;
        if (run_.left > 0) {
            tick(ctx);
        } else {
            ctx.send(message(ctx.options(), ClockService::kGoodbye));
            run_.active = false;
            startNext(ctx);
        }
    }

    void tick(SessionContext& ctx) {
        ctx.send(message(ctx.options(), ClockService::timeAt(now_())));
        --run_.left;
        ctx.startTimer(Millis(std::max(0, ctx.options().intervalMs)), kTickTimer);
    }

    WallClock now_;
    Run run_;
    int served_ = 0;
    bool tailCounted_ = false;
    bool peerClosed_ = false;
};

// UDP: one state per peer, keyed by its address text. A peer's entry
// lives while it has a run going; each peer has its own timer.
class ClockHandler final : public DatagramHandler {
public:
    explicit ClockHandler(WallClock now) : now_(std::move(now)) {}

    void onDatagram(DatagramContext& ctx, std::string_view, const Address& from) override {
        const std::string key = from.toString();
        auto it = peers_.find(key);
        if (it == peers_.end()) {
            if (peers_.size() >= ClockService::kMaxUdpPeers) {
                ctx.log("clock: " + std::to_string(peers_.size()) +
                        " peers already served, request from " + key + " ignored");
                return;
            }
            it = peers_.emplace(key, Run{}).first;
        }
        Run& run = it->second;
        if (run.pending >= ClockService::kMaxPendingRequests) {
            ctx.log("clock: too many requests waiting from " + key + ", one dropped");
            return;
        }
        ++run.pending;
        if (!run.active) startNext(ctx, it, from);
    }

    void onTimer(DatagramContext& ctx, int id, const Address& peer) override {
        auto it = peers_.find(peer.toString());
        if (id != kTickTimer || it == peers_.end() || !it->second.active) return;
        Run& run = it->second;
        if (run.left > 0) {
            tick(ctx, run, peer);
            return;
        }
        ctx.sendTo(message(ctx.options(), ClockService::kGoodbye), peer);
        run.active = false;
        startNext(ctx, it, peer);
    }

private:
    using Peers = std::map<std::string, Run>;

    void startNext(DatagramContext& ctx, Peers::iterator it, const Address& peer) {
        Run& run = it->second;
        while (run.pending > 0) {
            --run.pending;
            run.left = ctx.options().ticks;
            if (run.left > 0) {
                run.active = true;
                tick(ctx, run, peer);
                return;
            }
            ctx.sendTo(message(ctx.options(), ClockService::kGoodbye), peer);
        }
        peers_.erase(it);
    }

    void tick(DatagramContext& ctx, Run& run, const Address& peer) {
        ctx.sendTo(message(ctx.options(), ClockService::timeAt(now_())), peer);
        --run.left;
        ctx.startTimer(Millis(std::max(0, ctx.options().intervalMs)), kTickTimer, peer);
    }

    WallClock now_;
    Peers peers_;
};

}  // namespace

std::string ClockService::timeAt(std::chrono::system_clock::time_point t) {
    return formatLocalTime(t);
}

std::unique_ptr<Session> ClockService::newSession(const ServiceOptions&) const {
    return std::make_unique<ClockSession>(now_);
}

std::unique_ptr<DatagramHandler> ClockService::newDatagramHandler(const ServiceOptions&) const {
    return std::make_unique<ClockHandler>(now_);
}

}  // namespace sockwb
