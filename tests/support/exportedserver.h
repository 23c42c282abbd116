#pragma once
// Test support for the exported servers (tests/core/codegen): builds a
// ServerConfig, writes an export into a temporary folder, compiles the C
// ones with `cc -Wall -Wextra -Werror` (several at once), runs a program on
// free loopback ports in its own process group (killed with the group, so
// a fork model's children go too), and talks to it with the core's own
// Socket: the exact bytes each service sends. Test code only, GUI thread.

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/codegen/codeexport.h"
#include "core/net/socket.h"

namespace sockwb::test {

struct ExportListener {
    std::string service;
    Protocol protocol = Protocol::Tcp;
};

// A config of the model and listeners, the clock fast (2 times, 40 ms apart).
inline ServerConfig exportConfig(const std::string& model, std::vector<ExportListener> listeners) {
    ServerConfig config;
    config.model = model;
    config.listeners.clear();
    for (const auto& l : listeners) {
        ListenerConfig lc;
        lc.service = l.service;
        lc.protocol = l.protocol;
        config.listeners.push_back(lc);
    }
    config.serviceOptions.ticks = 2;
    config.serviceOptions.intervalMs = 40;
    config.poolSize = 3;
    return config;
}

// Ports free now on loopback, one per listener (bound to 0 together, read,
// closed): held open until all are chosen, so two listeners never get the
// same port (UDP with SO_REUSEADDR would share it silently).
inline std::vector<uint16_t> freePorts(const std::vector<ExportListener>& listeners) {
    std::vector<Socket> held;
    std::vector<uint16_t> ports;
    for (const auto& l : listeners) {
        held.push_back(l.protocol == Protocol::Udp ? udpBind(Address::fromIp("127.0.0.1", 0))
                                                   : tcpListen(Address::fromIp("127.0.0.1", 0)));
        ports.push_back(held.back().localAddress().port());
    }
    return ports;
}

// One exported program running; killed with its process group at the end.
class RunningExport {
public:
    RunningExport(const QString& program, const QStringList& args, int listeners)
        : listeners_(listeners) {
        proc_.setChildProcessModifier([] { ::setpgid(0, 0); });
        proc_.setProcessChannelMode(QProcess::SeparateChannels);
        proc_.start(program, args);
    }
    ~RunningExport() {
        if (proc_.processId() > 0) ::kill(-static_cast<pid_t>(proc_.processId()), SIGKILL);
        proc_.waitForFinished(5000);
    }
    // True once the program printed "Server listen on port" for each listener.
    bool listening() {
        proc_.waitForReadyRead(10);
        out_ += proc_.readAllStandardOutput();
        return out_.count("Server listen on port") >= listeners_;
    }
    QString errors() { return QString::fromUtf8(proc_.readAllStandardError()); }
    QProcess& process() { return proc_; }

private:
    QProcess proc_;
    QByteArray out_;
    int listeners_;
};

// Everything the peer sends until it closes (or until the deadline).
inline std::string readToEnd(Socket& s, int timeoutMs = 10000) {
    std::string out;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const IoResult r = s.recvSome(out, 65536, Millis(deadline.remainingTime()));
        if (r.eof() || r.status == IoResult::TimedOut) break;
    }
    return out;
}

// At least n bytes (or what came before the deadline).
inline std::string readAtLeast(Socket& s, size_t n, int timeoutMs = 10000) {
    std::string out;
    QDeadlineTimer deadline(timeoutMs);
    while (out.size() < n && !deadline.hasExpired()) {
        const IoResult r = s.recvSome(out, n - out.size(), Millis(deadline.remainingTime()));
        if (r.eof() || r.status == IoResult::TimedOut) break;
    }
    return out;
}

inline Socket connectTo(uint16_t port) {
    return tcpConnect(Address::fromIp("127.0.0.1", port), Millis(5000));
}

// UDP: one request, then every datagram until "Au Revoir" (clock) or one.
inline std::vector<std::string> udpExchange(uint16_t port, const std::string& request,
                                            bool untilGoodbye) {
    Socket s = udpSocket(AF_INET);
    s.sendTo(request, Address::fromIp("127.0.0.1", port));
    std::vector<std::string> got;
    char buf[2048];
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        auto d = s.recvFrom(buf, sizeof buf, Millis(deadline.remainingTime()));
        if (!d) break;
        got.emplace_back(buf, d->size);
        if (!untilGoodbye || got.back() == "Au Revoir") break;
    }
    return got;
}

}  // namespace sockwb::test
