// `sockwb client`: a scriptable TCP/UDP client (the course's client in one
// command) and, with no --send, a small netcat. One poll loop moves bytes
// both ways, so a big --send to an echo server cannot deadlock (both sides
// blocked in send with full buffers).

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <optional>

#include "app/cli/clientrun.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/escapes.h"
#include "core/net/error.h"
#include "core/net/framing.h"
#include "core/net/trace.h"

namespace sockwb::app {

namespace {

constexpr const char* kHelp =
    "Usage: sockwb client [--protocol tcp|udp] HOST PORT [OPTIONS]\n"
    "       sockwb client unix:PATH | unixgram:PATH [OPTIONS]\n"
    "Connects to HOST PORT, sends each --send message, prints what comes back (byte-exact)\n"
    "on stdout. With no --send it works like netcat: stdin goes to the server (TCP: half-close\n"
    "at end of input), received bytes to stdout, until the server closes.\n\n"
    "  --protocol tcp|udp|unix|unixgram  default tcp; unix, unixgram: the one argument is\n"
    "                       the socket path. A unixgram client autobinds an abstract name\n"
    "                       (unix:@xxxxx) so that the server can answer; no file is left\n"
    "  --send TEXT          one message (repeatable); escapes \\n \\r \\t \\0 \\\\ \\xHH.\n"
    "                       UDP: each --send is one datagram\n"
    "  --until TEXT         stop (exit 0) as soon as TEXT was received (same escapes)\n"
    "  --framing F          raw (default), line (adds \\n) or len32 (4-byte big-endian length)\n"
    "  --timeout MS         connect timeout, and the longest wait for data. Defaults: 10000 with\n"
    "                       --until, 5000 after --send (then the end is normal), none for a TCP\n"
    "                       netcat, 2000 for UDP\n"
    "  --trace              print each socket call on stderr as it happens\n\n"
    "The course's client:  sockwb client 127.0.0.1 PORT --send 'Bonjour\\n' --until 'Au Revoir'\n"
    "Exit status: 0 done, 1 runtime error (refused, timed out before --until...), 2 bad usage.\n";

// Prints trace events on stderr, strace style. Only this process's main
// thread makes calls, but the interface asks for thread safety anyway.
class StderrTrace final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::fprintf(stderr, "[pid %d tid %d] %s\n", e.pid, e.tid, e.toLine().c_str());
        std::fflush(stderr);
    }
};

// "unix:PATH", "unixgram:PATH", or a bare PATH after --protocol unix|unixgram:
// the target is that socket path. False for a host (then a port follows).
bool takeUnixTarget(ClientOptions& o, const std::vector<std::string>& positional,
                    bool protocolGiven) {
    if (positional.size() != 1) {
        if (o.unixDomain)
            throw Error::invalid("expected the socket path",
                                 "as in sockwb client unix:/tmp/echo.sock");
        return false;
    }
    const std::string& arg = positional.front();
    if (const size_t prefix = Address::unixPrefixLength(arg)) {
        const bool dgram = arg.compare(0, prefix, "unixgram:") == 0;
        if (protocolGiven && (!o.unixDomain || o.udp != dgram))
            throw Error::invalid("'" + arg + "' contradicts --protocol");
        o.unixDomain = true;
        o.udp = dgram;
        o.host = arg.substr(prefix);
    } else if (o.unixDomain) {
        o.host = arg;
    } else {
        return false;
    }
    Address::unixPath(o.host);  // empty or too long for sun_path: a usage error
    return true;
}

ClientOptions parse(const Args& args, bool& help) {
    CommandParser p("client");
    for (const char* name : {"protocol", "send", "until", "framing", "timeout"})
        p.addValue({QString::fromLatin1(name)});
    p.addFlag({"trace"});
    p.parse(args);
    ClientOptions o;
    help = p.helpAsked();
    if (help) return o;
    if (p.isSet("protocol")) {
        const std::string proto = p.value("protocol");
        if (proto != "tcp" && proto != "udp" && proto != "unix" && proto != "unixgram")
            throw Error::invalid("--protocol: '" + proto + "' is not tcp, udp, unix or unixgram");
        o.udp = proto == "udp" || proto == "unixgram";
        o.unixDomain = proto == "unix" || proto == "unixgram";
    }
    for (const std::string& text : p.values("send")) o.sends.push_back(decodeEscapes(text));
    if (p.isSet("until")) {
        o.until = decodeEscapes(p.value("until"));
        if (o.until->empty()) throw Error::invalid("--until needs a non-empty text");
    }
    if (p.isSet("framing")) o.framing = parseFraming(p.value("framing"));
    if (p.isSet("timeout")) o.timeoutMs = static_cast<int>(p.integer("timeout", 0, 86400000, 0));
    o.trace = p.isSet("trace");
    const std::vector<std::string> positional = p.positional();
    const bool local = takeUnixTarget(o, positional, p.isSet("protocol"));  // unix:PATH
    if (!local && positional.size() != 2)
        throw Error::invalid("expected HOST and PORT",
                             "as in sockwb client 127.0.0.1 7 --send 'hello\\n'");
    if (!local) {
        o.host = positional[0];
        o.port = positional[1];
        Address::parsePort(o.port);  // out of range or not a number: a usage error
    }
    // A zero timeout would give up before the first byte could come.
    if (o.timeoutMs == 0) throw Error::invalid("--timeout must be at least 1 ms");
    for (auto& s : o.sends) s = encodeFrame(o.framing, s);
    return o;
}

}  // namespace

int clientCommand(const Args& args) {
    ClientOptions o;
    bool help = false;
    try {
        o = parse(args, help);
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb client: %s\n", e.what());
        return 2;
    }
    if (help) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    StderrTrace trace;
    TraceScope scope(o.trace ? &trace : nullptr);
    try {
        ClientRun run(o);
        return run.run();
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb client: %s\n", e.what());
        return e.kind() == ErrorKind::InvalidInput ? 2 : 1;
    }
}

}  // namespace sockwb::app
