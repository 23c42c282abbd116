#pragma once
// The outcome of a load run (or of one of its threads): counts, bytes,
// errors by kind, non-2xx answers and the latency histogram. Each worker
// fills its own; merge() adds them up at the end.

#include <array>
#include <chrono>
#include <cstdint>
#include <string>

#include "core/load/latencyhistogram.h"

namespace sockwb::load {

enum class LoadErrorKind { Connect, Read, Write, Timeout, Parse };
inline constexpr std::size_t kLoadErrorKinds = 5;

// "connect", "read", "write", "timeout", "parse". Pure.
const char* loadErrorName(LoadErrorKind kind) noexcept;

struct LoadStats {
    std::uint64_t requests = 0;  // completed requests (HTTP: responses of any status; bulk: sends)
    std::uint64_t non2xx = 0;    // HTTP responses whose status is not 2xx
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;
    std::uint64_t connectionsOpened = 0;
    std::array<std::uint64_t, kLoadErrorKinds> errors{};
    std::string firstError;               // text of the first error seen, for the report
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
    // One JSON object (no trailing newline) with requests_per_sec,
    // bytes_per_sec, latency_ms {p50,p90,p99,p999,max,mean}, errors {kind..., total},
    // non_2xx and the raw counts. Const.
    std::string toJson() const;
    // The human report, several lines. Const.
    std::string toText() const;
};

}  // namespace sockwb::load
