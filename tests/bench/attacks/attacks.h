#pragma once
// The attacks of sockwb_hostile, each a plan: which connections to open and
// what they send (FloodGroups), which probe tells whether a normal client is
// still served, or a spoofed UDP datagram for the reflection loop.

#include <optional>
#include <string>
#include <vector>

#include "tests/bench/attacks/flood.h"
#include "tests/bench/attacks/probe.h"

namespace sockwb::bench {

struct AttackPlan {
    ProbeKind probe = ProbeKind::Http;
    std::vector<FloodGroup> groups;  // empty for the UDP reflection
    bool udpReflection = false;      // send `count` spoofed datagrams instead
    int count = 0;                   // connections (or datagrams) of the attack
};

// The plan of attack `name` with `count` connections (0: the attack's own
// default); nullopt for an unknown name.
std::optional<AttackPlan> planFor(const std::string& name, int count);
// "slowloris, chat-readers, ..." for the usage text.
std::string attackList();

}  // namespace sockwb::bench
