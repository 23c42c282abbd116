// Servers and relays in a workspace file (docs/workspace.md, "servers" and
// "relays"): every field of ServerConfig and RelayConfig, flat on the
// element, snake_case, left out at its default.

#include <climits>

#include "core/net/error.h"
#include "core/server/serverloops.h"
#include "core/services/terminator.h"
#include "widgets/workspace/workspacejson.h"

namespace sockwb {

namespace {

using R = JsonFieldReader;

QStringList names(const std::vector<std::string>& list) {
    QStringList out;
    for (const auto& s : list) out.append(QString::fromStdString(s));
    return out;
}

QStringList ioModeNames() {
    return {QLatin1String(ioModeName(IoMode::Blocking)), QLatin1String(ioModeName(IoMode::Poll))};
}

QStringList terminatorNames() {
    QStringList out;
    for (Terminator t : {Terminator::None, Terminator::Lf, Terminator::CrLf})
        out.append(QLatin1String(terminatorName(t)));
    return out;
}

QJsonObject listenerToJson(const ListenerConfig& l) {
    const ListenerConfig d;
    QJsonObject o;
    putText(o, "service", l.service, d.service);
    putText(o, "protocol", std::string(protocolName(l.protocol)), protocolName(d.protocol));
    putText(o, "bind", l.bindAddress, d.bindAddress);
    putInt(o, "port", l.port, d.port);
    return o;
}

ListenerConfig listenerFromJson(R& in) {
    ListenerConfig l;
    const QStringList services = names(serviceNames());
    l.service =
        services[in.choice("service", int(services.indexOf(QString::fromStdString(l.service))),
                           services, R::tr("service"))]
            .toStdString();
    l.protocol = protocolAt(in.choice("protocol", 0, protocolNames(), R::tr("protocol")));
    l.bindAddress = in.stdText("bind", l.bindAddress);
    l.port = static_cast<uint16_t>(in.integer("port", 0, 0, 65535));
    in.finish();
    return l;
}

QJsonObject outputLimitToJson(const OutputLimit& l) {
    const OutputLimit d;
    QJsonObject o;
    putCount(o, "hard_bytes", l.hardBytes, d.hardBytes);
    putCount(o, "soft_bytes", l.softBytes, d.softBytes);
    putInt(o, "soft_seconds", l.softSeconds, d.softSeconds);
    return o;
}

OutputLimit outputLimitFromJson(R& parent) {
    const QJsonValue v = parent.value("output_limit");
    if (v.isString()) {  // the CLI's "HARD[,SOFT,SECONDS]"
        const auto limit = parseOutputLimit(v.toString().toStdString());
        if (!limit)
            parent.fail(
                "output_limit",
                R::tr("'%1' is not HARD[,SOFT,SECONDS] with the soft limit below the hard one")
                    .arg(v.toString()));
        return *limit;
    }
    R in = parent.object("output_limit");
    OutputLimit l;
    l.hardBytes = in.count64("hard_bytes", l.hardBytes);
    l.softBytes = in.count64("soft_bytes", l.softBytes);
    l.softSeconds = in.integer("soft_seconds", l.softSeconds, 0, INT_MAX);
    if (l.hardBytes && l.softBytes && l.softBytes >= l.hardBytes)
        in.fail("soft_bytes",
                R::tr("the soft limit must be below the hard one (%1 bytes)").arg(l.hardBytes));
    in.finish();
    return l;
}

QJsonObject serviceOptionsToJson(const ServiceOptions& s) {
    const ServiceOptions d;
    QJsonObject o;
    putInt(o, "ticks", s.ticks, d.ticks);
    putInt(o, "interval_ms", s.intervalMs, d.intervalMs);
    putText(o, "terminator", std::string(terminatorName(s.terminator)),
            terminatorName(d.terminator));
    putText(o, "root", s.root, d.root);
    putCount(o, "max_line", s.maxLine, d.maxLine);
    putInt(o, "header_timeout_ms", s.headerTimeoutMs, d.headerTimeoutMs);
    putInt(o, "body_timeout_ms", s.bodyTimeoutMs, d.bodyTimeoutMs);
    putInt(o, "keep_alive_timeout_ms", s.keepAliveTimeoutMs, d.keepAliveTimeoutMs);
    return o;
}

ServiceOptions serviceOptionsFromJson(R in) {
    ServiceOptions s;
    s.ticks = in.integer("ticks", s.ticks, 0, INT_MAX);
    s.intervalMs = in.integer("interval_ms", s.intervalMs, 0, INT_MAX);
    s.terminator =
        static_cast<Terminator>(in.choice("terminator", 0, terminatorNames(), R::tr("terminator")));
    s.root = in.stdText("root", s.root);
    s.maxLine = in.count64("max_line", s.maxLine, UINT32_MAX);
    if (s.maxLine == 0) in.fail("max_line", R::tr("0 is out of range (1..%1)").arg(UINT32_MAX));
    s.headerTimeoutMs = in.integer("header_timeout_ms", s.headerTimeoutMs, 0, INT_MAX);
    s.bodyTimeoutMs = in.integer("body_timeout_ms", s.bodyTimeoutMs, 0, INT_MAX);
    s.keepAliveTimeoutMs = in.integer("keep_alive_timeout_ms", s.keepAliveTimeoutMs, 0, INT_MAX);
    in.finish();
    return s;
}

QJsonArray alpnToJson(const std::vector<std::string>& alpn) {
    QJsonArray a;
    for (const auto& p : alpn) a.append(QString::fromStdString(p));
    return a;
}

std::vector<std::string> alpnFromJson(R& in, const std::vector<std::string>& fallback) {
    if (!in.has("alpn")) return fallback;
    std::vector<std::string> out;
    const QJsonArray list = in.array("alpn");
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString())
            R::failAt(in.elementPath("alpn", i),
                      R::tr("expected a text, got %1").arg(R::describe(list.at(i))));
        out.push_back(list.at(i).toString().toStdString());
    }
    return out;
}

