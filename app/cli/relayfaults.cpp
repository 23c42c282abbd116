#include "app/cli/relayfaults.h"

#include <cstdio>
#include <optional>

#include "app/cli/jsonline.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

// Options taking a value, and the flags.
constexpr const char* kValueOptions[] = {"latency",     "latency-p", "bandwidth",   "slice",
                                         "slice-delay", "slice-p",   "reset-after", "close-after",
                                         "limit-p",     "drop",      "duplicate",   "reorder"};
constexpr const char* kFlags[] = {"stall", "no-stall"};

// What only one protocol's engine does (relayconfig.h).
constexpr const char* kTcpOnly[] = {"bandwidth", "slice",       "slice-delay",
                                    "slice-p",   "reset-after", "close-after",
                                    "limit-p",   "stall",       "no-stall"};
constexpr const char* kUdpOnly[] = {"drop", "duplicate", "reorder"};

QString name(const char* n) { return QString::fromLatin1(n); }

// 0.1 -> "0.1", 1 -> "1".
std::string decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string percent(double p) { return decimal(p * 100) + "%"; }

std::string spread(const Spread& s) {
    std::string t = std::to_string(s.value);
    if (s.spread > 0) t += "\u00b1" + std::to_string(s.spread);
    return t;
}

std::string limitText(const FaultLimit& l) {
    return std::to_string(l.amount) + (l.unit == FaultLimit::Unit::Bytes ? " bytes" : " ms");
}

std::string limitJson(const std::optional<FaultLimit>& l) {
    if (!l) return "null";
    return JsonLine().add(l->unit == FaultLimit::Unit::Bytes ? "bytes" : "ms", l->amount).str();
}

// " (30%)" when a fault is not certain.
std::string chance(double p) { return p < 1.0 ? " (" + percent(p) + ")" : std::string(); }

// --reset-after / --close-after: a limit, or "off" to remove it.
std::optional<FaultLimit> limitOption(const CommandParser& p, const char* option) {
    const std::string text = p.value(name(option));
    if (text == "off" || text == "none") return std::nullopt;
    return parseFaultLimit(text, p.display(name(option)));
}

double probability(const CommandParser& p, const char* option) {
    return parseProbability(p.value(name(option)), p.display(name(option)));
}

}  // namespace

void declareFaultOptions(CommandParser& p) {
    for (const char* n : kValueOptions) p.addValue({name(n)});
    for (const char* n : kFlags) p.addFlag({name(n)});
    p.addValue({"direction"});
}

bool anyFaultOption(const CommandParser& p) {
    for (const char* n : kValueOptions)
        if (p.isSet(name(n))) return true;
    for (const char* n : kFlags)
        if (p.isSet(name(n))) return true;
    return false;
}

std::vector<RelayDirection> faultDirections(const CommandParser& p) {
    const std::string d = p.isSet("direction") ? p.value("direction") : "both";
    if (d == "up") return {RelayDirection::Up};
    if (d == "down") return {RelayDirection::Down};
    if (d == "both") return {RelayDirection::Up, RelayDirection::Down};
    throw Error::invalid("--direction '" + d + "'",
                         "expected up (client to target), down (target to client) or both");
}

void applyFaultOptions(const CommandParser& p, DirectionFaults& f) {
    if (p.isSet("latency")) f.latencyMs = parseSpread(p.value("latency"), "--latency");
    if (p.isSet("latency-p")) f.latencyP = probability(p, "latency-p");
    f.bandwidthKBps = static_cast<int>(p.integer("bandwidth", 0, 100000000, f.bandwidthKBps));
    if (p.isSet("slice")) f.sliceBytes = parseSpread(p.value("slice"), "--slice");
    f.sliceDelayMs = static_cast<int>(p.integer("slice-delay", 0, 3600000, f.sliceDelayMs));
    if (p.isSet("slice-p")) f.sliceP = probability(p, "slice-p");
    if (p.isSet("reset-after")) f.resetAfter = limitOption(p, "reset-after");
    if (p.isSet("close-after")) f.closeAfter = limitOption(p, "close-after");
    if (p.isSet("limit-p")) f.limitP = probability(p, "limit-p");
    if (p.isSet("stall") && p.isSet("no-stall"))
        throw Error::invalid("--stall and --no-stall together", "give one of them");
    if (p.isSet("stall")) f.stall = true;
    if (p.isSet("no-stall")) f.stall = false;
    if (p.isSet("drop")) f.dropP = probability(p, "drop");
    if (p.isSet("duplicate")) f.duplicateP = probability(p, "duplicate");
    if (p.isSet("reorder")) f.reorderP = probability(p, "reorder");
}

std::vector<std::string> ignoredFaultOptions(const CommandParser& p, Protocol protocol) {
    std::vector<std::string> out;
    const auto check = [&](const auto& list) {
        for (const char* n : list)
            if (p.isSet(name(n))) out.push_back("--" + std::string(n));
    };
    if (isDatagram(protocol))
        check(kTcpOnly);
    else
        check(kUdpOnly);
    return out;
}

std::string describeFaults(const DirectionFaults& f) {
    std::vector<std::string> parts;
    if (f.latencyMs.value > 0 || f.latencyMs.spread > 0)
        parts.push_back("latency " + spread(f.latencyMs) + " ms" + chance(f.latencyP));
    if (f.bandwidthKBps > 0)
        parts.push_back("bandwidth " + std::to_string(f.bandwidthKBps) + " KiB/s");
    if (f.sliceBytes.value > 0 || f.sliceBytes.spread > 0) {
        std::string s = "slice " + spread(f.sliceBytes) + " bytes";
        if (f.sliceDelayMs > 0) s += " " + std::to_string(f.sliceDelayMs) + " ms apart";
        parts.push_back(s + chance(f.sliceP));
    }
    if (f.resetAfter) parts.push_back("reset after " + limitText(*f.resetAfter) + chance(f.limitP));
    if (f.closeAfter) parts.push_back("close after " + limitText(*f.closeAfter) + chance(f.limitP));
    if (f.stall) parts.push_back("stall" + chance(f.limitP));
    if (f.dropP > 0) parts.push_back("drop " + percent(f.dropP));
    if (f.duplicateP > 0) parts.push_back("duplicate " + percent(f.duplicateP));
    if (f.reorderP > 0) parts.push_back("reorder " + percent(f.reorderP));
    if (parts.empty()) return "none";
    std::string out;
    for (const auto& s : parts) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string faultsJson(const DirectionFaults& f) {
    return JsonLine()
        .add("latencyMs", f.latencyMs.value)
        .add("jitterMs", f.latencyMs.spread)
        .addRaw("latencyP", decimal(f.latencyP))
        .add("bandwidthKBps", f.bandwidthKBps)
        .add("sliceBytes", f.sliceBytes.value)
        .add("sliceVariation", f.sliceBytes.spread)
        .add("sliceDelayMs", f.sliceDelayMs)
        .addRaw("sliceP", decimal(f.sliceP))
        .addRaw("resetAfter", limitJson(f.resetAfter))
        .addRaw("closeAfter", limitJson(f.closeAfter))
        .addRaw("limitP", decimal(f.limitP))
        .add("stall", f.stall)
        .addRaw("drop", decimal(f.dropP))
        .addRaw("duplicate", decimal(f.duplicateP))
        .addRaw("reorder", decimal(f.reorderP))
        .str();
}

}  // namespace sockwb::app
