#include "core/server/reflectionguard.h"

#include <algorithm>
#include <array>

namespace sockwb {

namespace {

// The address a rate is kept for: the IP (a peer may change ports at will)
// or the Unix name.
std::string peerKey(const Address& a) { return a.isUnix() ? a.unixName() : a.host(); }

}  // namespace

ReflectionGuard::ReflectionGuard(const Address& local, int repliesPerSecond)
    : local_(local), rate_(std::max(0, repliesPerSecond)), burst_(2.0 * rate_) {
    if (!local.isUnix()) {
        const std::string host = local.host();
        wildcard_ = host == "0.0.0.0" || host == "::";
    }
    shared_.tokens = burst_;
    shared_.last = Clock::now();
}

bool ReflectionGuard::isServicePort(uint16_t port) noexcept {
    static constexpr std::array<uint16_t, 10> kPorts{0, 7, 9, 11, 13, 17, 19, 37, 53, 123};
    return std::find(kPorts.begin(), kPorts.end(), port) != kPorts.end();
}

ReflectionGuard::Drop ReflectionGuard::checkSource(const Address& from) const {
    if (from.isUnix() || local_.isUnix()) {
        // A Unix datagram socket has no port: only itself can loop onto it.
        return from.isUnix() && !from.unixName().empty() && from == local_ ? Drop::OwnAddress
                                                                           : Drop::None;
    }
    if (from.port() == local_.port() && (wildcard_ || from.host() == local_.host()))
        return Drop::OwnAddress;
    if (isServicePort(from.port())) return Drop::ServicePort;
    return Drop::None;
}

void ReflectionGuard::refill(Bucket& b, Clock::time_point now) const {
    const double seconds = std::chrono::duration<double>(now - b.last).count();
    if (seconds > 0) b.tokens = std::min(burst_, b.tokens + seconds * rate_);
    b.last = now;
}

ReflectionGuard::Bucket* ReflectionGuard::bucketFor(const std::string& key, Clock::time_point now) {
    if (auto it = buckets_.find(key); it != buckets_.end()) return &it->second;
    if (buckets_.size() >= kMaxPeers && now - lastSweep_ >= std::chrono::milliseconds(100)) {
        // A bucket idle long enough to be full again is as good as none.
        lastSweep_ = now;
        const auto refilled = std::chrono::duration<double>(burst_ / rate_);
        std::erase_if(buckets_, [&](const auto& e) { return now - e.second.last >= refilled; });
    }
    if (buckets_.size() >= kMaxPeers) return &shared_;
    return &buckets_.emplace(key, Bucket{burst_, now}).first->second;
}

ReflectionGuard::Drop ReflectionGuard::checkReply(const Address& to, Clock::time_point now) {
    if (rate_ <= 0) return Drop::None;
    Bucket* b = bucketFor(peerKey(to), now);
    refill(*b, now);
    if (b->tokens < 1.0) return Drop::RateLimit;
    b->tokens -= 1.0;
    return Drop::None;
}

std::vector<std::string> DropLog::note(ReflectionGuard::Drop why, const Address& peer,
                                       Clock::time_point now, int repliesPerSecond) {
    rate_ = repliesPerSecond;
    const auto key = std::make_pair(why, peer.toString());
    if (auto it = pending_.find(key); it != pending_.end())
        ++it->second;
    else if (pending_.size() < kMaxLines)
        pending_.emplace(key, 1);
    else
        ++others_;
    if (any_ && now - last_ < std::chrono::seconds(1)) return {};
    any_ = true;
    last_ = now;
    return flush();
}

std::vector<std::string> DropLog::flush() {
    using Drop = ReflectionGuard::Drop;
    std::vector<std::string> lines;
    for (const auto& [key, count] : pending_) {
        const auto& [why, peer] = key;
        const std::string n = std::to_string(count);
        if (why == Drop::RateLimit) {
            lines.push_back("dropped " + n + (count == 1 ? " reply" : " replies") + " to " + peer +
                            ": over " + std::to_string(rate_) +
                            " replies a second to that address (rate limit, a reflection loop "
                            "or a flood)");
            continue;
        }
        lines.push_back("dropped " + n + (count == 1 ? " datagram" : " datagrams") + " from " +
                        peer + ": " +
                        (why == Drop::ServicePort
                             ? "its source port is a well-known service's (a reflection loop)"
                             : "it comes from this server's own address and port (a loop)"));
    }
    if (others_ > 0)
        lines.push_back("dropped " + std::to_string(others_) +
                        " more datagrams or replies of other addresses (loop or rate limit)");
    pending_.clear();
    others_ = 0;
    return lines;
}

}  // namespace sockwb
