// sockwb_hostile: one attack against a running server, measured. Run by
// tests/bench/hostile (the driver starts the servers and prints the table).
// While the attack runs for SECS seconds, the server's processes (PIDs and
// every process they fork) are sampled every 100 ms from /proc: peak RSS
// (summed over fork children) and CPU (as % of one core), and a probe asks
// the server something small every 200 ms. When the RSS passes the cap the
// attack stops early, so a leaking server cannot take the machine down.
// Prints one line of Markdown cells:
//   | RSS before -> peak | CPU | probes served/total, worst latency | note |
//
// Usage: sockwb_hostile ATTACK HOST:PORT PID[,PID...] [--secs S] [--count N]
//                       [--rss-cap MB] [--probe-timeout MS] [--spoof HOST:PORT]
// --spoof: udp-reflect's claimed source (default: the target itself).

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "core/net/error.h"
#include "tests/bench/attacks/attacks.h"
#include "tests/bench/attacks/procmeter.h"
#include "tests/bench/attacks/reflect.h"

using namespace sockwb;
using namespace sockwb::bench;

namespace {

struct Options {
    std::string attack;
    Address target;
    Address spoof;
    std::vector<pid_t> pids;
    double secs = 4;
    int count = 0;
    uint64_t rssCapKb = 2048 * 1024;
    Millis probeTimeout{1000};
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "sockwb_hostile: %s\nusage: sockwb_hostile ATTACK HOST:PORT PID[,PID...] "
                 "[--secs S] [--count N] [--rss-cap MB] [--probe-timeout MS] [--spoof "
                 "HOST:PORT]\nattacks: %s\n",
                 why, attackList().c_str());
    std::exit(2);
}

Options parse(int argc, char** argv) {
    if (argc < 4) usage("missing arguments");
    Options o;
    o.attack = argv[1];
    o.target = Address::parse(argv[2]);
    o.spoof = o.target;
    for (const char* p = argv[3]; *p;) {
        char* endp = nullptr;
        const long pid = std::strtol(p, &endp, 10);
        if (pid <= 0 || endp == p) usage("PIDs are positive numbers, comma-separated");
        o.pids.push_back(static_cast<pid_t>(pid));
        p = *endp == ',' ? endp + 1 : endp;
    }
    for (int i = 4; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--secs")
            o.secs = std::atof(v.c_str());
        else if (k == "--count")
            o.count = std::atoi(v.c_str());
        else if (k == "--rss-cap")
            o.rssCapKb = std::strtoull(v.c_str(), nullptr, 10) * 1024;
        else if (k == "--probe-timeout")
            o.probeTimeout = Millis(std::atoi(v.c_str()));
        else if (k == "--spoof")
            o.spoof = Address::parse(v, SOCK_DGRAM);
        else
            usage(("unknown option " + k).c_str());
    }
    if (o.secs <= 0 || o.secs > 600) usage("--secs wants 0 < S <= 600");
    return o;
}

struct Watch {
    uint64_t baseKb = 0, peakKb = 0, ticks = 0;
    int peakProcesses = 0;
    double elapsed = 0;
    std::string stopped;  // why the attack ended early
};

// Samples until `end` or `stop`; raises `stop` at the RSS cap or when the
// server is gone.
Watch watch(const ProcMeter& meter, const Options& o, Clock::time_point end,
            std::atomic<bool>& stop) {
    Watch w;
    const auto start = Clock::now();
    const ProcSample first = meter.sample();
    w.baseKb = w.peakKb = first.rssKb;
    ProcSample s = first;
    while (Clock::now() < end && !stop.load()) {
        std::this_thread::sleep_for(Millis(100));
        s = meter.sample();
        w.peakKb = std::max(w.peakKb, s.rssKb);
        w.peakProcesses = std::max(w.peakProcesses, s.processes);
        const double t = std::chrono::duration<double>(Clock::now() - start).count();
        char buf[96];
        if (!s.rootsAlive) {
            std::snprintf(buf, sizeof buf, "server died at %.1f s", t);
        } else if (s.rssKb > o.rssCapKb) {
            std::snprintf(buf, sizeof buf, "stopped at %.1f s: RSS over the %llu MB cap", t,
                          static_cast<unsigned long long>(o.rssCapKb / 1024));
        } else {
            continue;
        }
        w.stopped = buf;
        stop = true;
    }
    w.elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    w.ticks = s.ticks >= first.ticks ? s.ticks - first.ticks : 0;
    return w;
}

void reflect(const Options& o, const AttackPlan& plan) {
    for (int i = 0; i < plan.count; ++i) sendSpoofed(o.spoof, o.target, "reflect me\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    Options o;
    std::optional<AttackPlan> plan;
    try {
        o = parse(argc, argv);
        plan = planFor(o.attack, o.count);
        if (!plan) usage(("unknown attack " + o.attack).c_str());
    } catch (const Error& e) {
        usage(e.what());
    }
    const ProcMeter meter(o.pids);
    std::atomic<bool> stop{false};
    const auto end = Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(o.secs * 1000));
    const uint64_t udpBefore = udpDatagramsDelivered();
    std::string note;
    FloodResult flood;
    std::thread attacker([&] {
        try {
            if (plan->udpReflection)
                reflect(o, *plan);
            else
                flood = runFlood(o.target, plan->groups, end, stop);
        } catch (const Error& e) {
            note = std::string("attack failed: ") + e.what();
        }
    });
    ProbeResult probe;
    std::thread prober(
        [&] { probe = runProbe(plan->probe, o.target, Millis(200), o.probeTimeout, end, stop); });
    const Watch w = watch(meter, o, end, stop);
    stop = true;
    attacker.join();
    prober.join();

    if (note.empty() && plan->udpReflection)
        note = "spoofed " + std::to_string(plan->count) + " datagram(s) from " +
               o.spoof.toString() + "; " + std::to_string(udpDatagramsDelivered() - udpBefore) +
               " UDP datagrams delivered";
    else if (note.empty())
        note = describe(flood, plan->groups);
    if (!w.stopped.empty()) note += "; " + w.stopped;
    if (w.peakProcesses > static_cast<int>(o.pids.size()))
        note += "; up to " + std::to_string(w.peakProcesses) + " processes";
    if (probe.failed > 0 && !probe.firstError.empty()) note += "; probe: " + probe.firstError;
    const double cpu = w.elapsed > 0 ? 100.0 * static_cast<double>(w.ticks) /
                                           static_cast<double>(::sysconf(_SC_CLK_TCK)) / w.elapsed
                                     : 0;
    std::printf("| %.0f → %.0f MB | %.0f %% | %d/%d, worst %.0f ms | %s |\n",
                static_cast<double>(w.baseKb) / 1024, static_cast<double>(w.peakKb) / 1024, cpu,
                probe.served, probe.served + probe.failed, probe.worstMs, note.c_str());
    return 0;
}
