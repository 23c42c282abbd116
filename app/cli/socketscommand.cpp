// `sockwb sockets`: the machine's sockets as the kernel lists them over
// NETLINK_SOCK_DIAG (core/net/sockdiag.h), in the columns of `ss -tuan`
// (same state names, same endpoint spelling, same queues) so the two can be
// compared line by line; -p adds the owning processes as `ss -p` prints
// them, -i a line of TCP_INFO under each TCP socket, --json one object per
// socket with every field (English, stable, for scripts).

#include <unistd.h>

#include <QtGlobal>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/jsonline.h"
#include "core/net/error.h"
#include "core/net/sockdiag.h"
#include "core/net/systext.h"

namespace sockwb::app {

namespace {

const char* kHelp =
    "Usage: sockwb sockets [-t] [-u] [-x] [-l] [--port N] [--state S] [--mine] [-p] [-i]\n"
    "                      [--json]\n"
    "Lists the machine's sockets as the kernel sees them (NETLINK_SOCK_DIAG, no root\n"
    "needed), in the columns of `ss -tuan`: Netid, State, Recv-Q, Send-Q, local and peer\n"
    "address:port. For a listener, Recv-Q is its accept queue (connections completed and\n"
    "not yet accepted) and Send-Q its backlog (the queue's maximum). Default: TCP and UDP.\n\n"
    "  -t, --tcp          TCP sockets\n"
    "  -u, --udp          UDP sockets\n"
    "  -x, --unix         Unix-domain sockets (the local column: path and inode)\n"
    "  -l, --listening    only listening sockets (and unconnected UDP ones, as ss -l)\n"
    "  --port N           only sockets whose local or peer port is N\n"
    "  --state S          only sockets in state S (repeatable, or S1,S2): established,\n"
    "                     syn-sent, syn-recv, fin-wait-1, fin-wait-2, time-wait, closed,\n"
    "                     close-wait, last-ack, listening, closing (ss's words and the\n"
    "                     column's: ESTAB, TIME-WAIT, UNCONN... are read too)\n"
    "  --mine             only sockets whose owner (uid) is you; TIME-WAIT sockets belong\n"
    "                     to nobody (uid 0)\n"
    "  -p, --processes    the processes holding each socket: users:((\"cmd\",pid=N,fd=M)),\n"
    "                     only the ones you may see in /proc\n"
    "  -i, --info         TCP_INFO under each TCP socket: rtt/rttvar (ms), cwnd,\n"
    "                     ssthresh, bytes acked and received, unacked, retransmissions,\n"
    "                     and its timer\n"
    "  -H, --no-header    no title line (as ss -H)\n"
    "  --json             one JSON object per socket (every field, TCP_INFO included)\n"
    "  -h, --help         show this help\n\n"
    "Examples:  sockwb sockets -l                    sockwb sockets --port 8080 -i\n"
    "           sockwb sockets --state time-wait     sockwb sockets -x --mine -p\n"
    "Exit status: 0 listed, 1 the kernel refused the dump (no sock_diag), 2 bad usage.\n";

struct Options {
    bool help = false;
    bool json = false;
    bool processes = false;
    bool info = false;
    bool header = true;
    bool mine = false;
    SocketQuery query;
};

std::string validStates() {
    std::string list;
    for (const std::string& n : tcpStateNames()) list += (list.empty() ? "" : ", ") + n;
    return list;
}

Options parse(const Args& args) {
    CommandParser p("sockets");
    for (const char* flag : {"json", "mine"}) p.addFlag({flag});
    p.addFlag({"t", "tcp"});
    p.addFlag({"u", "udp"});
    p.addFlag({"x", "unix"});
    p.addFlag({"l", "listening"});
    p.addFlag({"p", "processes"});
    p.addFlag({"i", "info"});
    p.addFlag({"H", "no-header"});
    p.addValue({"port"});
    p.addValue({"state"});
    p.parse(args);
    Options o;
    o.help = p.helpAsked();
    if (o.help) return o;
    if (!p.positional().empty())
        throw Error::invalid("unexpected argument '" + p.positional().front() + "'", p.seeHelp());
    o.json = p.isSet("json");
    o.processes = p.isSet("processes");
    o.info = p.isSet("info");
    o.header = !p.isSet("no-header");
    o.mine = p.isSet("mine");
    SocketQuery& q = o.query;
    const bool any = p.isSet("tcp") || p.isSet("udp") || p.isSet("unix");
    q.tcp = !any || p.isSet("tcp");
    q.udp = !any || p.isSet("udp");
    q.unixSockets = p.isSet("unix");
    q.port = static_cast<int>(p.integer("port", 1, 65535, -1));
    q.tcpInfo = o.info || o.json;
    q.owners = o.processes;
    uint32_t mask = 0;
    for (const std::string& value : p.values("state")) {
        size_t start = 0;
        while (start <= value.size()) {
            const size_t comma = std::min(value.find(',', start), value.size());
            const std::string name = value.substr(start, comma - start);
            const int state = tcpStateFromName(name);
            if (state < 0)
                throw Error::invalid("--state: '" + name + "' is not a state; one of " +
                                     validStates());
            mask |= 1u << state;
            start = comma + 1;
        }
    }
    if (p.isSet("listening")) mask |= (1u << 10) | (1u << 7);  // LISTEN, and UNCONN as ss -l
    if (mask != 0) q.stateMask = mask;
    return o;
}

// "1min59sec", "59sec", "1.250ms"... as ss -o prints a timer.
std::string timerText(uint32_t ms) {
    uint32_t minutes = ms / 60000;
    uint32_t secs = (ms / 1000) % 60;
    uint32_t millis = ms % 1000;
    std::string text;
    if (minutes) {
        text = std::to_string(minutes) + "min";
        millis = 0;
        if (minutes > 9) secs = 0;
    }
    if (secs) {
        if (secs > 9) millis = 0;
        text += std::to_string(secs) + (millis ? "." : "sec");
    }
    if (millis) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%03ums", millis);
        text += buf;
    }
    return text.empty() ? "0ms" : text;
}

const char* timerName(int timer) {
    static const char* const names[] = {"off", "on", "keepalive", "timewait", "persist"};
    return timer >= 0 && timer <= 4 ? names[timer] : "unknown";
}

std::string msText(uint32_t us) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", us / 1000.0);
    return buf;
}

