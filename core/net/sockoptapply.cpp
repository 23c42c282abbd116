// The named socket options on a real socket: applySockopts (one
// setsockopt, then one getsockopt, per option that suits the socket),
// readSockopt, and the English line of a read back. Every call goes
// through sys:: so it shows in the trace. The table and the parsers are in
// sockopt.cpp.

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <cerrno>

#include "core/net/sockopt.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {

using K = SockoptKind;

// What the socket is: its family (getsockname) and type (SO_TYPE). Zero
// when the kernel would not say: nothing is refused then, the calls speak.
struct SocketKind {
    int family = 0;
    int type = 0;
    bool ip() const { return family == AF_INET || family == AF_INET6; }
};

SocketKind probe(int fd) {
    SocketKind k;
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (sys::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0) k.family = ss.ss_family;
    int type = 0;
    socklen_t typeLen = sizeof type;
    if (sys::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &typeLen) == 0) k.type = type;
    return k;
}

// "a UDP socket", "a Unix-domain socket", "an IPv4 socket"...
std::string describe(const SocketKind& k) {
    if (k.family == AF_UNIX) return "a Unix-domain socket";
    if (k.ip() && k.type == SOCK_STREAM) return "a TCP socket";
    if (k.ip() && k.type == SOCK_DGRAM) return "a UDP socket";
    return "this socket";
}

// Why spec does not suit the socket; None (and no sentence) when it does.
SockoptMismatch mismatchOf(const SockoptSpec& spec, const SocketKind& k, std::string& why) {
    if (k.family == 0) return SockoptMismatch::None;  // unknown: let the kernel decide
    const std::string name = spec.name;
    if (spec.tcpOnly && !(k.ip() && k.type == SOCK_STREAM)) {
        why = name + " is a TCP option: not applied to " + describe(k);
        return SockoptMismatch::NeedsTcp;
    }
    if (spec.datagramOnly && !(k.ip() && k.type == SOCK_DGRAM)) {
        why =
            name + " lets a UDP socket send to a broadcast address: not applied to " + describe(k);
        return SockoptMismatch::NeedsUdp;
    }
    if (spec.ipv6Only && k.family != AF_INET6) {
        why = name + " is for an IPv6 socket: not applied to " +
              (k.family == AF_INET ? std::string("an IPv4 socket") : describe(k));
        return SockoptMismatch::NeedsIpv6;
    }
    if (spec.level == IPPROTO_IP && !k.ip()) {
        why = name + " is an IP option: not applied to " + describe(k);
        return SockoptMismatch::NeedsIp;
    }
    return SockoptMismatch::None;
}

// The option as set on this socket: IP_TTL on IPv6 is IPV6_UNICAST_HOPS
// (IPPROTO_IP's TTL would only reach IPv4-mapped traffic).
struct Target {
    int level;
    int option;
    const char* appliedAs = nullptr;
};

Target targetOf(const SockoptSpec& spec, const SocketKind& k) {
    if (spec.level == IPPROTO_IP && spec.option == IP_TTL && k.family == AF_INET6)
        return {IPPROTO_IPV6, IPV6_UNICAST_HOPS, "IPV6_UNICAST_HOPS"};
    return {spec.level, spec.option};
}

int setValue(int fd, const Target& t, K kind, int value) {
    if (kind == K::Millis) {
        timeval tv{};
        tv.tv_sec = static_cast<time_t>(value / 1000);
        tv.tv_usec = static_cast<suseconds_t>(value % 1000 * 1000);
        return sys::setsockopt(fd, t.level, t.option, &tv, sizeof tv);
    }
    if (kind == K::Linger) {
        linger l{};
        l.l_onoff = value >= 0 ? 1 : 0;
        l.l_linger = value >= 0 ? value : 0;
        return sys::setsockopt(fd, t.level, t.option, &l, sizeof l);
    }
    return sys::setsockopt(fd, t.level, t.option, &value, sizeof value);
}

// One getsockopt, in the kind's unit; nullopt (errno set) on failure.
std::optional<int> getValue(int fd, const Target& t, K kind) {
    if (kind == K::Millis) {
        timeval tv{};
        socklen_t len = sizeof tv;
        if (sys::getsockopt(fd, t.level, t.option, &tv, &len) != 0) return std::nullopt;
        return static_cast<int>(tv.tv_sec * 1000 + tv.tv_usec / 1000);
    }
    if (kind == K::Linger) {
        linger l{};
        socklen_t len = sizeof l;
        if (sys::getsockopt(fd, t.level, t.option, &l, &len) != 0) return std::nullopt;
        return l.l_onoff ? l.l_linger : -1;
    }
    int value = 0;
    socklen_t len = sizeof value;
    if (sys::getsockopt(fd, t.level, t.option, &value, &len) != 0) return std::nullopt;
    return kind == K::Flag ? (value != 0 ? 1 : 0) : value;
}

