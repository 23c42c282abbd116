// `sockwb relay`: a fault-injecting relay (core/relay) between clients and a
// target, headless until SIGINT/SIGTERM. The relay works on its own thread;
// the main thread waits in poll() for a stop signal (a signalfd: no work in
// a handler) and for lines on stdin, each a set of fault options applied at
// once (RelayInput).

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/relayfaults.h"
#include "app/cli/relayinput.h"
#include "app/cli/relayprinter.h"
#include "core/net/error.h"
#include "core/relay/relay.h"

namespace sockwb::app {

namespace {

const char* kHelp =
    "Usage: sockwb relay --listen ADDR:PORT --to HOST:PORT [OPTIONS]\n"
    "Relays connections (tcp) or datagrams (udp) to HOST:PORT and breaks them on purpose:\n"
    "latency, a bandwidth cap, messages cut in slices, a reset or a close after some\n"
    "bytes, a stall; for UDP lost, duplicated and reordered datagrams. No root needed.\n"
    "Prints 'relaying ADDR:PORT -> HOST:PORT (tcp), ...' once it accepts (the real port\n"
    "with --listen 127.0.0.1:0), then the relay's log; on Ctrl-C (SIGINT) or SIGTERM it\n"
    "stops cleanly, prints the counters of each direction and exits 0.\n\n"
    "  --listen ADDR:PORT     where to listen (default 127.0.0.1:0; PORT alone: 127.0.0.1)\n"
    "  --to HOST:PORT         the target server ([::1]:7 for IPv6)\n"
    "  --protocol tcp|udp     default tcp\n"
    "  --direction up|down|both  the faults given apply to up (client to target), down\n"
    "                         (target to client) or both (default)\n"
    "  --latency MS[+-JITTER]  each chunk or datagram waits MS ms, give or take JITTER\n"
    "                         (also written MS~JITTER)\n"
    "  --latency-p P          probability of the latency per chunk (0.5 or 50%; default 1)\n"
    "  --bandwidth KBPS       tcp: at most KBPS KiB/s (0: no cap)\n"
    "  --slice AVG[+-VAR]     tcp: write each chunk in slices of AVG bytes, give or take VAR\n"
    "  --slice-delay MS       tcp: pause between two slices\n"
    "  --slice-p P            tcp: probability of slicing a chunk (default 1)\n"
    "  --reset-after LIMIT    tcp: reset both legs (RST) after LIMIT bytes (1000, 64k, 1m)\n"
    "                         or after a time (500ms, 2s); off removes it\n"
    "  --close-after LIMIT    tcp: close both legs (FIN) after LIMIT bytes or a time\n"
    "  --stall                tcp: stop forwarding (the peer waits for ever)\n"
    "  --no-stall             tcp: forward again\n"
    "  --limit-p P            tcp: probability per connection of the reset, close and stall\n"
    "  --drop P               udp: probability of losing a datagram\n"
    "  --duplicate P          udp: probability of sending a datagram twice\n"
    "  --reorder P            udp: probability of holding a datagram back behind the next\n"
    "  --seed N               seed of the random choices (default: from the clock)\n"
    "  --max-connections N    connections or UDP flows at once (default 1024)\n"
    "  --trace                print the relay's socket calls on stderr as they happen\n"
    "  --json                 print events, counters and the trace as JSON lines on stdout\n\n"
    "While it runs, each line typed on stdin changes the faults at once, with the same\n"
    "options: '--latency 200 --direction up', '--drop 0.1', '--reset-after off'.\n"
    "'stats' prints the counters now, 'clear' removes every fault (clear --direction up:\n"
    "those of one direction). A wrong line is refused and the relay goes on.\n"
    "Exit status: 0 stopped by a signal, 1 runtime error (port in use...), 2 bad usage.\n";

struct RelayOptions {
    RelayConfig config;
    std::vector<std::string> ignored;  // fault options this protocol ignores
    bool trace = false;
    bool json = false;
    bool help = false;
};

// "127.0.0.1:40000", "[::1]:7", "localhost:7"; a bare port when allowed.
void parseHostPort(const std::string& text, const std::string& option, bool barePort,
                   std::string& host, uint16_t& port) {
    std::string portText;
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find("]:");
        if (close == std::string::npos)
            throw Error::invalid(option + " '" + text + "'", "expected [IPV6]:PORT");
        host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
    } else if (const size_t colon = text.rfind(':'); colon != std::string::npos) {
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
    } else if (barePort) {
        host = "127.0.0.1";
        portText = text;
    } else {
        throw Error::invalid(option + " '" + text + "'", "expected HOST:PORT, as in 127.0.0.1:7");
    }
    if (host.empty())
        throw Error::invalid(option + " '" + text + "': an empty address",
                             "give 127.0.0.1 (this machine only), or a name or address");
    port = static_cast<uint16_t>(parseInteger(option, portText, barePort ? 0 : 1, 65535));
}

RelayOptions parse(const Args& args) {
    CommandParser p("relay");
    for (const char* n : {"listen", "to", "protocol", "seed", "max-connections"})
        p.addValue({QString::fromLatin1(n)});
    declareFaultOptions(p);
    p.addFlag({"trace"});
    p.addFlag({"json"});
    p.parse(args);
    RelayOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    RelayConfig& c = o.config;
    if (p.isSet("protocol")) {
        c.protocol = parseProtocol(p.value("protocol"));
        if (isUnixDomain(c.protocol))
            throw Error::invalid("--protocol " + p.value("protocol"), "the relay is tcp or udp");
    }
    if (p.isSet("listen"))
        parseHostPort(p.value("listen"), "--listen", true, c.listenHost, c.listenPort);
    if (!p.isSet("to"))
        throw Error::invalid("--to is required", "the target server, as in --to 127.0.0.1:7");
    parseHostPort(p.value("to"), "--to", false, c.targetHost, c.targetPort);
    c.seed = static_cast<uint64_t>(p.integer("seed", 0, INT64_MAX, 0));
    c.maxConnections = static_cast<int>(p.integer("max-connections", 1, 1000000, c.maxConnections));
    for (RelayDirection d : faultDirections(p)) applyFaultOptions(p, c.faults(d));
    o.ignored = ignoredFaultOptions(p, c.protocol);
    o.trace = p.isSet("trace");
    o.json = p.isSet("json");
    if (const auto extra = p.positional(); !extra.empty())
        throw Error::invalid("unexpected argument '" + extra.front() + "'", p.seeHelp());
    return o;
}

// "127.0.0.1:7", "[::1]:7".
std::string targetText(const RelayConfig& c) {
    const bool v6 = c.targetHost.find(':') != std::string::npos;
    return (v6 ? "[" + c.targetHost + "]" : c.targetHost) + ":" + std::to_string(c.targetPort);
}

// Blocks the stop signals before the relay's thread exists (it inherits the
// mask) and returns a descriptor that reads them.
int stopSignalFd() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return signalfd(-1, &set, SFD_CLOEXEC);
}