// The -i line, in ss -i's words.
std::string infoLine(const SocketEntry& e) {
    std::string line;
    auto add = [&](const std::string& field) { line += (line.empty() ? "" : " ") + field; };
    if (e.timer != 0)
        add("timer:(" + std::string(timerName(e.timer)) + "," + timerText(e.timerExpiresMs) + "," +
            std::to_string(e.timerRetransmits) + ")");
    if (const auto& t = e.tcp) {
        if (t->rttUs) add("rtt:" + msText(t->rttUs) + "/" + msText(t->rttVarUs));
        if (t->mss) add("mss:" + std::to_string(t->mss));
        if (t->cwnd) add("cwnd:" + std::to_string(t->cwnd));
        if (t->ssthresh && t->ssthresh < 0xffff) add("ssthresh:" + std::to_string(t->ssthresh));
        if (t->bytesAcked) add("bytes_acked:" + std::to_string(t->bytesAcked));
        if (t->bytesReceived) add("bytes_received:" + std::to_string(t->bytesReceived));
        if (t->unacked) add("unacked:" + std::to_string(t->unacked));
        if (t->retransmits || t->totalRetransmits)
            add("retrans:" + std::to_string(t->retransmits) + "/" +
                std::to_string(t->totalRetransmits));
    }
    return line;
}

std::string usersText(const SocketEntry& e) {
    if (e.owners.empty()) return {};
    std::string text = "users:(";
    for (size_t i = 0; i < e.owners.size(); ++i) {
        const SocketOwner& o = e.owners[i];
        text += (i ? ",(\"" : "(\"") + o.command + "\",pid=" + std::to_string(o.pid) +
                ",fd=" + std::to_string(o.fd) + ")";
    }
    return text + ")";
}

std::string localColumn(const SocketEntry& e) {
    if (e.protocol != SocketEntry::Protocol::Unix) return e.local;
    return e.local + " " + std::to_string(e.inode);
}

