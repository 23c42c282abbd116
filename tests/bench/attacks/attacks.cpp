#include "tests/bench/attacks/attacks.h"

namespace sockwb::bench {

namespace {

std::string repeated(const std::string& unit, size_t atLeast) {
    std::string out;
    while (out.size() < atLeast) out += unit;
    return out;
}

// 200 connections trickle a request head that never ends, one byte per
// connection every 500 ms; a connection the server closes is opened again.
AttackPlan slowloris(int n) {
    FloodGroup g;
    g.count = n > 0 ? n : 200;
    g.head =
        std::string("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Trickle: ");
    g.block = std::string(1, 'a');
    g.pace = Millis(500);
    g.reconnect = true;
    return {ProbeKind::Http, {g}, false, g.count};
}

// Chat clients that never read (a 4 KB receive buffer) while two senders
// talk, 64 KB of 1,000-byte lines every 20 ms each (3.2 MB/s: a flood, yet
// one a reader that keeps up can follow, so the probe measures the server,
// not two clients saturating each other), and read what they get.
AttackPlan chatReaders(int n) {
    FloodGroup readers;
    readers.name = "readers";
    readers.count = n > 0 ? n : 2;
    readers.recvBuffer = 4096;
    FloodGroup senders;
    senders.name = "senders";
    senders.count = 2;
    senders.drain = true;
    senders.block = repeated(std::string(999, 'x') + "\n", 64 * 1024);
    senders.blockPace = Millis(20);
    return {ProbeKind::Chat, {readers, senders}, false, readers.count};
}

// Chargen clients that stop reading at once (a 4 KB receive buffer).
AttackPlan chargenReaders(int n) {
    FloodGroup g;
    g.count = n > 0 ? n : 200;
    g.recvBuffer = 4096;
    return {ProbeKind::Chargen, {g}, false, g.count};
}

// A request the server answers in 60 s, then megabytes of pipelined
// requests behind it, never reading the answers.
AttackPlan pipeline(int n) {
    FloodGroup g;
    g.count = n > 0 ? n : 1;
    g.head = "GET /delay/60000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    g.block = repeated("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 64 * 1024);
    return {ProbeKind::Http, {g}, false, g.count};
}

// A chunked POST /echo whose chunks hold one byte and a 4,000-byte chunk
// extension each, for ever.
AttackPlan chunkExtensions(int n) {
    FloodGroup g;
    g.count = n > 0 ? n : 4;
    g.head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    g.block = repeated("1;x=" + std::string(3996, 'v') + "\r\nA\r\n", 64 * 1024);
    return {ProbeKind::Http, {g}, false, g.count};
}

// 30 connections each POST /echo an 8,000,000-byte body of control bytes
// (JSON-escaped six times larger) and never read the answer.
AttackPlan echoControl(int n) {
    constexpr uint64_t kBody = 8000000;
    FloodGroup g;
    g.count = n > 0 ? n : 30;
    g.head =
        "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
        "Content-Length: " +
        std::to_string(kBody) + "\r\n\r\n";
    g.block = std::string(64 * 1024, '\x01');
    g.limit = g.head.size() + kBody;
    return {ProbeKind::Http, {g}, false, g.count};
}

// A datagram to the UDP echo whose source is another UDP service (or the
// echo itself): the two answer each other for ever.
AttackPlan udpReflection(int n) {
    AttackPlan p;
    p.probe = ProbeKind::UdpEcho;
    p.udpReflection = true;
    p.count = n > 0 ? n : 1;
    return p;
}

struct Named {
    const char* name;
    AttackPlan (*make)(int);
};

const Named kAttacks[] = {
    {"slowloris", slowloris},
    {"chat-readers", chatReaders},
    {"chargen-readers", chargenReaders},
    {"pipeline", pipeline},
    {"chunk-ext", chunkExtensions},
    {"echo-control", echoControl},
    {"udp-reflect", udpReflection},
};

}  // namespace

std::optional<AttackPlan> planFor(const std::string& name, int count) {
    for (const auto& a : kAttacks)
        if (name == a.name) return a.make(count);
    return std::nullopt;
}

std::string attackList() {
    std::string s;
    for (const auto& a : kAttacks) s += (s.empty() ? "" : ", ") + std::string(a.name);
    return s;
}

}  // namespace sockwb::bench
