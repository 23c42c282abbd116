#pragma once
// UDP reflection for sockwb_hostile. A loop between two UDP services needs a
// datagram whose source is one of them, which an ordinary socket cannot
// send: the service already owns that port. A raw socket can (root or
// CAP_NET_RAW): it writes the UDP header itself, source port included, and
// the kernel adds the IP header with 127.0.0.1 as the source on loopback.

#include <cstdint>
#include <string_view>

#include "core/net/address.h"

namespace sockwb::bench {

// Sends one UDP datagram to `to` that claims to come from `from` (IPv4,
// loopback). Throws Error (EPERM: not root / no CAP_NET_RAW).
void sendSpoofed(const Address& from, const Address& to, std::string_view payload);

// Udp InDatagrams of /proc/net/snmp: every UDP datagram delivered in this
// network namespace so far (0 when unreadable).
uint64_t udpDatagramsDelivered();

}  // namespace sockwb::bench
