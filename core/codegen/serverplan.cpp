#include "core/codegen/serverplan.h"

#include <cstdio>

namespace sockwb::codegen {

bool ServerPlan::has(std::string_view service) const {
    for (const auto& l : listeners)
        if (l.service == service) return true;
    return false;
}

bool ServerPlan::hasTcp(std::string_view service) const {
    for (const auto& l : listeners)
        if (l.service == service && !l.udp) return true;
    return false;
}

bool ServerPlan::hasUdp(std::string_view service) const {
    for (const auto& l : listeners)
        if (l.service == service && l.udp) return true;
    return false;
}

bool ServerPlan::anyUdp() const {
    for (const auto& l : listeners)
        if (l.udp) return true;
    return false;
}

bool ServerPlan::anyTcp() const {
    for (const auto& l : listeners)
        if (!l.udp) return true;
    return false;
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& table) {
    for (const auto& [key, value] : table) {
        const std::string token = "@" + key + "@";
        for (size_t at = text.find(token); at != std::string::npos;
             at = text.find(token, at + value.size()))
            text.replace(at, token.size(), value);
    }
    return text;
}

namespace {

std::string escaped(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) {
        switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                if (c >= 0x20 && c < 0x7f) {
                    out += static_cast<char>(c);
                } else {
                    // Three octal digits: never swallows a following digit.
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\%03o", c);
                    out += buf;
                }
        }
    }
    return out;
}

}  // namespace

std::string cLiteral(std::string_view bytes) { return "\"" + escaped(bytes) + "\""; }

std::string pyBytesLiteral(std::string_view bytes) { return "b\"" + escaped(bytes) + "\""; }

std::string omissionLines(const ServerPlan& plan, std::string_view prefix) {
    std::string out;
    for (const auto& o : plan.omissions) out += std::string(prefix) + o + "\n";
    return out;
}

std::string modelSentence(const ServerPlan& plan) {
    const std::string& m = plan.model;
    if (m == "iterative")
        return "Iterative server: one client at a time (accept, serve, close), the next waits "
               "in the listen queue.";
    if (m == "fork")
        return "Concurrent server, one process per client: accept, fork; the child closes the "
               "listening socket and serves, the parent closes the client's socket and accepts "
               "again; SIGCHLD reaps the children.";
    if (m == "thread")
        return "Concurrent server, one thread per client: accept, pthread_create, "
               "pthread_detach; the thread serves and closes the client's socket.";
    if (m == "pool")
        return "Concurrent server, a pool of " + std::to_string(plan.poolSize) +
               " threads created in advance, each blocking in accept() on the shared listening "
               "socket, serving one client at a time.";
    return "Iterative server multiplexing its inputs/outputs with " + m +
           "(): one loop, non-blocking sockets, every listener and every client watched at "
           "once, a state per connection.";
}

}  // namespace sockwb::codegen