// Waits for a stop signal, feeding the lines of stdin to `input` until it
// ends (EOF or closed: the relay runs on).
void runUntilSignal(int signalFd, RelayInput& input) {
    bool stdinOpen = true;
    char buf[4096];
    for (;;) {
        pollfd fds[2] = {{signalFd, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        if (::poll(fds, stdinOpen ? 2 : 1, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[0].revents != 0) {
            signalfd_siginfo info;
            (void)::read(signalFd, &info, sizeof info);
            return;
        }
        if (!stdinOpen || fds[1].revents == 0) continue;
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {
            input.finish();
            stdinOpen = false;
            continue;
        }
        input.feed(std::string_view(buf, static_cast<size_t>(n)));
    }
}

}  // namespace

int relayCommand(const Args& args) {
    RelayOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb relay: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QString::fromUtf8(kHelp));
        return 0;
    }
    RelayPrinter printer(o.json);
    for (const std::string& option : o.ignored)
        printer.note(option + " does not apply to a " + protocolName(o.config.protocol) +
                     " relay: ignored");
    const int signalFd = stopSignalFd();
    if (signalFd < 0) {
        printErr(QStringLiteral("sockwb relay: %1\n")
                     .arg(errorText(Error::fromErrno("signalfd", errno))));
        return 1;
    }
    int status = 0;
    {
        Relay relay(o.config);
        relay.setObserver(&printer);
        if (o.trace) relay.setTraceObserver(&printer);
        try {
            TraceScope scope(o.trace ? &printer : nullptr);
            relay.start();
        } catch (const Error& e) {
            printErr(QStringLiteral("sockwb relay: %1\n").arg(errorText(e)));
            status =
                e.kind() == ErrorKind::InvalidInput || e.kind() == ErrorKind::Unsupported ? 2 : 1;
        }
        if (status == 0) {
            printer.listening(o.config.protocol, relay.address(), targetText(o.config), o.config.up,
                              o.config.down);
            RelayInput input(relay, printer, o.config);
            runUntilSignal(signalFd, input);
            {
                TraceScope scope(o.trace ? &printer : nullptr);
                relay.stop();
            }
            printer.stats(relay.stats(), true);
            printer.stopped();
        }
    }
    ::close(signalFd);
    return status;
}

}  // namespace sockwb::app
