#pragma once
// Flood: sockwb_hostile's attacking connections. Each group of connections
// sends a head, then a block over and over (up to a total per connection),
// either as fast as the server takes it or one byte per pace interval
// (slowloris), and never reads what the server answers (unless it drains). One thread runs a
// poll loop over every connection until the end time or the stop flag, so
// hundreds of connections cost one thread; connects are non-blocking, so a
// server that does not accept (iterative) cannot hang the attack.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/net/address.h"
#include "core/net/millis.h"

namespace sockwb::bench {

using Clock = std::chrono::steady_clock;

struct FloodGroup {
    std::string name;        // "readers": how the note names the group (may be empty)
    int count = 1;           // connections in the group
    std::string head;        // sent first, once
    std::string block;       // then this, repeated (empty: send nothing more)
    uint64_t limit = 0;      // bytes per connection, head included (0: no limit)
    Millis pace{0};          // > 0: one byte per pace per connection (slowloris)
    Millis blockPace{0};     // > 0: one block per blockPace per connection (a talker)
    int recvBuffer = 0;      // > 0: SO_RCVBUF before connect (a reader that never reads)
    bool drain = false;      // read and drop what the server sends (a client that keeps up)
    bool reconnect = false;  // open a new connection when the server closes one
};

struct FloodResult {
    int opened = 0;                   // connections established
    int openAtEnd = 0;                // still open (as far as we know) at the end
    int closedByServer = 0;           // FIN or RST seen from the server
    std::vector<int> closedPerGroup;  // the same, per group
    int failedConnects = 0;           // refused or errored connects
    uint64_t bytesSent = 0;           // accepted by the kernel, all connections
};

// Runs the groups against target until `end` or `stop`; closes everything
// it opened before returning.
FloodResult runFlood(const Address& target, const std::vector<FloodGroup>& groups,
                     Clock::time_point end, const std::atomic<bool>& stop);

// "200/200 open at end, 12 closed by server, 3.4 MB sent" (of every group's connections)
std::string describe(const FloodResult& r, const std::vector<FloodGroup>& groups);
// 1234567 -> "1.2 MB"
std::string bytesText(uint64_t bytes);

}  // namespace sockwb::bench
