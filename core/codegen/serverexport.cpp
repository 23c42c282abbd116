// exportServer (codeexport.h): decides the plan from the configuration
// (what the program serves, on which ports, what it leaves out), then the
// C writer (cserverwriter.h) or the Python writer (pyserverwriter.h)
// writes it.

#include <arpa/inet.h>

#include <algorithm>

#include "core/codegen/codeexport.h"
#include "core/codegen/cserverwriter.h"
#include "core/codegen/pyserverwriter.h"
#include "core/codegen/serverplan.h"
#include "core/net/error.h"
#include "core/net/sockopt.h"
#include "core/services/terminator.h"

namespace sockwb::codegen {

namespace {

// A port a reader knows the service by, when the panel's was 0 (the
// kernel's choice): the RFC's port + 7000 (no root needed), the course's
// 8080 for its time service and http, 3001 for its chat.
int customaryPort(const std::string& service) {
    if (service == "echo") return 7007;
    if (service == "discard") return 7009;
    if (service == "chargen") return 7019;
    if (service == "daytime") return 7013;
    if (service == "time") return 7037;
    if (service == "chat") return 3001;
    return 8080;  // clock, http
}

// The numeric address the program binds: "localhost" and "" as the
// workbench reads them; anything else must be numeric.
std::string numericAddress(const std::string& address, bool& ipv6) {
    std::string a = address;
    if (a.empty()) a = "0.0.0.0";
    if (a == "localhost") a = "127.0.0.1";
    if (a.size() > 2 && a.front() == '[' && a.back() == ']') a = a.substr(1, a.size() - 2);
    unsigned char buf[16];
    if (inet_pton(AF_INET, a.c_str(), buf) == 1) {
        ipv6 = false;
        return a;
    }
    if (inet_pton(AF_INET6, a.c_str(), buf) == 1) {
        ipv6 = true;
        return a;
    }
    throw Error::invalid("bind address '" + address + "'",
                         "an exported program binds a numeric IPv4 or IPv6 address");
}

void addOmissions(const ServerConfig& config, ServerPlan& plan) {
    auto& o = plan.omissions;
    if (config.tls)
        o.push_back(
            "TLS: the workbench's server spoke TLS on its TCP listeners; this program "
            "speaks plain TCP.");
    std::string others;
    for (const auto& s : config.sockopts)
        if (s.name != "SO_REUSEADDR") others += (others.empty() ? "" : ", ") + sockoptText(s);
    if (!others.empty()) o.push_back("Socket options other than SO_REUSEADDR (" + others + ").");
    if (config.loops > 1)
        o.push_back("The " + std::to_string(config.loops) +
                    " event loops (SO_REUSEPORT copies of the listeners): this program runs one.");
    if (config.maxConnections > 0)
        o.push_back("The limit of " + std::to_string(config.maxConnections) +
                    " connections at once.");
    if (config.idleTimeoutMs > 0)
        o.push_back("The idle timeout (" + std::to_string(config.idleTimeoutMs) +
                    " ms): an idle client stays connected.");
    if ((plan.model == "fork" || plan.model == "thread") && config.maxWorkers > 0)
        o.push_back("The limit of " + std::to_string(config.maxWorkers) + " " +
                    (plan.model == "fork" ? "children" : "client threads") + " alive at once.");
    if (plan.anyUdp() && config.udpRepliesPerSecond > 0)
        o.push_back("The UDP reply rate limit (" + std::to_string(config.udpRepliesPerSecond) +
                    " a second per client) and the guard against reflection loops.");
    if (plan.eventDriven() && config.memoryBudget > 0)
        o.push_back("The memory budget shared by the connections (each has a fixed buffer).");
    if (!plan.eventDriven() && config.io == IoMode::Poll)
        o.push_back(
            "The poll-based waits (io mode poll): the program blocks in accept() and "
            "recv() as the course does.");
    if (plan.hasTcp("http"))
        o.push_back(
            "HTTP beyond the hello page: every request gets the page (no other paths, "
            "HEAD, keep-alive, static files, timeouts), which does not repeat the "
            "request.");
    if (plan.hasTcp("chat"))
        o.push_back("The chat's line limit and output limit are simpler: " +
                    std::string(plan.eventDriven()
                                    ? "a client whose queue is full is disconnected."
                                    : "a client that does not read holds the relay back."));
    if (plan.hasTcp("clock") && !plan.eventDriven())
        o.push_back(
            "The time service answers one request per connection, then closes (the "
            "course's server); the workbench also serves later requests.");
}

ServerPlan planFor(const ServerConfig& config) {
    if (config.listeners.empty()) throw Error::invalid("server", "it has no listener to export");
    ServerPlan plan;
    plan.model = config.model;
    const size_t count = config.listeners.size();
    for (const auto& l : config.listeners) {
        if (isUnixDomain(l.protocol))
            throw Error::unsupported(
                "Export as code writes TCP and UDP servers; a Unix-domain listener (" +
                l.bindAddress + ") has no export: use a TCP or UDP listener.");
        if (auto refusal = refusalOf(config.model, l.service, l.protocol, count))
            throw Error::invalid("server export", englishSentence(*refusal));
        if (l.service == "chat" && config.model == "pool")
            throw Error::unsupported(
                "The chat service is exported under the thread, select, poll and epoll models "
                "only: its relay needs every client known to one loop or one shared table.");
    }
    const bool all = plan.eventDriven();
    for (size_t i = 0; i < (all ? count : 1); ++i) {
        const auto& l = config.listeners[i];
        PlannedListener p;
        p.service = l.service;
        p.udp = l.protocol == Protocol::Udp;
        p.address = numericAddress(l.bindAddress, p.ipv6);
        p.portFromArgv = l.port == 0;
        p.defaultPort = l.port != 0 ? l.port : customaryPort(l.service);
        // Two listeners of one kind cannot share a port: the next free one.
        for (bool clash = true; clash;) {
            clash = false;
            for (const auto& q : plan.listeners)
                if (q.defaultPort == p.defaultPort && q.udp == p.udp) clash = true;
            if (clash) ++p.defaultPort;
        }
        plan.listeners.push_back(p);
    }
    if (!all && count > 1) {
        std::string rest;
        for (size_t i = 1; i < count; ++i)
            rest += std::string(rest.empty() ? "" : ", ") + config.listeners[i].service + "/" +
                    protocolName(config.listeners[i].protocol);
        plan.omissions.push_back("The other listeners (" + rest +
                                 "): a blocking program waits in one accept(); export under "
                                 "select, poll or epoll to serve every listener.");
    }
    plan.backlog = config.backlog > 0 ? config.backlog : 128;
    plan.poolSize = config.poolSize > 0 ? config.poolSize : 4;
    plan.reuseAddr = config.reuseAddr;
    for (const auto& s : config.sockopts)
        if (s.name == "SO_REUSEADDR") plan.reuseAddr = s.value != 0;
    plan.ticks = std::max(0, config.serviceOptions.ticks);
    plan.intervalMs = std::max(0, config.serviceOptions.intervalMs);
    plan.terminator = std::string(terminatorBytes(config.serviceOptions.terminator));
    const auto& first = plan.listeners.front();
    const std::string what = plan.listeners.size() > 1 ? std::string("multiservice")
                                                       : first.service + (first.udp ? "_udp" : "");
    plan.stem = what + "_server_" + plan.model;
    addOmissions(config, plan);
    return plan;
}

}  // namespace

ExportedProgram exportServer(const ServerConfig& config, Language language) {
    const ServerPlan plan = planFor(config);
    ExportedProgram program;
    program.language = language;
    program.omissions = plan.omissions;
    std::string ports;
    for (const auto& l : plan.listeners) ports += " " + std::to_string(l.defaultPort);
    if (language == Language::C) {
        program.fileName = plan.stem + ".c";
        program.source = writeCServer(plan);
        program.buildCommand = "cc -Wall -Wextra -o " + plan.stem + " " + program.fileName +
                               (plan.needsThreads() ? " -pthread" : "");
        program.runCommand = "./" + plan.stem + ports;
    } else {
        program.fileName = plan.stem + ".py";
        program.source = writePythonServer(plan);
        program.runCommand = "python3 " + program.fileName + ports;
    }
    return program;
}

}  // namespace sockwb::codegen
