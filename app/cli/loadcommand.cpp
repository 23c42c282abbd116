// `sockwb load`: the load generator on the command line (like wrk, with TCP
// and UDP echo and a bulk mode). Progress once a second on stderr, a report
// (or one JSON object with --json) on stdout at the end.

#include <sys/resource.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/cli/commands.h"
#include "core/load/loadgenerator.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

const char* kLoadUsage =
    "Usage: sockwb load URL|tcp://HOST:PORT|udp://HOST:PORT (--duration S | --requests N) "
    "[options]\n"
    "Loads a server and reports requests/s, bytes/s, latency percentiles and errors.\n"
    "  http://...      HTTP/1.1 GET, keep-alive (each response framed, status counted)\n"
    "  tcp://H:P       TCP echo round trips of --payload bytes (or --bulk)\n"
    "  udp://H:P       UDP echo: one datagram of --payload bytes out, one back\n\n"
    "  -c, --connections N  concurrent connections over all threads (default 10)\n"
    "  -t, --threads T      event loops, one per thread (default 1)\n"
    "  -d, --duration S     run for S seconds (decimals allowed)\n"
    "  -n, --requests N     stop after exactly N requests (with -d: whichever comes first)\n"
    "      --rate R         open loop: R requests/s in total, latency timed from when each\n"
    "                       request was due (no coordinated omission); default closed loop\n"
    "      --no-keepalive   HTTP: a new connection per request (Connection: close)\n"
    "      --payload BYTES  echo: bytes per round trip (default 64); bulk: bytes per send (default "
    "131072)\n"
    "      --bulk           tcp://: send as fast as possible (to a discard service); reports "
    "bytes/s\n"
    "      --timeout S      a request slower than S seconds counts as a timeout error (default 5)\n"
    "      --full-parser    HTTP: frame with the full response parser (slower; for comparison)\n"
    "      --json           print one JSON object instead of the report\n"
    "Exit status: 0 when requests completed, 1 when none did (errors only), 2 on bad usage.\n";

double parseNumber(const std::string& name, const std::string& text, double min, double max) {
    std::string t = text;
    if (name == "--duration" && !t.empty() && t.back() == 's') t.pop_back();
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || *end != '\0' || errno != 0 || !(v >= min && v <= max))
        throw Error::invalid(name + " expects a number between " +
                                 std::to_string(static_cast<long long>(min)) + " and " +
                                 std::to_string(static_cast<long long>(max)),
                             "got '" + text + "'");
    return v;
}

std::uint64_t parseCount(const std::string& name, const std::string& text, double min, double max) {
    const double v = parseNumber(name, text, min, max);
    if (v != static_cast<double>(static_cast<std::uint64_t>(v)))
        throw Error::invalid(name + " expects a whole number", "got '" + text + "'");
    return static_cast<std::uint64_t>(v);
}

// Each connection is a descriptor: lift the soft limit towards the hard one.
void raiseFileLimit(std::uint64_t needed) {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= needed) return;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? needed : std::min<rlim_t>(rl.rlim_max, needed);
    ::setrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < needed)
        throw Error::invalid("--connections needs " + std::to_string(needed) + " descriptors",
                             "the limit is " + std::to_string(rl.rlim_cur) + " (ulimit -n)");
}

std::string human(double bytesPerSec) {
    const char* units[] = {"B", "KiB", "MiB", "GiB"};
    int u = 0;
    while (bytesPerSec >= 1024 && u < 3) {
        bytesPerSec /= 1024;
        ++u;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f %s/s", bytesPerSec, units[u]);
    return buf;
}

}  // namespace

