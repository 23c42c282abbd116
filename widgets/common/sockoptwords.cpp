#include "widgets/common/sockoptwords.h"

#include <algorithm>

#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
bool is(const QString& name, const char* which) { return name == QLatin1String(which); }
}  // namespace

QString SockoptWords::purpose(const QString& name) {
    if (is(name, "SO_REUSEADDR"))
        return tr(
            "Bind to a port even while old connections on it wait in TIME-WAIT, so a "
            "server restarts at once.");
    if (is(name, "SO_REUSEPORT"))
        return tr(
            "Let several sockets bind the same address and port; the kernel shares the "
            "new connections among them.");
    if (is(name, "SO_RCVBUF"))
        return tr("The kernel's receive buffer for this socket (Linux doubles what is asked).");
    if (is(name, "SO_SNDBUF"))
        return tr("The kernel's send buffer for this socket (Linux doubles what is asked).");
    if (is(name, "TCP_NODELAY"))
        return tr("Send small writes at once instead of coalescing them (Nagle's algorithm).");
    if (is(name, "SO_KEEPALIVE"))
        return tr("Probe an idle connection so that a peer that vanished is noticed.");
    if (is(name, "TCP_KEEPIDLE"))
        return tr("How long a connection stays idle before the first keep-alive probe.");
    if (is(name, "TCP_KEEPINTVL")) return tr("The time between two keep-alive probes.");
    if (is(name, "TCP_KEEPCNT"))
        return tr("How many unanswered probes before the connection is declared dead.");
    if (is(name, "SO_LINGER"))
        return tr(
            "What close() does with unsent data: on with 0 s resets the connection (RST: "
            "the peer sees ECONNRESET).");
    if (is(name, "SO_RCVTIMEO"))
        return tr("A blocking recv gives up after this long (EAGAIN); none: it waits forever.");
    if (is(name, "SO_SNDTIMEO"))
        return tr("A blocking send gives up after this long (EAGAIN); none: it waits forever.");
    if (is(name, "SO_BROADCAST")) return tr("Allow sending datagrams to a broadcast address.");
    if (is(name, "IP_TTL")) return tr("How many routers a packet may cross before it is dropped.");
    if (is(name, "IPV6_V6ONLY"))
        return tr("An IPv6 socket takes IPv6 peers only, not IPv4 ones as mapped addresses.");
    return {};
}

QString SockoptWords::value(SockoptKind kind, int value) {
    switch (kind) {
        case SockoptKind::Flag:
            return value ? tr("on") : tr("off");
        case SockoptKind::Count:
            return QString::number(value);
        case SockoptKind::Bytes:
            if (value > 0 && value % 1024 == 0) return tr("%1 KiB").arg(value / 1024);
            return tr("%1 bytes").arg(value);
        case SockoptKind::Seconds:
            return tr("%1 s").arg(value);
        case SockoptKind::Millis:
            return value == 0 ? tr("none") : tr("%1 ms").arg(value);
        case SockoptKind::Linger:
            return value < 0 ? tr("off") : tr("on, %1 s").arg(value);
    }
    return QString::number(value);
}

QString SockoptWords::setting(const SockoptSetting& s) {
    const SockoptSpec* spec = findSockopt(s.name);
    const QString shown = spec ? value(spec->kind, s.value) : QString::number(s.value);
    return tr("%1 = %2").arg(QString::fromStdString(s.name), shown);
}

QString SockoptWords::mismatch(SockoptMismatch why) {
    switch (why) {
        case SockoptMismatch::None:
            break;
        case SockoptMismatch::NeedsTcp:
            return tr("not applied: only a TCP socket has this option");
        case SockoptMismatch::NeedsUdp:
            return tr("not applied: only a UDP socket has this option");
        case SockoptMismatch::NeedsIpv6:
            return tr("not applied: only an IPv6 socket has this option");
        case SockoptMismatch::NeedsIp:
            return tr("not applied: a Unix-domain socket has no IP options");
    }
    return {};
}

QString SockoptWords::readback(const SockoptReadback& r) {
    if (r.mismatch != SockoptMismatch::None) return mismatch(r.mismatch);
    if (r.error) return ErrorText::sentence(*r.error);
    if (!r.readBack) return tr("not read back");
    const SockoptSpec* spec = findSockopt(r.asked.name);
    if (!spec) return QString::number(*r.readBack);
    QString shown = readValue(*spec, r.asked.value, *r.readBack);
    if (r.appliedAs) shown += tr(" (set as %1)").arg(QString::fromLatin1(r.appliedAs));
    return shown;
}

QString SockoptWords::readValue(const SockoptSpec& spec, int asked, int got) {
    if (spec.kind == SockoptKind::Bytes) {
        // Bytes read back are shown exact: the point is to see the doubling.
        const QString bytes = tr("%1 bytes").arg(got);
        if (got == asked) return bytes;
        if (static_cast<long long>(got) == 2LL * asked)
            return tr("%1 (doubled by the kernel)").arg(bytes);
        if (static_cast<long long>(got) > 2LL * asked)
            return tr("%1 (asked %2, doubled and raised to the kernel's minimum)")
                .arg(bytes, value(spec.kind, asked));
        return tr("%1 (asked %2, capped by the kernel's limit: net.core.rmem_max, wmem_max)")
            .arg(bytes, value(spec.kind, asked));
    }
    const bool flag = spec.kind == SockoptKind::Flag;
    const bool same = flag ? (got != 0) == (asked != 0) : got == asked;
    const QString shown = value(spec.kind, flag ? got != 0 : got);
    return same ? shown : tr("%1 (asked %2)").arg(shown, value(spec.kind, asked));
}

QString SockoptWords::line(const SockoptReadback& r) {
    return tr("%1 → %2").arg(setting(r.asked), readback(r));
}

QString SockoptWords::serverStage(const SockoptSpec& spec) {
    return spec.beforeBind ? tr("listener") : tr("connections");
}

SockoptWords::Range SockoptWords::range(const SockoptSpec& spec) {
    // The core's bounds (what parseSockopt accepts); SO_LINGER's -1 is its
    // "off", not a number of seconds. The first value offered is a common one.
    const QString name = QString::fromLatin1(spec.name);
    Range r{std::max(spec.minValue, 0), spec.maxValue, 1};
    switch (spec.kind) {
        case SockoptKind::Flag:
            break;
        case SockoptKind::Count:
            r.initial = is(name, "IP_TTL") ? 64 : 5;
            break;
        case SockoptKind::Bytes:
            r.initial = 64 * 1024;
            break;
        case SockoptKind::Seconds:
            r.initial = is(name, "TCP_KEEPINTVL") ? 10 : 60;
            break;
        case SockoptKind::Millis:
            r.initial = 1000;
            break;
        case SockoptKind::Linger:
            r.initial = 0;  // on with 0 s: the reset on close
            break;
    }
    r.initial = std::clamp(r.initial, r.min, std::max(r.min, r.max));
    return r;
}

}  // namespace sockwb