QJsonObject serverTlsToJson(const tls::ServerOptions& t) {
    const tls::ServerOptions d;
    QJsonObject o;
    putText(o, "cert_file", t.certFile);
    putText(o, "key_file", t.keyFile);
    putText(o, "cert_folder", t.certFolder);
    if (t.alpn != d.alpn) o.insert(QStringLiteral("alpn"), alpnToJson(t.alpn));
    putText(o, "min_version", std::string(tls::versionName(t.minVersion)),
            tls::versionName(d.minVersion));
    putText(o, "max_version", std::string(tls::versionName(t.maxVersion)),
            tls::versionName(d.maxVersion));
    putBool(o, "session_tickets", t.sessionTickets, d.sessionTickets);
    return o;
}

tls::ServerOptions serverTlsFromJson(R in) {
    tls::ServerOptions t;
    t.certFile = in.stdText("cert_file");
    t.keyFile = in.stdText("key_file");
    t.certFolder = in.stdText("cert_folder");
    t.alpn = alpnFromJson(in, t.alpn);
    const QStringList versions = tlsVersionNames();
    t.minVersion =
        static_cast<tls::Version>(in.choice("min_version", 0, versions, R::tr("version")));
    t.maxVersion =
        static_cast<tls::Version>(in.choice("max_version", 1, versions, R::tr("version")));
    if (t.minVersion > t.maxVersion)
        in.fail("min_version", R::tr("the lowest version is above the highest"));
    t.sessionTickets = in.flag("session_tickets", t.sessionTickets);
    in.finish();
    return t;
}

QJsonObject faultLimitToJson(const FaultLimit& l) {
    QJsonObject o;
    const char* key = l.unit == FaultLimit::Unit::Bytes ? "bytes" : "ms";
    o.insert(QLatin1String(key), l.amount <= (uint64_t(1) << 53)
                                     ? QJsonValue(double(l.amount))
                                     : QJsonValue(QString::number(l.amount)));
    return o;
}