int loadCommand(const Args& args) {
    load::LoadConfig config;
    bool json = false, bulk = false, payloadGiven = false;
    std::string target;
    try {
        for (size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw Error::invalid(a + " needs a value");
                return args[++i];
            };
            if (a == "-h" || a == "--help") {
                std::fputs(kLoadUsage, stdout);
                return 0;
            } else if (a == "-c" || a == "--connections") {
                config.connections = int(parseCount("--connections", value(), 1, 1'000'000));
            } else if (a == "-t" || a == "--threads") {
                config.threads = int(parseCount("--threads", value(), 1, 256));
            } else if (a == "-d" || a == "--duration") {
                const double s = parseNumber("--duration", value(), 0.001, 86400);
                config.duration = std::chrono::milliseconds(static_cast<long long>(s * 1000 + 0.5));
            } else if (a == "-n" || a == "--requests") {
                config.requests = parseCount("--requests", value(), 1, 1e15);
            } else if (a == "--rate") {
                config.rate = parseNumber("--rate", value(), 0.001, 1e9);
            } else if (a == "--no-keepalive") {
                config.keepAlive = false;
            } else if (a == "--payload") {
                config.payload =
                    std::size_t(parseCount("--payload", value(), 1, 64.0 * 1024 * 1024));
                payloadGiven = true;
            } else if (a == "--bulk") {
                bulk = true;
            } else if (a == "--timeout") {
                const double s = parseNumber("--timeout", value(), 0.001, 3600);
                config.timeout = std::chrono::milliseconds(static_cast<long long>(s * 1000 + 0.5));
            } else if (a == "--full-parser") {
                config.fullParser = true;
            } else if (a == "--json") {
                json = true;
            } else if (a.rfind("-", 0) == 0) {
                throw Error::invalid("unknown option '" + a + "'", "see sockwb load --help");
            } else if (target.empty()) {
                target = a;
            } else {
                throw Error::invalid("more than one target ('" + target + "' and '" + a + "')");
            }
        }
        if (target.empty())
            throw Error::invalid("no target given",
                                 "sockwb load URL|tcp://HOST:PORT|udp://HOST:PORT");
        config.target = load::LoadTarget::parse(target);
        using Scheme = load::LoadTarget::Scheme;
        if (bulk && config.target.scheme != Scheme::Tcp)
            throw Error::invalid("--bulk needs a tcp://HOST:PORT target");
        if (!config.keepAlive && config.target.scheme != Scheme::Http)
            throw Error::invalid("--no-keepalive applies to HTTP URLs only");
        switch (config.target.scheme) {
            case Scheme::Http:
                config.workload = load::Workload::Http;
                break;
            case Scheme::Tcp:
                config.workload = bulk ? load::Workload::Bulk : load::Workload::TcpEcho;
                break;
            case Scheme::Udp:
                config.workload = load::Workload::UdpEcho;
                break;
        }
        if (bulk && !payloadGiven) config.payload = 128 * 1024;
        config.validate();
        raiseFileLimit(std::uint64_t(config.connections) + 64);
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb load: %s\n", e.what());
        return 2;
    }

    // SIGINT/SIGTERM end the run early but still print the report: the
    // signals are blocked in every thread and a watcher waits for them.
    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, &old);
    int status = 0;
    try {
        load::LoadGenerator gen(config);
        std::atomic<bool> finished{false};
        std::thread watcher([&] {
            const timespec tick{0, 100'000'000};
            while (!finished.load()) {
                if (::sigtimedwait(&sigs, nullptr, &tick) > 0) {
                    gen.stop();
                    return;
                }
            }
        });
        std::uint64_t lastRequests = 0, lastBytes = 0;
        double lastT = 0;
        if (!json)
            std::printf("sockwb load: %s, %s, %d connection(s), %d thread(s), %s\n",
                        config.target.text.c_str(), load::workloadName(config.workload),
                        config.connections, config.threads,
                        config.rate > 0
                            ? ("open loop at " + std::to_string(config.rate) + " req/s").c_str()
                            : "closed loop");
        std::fflush(stdout);
        load::LoadStats stats;
        try {
            stats = gen.run([&](const load::LoadProgress& p) {
                const double dt = p.elapsedSec - lastT;
                std::fprintf(stderr, "[%6.1fs] %llu requests (%.0f/s), %llu errors, %s\n",
                             p.elapsedSec, static_cast<unsigned long long>(p.requests),
                             dt > 0 ? double(p.requests - lastRequests) / dt : 0.0,
                             static_cast<unsigned long long>(p.errors),
                             human(dt > 0 ? double(p.bytes - lastBytes) / dt : 0.0).c_str());
                lastRequests = p.requests;
                lastBytes = p.bytes;
                lastT = p.elapsedSec;
            });
        } catch (...) {
            finished = true;
            watcher.join();
            throw;
        }
        finished = true;
        watcher.join();
        if (json)
            std::printf("%s\n", stats.toJson().c_str());
        else
            std::printf("%s", stats.toText().c_str());
        if (stats.requests == 0 && stats.errorTotal() > 0) status = 1;
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb load: %s\n", e.what());
        status = 1;
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return status;
}

}  // namespace sockwb::app
