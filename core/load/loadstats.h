#pragma once
// The outcome of a load run (or of one of its threads): counts, bytes,
// errors by kind, non-2xx answers and the latency histogram. Each worker
// fills its own; merge() adds them up at the end.

#include <array>
#include <chrono>
#include <cstdint>
#include <string>

#include "core/load/latencyhistogram.h"
#include "core/net/error.h"

namespace sockwb::load {

// Tls: the handshake failed or a record could not be decrypted (the
// certificate, the CA, the protocol: firstErrorInfo says which).
enum class LoadErrorKind { Connect, Read, Write, Timeout, Parse, Tls };
inline constexpr std::size_t kLoadErrorKinds = 6;

// "connect", "read", "write", "timeout", "parse", "tls". Pure.
const char* loadErrorName(LoadErrorKind kind) noexcept;

struct LoadStats {
    std::uint64_t requests = 0;  // completed requests (HTTP: responses of any status; bulk: sends)
    std::uint64_t non2xx = 0;    // HTTP responses whose status is not 2xx
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;
    std::uint64_t connectionsOpened = 0;
    std::array<std::uint64_t, kLoadErrorKinds> errors{};
    // TLS (https:// targets): handshakes completed, how many resumed an
    // earlier session, and their total time (TCP connected to handshake done).
    std::uint64_t tlsHandshakes = 0;
    std::uint64_t tlsResumed = 0;
    std::uint64_t tlsHandshakeNs = 0;
    std::string firstError;  // text of the first error seen, for the report
    // The first error as codes when it came from an Error (TLS: kind Tls and
    // its TlsProblem), so a front end can word it; kind System, empty call otherwise.
    ErrorInfo firstErrorInfo;
    LatencyHistogram latency;             // microseconds
    std::chrono::nanoseconds elapsed{0};  // wall time of the run

    // Adds other's counts and histogram; keeps the first non-empty firstError
    // and the longer elapsed. Not thread-safe.
    void merge(const LoadStats& other);
    // Sum of errors of every kind. Const.
    std::uint64_t errorTotal() const noexcept;
    // Rates over elapsed; 0 when elapsed is 0. Const.
    double requestsPerSec() const noexcept;
    double bytesPerSec() const noexcept;  // received bytes, or sent bytes when nothing came back
    double handshakesPerSec() const noexcept;
    // Mean TLS handshake time in microseconds (0 without handshakes). Const.
    double handshakeMeanUs() const noexcept;
    // One JSON object (no trailing newline) with requests_per_sec,
    // bytes_per_sec, latency_ms {p50,p90,p99,p999,max,mean}, errors {kind..., total},
    // non_2xx, the raw counts and, after TLS handshakes, tls {handshakes,
    // resumed, handshakes_per_sec, handshake_ms_mean}. Const.
    std::string toJson() const;
    // The human report, several lines. Const.
    std::string toText() const;
};

}  // namespace sockwb::load
