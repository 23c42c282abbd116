// `sockwb load`: the load generator on the command line (like wrk, with TCP
// and UDP echo, a bulk mode and https:// over the project's TLS engine). Progress once a second on
// stderr, a report (or one JSON object with --json) on stdout at the end.

#include <sys/resource.h>

#include <QCoreApplication>
#include <QtGlobal>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "core/load/loadgenerator.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

const char* kLoadUsage = QT_TRANSLATE_NOOP(
    "sockwb::app::load",
    "Usage: sockwb load URL|tcp://HOST:PORT|udp://HOST:PORT (--duration S | --requests N) "
    "[options]\n"
    "Loads a server and reports requests/s, bytes/s, latency percentiles and errors.\n"
    "  http://...      HTTP/1.1 GET, keep-alive (each response framed, status counted)\n"
    "  https://...     the same over TLS (port 443 by default; SNI and the name checked are\n"
    "                  the URL's host); reports TLS handshakes, resumed sessions, handshakes/s\n"
    "  tcp://H:P       TCP echo round trips of --payload bytes (or --bulk)\n"
    "  udp://H:P       UDP echo: one datagram of --payload bytes out, one back\n\n"
    "  -c, --connections N  concurrent connections over all threads (default 10)\n"
    "  -t, --threads T      event loops, one per thread (default 1)\n"
    "  -d, --duration S     run for S seconds (decimals allowed)\n"
    "  -n, --requests N     stop after exactly N requests (with -d: whichever comes first)\n"
    "      --rate R         open loop: R requests/s in total, latency timed from when each\n"
    "                       request was due (no coordinated omission); default closed loop\n"
    "      --no-keepalive   HTTP: a new connection per request (Connection: close)\n"
    "  -k, --insecure       https: do not verify the server's certificate\n"
    "      --cacert FILE    https: trust the CAs in FILE (PEM) instead of the system store\n"
    "      --cert FILE      https: present this client certificate (PEM)\n"
    "      --key FILE       https: its private key (PEM), when not in --cert's file\n"
    "      --no-resume      https: no session resumption, every new connection a full "
    "handshake\n"
    "      --payload BYTES  echo: bytes per round trip (default 64); bulk: bytes per send (default "
    "131072)\n"
    "      --bulk           tcp://: send as fast as possible (to a discard service); reports "
    "bytes/s\n"
    "      --timeout S      a request slower than S seconds counts as a timeout error (default 5)\n"
    "      --full-parser    HTTP: frame with the full response parser (slower; for comparison)\n"
    "      --json           print one JSON object instead of the report\n"
    "Exit status: 0 when requests completed, 1 when none did (errors only), 2 on bad usage.\n");

// Each connection is a descriptor: lift the soft limit towards the hard one.
void raiseFileLimit(std::uint64_t needed) {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= needed) return;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? needed : std::min<rlim_t>(rl.rlim_max, needed);
    ::setrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < needed)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::load",
                                             "--connections needs %1 descriptors")
                     .arg(static_cast<qulonglong>(needed))),
            utf8(QCoreApplication::translate("sockwb::app::load", "the limit is %1 (ulimit -n)")
                     .arg(static_cast<qulonglong>(rl.rlim_cur))));
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

// A count such as --requests: a number (1e6 is allowed) with no fraction.
std::uint64_t count(const CommandParser& p, const QString& name, double min, double max,
                    std::uint64_t fallback) {
    if (!p.isSet(name)) return fallback;
    const double v = p.number(name, min, max, 0);
    if (v != static_cast<double>(static_cast<std::uint64_t>(v)))
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::load", "%1: '%2' is not a whole number")
                     .arg(q(p.display(name)), q(p.value(name)))));
    return static_cast<std::uint64_t>(v);
}

// Seconds as --duration and --timeout take them ("1.5", and "10s" for a duration).
std::chrono::milliseconds seconds(const CommandParser& p, const QString& name, double max,
                                  std::chrono::milliseconds fallback) {
    if (!p.isSet(name)) return fallback;
    std::string text = p.value(name);
    if (name == "duration" && !text.empty() && text.back() == 's') text.pop_back();
    const double s = parseNumber(p.display(name), text, 0.001, max);
    return std::chrono::milliseconds(static_cast<long long>(s * 1000 + 0.5));
}

// The workload follows the target's scheme; checks the flags that need one.
void chooseWorkload(load::LoadConfig& config, bool bulk, bool tlsFlags) {
    using Scheme = load::LoadTarget::Scheme;
    if (bulk && config.target.scheme != Scheme::Tcp)
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::load", "--bulk needs a tcp://HOST:PORT target")));
    if (!config.keepAlive && config.target.scheme != Scheme::Http)
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::load", "--no-keepalive applies to HTTP URLs only")));
    if (tlsFlags && !config.target.tls)
        throw Error::invalid(utf8(QCoreApplication::translate(
                                 "sockwb::app::load", "TLS options apply to https:// URLs only")),
                             "--insecure, --cacert, --cert, --key, --no-resume");
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
}

struct LoadOptions {
    load::LoadConfig config;
    bool json = false;
    bool help = false;
};

