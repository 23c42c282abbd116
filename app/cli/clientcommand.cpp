// `sockwb client`: a scriptable TCP/UDP client (the course's client in one
// command) and, with no --send, a small netcat. By default it makes the
// course's blocking calls (connect, send, recv); --io poll moves bytes both
// ways in one poll loop (clientrun.h). --tls runs TLS over those same calls
// (clientruntls.cpp).

#include <sys/socket.h>

#include <QCoreApplication>
#include <QtGlobal>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <optional>

#include "app/cli/clientrun.h"
#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/escapes.h"
#include "app/cli/sockoptlines.h"
#include "core/net/error.h"
#include "core/net/framing.h"
#include "core/net/trace.h"

namespace sockwb::app {

namespace {

constexpr const char* kHelp = QT_TRANSLATE_NOOP(
    "sockwb::app::client",
    "Usage: sockwb client [--protocol tcp|udp] [--tls] HOST PORT [OPTIONS]\n"
    "       sockwb client unix:PATH | unixgram:PATH [OPTIONS]\n"
    "Connects to HOST PORT, sends each --send message, prints what comes back (byte-exact)\n"
    "on stdout. With no --send it works like netcat: stdin goes to the server (TCP: half-close\n"
    "at end of input), received bytes to stdout, until the server closes.\n\n"
    "  --protocol tcp|udp|unix|unixgram  default tcp; unix, unixgram: the one argument is\n"
    "                       the socket path. A unixgram client autobinds an abstract name\n"
    "                       (unix:@xxxxx) so that the server can answer; no file is left\n"
    "  --send TEXT          one message (repeatable), each its own send() (UDP: one datagram);\n"
    "                       escapes \\n \\r \\t \\0 \\\\ \\xHH\n"
    "  --delay MS           pause between two --send (default 0)\n"
    "  --until TEXT         stop (exit 0) as soon as TEXT was received (same escapes)\n"
    "  --framing F          raw (default), line (adds \\n) or len32 (4-byte big-endian length)\n"
    "  --bind ADDR[:PORT]   bind() the client's socket first: 127.0.0.1:5000, :5000, [::1]:5000\n"
    "  --io blocking|poll   blocking (default): the course's blocking connect/send/recv, one\n"
    "                       after the other; poll: a non-blocking socket, sends and receives\n"
    "                       at once. Netcat mode always polls (stdin and the socket)\n"
    "  --recv-size N        bytes asked of each recv (default 65536): a small one splits a\n"
    "                       message over several recvs (UDP: cuts the datagram)\n"
    "  --shutdown rd|wr|rdwr  shutdown(SHUT_RD/SHUT_WR/SHUT_RDWR) after the sends\n"
    "  --sockopt NAME=VALUE a socket option set before bind/connect (repeatable): SO_RCVBUF,\n"
    "                       SO_SNDBUF, TCP_NODELAY, SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL,\n"
    "                       TCP_KEEPCNT, SO_LINGER (0: close resets the connection),\n"
    "                       SO_RCVTIMEO, SO_SNDTIMEO, SO_BROADCAST, IP_TTL, IPV6_V6ONLY,\n"
    "                       SO_REUSEADDR, SO_REUSEPORT. Values: on/off, 64k, 500ms or 2s,\n"
    "                       SO_LINGER=off|SECONDS. What getsockopt reads back is printed on\n"
    "                       stderr ('sockopt' events with --json). SO_RCVTIMEO without\n"
    "                       --timeout is the longest wait for data\n"
    "  --timeout MS         connect timeout, and the longest wait for data. Defaults: 10000 with\n"
    "                       --until, 5000 after --send (then the end is normal), none for a TCP\n"
    "                       netcat, 2000 for UDP\n"
    "  --max-time S         stop after S seconds in all (fractions allowed), connect included,\n"
    "                       even while data keeps coming (exit status 1, as curl -m)\n"
    "  --json               JSON lines on stdout: connected, tls, data (with its sender), "
    "shutdown\n"
    "  --trace              print each socket call on stderr as it happens (with --tls, also\n"
    "                       the TLS records each send/recv carried)\n\n"
    "TLS (TCP only), as openssl s_client -quiet or ncat --ssl:\n"
    "  --tls                a TLS handshake after connect; its summary (version, cipher, ALPN,\n"
    "                       the server's certificate, SHA-256 fingerprint, verification) goes to\n"
    "                       stderr; --send, stdin and stdout then carry the plaintext\n"
    "  -k, --insecure       do not stop at a certificate that fails verification (the result is\n"
    "                       still printed)\n"
    "  --cacert FILE        trust the CAs of this PEM file instead of the system store\n"
    "  --cert FILE          a client certificate (PEM); --key FILE its key, if not in FILE\n"
    "  --servername NAME    the name sent as SNI and checked in the certificate (default HOST)\n"
    "  --alpn LIST          protocols offered by ALPN, comma-separated (default none)\n\n"
    "A UDP answer from another address than HOST PORT is accepted; its sender is printed on\n"
    "stderr (always in the data events of --json).\n"
    "The course's client:  sockwb client 127.0.0.1 PORT --send 'Bonjour\\n' --until 'Au Revoir'\n"
    "Over TLS:             sockwb client --tls --cacert ca.pem localhost 4433\n"
    "Exit status: 0 done, 1 runtime error (refused, timed out before --until...), 2 bad usage.\n");

// Prints trace events on stderr, strace style. Only this process's main
// thread makes calls, but the interface asks for thread safety anyway.
class StderrTrace final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::fprintf(stderr, "[pid %d tid %d] %s\n", e.pid, e.tid, e.toLine().c_str());
        std::fflush(stderr);
    }
};

