#pragma once
// What an exported server program consists of, decided once from a
// ServerConfig (serverexport.cpp) and written out by the C writer
// (cserverwriter.cpp) and the Python writer (pyserverwriter.cpp): the
// model, the listeners the program opens (every one under select, poll and
// epoll; the first under the blocking models), the service options it
// reproduces and the sentences saying what it leaves out. Also the small
// text helpers both writers share. Plain data and pure functions:
// thread-safe.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sockwb::codegen {

struct PlannedListener {
    std::string service;  // echo, discard, chargen, daytime, time, clock, chat, http
    bool udp = false;
    bool ipv6 = false;          // the bind address is an IPv6 one
    std::string address;        // numeric bind address ("127.0.0.1", "::")
    int defaultPort = 0;        // the configured port, or a customary one when it was 0
    bool portFromArgv = false;  // the configured port was 0: argv says it
};

struct ServerPlan {
    std::string model;  // iterative, fork, thread, pool, select, poll, epoll
    std::vector<PlannedListener> listeners;
    int backlog = 128;
    int poolSize = 4;
    bool reuseAddr = true;
    int ticks = 5;           // clock: times sent per request
    int intervalMs = 1000;   // clock: pause between two
    std::string terminator;  // clock: bytes after each message ("" as the course)
    std::vector<std::string> omissions;
    std::string stem;  // "clock_server_iterative"

    bool eventDriven() const { return model == "select" || model == "poll" || model == "epoll"; }
    bool has(std::string_view service) const;
    bool hasTcp(std::string_view service) const;
    bool hasUdp(std::string_view service) const;
    bool anyUdp() const;
    bool anyTcp() const;
    bool needsThreads() const { return model == "thread" || model == "pool"; }
};

// text with every "@KEY@" of the table replaced by its value.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& table);
// A C string literal ("Au Revoir", "\r\n") for bytes; printable ASCII kept.
std::string cLiteral(std::string_view bytes);
// A Python bytes literal (b"Au Revoir") for bytes.
std::string pyBytesLiteral(std::string_view bytes);
// The omissions as comment lines, each prefixed with prefix (" *  - ", "#  - ").
std::string omissionLines(const ServerPlan& plan, std::string_view prefix);
// One sentence on how the model serves clients, for the header comment.
std::string modelSentence(const ServerPlan& plan);

}  // namespace sockwb::codegen