ErrorInfo callFailed(const char* call, int err, const SockoptSpec& spec, const Target& t) {
    return ErrorInfo{ErrorKind::System, call, err, 0, {}, t.appliedAs ? t.appliedAs : spec.name};
}

ErrorInfo invalid(std::string sentence) {
    ErrorInfo e;
    e.kind = ErrorKind::InvalidInput;
    e.call = "setsockopt";
    e.detail = std::move(sentence);
    return e;
}

// What the kernel did to a value, when it did not keep it as asked.
std::string note(const SockoptSpec& spec, int asked, int got) {
    if (got == asked) return {};
    if (spec.kind == K::Bytes) {
        if (static_cast<long long>(got) == 2ll * asked) return "the kernel doubles it";
        if (static_cast<long long>(got) < 2ll * asked)
            return std::string("doubled, then capped by the kernel at net.core.") +
                   (spec.option == SO_RCVBUF ? "rmem_max" : "wmem_max");
        return "raised to the kernel's minimum";
    }
    if (spec.kind == K::Millis) return "rounded to the kernel's clock tick";
    return "the kernel kept another value";
}

}  // namespace

std::vector<SockoptReadback> applySockopts(int fd, const std::vector<SockoptSetting>& settings,
                                           SockoptStage stage) {
    std::vector<SockoptReadback> out;
    std::optional<SocketKind> kind;  // asked once, when the first option is due
    for (const auto& setting : settings) {
        SockoptReadback r;
        r.asked = setting;
        const SockoptSpec* spec = findSockopt(setting.name);
        if (!spec) {
            // Reported once: a client and a listener apply both stages.
            if (stage == SockoptStage::BeforeBind) {
                r.error = invalid("unknown socket option '" + setting.name + "'");
                out.push_back(std::move(r));
            }
            continue;
        }
        const auto due = spec->beforeBind ? SockoptStage::BeforeBind : SockoptStage::Connected;
        if (due != stage) continue;
        r.asked.name = spec->name;
        if (setting.value < spec->minValue || setting.value > spec->maxValue) {
            r.error = invalid(std::string(spec->name) + " takes a value from " +
                              std::to_string(spec->minValue) + " to " +
                              std::to_string(spec->maxValue) + ": not applied");
            out.push_back(std::move(r));
            continue;
        }
        if (!kind) kind = probe(fd);
        std::string why;
        r.mismatch = mismatchOf(*spec, *kind, why);
        if (r.mismatch != SockoptMismatch::None) {
            r.error = invalid(why);
            out.push_back(std::move(r));
            continue;
        }
        const Target t = targetOf(*spec, *kind);
        r.appliedAs = t.appliedAs;
        if (setValue(fd, t, spec->kind, setting.value) != 0)
            r.error = callFailed("setsockopt", errno, *spec, t);
        // Read back even after a refusal: what the socket still has.
        r.readBack = getValue(fd, t, spec->kind);
        if (!r.readBack && !r.error) r.error = callFailed("getsockopt", errno, *spec, t);
        out.push_back(std::move(r));
    }
    return out;
}

SockoptReadback readSockopt(int fd, const SockoptSpec& spec) {
    SockoptReadback r;
    r.asked.name = spec.name;
    SocketKind k;
    if (spec.level == IPPROTO_IP) k = probe(fd);  // IPv6: read IPV6_UNICAST_HOPS
    const Target t = targetOf(spec, k);
    r.appliedAs = t.appliedAs;
    r.readBack = getValue(fd, t, spec.kind);
    if (r.readBack)
        r.asked.value = *r.readBack;
    else
        r.error = callFailed("getsockopt", errno, spec, t);
    return r;
}

std::string SockoptReadback::text() const {
    const SockoptSpec* spec = findSockopt(asked.name);
    const std::string head = sockoptText(asked);
    if (error && error->kind == ErrorKind::InvalidInput) return head + ": " + error->detail;
    if (error) {
        std::string s = head + ": " + Error(*error).what();
        if (readBack && spec) s += "; it reads back " + sockoptValueText(spec->kind, *readBack);
        return s;
    }
    if (!readBack || !spec) return head;
    std::string s = head + " → " + sockoptValueText(spec->kind, *readBack);
    std::string why = note(*spec, asked.value, *readBack);
    if (appliedAs)
        why = std::string("set as ") + appliedAs + ": the socket is IPv6" +
              (why.empty() ? "" : "; " + why);
    if (!why.empty()) s += " (" + why + ")";
    return s;
}

}  // namespace sockwb
