#pragma once
// What a ClientSwarm is asked to do and what it reports: the scenarios from
// the course (say "Bonjour" and read until "Au Revoir", ping an echo server
// every X ms and time the round trip, chat like a bot, hold the connection),
// the swarm's configuration and one client's status as snapshot() returns
// it. Plain data and pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/client/chatformat.h"
#include "core/client/clientconnection.h"
#include "core/net/error.h"

namespace sockwb {

enum class Scenario {
    Bonjour,   // send "Bonjour", read messages until "Au Revoir", close (the clock service)
    EchoPing,  // send "ping <n>" every interval, time the echo
    ChatBot,   // send "message k" from botN every interval, dressed by chatFormat
    HoldIdle,  // connect and stay silent
};

// "bonjour", "ping", "chat", "idle". Thread-safe.
const char* scenarioName(Scenario s) noexcept;
// Parses a scenario name; throws Error (InvalidInput) listing the choices.
Scenario parseScenario(std::string_view name);

struct SwarmConfig {
    ClientConfig target;  // protocol, host, port, connect timeout
    int count = 10;       // clients
    Scenario scenario = Scenario::Bonjour;
    int intervalMs = 1000;  // ping / chat period
    std::string nickPrefix = "bot";
    ChatFormat chatFormat = ChatFormat::Course;  // chat: "[%d]botN:message k" (the course's)
    int connectsPerRound = 32;                   // new connects per loop round (spares the backlog)
};

struct SwarmClientStatus {
    enum State { Waiting, Connecting, Connected, Done, Closed, Failed };
    State state = Waiting;
    int fd = -1;
    uint64_t bytesIn = 0;
    uint64_t bytesOut = 0;
    uint64_t messagesIn = 0;
    uint64_t messagesOut = 0;
    double lastRttMs = -1;  // last round trip (ping: echo; bonjour: first reply)
    double avgRttMs = -1;
    uint64_t rttSamples = 0;
    std::string lastLine;  // the last message received
    bool hasError = false;
    ErrorInfo error;
};

// "waiting", "connecting", ... Thread-safe.
const char* swarmStateName(SwarmClientStatus::State s) noexcept;

}  // namespace sockwb
