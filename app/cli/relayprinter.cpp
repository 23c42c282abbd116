#include "app/cli/relayprinter.h"

#include <cstdio>
#include <utility>
#include <vector>

#include "app/cli/clitext.h"
#include "app/cli/jsonline.h"
#include "app/cli/relayfaults.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

// The fault counters of one direction, by name (JSON keys and text words).
std::vector<std::pair<const char*, uint64_t>> faultCounters(const RelayDirectionStats& d) {
    return {{"delayed", d.delayed}, {"sliced", d.sliced},         {"throttled", d.throttled},
            {"resets", d.resets},   {"closes", d.closes},         {"stalls", d.stalls},
            {"dropped", d.dropped}, {"duplicated", d.duplicated}, {"reordered", d.reordered}};
}

std::string directionJson(const RelayDirectionStats& d) {
    JsonLine j;
    j.add("bytes", d.bytes).add("chunks", d.chunks).add("writes", d.writes);
    for (const auto& [key, value] : faultCounters(d)) j.add(key, value);
    return j.str();
}

// "1200 bytes, 10 chunks, 12 writes; faults: delayed 10, resets 1" (only
// the faults that happened).
std::string directionText(const RelayDirectionStats& d) {
    std::string t = std::to_string(d.bytes) + " bytes, " + std::to_string(d.chunks) + " chunks, " +
                    std::to_string(d.writes) + " writes; faults: ";
    std::string faults;
    for (const auto& [key, value] : faultCounters(d))
        if (value > 0)
            faults += (faults.empty() ? "" : ", ") + std::string(key) + " " + std::to_string(value);
    return t + (faults.empty() ? "none" : faults);
}

}  // namespace

void RelayPrinter::out(const std::string& line) {
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void RelayPrinter::err(const std::string& line) {
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void RelayPrinter::listening(Protocol protocol, const Address& address, const std::string& target,
                             const DirectionFaults& up, const DirectionFaults& down) {
    if (json_) {
        out(JsonLine()
                .add("event", "listening")
                .add("protocol", protocolName(protocol))
                .add("address", address.toString())
                .add("port", static_cast<int>(address.port()))
                .add("target", target)
                .addRaw("up", faultsJson(up))
                .addRaw("down", faultsJson(down))
                .str());
        return;
    }
    std::string line = "relaying " + address.toString() + " \u2192 " + target + " (" +
                       protocolName(protocol) + "), ";
    if (!up.any() && !down.any())
        line += "no fault";
    else
        line += "faults up: " + describeFaults(up) + "; down: " + describeFaults(down);
    out(line);
}

void RelayPrinter::faults(RelayDirection direction, const DirectionFaults& f) {
    if (json_)
        out(JsonLine()
                .add("event", "faults")
                .add("direction", relayDirectionName(direction))
                .addRaw("faults", faultsJson(f))
                .str());
    else
        out(std::string("faults ") + relayDirectionName(direction) + ": " + describeFaults(f));
}

void RelayPrinter::stats(const RelayStats& s, bool final) {
    if (json_) {
        out(JsonLine()
                .add("event", "stats")
                .add("final", final)
                .add("accepted", s.accepted)
                .add("active", s.active)
                .add("refused", s.refused)
                .add("errors", s.errors)
                .addRaw("up", directionJson(s.up))
                .addRaw("down", directionJson(s.down))
                .str());
        return;
    }
    out("counters: " + std::to_string(s.accepted) + " accepted, " + std::to_string(s.active) +
        " active, " + std::to_string(s.refused) + " refused, " + std::to_string(s.errors) +
        " errors\n  up:   " + directionText(s.up) + "\n  down: " + directionText(s.down));
}

void RelayPrinter::badInput(const std::string& line, const std::string& message) {
    if (json_)
        out(JsonLine().add("event", "input-error").add("line", line).add("message", message).str());
    else
        err("sockwb relay: " + message);
}

void RelayPrinter::note(const std::string& text) {
    if (json_)
        out(JsonLine().add("event", "note").add("text", text).str());
    else
        err("sockwb relay: " + text);
}

void RelayPrinter::stopped() {
    if (json_) out(JsonLine().add("event", "stopped").str());
}

void RelayPrinter::onLog(const std::string& line) {
    if (json_)
        out(JsonLine().add("event", "log").add("text", line).str());
    else
        out(line);
}

void RelayPrinter::onError(const ErrorInfo& error) {
    if (json_) {
        out(JsonLine()
                .add("event", "error")
                .add("call", error.call)
                .add("errno", error.err ? errnoName(error.err) : std::string())
                .add("address", error.address)
                .add("message", std::string(Error(error).what()))
                .str());
    } else {
        err("sockwb relay: " + utf8(errorText(Error(error))));
    }
}

void RelayPrinter::onTrace(const TraceEvent& event) {
    // The same lines as `sockwb serve --trace` (serveprinter.cpp).
    if (json_)
        out(JsonLine().add("event", "trace").addRaw("trace", event.toJson()).str());
    else
        err("[pid " + std::to_string(event.pid) + " tid " + std::to_string(event.tid) + "] " +
            event.toLine());
}

}  // namespace sockwb::app
