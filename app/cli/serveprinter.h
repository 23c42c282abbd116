#pragma once
// What `sockwb serve` prints while it runs: the server's events and its
// syscall trace, as text (trace on stderr, strace style, with pid/tid) or as
// JSON lines on stdout (--json). Called from the server's threads: every
// method is thread-safe (one mutex orders the lines) and each line is
// flushed at once so a script or test reading the pipe sees it immediately.

#include <functional>
#include <mutex>
#include <vector>

#include "core/net/trace.h"
#include "core/server/server.h"

namespace sockwb::app {

class ServePrinter final : public ServerObserver, public TraceObserver {
public:
    // json: JSON lines on stdout; verbose: text mode also prints connections
    // and service log lines (stdout).
    ServePrinter(bool json, bool verbose) : json_(json), verbose_(verbose) {}

    // "listening tcp 127.0.0.1:4242 model=epoll service=echo" (or its JSON);
    // io ("blocking", "poll", or "" for an event loop) comes before the
    // model: "... io=blocking model=thread service=clock", and so do
    // several loops: "... loops=2 model=epoll service=echo" (JSON: "loops"
    // always). Thread-safe.
    void listening(const std::string& protocol, const Address& address, const std::string& model,
                   const std::string& service, const std::string& io = {}, int loops = 1);
    // A failure on the way out ("stopped" / fatal error). Thread-safe.
    void stopped();
    // --sockopt: where the read back comes from (Server::sockoptReadback,
    // thread-safe). Before the server starts.
    void showSockopts(std::function<std::vector<SockoptReadback>()> readback);
    // The listeners' read back, one "sockopt" line each (after the
    // "listening" lines); the first accepted connection's follows once
    // there is one (onConnectionOpened). Thread-safe.
    void listenerSockopts();
    // --tls: the certificate the server presents, after the "listening"
    // lines: subject and SANs, SHA-256 fingerprint, the file (and, for the
    // self-signed one, the folder it is kept in). Thread-safe.
    void tlsCertificate(const tls::CertificateInfo& cert, const std::string& certFile,
                        bool selfSigned);

    void onConnectionOpened(const ConnectionInfo& info) override;
    void onConnectionClosed(const ConnectionInfo& info) override;
    void onConnectionTls(uint64_t connectionId, const std::string& summary) override;
    void onLog(const std::string& text) override;
    void onError(const ErrorInfo& error) override;
    void onTrace(const TraceEvent& event) override;

private:
    void out(const std::string& line);  // stdout, one line, flushed
    void err(const std::string& line);  // stderr, one line, flushed
    // The readback entries whose accepted flag is `accepted`, as lines.
    // False when there was none yet.
    bool printSockopts(bool accepted);

    bool json_;
    bool verbose_;
    std::mutex mutex_;  // orders the lines
    // Set before the server starts, read from its threads.
    std::function<std::vector<SockoptReadback>()> readback_;
    std::mutex acceptedMutex_;    // taken before mutex_, never after
    bool acceptedShown_ = false;  // guarded by acceptedMutex_
};

}  // namespace sockwb::app
