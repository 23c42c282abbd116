// sockwb_echoload: a small load generator for the echo service, run from a
// second process by echo_models.sh. Two measures:
//   connect   — each worker loops: connect, one round trip, close
//               (connections per second: what accept/fork/thread cost)
//   roundtrip — each worker keeps one connection and loops: send, read back
//               (round trips per second: the per-message cost)
// Prints one number: operations per second over the duration. Every wait
// is bounded by the end of the run, so a model that serves one client at a
// time (iterative) is measured, not hung.
//
// Usage: sockwb_echoload HOST PORT connect|roundtrip CONNECTIONS DURATION_MS [SIZE]

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"

using namespace sockwb;
using Clock = std::chrono::steady_clock;

namespace {

Millis left(Clock::time_point end) {
    const auto d = std::chrono::duration_cast<Millis>(end - Clock::now());
    return d > Millis(1) ? d : Millis(1);
}

bool roundTrip(Socket& s, const std::string& msg, std::string& buf, Clock::time_point end) {
    s.sendAll(msg, left(end));
    s.recvExact(buf.data(), msg.size(), left(end));
    return buf == msg;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr,
                     "usage: %s HOST PORT connect|roundtrip CONNECTIONS DURATION_MS [SIZE]\n",
                     argv[0]);
        return 2;
    }
    const Address where = Address::resolve(argv[1], argv[2]).front();
    const std::string mode = argv[3];
    const int workers = std::atoi(argv[4]);
    const auto duration = Millis(std::atoi(argv[5]));
    const size_t size = argc > 6 ? static_cast<size_t>(std::atoi(argv[6])) : 64;
    const std::string msg(size, 'x');
    std::atomic<uint64_t> done{0};
    std::atomic<uint64_t> errors{0};
    const auto start = Clock::now();
    const auto end = start + duration;

    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&] {
            std::string buf(size, '\0');
            try {
                if (mode == "connect") {
                    while (Clock::now() < end) {
                        Socket s = tcpConnect(where, left(end));
                        if (roundTrip(s, msg, buf, end))
                            done.fetch_add(1, std::memory_order_relaxed);
                    }
                } else {
                    Socket s = tcpConnect(where, left(end));
                    s.setNoDelay(true);
                    while (Clock::now() < end)
                        if (roundTrip(s, msg, buf, end))
                            done.fetch_add(1, std::memory_order_relaxed);
                }
            } catch (const Error& e) {
                // Timeouts at the end of the run are expected (iterative).
                if (e.kind() != ErrorKind::Timeout && Clock::now() < end) {
                    errors.fetch_add(1, std::memory_order_relaxed);
                    std::fprintf(stderr, "echoload: %s\n", e.what());
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("%.0f\n", static_cast<double>(done.load()) / secs);
    if (errors.load() > 0)
        std::fprintf(stderr, "echoload: %llu workers failed\n", (unsigned long long)errors.load());
    return 0;
}
