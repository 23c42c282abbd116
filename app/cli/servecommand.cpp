// `sockwb serve`: runs one server headless until SIGINT/SIGTERM. The server
// works on its own threads; the main thread only waits for a signal with
// sigwait, so the stop happens in ordinary code (no work in a handler).

#include <pthread.h>
#include <signal.h>

#include <QCoreApplication>
#include <QtGlobal>
#include <algorithm>
#include <cstdio>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/servehelp.h"
#include "app/cli/serveprinter.h"
#include "app/cli/sockoptlines.h"
#include "core/net/error.h"
#include "core/server/server.h"
#include "core/server/serverloops.h"
#include "core/server/service.h"
#include "core/services/terminator.h"

namespace sockwb::app {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

// "chat:7000", "time/udp:3737", "echo/unix:/tmp/e.sock" (the first colon:
// a path may hold more).
ListenerConfig parseAlso(const std::string& text, const std::string& bind) {
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::serve",
                                             "--also '%1': expected SERVICE[/udp]:PORT")
                     .arg(q(text))),
            utf8(QCoreApplication::translate("sockwb::app::serve",
                                             "as in --also daytime/udp:1313")));
    ListenerConfig l;
    l.bindAddress = bind;
    std::string service = text.substr(0, colon);
    const size_t slash = service.find('/');
    if (slash != std::string::npos) {
        l.protocol = parseProtocol(service.substr(slash + 1));
        service.resize(slash);
    }
    makeService(service);  // throws listing the valid names
    l.service = service;
    if (isUnixDomain(l.protocol)) {
        l.bindAddress = text.substr(colon + 1);
        (void)Address::unixPath(l.bindAddress);  // too long: said now
        return l;
    }
    l.port = Address::parsePort(text.substr(colon + 1));
    return l;
}

// --bind unix:PATH / unixgram:PATH sets the protocol; a Unix listener needs
// a path and has no port.
void applyUnixBind(ListenerConfig& l, bool protocolGiven, bool bindGiven, bool portGiven) {
    if (const size_t prefix = Address::unixPrefixLength(l.bindAddress)) {
        const Protocol p = parseProtocol(l.bindAddress.substr(0, prefix - 1));
        if (protocolGiven && p != l.protocol)
            throw Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::serve",
                                                 "--bind %1 contradicts --protocol %2")
                         .arg(q(l.bindAddress), QLatin1String(protocolName(l.protocol)))));
        l.protocol = p;
        l.bindAddress.erase(0, prefix);
    } else if (isUnixDomain(l.protocol) && !bindGiven) {
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::serve",
                                             "--protocol %1 needs the socket path")
                     .arg(QLatin1String(protocolName(l.protocol)))),
            utf8(QCoreApplication::translate("sockwb::app::serve", "as in --bind /tmp/echo.sock")));
    }
    if (!isUnixDomain(l.protocol)) return;
    if (portGiven)
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::serve", "a Unix socket has a path, not a port: drop --port")));
    (void)Address::unixPath(l.bindAddress);  // empty or too long: said now
}

struct ServeOptions {
    ServerConfig config;
    bool trace = false;
    bool json = false;
    bool verbose = false;
    bool help = false;
    bool ioGiven = false;
};

// --io, --backlog, --no-reuseaddr and --sockopt: how the blocking models
// wait, listen()'s queue, and the sockets' options.
void parseWaiting(const CommandParser& p, ServeOptions& o) {
    if (p.isSet("io")) {
        const std::string text = p.value("io");
        const auto mode = ioModeFromName(text);
        if (!mode)
            throw Error::invalid("--io '" + text + "'",
                                 utf8(QCoreApplication::translate("sockwb::app::serve",
                                                                  "expected blocking or poll")));
        o.config.io = *mode;
        o.ioGiven = true;
    }
    o.config.backlog = static_cast<int>(p.integer("backlog", 1, 65535, o.config.backlog));
    o.config.reuseAddr = !p.isSet("no-reuseaddr");
    o.config.sockopts = parseSockoptValues(p.values("sockopt"));
}

// --header-timeout, --body-timeout, --keepalive-timeout: the http service's.
void parseHttpTimeouts(const CommandParser& p, ServiceOptions& service) {
    const auto ms = [&p](const char* name, int& value) {
        value = static_cast<int>(p.integer(QString::fromLatin1(name), 0, 86400000, value));
    };
    ms("header-timeout", service.headerTimeoutMs);
    ms("body-timeout", service.bodyTimeoutMs);
    ms("keepalive-timeout", service.keepAliveTimeoutMs);
}

