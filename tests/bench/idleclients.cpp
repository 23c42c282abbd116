// sockwb_idleclients: opens N TCP connections to HOST:PORT and holds them
// idle, for tests/bench/run's scale rows (RSS per connection of a server).
// Prints "connected N" (N actually open) on stdout once done, then waits
// until stdin closes or SIGTERM/SIGINT, or at most HOLD_S seconds. Raises
// its own RLIMIT_NOFILE as far as the hard limit allows.
//
// Usage: sockwb_idleclients HOST PORT N [HOLD_S=60]

#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: sockwb_idleclients HOST PORT N [HOLD_S]\n");
        return 2;
    }
    const std::string host = argv[1];
    const long n = std::strtol(argv[3], nullptr, 10);
    const int hold = argc > 4 ? std::atoi(argv[4]) : 60;
    rlimit rl{};
    ::getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &rl);
    std::signal(SIGPIPE, SIG_IGN);

    std::vector<sockwb::Socket> conns;
    conns.reserve(static_cast<size_t>(n));
    int failures = 0;
    try {
        const sockwb::Address addr = sockwb::Address::parse(host + ":" + argv[2]);
        for (long i = 0; i < n; ++i) {
            try {
                conns.push_back(sockwb::tcpConnect(addr, sockwb::Millis(5000)));
            } catch (const sockwb::Error& e) {
                if (++failures == 1) std::fprintf(stderr, "sockwb_idleclients: %s\n", e.what());
                if (failures > 20) break;
            }
        }
    } catch (const sockwb::Error& e) {
        std::fprintf(stderr, "sockwb_idleclients: %s\n", e.what());
        return 1;
    }
    std::printf("connected %zu\n", conns.size());
    std::fflush(stdout);
    // Hold until stdin closes (the script ends us) or the time is up.
    pollfd p{0, POLLIN, 0};
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(hold);
    while (std::chrono::steady_clock::now() < end) {
        if (::poll(&p, 1, 200) > 0) {
            char c;
            if (::read(0, &c, 1) <= 0) break;
        }
    }
    return 0;
}