std::optional<FaultLimit> faultLimitFromJson(R& parent, const char* key) {
    const QJsonValue v = parent.value(key);
    if (v.isUndefined()) return std::nullopt;
    if (v.isString()) {  // "64k", "2s": the CLI's --reset-after
        try {
            return parseFaultLimit(v.toString().toStdString(), key);
        } catch (const Error& e) {
            parent.fail(key, errorDetail(e));
        }
    }
    R in = parent.object(key);
    const bool bytes = in.has("bytes"), ms = in.has("ms");
    if (bytes == ms) in.fail(nullptr, R::tr("give either \"bytes\" or \"ms\""));
    FaultLimit l;
    l.unit = bytes ? FaultLimit::Unit::Bytes : FaultLimit::Unit::Millis;
    l.amount = in.count64(bytes ? "bytes" : "ms", 0);
    in.finish();
    return l;
}

double probabilityFromJson(R& in, const char* key, double fallback) {
    const QJsonValue v = in.value(key);
    if (v.isString()) {  // "25%"
        try {
            return parseProbability(v.toString().toStdString(), key);
        } catch (const Error& e) {
            in.fail(key, errorDetail(e));
        }
    }
    return in.number(key, fallback, 0.0, 1.0);
}

// "latency_ms": 50 with "latency_spread_ms": 10, or the CLI's "50±10".
Spread spreadFromJson(R& in, const char* key, const char* spreadKey) {
    const QJsonValue v = in.value(key);
    if (v.isString()) {
        try {
            return parseSpread(v.toString().toStdString(), key);
        } catch (const Error& e) {
            in.fail(key, errorDetail(e));
        }
    }
    Spread s;
    s.value = in.integer(key, 0, 0, INT_MAX);
    s.spread = in.integer(spreadKey, 0, 0, INT_MAX);
    return s;
}

QJsonObject faultsToJson(const DirectionFaults& f) {
    const DirectionFaults d;
    QJsonObject o;
    putInt(o, "latency_ms", f.latencyMs.value, 0);
    putInt(o, "latency_spread_ms", f.latencyMs.spread, 0);
    putNumber(o, "latency_p", f.latencyP, d.latencyP);
    putInt(o, "bandwidth_kbps", f.bandwidthKBps, d.bandwidthKBps);
    putInt(o, "slice_bytes", f.sliceBytes.value, 0);
    putInt(o, "slice_spread_bytes", f.sliceBytes.spread, 0);
    putInt(o, "slice_delay_ms", f.sliceDelayMs, d.sliceDelayMs);
    putNumber(o, "slice_p", f.sliceP, d.sliceP);
    if (f.resetAfter) o.insert(QStringLiteral("reset_after"), faultLimitToJson(*f.resetAfter));
    if (f.closeAfter) o.insert(QStringLiteral("close_after"), faultLimitToJson(*f.closeAfter));
    putNumber(o, "limit_p", f.limitP, d.limitP);
    putBool(o, "stall", f.stall, d.stall);
    putNumber(o, "drop_p", f.dropP, d.dropP);
    putNumber(o, "duplicate_p", f.duplicateP, d.duplicateP);
    putNumber(o, "reorder_p", f.reorderP, d.reorderP);
    return o;
}

