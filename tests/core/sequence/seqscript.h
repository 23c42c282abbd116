#pragma once
// Test support for the sequence builder: a script of synthetic TraceEvents
// spelt the way sys.cpp and the tracer spell them (args text, result,
// err, data, local, peer), and a readable form of the arrows a builder
// found ("D 10.send#0>20.recv#1 0+5"), where a call is named by its pid,
// its name and its rank among that pid's calls of that name: the name does
// not depend on the order the events were appended in.
// Test code only.

#include <errno.h>

#include <QStringList>
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/sequence/sequence.h"

namespace sockwb::test {

class SeqScript {
public:
    std::vector<TraceEvent> events;
    int64_t now = 1'700'000'000'000'000;  // trace time, microseconds
    int64_t step = 10;                    // added after every event

    TraceEvent& add(int pid, int fd, std::string call, std::string args, int64_t result,
                    int err = 0) {
        TraceEvent e;
        e.timeUs = now;
        now += step;
        e.pid = pid;
        e.tid = pid;
        e.fd = fd;
        e.call = std::move(call);
        e.args = std::move(args);
        e.result = result;
        e.err = err;
        events.push_back(std::move(e));
        return events.back();
    }
    static std::string n(int64_t v) { return std::to_string(v); }
    static std::string quoted(const std::string& s) { return "\"" + s + "\""; }

    void socket(int pid, int fd, bool udp = false) {
        add(pid, -1, "socket", udp ? "AF_INET, SOCK_DGRAM, 0" : "AF_INET, SOCK_STREAM, 0", fd);
    }
    void bind(int pid, int fd, const std::string& local) {
        add(pid, fd, "bind", n(fd) + ", " + local + ", 16", 0).local = local;
    }
    // socket + bind + listen
    void listener(int pid, int fd, const std::string& local) {
        socket(pid, fd);
        bind(pid, fd, local);
        add(pid, fd, "listen", n(fd) + ", 128", 0).local = local;
    }
    void accept(int pid, int fd, int newFd, const std::string& local, const std::string& peer) {
        TraceEvent& e = add(pid, fd, "accept4", n(fd) + ", " + peer + ", SOCK_CLOEXEC", newFd);
        e.local = local;
        e.peer = peer;
    }
    void connect(int pid, int fd, const std::string& local, const std::string& peer, int err = 0) {
        TraceEvent& e = add(pid, fd, "connect", n(fd) + ", " + peer + ", 16", err ? -1 : 0, err);
        e.local = local;
        e.peer = peer;
    }
    // socket + connect
    void client(int pid, int fd, const std::string& local, const std::string& peer) {
        socket(pid, fd);
        connect(pid, fd, local, peer);
    }
    void send(int pid, int fd, const std::string& data, const char* call = "send") {
        TraceEvent& e =
            add(pid, fd, call, n(fd) + ", " + quoted(data) + ", " + n(data.size()) + ", 0",
                static_cast<int64_t>(data.size()));
        e.data = data;
    }
    // A recv (or read) that read `data`.
    void recv(int pid, int fd, const std::string& data, const char* call = "recv",
              const char* flags = "0") {
        TraceEvent& e = add(pid, fd, call, n(fd) + ", " + quoted(data) + ", 4096, " + flags,
                            static_cast<int64_t>(data.size()));
        e.data = data;
    }
    void eof(int pid, int fd, const char* call = "recv") {
        add(pid, fd, call, n(fd) + ", \"\", 4096, 0", 0);
    }
    void failed(int pid, int fd, const char* call, int err) {
        add(pid, fd, call, n(fd) + ", \"\", 4096, 0", -1, err);
    }
    void shutdown(int pid, int fd, const char* how) {
        add(pid, fd, "shutdown", n(fd) + ", " + how, 0);
    }
    void close(int pid, int fd) { add(pid, fd, "close", n(fd), 0); }
    void sendto(int pid, int fd, const std::string& local, const std::string& peer,
                const std::string& data) {
        TraceEvent& e = add(pid, fd, "sendto",
                            n(fd) + ", " + quoted(data) + ", " + n(data.size()) + ", 0, " + peer,
                            static_cast<int64_t>(data.size()));
        e.data = data;
        e.local = local;
        e.peer = peer;
    }
    void recvfrom(int pid, int fd, const std::string& local, const std::string& peer,
                  const std::string& data) {
        TraceEvent& e = add(pid, fd, "recvfrom", n(fd) + ", " + quoted(data) + ", 2048, 0, " + peer,
                            static_cast<int64_t>(data.size()));
        e.data = data;
        e.local = local;
        e.peer = peer;
    }
    void fork(int pid, int child) { add(pid, -1, "fork", "", child); }
    void programStart(int pid, const std::string& name, int parent) {
        add(pid, -1, "program_start", quoted(name) + ", parent " + n(parent), 0);
    }

