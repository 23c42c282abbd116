#include "core/load/loadstats.h"

#include <cstdio>

#include "core/net/jsonwriter.h"

namespace sockwb::load {

const char* loadErrorName(LoadErrorKind kind) noexcept {
    switch (kind) {
        case LoadErrorKind::Connect:
            return "connect";
        case LoadErrorKind::Read:
            return "read";
        case LoadErrorKind::Write:
            return "write";
        case LoadErrorKind::Timeout:
            return "timeout";
        case LoadErrorKind::Parse:
            return "parse";
        case LoadErrorKind::Tls:
            return "tls";
    }
    return "?";
}

void LoadStats::merge(const LoadStats& o) {
    requests += o.requests;
    non2xx += o.non2xx;
    bytesSent += o.bytesSent;
    bytesReceived += o.bytesReceived;
    connectionsOpened += o.connectionsOpened;
    tlsHandshakes += o.tlsHandshakes;
    tlsResumed += o.tlsResumed;
    tlsHandshakeNs += o.tlsHandshakeNs;
    for (std::size_t i = 0; i < kLoadErrorKinds; ++i) errors[i] += o.errors[i];
    if (firstError.empty()) {
        firstError = o.firstError;
        firstErrorInfo = o.firstErrorInfo;
    }
    latency.merge(o.latency);
    if (o.elapsed > elapsed) elapsed = o.elapsed;
}

std::uint64_t LoadStats::errorTotal() const noexcept {
    std::uint64_t t = 0;
    for (auto e : errors) t += e;
    return t;
}

static double seconds(std::chrono::nanoseconds d) { return double(d.count()) / 1e9; }

double LoadStats::requestsPerSec() const noexcept {
    const double s = seconds(elapsed);
    return s > 0 ? double(requests) / s : 0.0;
}

double LoadStats::bytesPerSec() const noexcept {
    const double s = seconds(elapsed);
    if (s <= 0) return 0.0;
    return double(bytesReceived ? bytesReceived : bytesSent) / s;
}

double LoadStats::handshakesPerSec() const noexcept {
    const double s = seconds(elapsed);
    return s > 0 ? double(tlsHandshakes) / s : 0.0;
}

double LoadStats::handshakeMeanUs() const noexcept {
    return tlsHandshakes ? double(tlsHandshakeNs) / double(tlsHandshakes) / 1000.0 : 0.0;
}

namespace {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string ms(std::uint64_t us) { return fmt("%.3f", double(us) / 1000.0); }

std::string humanBytes(double b) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (b >= 1024 && u < 4) {
        b /= 1024;
        ++u;
    }
    return fmt("%.2f", b) + " " + units[u];
}

}  // namespace

std::string LoadStats::toJson() const {
    const auto& h = latency;
    std::string j = "{";
    j += "\"requests\":" + std::to_string(requests);
    j += ",\"duration_s\":" + fmt("%.3f", seconds(elapsed));
    j += ",\"requests_per_sec\":" + fmt("%.1f", requestsPerSec());
    j += ",\"bytes_per_sec\":" + fmt("%.1f", bytesPerSec());
    j += ",\"bytes_sent\":" + std::to_string(bytesSent);
    j += ",\"bytes_received\":" + std::to_string(bytesReceived);
    j += ",\"connections_opened\":" + std::to_string(connectionsOpened);
    j += ",\"latency_ms\":{\"p50\":" + ms(h.percentile(50)) + ",\"p90\":" + ms(h.percentile(90)) +
         ",\"p99\":" + ms(h.percentile(99)) + ",\"p999\":" + ms(h.percentile(99.9)) +
         ",\"max\":" + ms(h.max()) + ",\"mean\":" + fmt("%.3f", h.mean() / 1000.0) +
         ",\"count\":" + std::to_string(h.count()) + "}";
    j += ",\"errors\":{";
    for (std::size_t i = 0; i < kLoadErrorKinds; ++i)
        j += std::string("\"") + loadErrorName(LoadErrorKind(i)) +
             "\":" + std::to_string(errors[i]) + ",";
    j += "\"total\":" + std::to_string(errorTotal()) + "}";
    j += ",\"non_2xx\":" + std::to_string(non2xx);
    if (tlsHandshakes)
        j += ",\"tls\":{\"handshakes\":" + std::to_string(tlsHandshakes) +
             ",\"resumed\":" + std::to_string(tlsResumed) +
             ",\"handshakes_per_sec\":" + fmt("%.1f", handshakesPerSec()) +
             ",\"handshake_ms_mean\":" + fmt("%.3f", handshakeMeanUs() / 1000.0) + "}";
    if (!firstError.empty()) j += ",\"first_error\":" + JsonWriter::quoted(firstError);
    j += "}";
    return j;
}

std::string LoadStats::toText() const {
    const auto& h = latency;
    std::string t;
    t += "  requests      " + std::to_string(requests) + " in " + fmt("%.2f", seconds(elapsed)) +
         " s, " + std::to_string(connectionsOpened) + " connections opened\n";
    t += "  requests/s    " + fmt("%.1f", requestsPerSec()) + "\n";
    t += "  transfer/s    " + humanBytes(bytesPerSec()) + "/s  (sent " +
         humanBytes(double(bytesSent)) + ", received " + humanBytes(double(bytesReceived)) + ")\n";
    if (tlsHandshakes)
        t += "  tls           " + std::to_string(tlsHandshakes) + " handshakes (" +
             std::to_string(tlsResumed) + " resumed), " + fmt("%.1f", handshakesPerSec()) +
             " handshakes/s, mean " + fmt("%.3f", handshakeMeanUs() / 1000.0) + " ms\n";
    if (h.count()) {
        t += "  latency ms    p50 " + ms(h.percentile(50)) + "  p90 " + ms(h.percentile(90)) +
             "  p99 " + ms(h.percentile(99)) + "  p99.9 " + ms(h.percentile(99.9)) + "  max " +
             ms(h.max()) + "  mean " + fmt("%.3f", h.mean() / 1000.0) + "\n";
    }
    t += "  errors        " + std::to_string(errorTotal());
    if (errorTotal()) {
        t += " (";
        bool first = true;
        for (std::size_t i = 0; i < kLoadErrorKinds; ++i) {
            if (!errors[i]) continue;
            if (!first) t += ", ";
            first = false;
            t += std::string(loadErrorName(LoadErrorKind(i))) + " " + std::to_string(errors[i]);
        }
        t += ")";
    }
    t += "\n  non-2xx       " + std::to_string(non2xx) + "\n";
    if (!firstError.empty()) t += "  first error   " + firstError + "\n";
    return t;
}

}  // namespace sockwb::load