DirectionFaults faultsFromJson(R in) {
    DirectionFaults f;
    f.latencyMs = spreadFromJson(in, "latency_ms", "latency_spread_ms");
    f.latencyP = probabilityFromJson(in, "latency_p", f.latencyP);
    f.bandwidthKBps = in.integer("bandwidth_kbps", f.bandwidthKBps, 0, INT_MAX);
    f.sliceBytes = spreadFromJson(in, "slice_bytes", "slice_spread_bytes");
    f.sliceDelayMs = in.integer("slice_delay_ms", f.sliceDelayMs, 0, INT_MAX);
    f.sliceP = probabilityFromJson(in, "slice_p", f.sliceP);
    f.resetAfter = faultLimitFromJson(in, "reset_after");
    f.closeAfter = faultLimitFromJson(in, "close_after");
    f.limitP = probabilityFromJson(in, "limit_p", f.limitP);
    f.stall = in.flag("stall", f.stall);
    f.dropP = probabilityFromJson(in, "drop_p", f.dropP);
    f.duplicateP = probabilityFromJson(in, "duplicate_p", f.duplicateP);
    f.reorderP = probabilityFromJson(in, "reorder_p", f.reorderP);
    in.finish();
    return f;
}

}  // namespace

QJsonObject serverToJson(const WorkspaceServer& server) {
    const WorkspaceServer dw;
    const ServerConfig d;
    const ServerConfig& c = server.config;
    QJsonObject o;
    putText(o, "name", server.name);
    putBool(o, "autostart", server.autostart, dw.autostart);
    if (c.listeners != d.listeners) {
        QJsonArray listeners;
        for (const ListenerConfig& l : c.listeners) listeners.append(listenerToJson(l));
        o.insert(QStringLiteral("listeners"), listeners);
    }
    putText(o, "model", c.model, d.model);
    putText(o, "io", std::string(ioModeName(c.io)), ioModeName(d.io));
    putInt(o, "backlog", c.backlog, d.backlog);
    putInt(o, "pool_size", c.poolSize, d.poolSize);
    putInt(o, "loops", c.loops, d.loops);
    putInt(o, "max_connections", c.maxConnections, d.maxConnections);
    putInt(o, "max_workers", c.maxWorkers, d.maxWorkers);
    putInt(o, "idle_timeout_ms", c.idleTimeoutMs, d.idleTimeoutMs);
    putInt(o, "udp_replies_per_second", c.udpRepliesPerSecond, d.udpRepliesPerSecond);
    putCount(o, "memory_budget", c.memoryBudget, d.memoryBudget);
    putBool(o, "reuse_addr", c.reuseAddr, d.reuseAddr);
    putArray(o, "sockopts", sockoptsToJson(c.sockopts));
    putObject(o, "output_limit", outputLimitToJson(c.outputLimit));
    putObject(o, "service_options", serviceOptionsToJson(c.serviceOptions));
    putBool(o, "tls", c.tls, d.tls);
    putObject(o, "tls_options", serverTlsToJson(c.tlsOptions));
    QJsonObject expect;
    putInt(expect, "accepted_at_least", server.expectAcceptedAtLeast, -1);
    putInt(expect, "max_active_at_most", server.expectMaxActiveAtMost, -1);
    putObject(o, "expect", expect);
    return o;
}

WorkspaceServer serverFromJson(R& in) {
    WorkspaceServer s;
    ServerConfig& c = s.config;
    s.name = in.text("name");
    s.autostart = in.flag("autostart", s.autostart);
    if (in.has("listeners")) {
        c.listeners.clear();
        for (R& l : in.objects("listeners")) c.listeners.push_back(listenerFromJson(l));
        if (c.listeners.empty())
            in.fail("listeners", R::tr("a server needs at least one listener"));
    }
    const QStringList models = names(modelNames());
    c.model = models[in.choice("model", int(models.indexOf(QString::fromStdString(c.model))),
                               models, R::tr("model"))]
                  .toStdString();
    c.io = static_cast<IoMode>(in.choice("io", 0, ioModeNames(), R::tr("I/O mode")));
    c.backlog = in.integer("backlog", c.backlog, 0, INT_MAX);
    c.poolSize = in.integer("pool_size", c.poolSize, 1, INT_MAX);
    c.loops = in.integer("loops", c.loops, 1, kMaxServerLoops);
    c.maxConnections = in.integer("max_connections", c.maxConnections, 0, INT_MAX);
    c.maxWorkers = in.integer("max_workers", c.maxWorkers, 0, INT_MAX);
    c.idleTimeoutMs = in.integer("idle_timeout_ms", c.idleTimeoutMs, 0, INT_MAX);
    c.udpRepliesPerSecond = in.integer("udp_replies_per_second", c.udpRepliesPerSecond, 0, INT_MAX);
    c.memoryBudget = in.count64("memory_budget", c.memoryBudget);
    c.reuseAddr = in.flag("reuse_addr", c.reuseAddr);
    c.sockopts = sockoptsFromJson(in, "sockopts");
    c.outputLimit = outputLimitFromJson(in);
    c.serviceOptions = serviceOptionsFromJson(in.object("service_options"));
    c.tls = in.flag("tls", c.tls);
    c.tlsOptions = serverTlsFromJson(in.object("tls_options"));
    R expect = in.object("expect");
    s.expectAcceptedAtLeast = expect.integer("accepted_at_least", -1, -1, INT_MAX);
    s.expectMaxActiveAtMost = expect.integer("max_active_at_most", -1, -1, INT_MAX);
    expect.finish();
    in.finish();
    return s;
}