// --output-limit 8M,2M,60 (outputlimit.h).
OutputLimit parseLimitOption(const std::string& text) {
    if (const auto limit = parseOutputLimit(text)) return *limit;
    throw Error::invalid(
        utf8(QCoreApplication::translate("sockwb::app::serve",
                                         "--output-limit '%1': expected "
                                         "HARD[,SOFT,SECONDS]")
                 .arg(q(text))),
        utf8(QCoreApplication::translate("sockwb::app::serve",
                                         "as in --output-limit 8M,2M,60 (sizes in bytes or with "
                                         "K, M, G; SOFT below HARD; 0 turns a limit off)")));
}

// --tls, --cert, --key (a certificate given means TLS).
void parseTls(const CommandParser& p, ServerConfig& config) {
    config.tls = p.isSet("tls") || p.isSet("cert") || p.isSet("key");
    if (p.isSet("cert")) config.tlsOptions.certFile = p.value("cert");
    if (p.isSet("key")) config.tlsOptions.keyFile = p.value("key");
    if (!config.tlsOptions.keyFile.empty() && config.tlsOptions.certFile.empty())
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::serve", "--key needs --cert: the certificate that goes with the key")));
}

// Each option once, with the check that names it; then the listeners.
ServeOptions parse(const Args& args) {
    CommandParser p("serve");
    for (const char* name : {"service",
                             "protocol",
                             "bind",
                             "port",
                             "model",
                             "threads",
                             "loops",
                             "ticks",
                             "interval",
                             "terminator",
                             "root",
                             "also",
                             "max-connections",
                             "max-workers",
                             "idle-timeout",
                             "header-timeout",
                             "body-timeout",
                             "keepalive-timeout",
                             "udp-rate",
                             "memory-budget",
                             "output-limit",
                             "io",
                             "backlog",
                             "sockopt",
                             "cert",
                             "key"})
        p.addValue({QString::fromLatin1(name)});
    p.addFlag({"no-reuseaddr"});
    p.addFlag({"tls"});
    p.addFlag({"trace"});
    p.addFlag({"json"});
    p.addFlag({"v", "verbose"});
    p.parse(args);
    ServeOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    ListenerConfig main;
    const bool haveService = p.isSet("service");
    if (haveService) {
        main.service = p.value("service");
        makeService(main.service);  // throws listing the valid names
    }
    if (p.isSet("protocol")) main.protocol = parseProtocol(p.value("protocol"));
    if (p.isSet("bind")) {
        main.bindAddress = p.value("bind");
        // The core reads "" as 0.0.0.0: an empty variable in a script must
        // not open the server to every network.
        if (main.bindAddress.empty())
            throw Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::serve",
                                                 "--bind '': an empty address")),
                utf8(QCoreApplication::translate(
                    "sockwb::app::serve",
                    "give 127.0.0.1 (this machine only), 0.0.0.0 or :: (every address) or a "
                    "socket path")));
    }
    if (p.isSet("port")) main.port = Address::parsePort(p.value("port"));
    applyUnixBind(main, p.isSet("protocol"), p.isSet("bind"), p.isSet("port"));
    if (p.isSet("model")) {
        o.config.model = p.value("model");
        const auto names = modelNames();
        if (std::find(names.begin(), names.end(), o.config.model) == names.end())
            throw Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::serve", "unknown model '%1'")
                         .arg(q(o.config.model))),
                utf8(QCoreApplication::translate("sockwb::app::serve", "the models are %1")
                         .arg(q(joined(names)))));
    }
    o.config.poolSize = static_cast<int>(p.integer("threads", 1, 1024, o.config.poolSize));
    // The range here; the models that can run several loops: Server::validate.
    o.config.loops = static_cast<int>(p.integer("loops", 1, kMaxServerLoops, o.config.loops));
    auto& service = o.config.serviceOptions;
    service.ticks = static_cast<int>(p.integer("ticks", 0, 1000000, service.ticks));
    service.intervalMs = static_cast<int>(p.integer("interval", 0, 86400000, service.intervalMs));
    if (p.isSet("terminator")) service.terminator = parseTerminator(p.value("terminator"));
    if (p.isSet("root")) service.root = p.value("root");
    parseHttpTimeouts(p, service);
    o.config.maxConnections =
        static_cast<int>(p.integer("max-connections", 0, 1000000, o.config.maxConnections));
    o.config.maxWorkers =
        static_cast<int>(p.integer("max-workers", 0, 1000000, o.config.maxWorkers));
    o.config.idleTimeoutMs =
        static_cast<int>(p.integer("idle-timeout", 0, 86400000, o.config.idleTimeoutMs));
    o.config.udpRepliesPerSecond =
        static_cast<int>(p.integer("udp-rate", 0, 100000000, o.config.udpRepliesPerSecond));
    o.config.memoryBudget = p.size("memory-budget", 1ull << 40, o.config.memoryBudget);
    if (p.isSet("output-limit")) o.config.outputLimit = parseLimitOption(p.value("output-limit"));
    parseWaiting(p, o);
    parseTls(p, o.config);
    o.trace = p.isSet("trace");
    o.json = p.isSet("json");
    o.verbose = p.isSet("verbose");
    const std::vector<std::string> also = p.values("also");
    if (const auto extra = p.positional(); !extra.empty())
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::serve", "unexpected argument '%1'")
                     .arg(q(extra.front()))),
            p.seeHelp());
    if (!haveService)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::serve", "--service is required")),
            utf8(QCoreApplication::translate("sockwb::app::serve", "the services are %1")
                     .arg(q(joined(serviceNames())))));
    o.config.listeners = {main};
    // A Unix main listener's path is no host for the others: they take the default.
    const std::string alsoBind =
        isUnixDomain(main.protocol) ? ListenerConfig{}.bindAddress : main.bindAddress;
    for (const auto& a : also) o.config.listeners.push_back(parseAlso(a, alsoBind));
    if (o.config.tls && std::none_of(o.config.listeners.begin(), o.config.listeners.end(),
                                     [](const auto& l) { return l.protocol == Protocol::Tcp; }))
        throw Error::invalid(utf8(QCoreApplication::translate(
            "sockwb::app::serve", "--tls needs a TCP listener: UDP and Unix sockets stay plain")));
    // The sentence of a refused combination (chat over UDP, chat under fork...).
    for (const auto& l : o.config.listeners) {
        const std::string why =
            whyRefused(o.config.model, l.service, l.protocol, o.config.listeners.size());
        if (!why.empty()) throw Error::unsupported(why);
    }
    return o;
}

