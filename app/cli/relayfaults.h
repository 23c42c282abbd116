#pragma once
// The fault options of `sockwb relay` (--latency, --drop, --direction...),
// shared by the command line and by the lines typed on stdin while the relay
// runs, so both accept exactly the same words with the same messages. Values
// go through the core's parsers (parseSpread, parseFaultLimit,
// parseProbability), which throw Error naming the option. Also words a
// direction's faults for the terminal and for JSON lines.
// Pure functions over their arguments: thread-safe.

#include <string>
#include <vector>

#include "app/cli/commandparser.h"
#include "core/net/protocol.h"
#include "core/relay/relayconfig.h"

namespace sockwb::app {

// Declares --latency ... --direction on p.
void declareFaultOptions(CommandParser& p);

// True when p holds at least one fault option (--direction alone is not one).
bool anyFaultOption(const CommandParser& p);

// The directions --direction names (default: both). Throws Error naming it.
std::vector<RelayDirection> faultDirections(const CommandParser& p);

// Changes in f the faults p gives, leaving the others as they are. Throws
// Error naming the option on a bad value (f may then be half changed: work
// on a copy).
void applyFaultOptions(const CommandParser& p, DirectionFaults& f);

// The options given in p that a relay of this protocol ignores ("--drop"
// for TCP, "--bandwidth" for UDP...).
std::vector<std::string> ignoredFaultOptions(const CommandParser& p, Protocol protocol);

// "latency 200±50 ms, drop 10%" or "none".
std::string describeFaults(const DirectionFaults& f);
// {"latencyMs":200,"jitterMs":50,...}: every field.
std::string faultsJson(const DirectionFaults& f);

}  // namespace sockwb::app
