#include "core/client/swarmconfig.h"

namespace sockwb {

const char* scenarioName(Scenario s) noexcept {
    switch (s) {
        case Scenario::Bonjour:
            return "bonjour";
        case Scenario::EchoPing:
            return "ping";
        case Scenario::ChatBot:
            return "chat";
        case Scenario::HoldIdle:
            return "idle";
    }
    return "?";
}

Scenario parseScenario(std::string_view name) {
    for (Scenario s :
         {Scenario::Bonjour, Scenario::EchoPing, Scenario::ChatBot, Scenario::HoldIdle})
        if (name == scenarioName(s)) return s;
    throw Error::invalid("scenario '" + std::string(name) + "'",
                         "choose bonjour, ping, chat or idle");
}

const char* swarmStateName(SwarmClientStatus::State s) noexcept {
    switch (s) {
        case SwarmClientStatus::Waiting:
            return "waiting";
        case SwarmClientStatus::Connecting:
            return "connecting";
        case SwarmClientStatus::Connected:
            return "connected";
        case SwarmClientStatus::Done:
            return "done";
        case SwarmClientStatus::Closed:
            return "closed";
        case SwarmClientStatus::Failed:
            return "failed";
    }
    return "?";
}

}  // namespace sockwb