int parseShutdown(const std::string& text) {
    if (text == "rd") return SHUT_RD;
    if (text == "wr") return SHUT_WR;
    if (text == "rdwr") return SHUT_RDWR;
    throw Error::invalid(utf8(
        QCoreApplication::translate("sockwb::app::client", "--shutdown: '%1' is not rd, wr or rdwr")
            .arg(q(text))));
}

// The options added for the course's clients: --io, --bind, --delay,
// --recv-size, --shutdown, --sockopt, --json.
void parseCourseOptions(const CommandParser& p, ClientOptions& o) {
    if (p.isSet("io")) {
        try {
            o.io = parseClientIo(p.value("io"));
        } catch (const Error& e) {
            throw Error::invalid("--io: " + e.info().call, e.info().detail);
        }
    }
    if (p.isSet("bind")) {
        try {
            o.bind = parseClientBind(p.value("bind"));
        } catch (const Error& e) {
            throw Error::invalid("--bind: " + e.info().call, e.info().detail);
        }
    }
    o.delayMs = static_cast<int>(p.integer("delay", 0, 3600000, 0));
    o.recvSize = static_cast<size_t>(p.integer("recv-size", 1, 1 << 20, 65536));
    if (p.isSet("shutdown")) o.shutdownHow = parseShutdown(p.value("shutdown"));
    o.sockopts = parseSockoptValues(p.values("sockopt"));
    o.json = p.isSet("json");
}

// --tls and its options; they need --tls, and TCP.
void parseTlsOptions(const CommandParser& p, ClientOptions& o) {
    o.tls = p.isSet("tls");
    for (const char* name : {"insecure", "cacert", "cert", "key", "servername", "alpn"}) {
        if (!o.tls && p.isSet(QString::fromLatin1(name)))
            throw Error::invalid(utf8(QCoreApplication::translate("sockwb::app::client",
                                                                  "--%1 is a TLS option: add --tls")
                                          .arg(QString::fromLatin1(name))));
    }
    if (!o.tls) return;
    if (o.udp || o.unixDomain)
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::client", "--tls runs over TCP only (not udp, unix or unixgram)")));
    o.tlsOptions.insecure = p.isSet("insecure");
    o.tlsOptions.caFile = p.value("cacert");
    o.tlsOptions.certFile = p.value("cert");
    o.tlsOptions.keyFile = p.value("key");
    if (!o.tlsOptions.keyFile.empty() && o.tlsOptions.certFile.empty())
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::client", "--key goes with --cert (the client certificate)")));
    o.serverName = p.value("servername");
    if (p.isSet("servername") && o.serverName.empty())
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::client", "--servername needs a name")));
    // A raw TCP client offers no ALPN unless asked (an HTTP client offers http/1.1).
    o.tlsOptions.alpn.clear();
    const QString alpn = QString::fromStdString(p.value("alpn"));
    for (const QString& proto : alpn.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (proto.size() > 255)
            throw Error::invalid(utf8(QCoreApplication::translate(
                "sockwb::app::client", "--alpn: a protocol name is at most 255 bytes")));
        o.tlsOptions.alpn.push_back(proto.trimmed().toStdString());
    }
}

