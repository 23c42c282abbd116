#pragma once
// Every socket option the course names, by name: SO_REUSEADDR, SO_REUSEPORT,
// SO_RCVBUF, SO_SNDBUF, TCP_NODELAY, SO_KEEPALIVE, TCP_KEEPIDLE,
// TCP_KEEPINTVL, TCP_KEEPCNT, SO_LINGER, SO_RCVTIMEO, SO_SNDTIMEO,
// SO_BROADCAST, IP_TTL, IPV6_V6ONLY. A setting is "NAME=VALUE" (the CLI's
// --sockopt, the forms); applying it is one setsockopt followed by one
// getsockopt, and what the kernel reads back is kept (SO_RCVBUF comes back
// doubled, SO_LINGER as on/seconds...), so every front end can show it.
// Implemented in sockopt.cpp (the table, parse, text) and sockoptapply.cpp
// (apply, read back). Thread-safe: plain functions over plain data.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/error.h"

namespace sockwb {

// How a value is written and read.
enum class SockoptKind {
    Flag,     // 0/1, "on"/"off"
    Count,    // a plain int (TCP_KEEPCNT, IP_TTL)
    Bytes,    // SO_RCVBUF, SO_SNDBUF
    Seconds,  // TCP_KEEPIDLE, TCP_KEEPINTVL
    Millis,   // SO_RCVTIMEO, SO_SNDTIMEO (a struct timeval)
    Linger,   // SO_LINGER: -1 off, N >= 0 on with N seconds (0: RST on close)
};

// When it must be set to have its effect.
enum class SockoptStage {
    BeforeBind,  // SO_REUSEADDR, SO_REUSEPORT, IPV6_V6ONLY, buffer sizes on a listener
    Connected,   // an accepted or connected socket (everything else)
};

struct SockoptSpec {
    const char* name;  // "SO_RCVBUF"
    int level;         // SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6
    int option;        // SO_RCVBUF
    SockoptKind kind;
    bool tcpOnly;       // TCP_* and SO_LINGER/SO_KEEPALIVE make no sense on UDP
    bool datagramOnly;  // SO_BROADCAST
    bool ipv6Only;      // IPV6_V6ONLY
    bool beforeBind;    // set on the listener/bound socket before bind()
    // What parseSockopt accepts (and a form's spin box offers), in the
    // kind's unit: Flag 0..1, Linger -1 (off)..N, Millis 0 (no timeout)..N.
    int minValue = 0;
    int maxValue = 1;
};

// Every option, in the order the forms list them.
const std::vector<SockoptSpec>& sockoptSpecs();
// By name, case-insensitive, with or without the SO_/TCP_/IP_ prefix
// ("nodelay" finds TCP_NODELAY). nullptr when unknown.
const SockoptSpec* findSockopt(std::string_view name);

struct SockoptSetting {
    std::string name;  // canonical: "SO_LINGER"
    int value = 0;     // Flag 0/1, Count, Bytes, Seconds, Millis, Linger (-1 off)
    bool operator==(const SockoptSetting&) const = default;
};
// "NAME=VALUE": on/off/true/false/1/0 for flags, "64k" for bytes, "500ms"
// or "2s" for timeouts, "off"/"0"/"5" for SO_LINGER. Throws Error
// (InvalidInput) naming the text and listing the names when unknown.
SockoptSetting parseSockopt(std::string_view text);
// "SO_LINGER=0", parseable again.
std::string sockoptText(const SockoptSetting& setting);
// A value as sockoptText writes it: "on"/"off" (Flag), "4096" (Bytes,
// Count), "60s" (Seconds), "500ms" (Millis), "off"/"0"/"5" (Linger).
std::string sockoptValueText(SockoptKind kind, int value);

// Why an option was not applied: the socket is not of the kind it needs.
enum class SockoptMismatch {
    None,
    NeedsTcp,   // TCP_*, SO_KEEPALIVE, SO_LINGER on a UDP or Unix-domain socket
    NeedsUdp,   // SO_BROADCAST on a stream or Unix-domain socket
    NeedsIpv6,  // IPV6_V6ONLY on an IPv4 or Unix-domain socket
    NeedsIp,    // IP_TTL on a Unix-domain socket
};

// What one setting did.
struct SockoptReadback {
    SockoptSetting asked;
    std::optional<int> readBack;     // getsockopt's value, in the setting's unit
    std::optional<ErrorInfo> error;  // setsockopt/getsockopt failed (errno named)
    // Set when the option was refused before any call (error is then
    // InvalidInput with the English sentence in its detail).
    SockoptMismatch mismatch = SockoptMismatch::None;
    // The option really set when it is not asked.name: IP_TTL on an IPv6
    // socket is set (and read back) as IPV6_UNICAST_HOPS. nullptr otherwise.
    const char* appliedAs = nullptr;
    // Which socket (filled by Server::sockoptReadback): the listener's
    // label ("echo/tcp"), and accepted = true for the listener's first
    // accepted connection rather than the listener itself. Empty for a client.
    std::string socket;
    bool accepted = false;
    // "SO_RCVBUF=4096 → 8192 (the kernel doubles it)", "TCP_NODELAY=on → on".
    std::string text() const;
};

// Applies the settings that belong at `stage` and suit the socket (its
// family and type are read with getsockname/SO_TYPE: a TCP-only option on
// UDP is reported as an error, not applied). Never throws.
std::vector<SockoptReadback> applySockopts(int fd, const std::vector<SockoptSetting>& settings,
                                           SockoptStage stage);
// Reads the current value of one option on fd (nullopt with error set on
// failure); asked holds the value read too.
SockoptReadback readSockopt(int fd, const SockoptSpec& spec);
// The setting named name in settings (canonical name), if there is one.
const SockoptSetting* findSetting(const std::vector<SockoptSetting>& settings,
                                  std::string_view name);

}  // namespace sockwb
