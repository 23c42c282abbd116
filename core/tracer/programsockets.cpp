#include "core/tracer/programsockets.h"

#include <errno.h>

#include <algorithm>

namespace sockwb::tracer {

namespace {

using Kind = ProgramSocket::Kind;
using State = ProgramSocket::State;

// The comma-separated fields of an args text ("3, 127.0.0.1:80, 16").
std::vector<std::string> fields(const std::string& args) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        const size_t at = args.find(", ", start);
        out.push_back(args.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 2;
    }
}

// The address field of bind/connect/accept/getsockname: the second field.
std::string secondField(const std::string& args) {
    const auto f = fields(args);
    return f.size() > 1 ? f[1] : std::string();
}

bool isAddress(const std::string& s) { return !s.empty() && s != "NULL" && s != "..."; }

bool oneOf(const std::string& call, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return call == n; });
}

Kind kindOfSocket(const std::vector<std::string>& f) {
    const bool unix = !f.empty() && f[0] == "AF_UNIX";
    const bool dgram = f.size() > 1 && f[1].rfind("SOCK_DGRAM", 0) == 0;
    if (dgram) return unix ? Kind::Unix : Kind::Udp;
    return unix ? Kind::Unix : Kind::Tcp;
}

State shutState(State old, const std::string& how) {
    const bool rd = how == "SHUT_RD" || how == "SHUT_RDWR" || old == State::ShutRd;
    const bool wr = how == "SHUT_WR" || how == "SHUT_RDWR" || old == State::ShutWr;
    if (rd && wr) return State::ShutRdWr;
    return rd ? State::ShutRd : State::ShutWr;
}

}  // namespace

const char* kindName(Kind kind) {
    switch (kind) {
        case Kind::Tcp:
            return "TCP";
        case Kind::TcpListening:
            return "TCP listening";
        case Kind::TcpConnected:
            return "TCP connected";
        case Kind::Udp:
            return "UDP";
        case Kind::Unix:
            return "Unix";
        case Kind::UnixListening:
            return "Unix listening";
        default:
            return "?";
    }
}

const char* stateName(State state) {
    static const char* const names[] = {"open",      "listening",  "connecting",
                                        "connected", "refused",    "shut RD",
                                        "shut WR",   "shut RD+WR", "closed"};
    return names[static_cast<int>(state)];
}

int ProgramSockets::find(int pid, int fd) const {
    for (int i = static_cast<int>(rows_.size()) - 1; i >= 0; --i)
        if (rows_[i].pid == pid && rows_[i].fd == fd && rows_[i].state != State::Closed) return i;
    return -1;
}

int ProgramSockets::addRow(const TraceEvent& e, int fd) {
    const int old = find(e.pid, fd);
    if (old >= 0) {  // the fd was reused without a close we saw
        rows_[old].state = State::Closed;
        rows_[old].closedUs = e.timeUs;
    }
    ProgramSocket s;
    s.pid = e.pid;
    s.fd = fd;
    s.calls = 1;
    rows_.push_back(s);
    return static_cast<int>(rows_.size()) - 1;
}

int ProgramSockets::applySocket(const TraceEvent& e) {
    if (e.result < 0) return -1;
    const auto f = fields(e.args);
    const int row = addRow(e, static_cast<int>(e.result));
    rows_[row].kind = kindOfSocket(f);
    rows_[row].family = f.empty() ? std::string() : f[0];
    return row;
}

int ProgramSockets::applyAccept(const TraceEvent& e) {
    const int listener = find(e.pid, e.fd);
    if (listener >= 0) ++rows_[listener].calls;
    if (e.result < 0) return listener;
    const int row = addRow(e, static_cast<int>(e.result));
    ProgramSocket& s = rows_[row];
    if (listener >= 0) {
        s.family = rows_[listener].family;
        s.local = rows_[listener].local;
        s.kind = rows_[listener].kind == Kind::UnixListening ? Kind::Unix : Kind::TcpConnected;
    } else {
        s.kind = Kind::TcpConnected;
    }
    const std::string peer = secondField(e.args);
    if (isAddress(peer)) s.peer = peer;
    s.state = State::Connected;
    return row;
}

int ProgramSockets::applyFork(const TraceEvent& e) {
    if (e.result <= 0) return -1;
    const int child = static_cast<int>(e.result);
    const size_t n = rows_.size();
    int last = -1;
    for (size_t i = 0; i < n; ++i) {
        if (rows_[i].pid != e.pid || rows_[i].state == State::Closed) continue;
        ProgramSocket copy = rows_[i];
        copy.pid = child;
        copy.bytesIn = copy.bytesOut = 0;
        copy.calls = 0;
        rows_.push_back(copy);
        last = static_cast<int>(rows_.size()) - 1;
    }
    return last;
}

void ProgramSockets::applyIo(const TraceEvent& e, ProgramSocket& s) {
    const bool in = oneOf(e.call, {"recv", "recvfrom", "recvmsg", "read"});
    if (e.result > 0) (in ? s.bytesIn : s.bytesOut) += e.result;
    if (e.result < 0 || !oneOf(e.call, {"recvfrom", "sendto"})) return;
    const auto f = fields(e.args);
    if (!f.empty() && isAddress(f.back())) s.peer = f.back();
}

int ProgramSockets::applyOnRow(const TraceEvent& e, int row) {
    ProgramSocket& s = rows_[row];
    ++s.calls;
    const bool ok = e.result >= 0;
    if (e.call == "bind" || e.call == "getsockname") {
        if (ok && isAddress(secondField(e.args))) s.local = secondField(e.args);
    } else if (e.call == "getpeername") {
        if (ok && isAddress(secondField(e.args))) s.peer = secondField(e.args);
    } else if (e.call == "listen") {
        if (ok) s.kind = s.kind == Kind::Unix ? Kind::UnixListening : Kind::TcpListening;
        if (ok) s.state = State::Listening;
    } else if (e.call == "connect") {
        s.peer = secondField(e.args);
        if (s.kind == Kind::Tcp) s.kind = Kind::TcpConnected;
        s.state = ok ? State::Connected : e.err == EINPROGRESS ? State::Connecting : State::Refused;
    } else if (e.call == "shutdown") {
        if (ok) s.state = shutState(s.state, fields(e.args).back());
    } else if (e.call == "close") {
        s.state = State::Closed;
        s.closedUs = e.timeUs;
    } else {
        applyIo(e, s);
    }
    return row;
}

int ProgramSockets::apply(const TraceEvent& e) {
    if (e.call == "socket") return applySocket(e);
    if (e.call == "accept" || e.call == "accept4") return applyAccept(e);
    if (e.call == "fork") return applyFork(e);
    if (e.fd < 0) return -1;
    const int row = find(e.pid, e.fd);
    return row < 0 ? -1 : applyOnRow(e, row);
}

void ProgramSockets::dropClosedBefore(int64_t beforeUs) {
    std::erase_if(rows_, [&](const ProgramSocket& s) {
        return s.state == State::Closed && s.closedUs < beforeUs;
    });
}

}  // namespace sockwb::tracer
