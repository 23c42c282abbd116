#pragma once
// TcpWatch: the live TCP state (TCP_INFO and the queues) of chosen
// connections, found by their addresses in one NETLINK_SOCK_DIAG dump rather
// than read by fd. A server's connections belong to other threads and fork
// children that close them at any moment: a getsockopt() on such an fd from
// a sampling thread could land on a closed descriptor or, worse, on another
// socket that reused its number. The kernel's socket table names a socket by
// its (local, peer) tuple, which no close can give to someone else while the
// dump runs. TcpSampleIndex then finds the sample of a connection from what
// its owner knows (a listener's port and the peer, or a client's tuple).
// Threading: a TcpWatch is used by one thread at a time; a TcpSampleIndex is
// immutable once built and may be read from any thread.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/net/address.h"
#include "core/net/sockdiag.h"

namespace sockwb {

// What to sample: the TCP sockets whose local address is `local` (a wildcard
// host, 0.0.0.0 or ::, stands for any local address; the port must be set)
// and whose peer is `peer`; with `peer` invalid (a default Address), every
// connection on that local port, but not the listening socket itself.
struct TcpWatchTarget {
    Address local;
    Address peer;
};

// One socket the kernel listed: its tuple as the kernel gives it (an IPv4
// peer of a dual-stack listener comes as ::ffff:a.b.c.d), its state and
// queues, and TCP_INFO where the kernel has one (not for TIME-WAIT).
struct TcpWatchSample {
    Address local;
    Address peer;
    TcpSample tcp;
    bool hasInfo = false;
};

class TcpWatch {
public:
    // How the sockets are listed: querySockets() (core/net/sockdiag.h) unless
    // a test gives a table of its own.
    using Query = std::function<std::vector<SocketEntry>(const SocketQuery&)>;
    explicit TcpWatch(Query query = querySockets);

    // One sample per socket that a target matches, in the kernel's order,
    // from one dump of the TCP sockets (filtered on the port when the
    // targets name one; no dump when they name none). Throws sockwb::Error
    // when the dump fails (as querySockets does).
    std::vector<TcpWatchSample> sample(const std::vector<TcpWatchTarget>& targets) const;

private:
    Query query_;
};

// True when the socket (local, peer) is one that target names. Addresses
// compare by host and port; an IPv4 address equals its IPv4-mapped IPv6
// form (a dual-stack socket's view of an IPv4 peer). Thread-safe.
bool tcpTargetMatches(const TcpWatchTarget& target, const Address& local, const Address& peer);

// Samples looked up by (local address, peer), in constant time per lookup:
// a table of a thousand connections is matched on every tick.
class TcpSampleIndex {
public:
    TcpSampleIndex() = default;
    explicit TcpSampleIndex(std::vector<TcpWatchSample> samples);

    // The sample of the socket (local, peer); local's host may be a wildcard
    // (a listener bound to 0.0.0.0: the row knows its port, not the address
    // the client reached). nullptr when the kernel did not list it.
    const TcpWatchSample* find(const Address& local, const Address& peer) const;
    const std::vector<TcpWatchSample>& samples() const { return samples_; }
    size_t size() const { return samples_.size(); }

private:
    // Local port, peer port and the peer's host as 16 bytes (IPv4 mapped).
    struct Key {
        uint16_t localPort = 0;
        uint16_t peerPort = 0;
        std::array<uint8_t, 16> peerHost{};
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const noexcept;
    };
    static std::optional<Key> keyOf(const Address& local, const Address& peer);

    std::vector<TcpWatchSample> samples_;
    // Usually one sample a key; two only for one peer reaching one port on
    // two local addresses.
    std::unordered_multimap<Key, size_t, KeyHash> byKey_;
};

}  // namespace sockwb
