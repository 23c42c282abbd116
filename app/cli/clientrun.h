#pragma once
// The work of `sockwb client` once its options are parsed: connect (TCP) or
// pick the peer (UDP), then one poll loop that sends the messages (or
// stdin), writes what arrives to stdout byte for byte and stops at --until,
// end of stream or the idle timeout. Runs on the calling thread; one
// instance per run.

#include <optional>
#include <string>
#include <vector>

#include "core/net/framing.h"
#include "core/net/socket.h"

namespace sockwb::app {

struct ClientOptions {
    bool udp = false;         // datagrams: udp or unixgram
    bool unixDomain = false;  // AF_UNIX: host is the socket path, no port
    std::string host;
    std::string port;
    std::vector<std::string> sends;    // already encoded with the framing
    std::optional<std::string> until;  // stop once this was received
    Framing framing = Framing::Raw;
    int timeoutMs = -1;  // -1: the defaults in --help
    bool trace = false;
};

class ClientRun {
public:
    explicit ClientRun(ClientOptions options) : o_(std::move(options)) {}

    // Runs to the end; returns the exit status (0 done, 1 failed). Throws
    // Error for socket failures (refused, reset...).
    int run();

private:
    int runTcp();
    int runUdp();
    // Writes bytes to stdout; true once --until has been seen (or stdout
    // was closed: nobody reads any more).
    bool deliver(std::string_view bytes);
    // Longest wait for something to happen, in ms (-1: no limit).
    int idleTimeout() const;
    int timedOut() const;  // what a timeout means: 0, or 1 with a message
    int closedEarly() const;

    ClientOptions o_;
    std::string window_;  // the last received bytes, to find --until across reads
};

}  // namespace sockwb::app