LoadOptions parse(const Args& args) {
    CommandParser p("load");
    p.addValue({"c", "connections"});
    p.addValue({"t", "threads"});
    p.addValue({"d", "duration"});
    p.addValue({"n", "requests"});
    for (const char* name : {"rate", "payload", "timeout", "cacert", "cert", "key"})
        p.addValue({QString::fromLatin1(name)});
    for (const char* name : {"no-keepalive", "bulk", "full-parser", "json", "no-resume"})
        p.addFlag({QString::fromLatin1(name)});
    p.addFlag({"k", "insecure"});
    p.parse(args);
    LoadOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    load::LoadConfig& config = o.config;
    config.connections = int(count(p, "connections", 1, 1'000'000, config.connections));
    config.threads = int(count(p, "threads", 1, 256, config.threads));
    config.duration = seconds(p, "duration", 86400, config.duration);
    config.requests = count(p, "requests", 1, 1e15, config.requests);
    config.rate = p.number("rate", 0.001, 1e9, config.rate);
    config.keepAlive = !p.isSet("no-keepalive");
    const bool bulk = p.isSet("bulk");
    config.payload =
        std::size_t(count(p, "payload", 1, 64.0 * 1024 * 1024, bulk ? 128 * 1024 : config.payload));
    config.timeout = seconds(p, "timeout", 3600, config.timeout);
    config.fullParser = p.isSet("full-parser");
    o.json = p.isSet("json");
    const std::vector<std::string> targets = p.positional();
    if (targets.empty())
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::load", "no target given")),
            "sockwb load URL|tcp://HOST:PORT|udp://HOST:PORT");
    if (targets.size() > 1)
        throw Error::invalid(utf8(
            QCoreApplication::translate("sockwb::app::load", "more than one target ('%1' and '%2')")
                .arg(q(targets[0]), q(targets[1]))));
    config.target = load::LoadTarget::parse(targets[0]);
    tls::ClientOptions& tls = config.tlsOptions;
    tls.insecure = p.isSet("insecure");
    tls.caFile = p.value("cacert");
    tls.certFile = p.value("cert");
    tls.keyFile = p.value("key");
    tls.resumeSessions = !p.isSet("no-resume");
    const bool tlsFlags = tls.insecure || !tls.caFile.empty() || !tls.certFile.empty() ||
                          !tls.keyFile.empty() || !tls.resumeSessions;
    chooseWorkload(config, bulk, tlsFlags);
    config.validate();
    raiseFileLimit(std::uint64_t(config.connections) + 64);
    return o;
}

// The progress line on stderr, once a second: rates since the previous one.
class ProgressLine {
public:
    void operator()(const load::LoadProgress& p) {
        const double dt = p.elapsedSec - lastT_;
        printErr(QCoreApplication::translate("sockwb::app::load",
                                             "[%1s] %2 requests (%3/s), %4 errors, %5\n")
                     .arg(p.elapsedSec, 6, 'f', 1)
                     .arg(static_cast<qulonglong>(p.requests))
                     .arg(dt > 0 ? double(p.requests - lastRequests_) / dt : 0.0, 0, 'f', 0)
                     .arg(static_cast<qulonglong>(p.errors))
                     .arg(q(human(dt > 0 ? double(p.bytes - lastBytes_) / dt : 0.0))));
        lastRequests_ = p.requests;
        lastBytes_ = p.bytes;
        lastT_ = p.elapsedSec;
    }

private:
    std::uint64_t lastRequests_ = 0, lastBytes_ = 0;
    double lastT_ = 0;
};

// Runs the generator; SIGINT/SIGTERM (blocked by the caller in every
// thread) end the run early, through a watcher thread that waits for them.
load::LoadStats runUntilSignal(load::LoadGenerator& gen, const sigset_t& sigs) {
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
    load::LoadStats stats;
    try {
        stats = gen.run(ProgressLine());
    } catch (...) {
        finished = true;
        watcher.join();
        throw;
    }
    finished = true;
    watcher.join();
    return stats;
}

// The run and its report; the exit status.
int run(const load::LoadConfig& config, bool json) {
    // SIGINT/SIGTERM end the run early but still print the report.
    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, &old);
    int status = 0;
    try {
        load::LoadGenerator gen(config);
        if (!json)
            printOut(
                QCoreApplication::translate(
                    "sockwb::app::load",
                    "sockwb load: %1, %2, %3 connection(s), %4 thread(s), %5\n")
                    .arg(q(config.target.text),
                         QString::fromLatin1(
                             config.target.tls ? "https" : load::workloadName(config.workload)),
                         QString::number(config.connections), QString::number(config.threads),
                         config.rate > 0
                             ? QCoreApplication::translate("sockwb::app::load",
                                                           "open loop at %1 req/s")
                                   .arg(q(std::to_string(config.rate)))
                             : QCoreApplication::translate("sockwb::app::load", "closed loop")));
        const load::LoadStats stats = runUntilSignal(gen, sigs);
        if (json)
            std::printf("%s\n", stats.toJson().c_str());
        else
            std::printf("%s", stats.toText().c_str());
        if (stats.requests == 0 && stats.errorTotal() > 0) status = 1;
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb load: %1\n").arg(errorText(e)));
        status = 1;
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return status;
}

}  // namespace

int loadCommand(const Args& args) {
    LoadOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb load: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QCoreApplication::translate("sockwb::app::load", kLoadUsage));
        return 0;
    }
    return run(o.config, o.json);
}

}  // namespace sockwb::app