QJsonObject relayToJson(const WorkspaceRelay& relay) {
    const WorkspaceRelay dw;
    const RelayConfig d;
    const RelayConfig& c = relay.config;
    QJsonObject o;
    putText(o, "name", relay.name);
    putText(o, "target_server", relay.targetServer);
    putBool(o, "autostart", relay.autostart, dw.autostart);
    putText(o, "protocol", std::string(protocolName(c.protocol)), protocolName(d.protocol));
    putText(o, "listen_host", c.listenHost, d.listenHost);
    putInt(o, "listen_port", c.listenPort, d.listenPort);
    putText(o, "target_host", c.targetHost, d.targetHost);
    putInt(o, "target_port", c.targetPort, d.targetPort);
    putObject(o, relayDirectionName(RelayDirection::Up), faultsToJson(c.up));
    putObject(o, relayDirectionName(RelayDirection::Down), faultsToJson(c.down));
    putInt(o, "max_connections", c.maxConnections, d.maxConnections);
    putCount(o, "max_held_bytes", c.maxHeldBytes, d.maxHeldBytes);
    putInt(o, "udp_flow_idle_ms", c.udpFlowIdleMs, d.udpFlowIdleMs);
    putCount(o, "seed", c.seed, d.seed);
    return o;
}

WorkspaceRelay relayFromJson(R& in) {
    WorkspaceRelay r;
    RelayConfig& c = r.config;
    r.name = in.text("name");
    r.targetServer = in.text("target_server");
    r.autostart = in.flag("autostart", r.autostart);
    const QStringList protocols = {QLatin1String(protocolName(Protocol::Tcp)),
                                   QLatin1String(protocolName(Protocol::Udp))};
    c.protocol = protocolAt(in.choice("protocol", 0, protocols, R::tr("relay protocol")));
    c.listenHost = in.stdText("listen_host", c.listenHost);
    c.listenPort = static_cast<uint16_t>(in.integer("listen_port", 0, 0, 65535));
    c.targetHost = in.stdText("target_host", c.targetHost);
    c.targetPort = static_cast<uint16_t>(in.integer("target_port", 0, 0, 65535));
    for (RelayDirection dir : {RelayDirection::Up, RelayDirection::Down})
        c.faults(dir) = faultsFromJson(in.object(relayDirectionName(dir)));
    c.maxConnections = in.integer("max_connections", c.maxConnections, 1, INT_MAX);
    c.maxHeldBytes = in.count64("max_held_bytes", c.maxHeldBytes);
    if (c.maxHeldBytes == 0) in.fail("max_held_bytes", R::tr("0 is out of range (1 or more)"));
    c.udpFlowIdleMs = in.integer("udp_flow_idle_ms", c.udpFlowIdleMs, 0, INT_MAX);
    c.seed = in.count64("seed", c.seed);
    in.finish();
    return r;
}

}  // namespace sockwb