// "unix:PATH", "unixgram:PATH", or a bare PATH after --protocol unix|unixgram:
// the target is that socket path. False for a host (then a port follows).
bool takeUnixTarget(ClientOptions& o, const std::vector<std::string>& positional,
                    bool protocolGiven) {
    if (positional.size() != 1) {
        if (o.unixDomain)
            throw Error::invalid(
                utf8(
                    QCoreApplication::translate("sockwb::app::client", "expected the socket path")),
                utf8(QCoreApplication::translate("sockwb::app::client",
                                                 "as in sockwb client unix:/tmp/echo.sock")));
        return false;
    }
    const std::string& arg = positional.front();
    if (const size_t prefix = Address::unixPrefixLength(arg)) {
        const bool dgram = arg.compare(0, prefix, "unixgram:") == 0;
        if (protocolGiven && (!o.unixDomain || o.udp != dgram))
            throw Error::invalid(utf8(
                QCoreApplication::translate("sockwb::app::client", "'%1' contradicts --protocol")
                    .arg(q(arg))));
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
    for (const char* name :
         {"protocol", "send", "until", "framing", "timeout", "max-time", "io", "bind", "delay",
          "recv-size", "shutdown", "sockopt", "cacert", "cert", "key", "servername", "alpn"})
        p.addValue({QString::fromLatin1(name)});
    p.addFlag({"trace"});
    p.addFlag({"tls"});
    p.addFlag({"k", "insecure"});
    p.addFlag({"json"});
    p.parse(args);
    ClientOptions o;
    help = p.helpAsked();
    if (help) return o;
    if (p.isSet("protocol")) {
        const std::string proto = p.value("protocol");
        if (proto != "tcp" && proto != "udp" && proto != "unix" && proto != "unixgram")
            throw Error::invalid(utf8(
                QCoreApplication::translate("sockwb::app::client",
                                            "--protocol: '%1' is not tcp, udp, unix or unixgram")
                    .arg(q(proto))));
        o.udp = proto == "udp" || proto == "unixgram";
        o.unixDomain = proto == "unix" || proto == "unixgram";
    }
    for (const std::string& text : p.values("send")) o.sends.push_back(decodeEscapes(text));
    if (p.isSet("until")) {
        o.until = decodeEscapes(p.value("until"));
        if (o.until->empty())
            throw Error::invalid(utf8(QCoreApplication::translate(
                "sockwb::app::client", "--until needs a non-empty text")));
    }
    if (p.isSet("framing")) o.framing = parseFraming(p.value("framing"));
    if (p.isSet("timeout")) o.timeoutMs = static_cast<int>(p.integer("timeout", 0, 86400000, 0));
    if (p.isSet("max-time"))
        o.maxTimeMs = std::max(1, static_cast<int>(p.number("max-time", 0.001, 86400, 0) * 1000));
    o.trace = p.isSet("trace");
    parseCourseOptions(p, o);
    const std::vector<std::string> positional = p.positional();
    const bool local = takeUnixTarget(o, positional, p.isSet("protocol"));  // unix:PATH
    if (!local && positional.size() != 2)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::client", "expected HOST and PORT")),
            utf8(QCoreApplication::translate("sockwb::app::client",
                                             "as in sockwb client 127.0.0.1 7 --send 'hello\\n'")));
    if (!local) {
        o.host = positional[0];
        o.port = positional[1];
        Address::parsePort(o.port);  // out of range or not a number: a usage error
    }
    parseTlsOptions(p, o);
    // A zero timeout would give up before the first byte could come.
    if (o.timeoutMs == 0)
        throw Error::invalid(utf8(
            QCoreApplication::translate("sockwb::app::client", "--timeout must be at least 1 ms")));
    for (auto& s : o.sends) s = encodeFrame(o.framing, s);
    return o;
}

// What to try after a certificate the client refused.
void printTlsHint(const ErrorInfo& info) {
    switch (info.tls) {
        case TlsProblem::SelfSigned:
        case TlsProblem::UnknownCa:
            printErr(QCoreApplication::translate(
                "sockwb::app::client",
                "sockwb client: to trust this server, give its CA (or its certificate) with "
                "--cacert FILE; -k/--insecure goes on without checking\n"));
            break;
        case TlsProblem::NameMismatch:
            printErr(QCoreApplication::translate(
                "sockwb::app::client",
                "sockwb client: the certificate names another host: connect by a name it "
                "holds, or check that name with --servername NAME\n"));
            break;
        case TlsProblem::Expired:
        case TlsProblem::NotYetValid:
            printErr(QCoreApplication::translate(
                "sockwb::app::client",
                "sockwb client: check the clocks of both machines; -k/--insecure goes on "
                "anyway\n"));
            break;
        default:
            break;
    }
}

}  // namespace

int clientCommand(const Args& args) {
    ClientOptions o;
    bool help = false;
    try {
        o = parse(args, help);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb client: %1\n").arg(errorText(e)));
        return 2;
    }
    if (help) {
        printOut(QCoreApplication::translate("sockwb::app::client", kHelp));
        return 0;
    }
    StderrTrace trace;
    TraceScope scope(o.trace ? &trace : nullptr);
    try {
        ClientRun run(o);
        return run.run();
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb client: %1\n").arg(errorText(e)));
        if (e.call() == "bind" && e.err() == EADDRINUSE)
            printErr(QCoreApplication::translate(
                "sockwb::app::client",
                "sockwb client: with --bind the client's port is fixed: another socket holds it, "
                "or the last TCP connection from it is still in TIME_WAIT (about a minute). "
                "Choose another port, or give only the address.\n"));
        if (e.kind() == ErrorKind::Tls) printTlsHint(e.info());
        return e.kind() == ErrorKind::InvalidInput ? 2 : 1;
    }
}

}  // namespace sockwb::app