// A fork child must not inherit the blocked signals: the server stops its
// children with signals and they must die of them.
void unblockStopSignalsInChild() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

// Blocks the stop signals before any server thread exists, so every thread
// inherits the mask and only the sigwait of serveCommand receives them.
sigset_t blockStopSignals() {
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    static bool atforkDone = false;
    if (!atforkDone) {
        pthread_atfork(nullptr, nullptr, unblockStopSignalsInChild);
        atforkDone = true;
    }
    return stopSignals;
}

// "blocking" or "poll" for the models that have the choice, "" for event loops.
std::string ioShown(const ServerConfig& c) {
    const bool eventLoop =
        c.model == "select" || c.model == "poll" || c.model == "epoll" || c.model == "io_uring";
    return eventLoop ? std::string() : ioModeName(c.io);
}

}  // namespace

int serveCommand(const Args& args) {
    ServeOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb serve: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QCoreApplication::translate("sockwb::app::serve", kServeHelp));
        return 0;
    }

    if (o.ioGiven && ioShown(o.config).empty())
        printErr(QCoreApplication::translate("sockwb::app::serve",
                                             "sockwb serve: --io is ignored: the %1 model is an "
                                             "event loop, it always waits in %2\n")
                     .arg(q(o.config.model), q(o.config.model == "epoll"      ? "epoll_wait"
                                               : o.config.model == "io_uring" ? "io_uring_enter"
                                                                              : o.config.model)));
    const sigset_t stopSignals = blockStopSignals();

    ServePrinter printer(o.json, o.verbose);
    std::unique_ptr<Server> server;
    try {
        server = std::make_unique<Server>(o.config);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb serve: %1\n").arg(errorText(e)));
        return e.kind() == ErrorKind::System ? 1 : 2;
    }
    server->setObserver(&printer);
    if (o.trace) server->setTraceObserver(&printer);
    if (!o.config.sockopts.empty())
        printer.showSockopts([s = server.get()] { return s->sockoptReadback(); });
    try {
        TraceScope scope(o.trace ? &printer : nullptr);
        server->start();
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb serve: %1\n").arg(errorText(e)));
        return e.kind() == ErrorKind::InvalidInput || e.kind() == ErrorKind::Unsupported ? 2 : 1;
    }
    const auto addresses = server->addresses();
    for (size_t i = 0; i < addresses.size() && i < o.config.listeners.size(); ++i) {
        const auto& l = o.config.listeners[i];
        printer.listening(protocolName(l.protocol), addresses[i], server->modelName(), l.service,
                          ioShown(o.config), o.config.loops);
    }
    printer.listenerSockopts();
    if (o.config.tls)
        printer.tlsCertificate(server->tlsCertificate(), server->tlsCertFile(),
                               o.config.tlsOptions.certFile.empty());

    int sig = 0;
    while (sigwait(&stopSignals, &sig) != 0) {
    }
    {
        TraceScope scope(o.trace ? &printer : nullptr);
        server->stop();
    }
    printer.stopped();
    return 0;
}

}  // namespace sockwb::app