std::string peerColumn(const SocketEntry& e) {
    if (e.protocol != SocketEntry::Protocol::Unix) return e.peer;
    return e.peer + " " + std::to_string(e.peerInode);
}

std::string json(const SocketEntry& e) {
    JsonLine line;
    line.add("netid", socketNetid(e))
        .add("state", ssStateName(e.state))
        .add("stateNumber", e.state)
        .add("family", sys::familyName(e.family))
        .add("recvQ", uint64_t(e.recvQ))
        .add("sendQ", uint64_t(e.sendQ))
        .add("local", e.local)
        .add("peer", e.peer)
        .add("localPort", int(e.localPort))
        .add("peerPort", int(e.peerPort))
        .add("inode", e.inode)
        .add("peerInode", e.peerInode)
        .add("uid", uint64_t(e.uid))
        .add("v6only", e.v6only)
        .add("shutdown", e.shutdown)
        .add("timer", timerName(e.timer))
        .add("timerExpiresMs", uint64_t(e.timerExpiresMs))
        .add("timerRetransmits", uint64_t(e.timerRetransmits));
    if (const auto& t = e.tcp) {
        line.addRaw("tcpInfo", JsonLine()
                                   .add("state", t->state)
                                   .add("rttUs", uint64_t(t->rttUs))
                                   .add("rttVarUs", uint64_t(t->rttVarUs))
                                   .add("cwnd", uint64_t(t->cwnd))
                                   .add("ssthresh", uint64_t(t->ssthresh))
                                   .add("retransmits", uint64_t(t->retransmits))
                                   .add("totalRetransmits", uint64_t(t->totalRetransmits))
                                   .add("unacked", uint64_t(t->unacked))
                                   .add("mss", uint64_t(t->mss))
                                   .add("bytesAcked", t->bytesAcked)
                                   .add("bytesReceived", t->bytesReceived)
                                   .add("inQueue", uint64_t(t->inQueue))
                                   .add("outQueue", uint64_t(t->outQueue))
                                   .str());
    }
    std::string owners = "[";
    for (const SocketOwner& o : e.owners) {
        if (owners.size() > 1) owners += ',';
        owners += JsonLine().add("pid", o.pid).add("fd", o.fd).add("command", o.command).str();
    }
    line.addRaw("owners", owners + "]");
    return line.str();
}

// The rows in columns as wide as their widest cell.
std::string table(const std::vector<SocketEntry>& entries, const Options& o) {
    std::vector<std::vector<std::string>> rows;
    if (o.header) {
        rows.push_back(
            {"Netid", "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port"});
        if (o.processes) rows.back().push_back("Process");
    }
    for (const SocketEntry& e : entries) {
        rows.push_back({socketNetid(e), ssStateName(e.state), std::to_string(e.recvQ),
                        std::to_string(e.sendQ), localColumn(e), peerColumn(e)});
        if (o.processes) rows.back().push_back(usersText(e));
    }
    std::vector<size_t> width(7, 0);
    for (const auto& row : rows)
        for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    std::string text;
    size_t entry = o.header ? 0 : 1;
    for (const auto& row : rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(width[c] - row[c].size() + 1, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        text += line + "\n";
        if (o.info && entry > 0) {
            const SocketEntry& e = entries[entry - 1];
            const std::string info = infoLine(e);
            if (!info.empty()) text += "\t " + info + "\n";
        }
        ++entry;
    }
    return text;
}

int run(const Options& o) {
    std::vector<SocketEntry> entries = querySockets(o.query);
    if (o.mine) {
        const uint32_t me = ::getuid();
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [&](const SocketEntry& e) { return e.uid != me; }),
                      entries.end());
    }
    if (o.json) {
        std::string text;
        for (const SocketEntry& e : entries) text += json(e) + "\n";
        printOut(q(text));
    } else {
        printOut(q(table(entries, o)));
    }
    return 0;
}

}  // namespace

int socketsCommand(const Args& args) {
    Options o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb sockets: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QString::fromUtf8(kHelp));
        return 0;
    }
    try {
        return run(o);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb sockets: %1\n").arg(errorText(e)));
        return 1;
    }
}

}  // namespace sockwb::app