    // The events of some pids only, in order (a source's batch).
    std::vector<TraceEvent> of(std::initializer_list<int> pids) const {
        std::vector<TraceEvent> out;
        for (const TraceEvent& e : events)
            if (std::find(pids.begin(), pids.end(), e.pid) != pids.end()) out.push_back(e);
        return out;
    }
};

inline std::vector<TraceEvent> joined(std::vector<TraceEvent> a, const std::vector<TraceEvent>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// "10.send#2": the call's pid, name and rank among that pid's calls of
// that name, in the builder's events.
inline std::vector<std::string> callNames(const seq::SequenceBuilder& b) {
    std::map<std::pair<int, std::string>, int> rank;
    std::vector<std::string> out;
    for (const TraceEvent& e : b.events())
        out.push_back(std::to_string(e.pid) + "." + e.call + "#" +
                      std::to_string(rank[{e.pid, e.call}]++));
    return out;
}

inline const char* kindLetter(seq::Arrow::Kind k) {
    switch (k) {
        case seq::Arrow::Kind::Handshake:
            return "H";
        case seq::Arrow::Kind::Data:
            return "D";
        case seq::Arrow::Kind::Fin:
            return "F";
        case seq::Arrow::Kind::Reset:
            return "R";
        case seq::Arrow::Kind::Datagram:
            return "G";
        default:
            return "L";
    }
}

// Every arrow as "D 10.send#0>20.recv#1 0+5" (Handshake/Fin/Reset without
// the range, Lost as "L 10.sendto#3 5"), sorted.
inline QStringList arrowText(const seq::SequenceBuilder& b) {
    const auto names = callNames(b);
    QStringList out;
    for (const seq::Arrow& a : b.arrows()) {
        const auto ev = [&](size_t call) { return names.at(b.calls().at(call).event); };
        std::string s = std::string(kindLetter(a.kind)) + " " + ev(a.from);
        if (a.kind == seq::Arrow::Kind::Lost)
            s += " " + std::to_string(a.length);
        else
            s += ">" + ev(a.to);
        if (a.kind == seq::Arrow::Kind::Data)
            s += " " + std::to_string(a.offset) + "+" + std::to_string(a.length);
        if (a.kind == seq::Arrow::Kind::Datagram) s += " " + std::to_string(a.length);
        out << QString::fromStdString(s);
    }
    out.sort();
    return out;
}

inline QStringList arrowText(const std::vector<TraceEvent>& events) {
    seq::SequenceBuilder b;
    b.append(events);
    return arrowText(b);
}

// The index of the call named like callNames does, or kNone.
inline size_t callNamed(const seq::SequenceBuilder& b, const std::string& name) {
    const auto names = callNames(b);
    for (size_t i = 0; i < b.calls().size(); ++i)
        if (names[b.calls()[i].event] == name) return i;
    return seq::kNone;
}

inline bool timeOrderSorted(const seq::SequenceBuilder& b) {
    const auto& order = b.timeOrder();
    if (order.size() != b.calls().size()) return false;
    for (size_t i = 1; i < order.size(); ++i) {
        const auto& p = b.calls()[order[i - 1]];
        const auto& c = b.calls()[order[i]];
        if (p.timeUs > c.timeUs || (p.timeUs == c.timeUs && order[i - 1] > order[i])) return false;
    }
    return true;
}

}  // namespace sockwb::test
