#include "core/net/tcpwatch.h"

#include <arpa/inet.h>
#include <netinet/tcp.h>

#include <cstring>
#include <set>
#include <string>
#include <utility>

namespace sockwb {

namespace {

using HostBytes = std::array<uint8_t, 16>;

// The host of an IP address as 16 bytes, an IPv4 one in its IPv4-mapped
// IPv6 form (::ffff:a.b.c.d), so that both spellings compare equal.
std::optional<HostBytes> hostBytes(const Address& a) {
    HostBytes out{};
    if (a.family() == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(a.sockaddrPtr());
        std::memcpy(out.data(), &in6->sin6_addr, 16);
        return out;
    }
    if (a.family() == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(a.sockaddrPtr());
        out[10] = 0xff;
        out[11] = 0xff;
        std::memcpy(out.data() + 12, &in->sin_addr, 4);
        return out;
    }
    return std::nullopt;
}

// 0.0.0.0 or :: (or ::ffff:0.0.0.0): any local address.
bool isWildcard(const Address& a) {
    const auto bytes = hostBytes(a);
    if (!bytes) return false;
    static constexpr HostBytes kAny{};
    static constexpr HostBytes kMappedAny{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0};
    return *bytes == kAny || *bytes == kMappedAny;
}

bool sameHost(const Address& a, const Address& b) {
    const auto x = hostBytes(a);
    const auto y = hostBytes(b);
    return x && y && *x == *y;
}

// An endpoint as sock_diag's table spells it ("127.0.0.1:5000",
// "[::1]:80", "[fe80::1]%lo:80", "*:80" for a dual-stack socket bound to
// the any address) with its port given
// apart: the host is parsed with inet_pton, no lookup. nullopt for anything
// else ("*", a Unix path).
std::optional<Address> endpointAddress(const std::string& text, uint16_t port) {
    std::string host;
    if (text.rfind("*:", 0) == 0) {
        host = "::";  // a dual-stack socket bound to the any address
    } else if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string::npos) return std::nullopt;
        host = text.substr(1, close - 1);
    } else {
        const size_t colon = text.rfind(':');
        host = colon == std::string::npos ? text : text.substr(0, colon);
    }
    if (const size_t scope = host.find('%'); scope != std::string::npos) host.resize(scope);
    sockaddr_storage ss{};
    if (host.find(':') != std::string::npos) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&ss);
        if (::inet_pton(AF_INET6, host.c_str(), &in6->sin6_addr) != 1) return std::nullopt;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        return Address(reinterpret_cast<const sockaddr*>(&ss), sizeof(sockaddr_in6));
    }
    auto* in = reinterpret_cast<sockaddr_in*>(&ss);
    if (::inet_pton(AF_INET, host.c_str(), &in->sin_addr) != 1) return std::nullopt;
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    return Address(reinterpret_cast<const sockaddr*>(&ss), sizeof(sockaddr_in));
}

}  // namespace

bool tcpTargetMatches(const TcpWatchTarget& target, const Address& local, const Address& peer) {
    if (local.port() != target.local.port()) return false;
    if (!isWildcard(target.local) && !sameHost(local, target.local)) return false;
    if (!target.peer.isValid()) return true;
    return peer.port() == target.peer.port() && sameHost(peer, target.peer);
}

TcpWatch::TcpWatch(Query query) : query_(std::move(query)) {}

std::vector<TcpWatchSample> TcpWatch::sample(const std::vector<TcpWatchTarget>& targets) const {
    std::vector<TcpWatchSample> out;
    std::set<uint16_t> ports;
    for (const auto& t : targets)
        if (t.local.port() != 0) ports.insert(t.local.port());
    if (ports.empty()) return out;

    SocketQuery q;
    q.tcp = true;
    q.udp = false;
    q.unixSockets = false;
    q.tcpInfo = true;
    // Every state but the listening sockets and the closed ones: a
    // connection being opened (SYN-RECV) or closed (FIN-WAIT-*, TIME-WAIT,
    // CLOSE-WAIT...) is what a student wants to see.
    q.stateMask = ~((1u << TCP_LISTEN) | (1u << TCP_CLOSE));
    // The kernel lists every socket and querySockets keeps those of a port:
    // one dump, whatever the number of ports, costs the least.
    if (ports.size() == 1) q.localPort = *ports.begin();
    const std::vector<SocketEntry> dump = query_(q);
    for (const SocketEntry& e : dump) {
        if (e.protocol != SocketEntry::Protocol::Tcp || !ports.count(e.localPort)) continue;
        const auto local = endpointAddress(e.local, e.localPort);
        const auto peer = endpointAddress(e.peer, e.peerPort);
        if (!local || !peer) continue;
        bool wanted = false;
        for (const auto& t : targets)
            if (tcpTargetMatches(t, *local, *peer)) {
                wanted = true;
                break;
            }
        if (!wanted) continue;
        TcpWatchSample s;
        s.local = *local;
        s.peer = *peer;
        s.hasInfo = e.tcp.has_value();
        if (e.tcp) s.tcp = *e.tcp;
        // The table's state and queues hold for every socket, TCP_INFO
        // or not (a TIME-WAIT socket has none).
        s.tcp.state = e.state;
        s.tcp.inQueue = e.recvQ;
        s.tcp.outQueue = e.sendQ;
        out.push_back(std::move(s));
    }
    return out;
}

size_t TcpSampleIndex::KeyHash::operator()(const Key& k) const noexcept {
    // FNV-1a over the key's bytes.
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint8_t b) {
        h ^= b;
        h *= 1099511628211ull;
    };
    mix(uint8_t(k.localPort));
    mix(uint8_t(k.localPort >> 8));
    mix(uint8_t(k.peerPort));
    mix(uint8_t(k.peerPort >> 8));
    for (uint8_t b : k.peerHost) mix(b);
    return static_cast<size_t>(h);
}

std::optional<TcpSampleIndex::Key> TcpSampleIndex::keyOf(const Address& local,
                                                         const Address& peer) {
    const auto host = hostBytes(peer);
    if (!host || local.port() == 0) return std::nullopt;
    return Key{local.port(), peer.port(), *host};
}

TcpSampleIndex::TcpSampleIndex(std::vector<TcpWatchSample> samples) : samples_(std::move(samples)) {
    byKey_.reserve(samples_.size());
    for (size_t i = 0; i < samples_.size(); ++i)
        if (auto key = keyOf(samples_[i].local, samples_[i].peer)) byKey_.emplace(*key, i);
}

const TcpWatchSample* TcpSampleIndex::find(const Address& local, const Address& peer) const {
    const auto key = keyOf(local, peer);
    if (!key) return nullptr;
    const auto [first, last] = byKey_.equal_range(*key);
    const bool anyLocal = isWildcard(local);
    for (auto it = first; it != last; ++it) {
        const TcpWatchSample& s = samples_[it->second];
        if (anyLocal || sameHost(s.local, local)) return &s;
    }
    return nullptr;
}

}  // namespace sockwb
