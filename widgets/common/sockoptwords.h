#pragma once
// SockoptWords: the named socket options (core/net/sockopt.h) in words for
// the GUI, translated: what each option does (one line, for tooltips), a
// value in its unit ("8 KiB", "500 ms", "on, 0 s"), what the kernel read
// back next to what was asked ("8192 bytes (doubled by the kernel)"), and
// the range an editor accepts. The core hands over names, codes and
// numbers only; every sentence is made here. Thread-safe (pure functions).

#include <QCoreApplication>
#include <QString>

#include "core/net/sockopt.h"

namespace sockwb {

class SockoptWords final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::SockoptWords)
public:
    // One line saying what the option does; "" for an unknown name.
    static QString purpose(const QString& name);
    // A value in the option's unit: "on", "64 KiB", "8192 bytes", "60 s",
    // "500 ms", "none" (a 0 timeout), "off" / "on, 5 s" (SO_LINGER).
    static QString value(SockoptKind kind, int value);
    // "SO_RCVBUF = 4 KiB".
    static QString setting(const SockoptSetting& setting);
    // What getsockopt returned, next to what was asked: "8192 bytes
    // (doubled by the kernel)", "on", "4608 bytes (asked 1 KiB: the kernel's
    // minimum)"; why it was not applied, or the error sentence (ErrorText)
    // when a call failed.
    static QString readback(const SockoptReadback& readback);
    // True when the option was not applied or a call failed (shown in red).
    static bool failed(const SockoptReadback& readback) {
        return readback.error.has_value() || readback.mismatch != SockoptMismatch::None;
    }
    // Why an option was not applied to a socket of the wrong kind.
    static QString mismatch(SockoptMismatch why);
    // The value read back next to the one asked (no error).
    static QString readValue(const SockoptSpec& spec, int asked, int got);
    // "SO_RCVBUF = 4 KiB → 8192 bytes (doubled by the kernel)", or with the
    // error sentence: one log line.
    static QString line(const SockoptReadback& readback);
    // Where a server sets it: "listener" (before bind) or "connections".
    static QString serverStage(const SockoptSpec& spec);

    // The values an editor offers, the core's bounds (Bytes: in bytes;
    // SO_LINGER: its seconds when on).
    struct Range {
        int min = 0;
        int max = 0;
        int initial = 0;  // what a newly ticked row starts with
    };
    static Range range(const SockoptSpec& spec);
};

}  // namespace sockwb
