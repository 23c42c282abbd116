#include "widgets/compare/compareconfig.h"

#include <QCoreApplication>
#include <algorithm>

#include "core/net/error.h"
#include "widgets/common/refusaltext.h"

namespace sockwb {

std::string CompareConfig::serviceOf(CompareWorkload w) {
    switch (w) {
        case CompareWorkload::HttpKeepAlive:
        case CompareWorkload::HttpNewConnection:
            return "http";
        case CompareWorkload::TcpEcho:
        case CompareWorkload::UdpEcho:
            break;
    }
    return "echo";
}

Protocol CompareConfig::protocolOf(CompareWorkload w) {
    return w == CompareWorkload::UdpEcho ? Protocol::Udp : Protocol::Tcp;
}

QString CompareConfig::key(CompareWorkload w) {
    switch (w) {
        case CompareWorkload::HttpKeepAlive:
            return QStringLiteral("http-keepalive");
        case CompareWorkload::HttpNewConnection:
            return QStringLiteral("http-close");
        case CompareWorkload::TcpEcho:
            return QStringLiteral("tcp-echo");
        case CompareWorkload::UdpEcho:
            return QStringLiteral("udp-echo");
    }
    return {};
}

QString CompareConfig::fileKey() const {
    return tls && supportsTls(workload) ? key(workload) + QStringLiteral("-tls") : key(workload);
}

QString CompareConfig::label(CompareWorkload w) {
    switch (w) {
        case CompareWorkload::HttpKeepAlive:
            return QCoreApplication::translate("sockwb::CompareConfig", "HTTP, keep-alive");
        case CompareWorkload::HttpNewConnection:
            return QCoreApplication::translate("sockwb::CompareConfig",
                                               "HTTP, connection per request");
        case CompareWorkload::TcpEcho:
            return QCoreApplication::translate("sockwb::CompareConfig", "TCP echo");
        case CompareWorkload::UdpEcho:
            return QCoreApplication::translate("sockwb::CompareConfig", "UDP echo");
    }
    return {};
}

QString CompareConfig::description(CompareWorkload w) {
    switch (w) {
        case CompareWorkload::HttpKeepAlive:
            return QCoreApplication::translate(
                "sockwb::CompareConfig",
                "The http service; each client sends GET / again and again on "
                "one connection (HTTP/1.1 keep-alive)");
        case CompareWorkload::HttpNewConnection:
            return QCoreApplication::translate(
                "sockwb::CompareConfig",
                "The http service; each request opens its own connection "
                "(Connection: close): connect, accept and close every time");
        case CompareWorkload::TcpEcho:
            return QCoreApplication::translate(
                "sockwb::CompareConfig",
                "The echo service over TCP; each client sends the payload and "
                "waits for it to come back, on one connection");
        case CompareWorkload::UdpEcho:
            return QCoreApplication::translate(
                "sockwb::CompareConfig",
                "The echo service over UDP; each client socket sends one "
                "datagram and waits for it to come back");
    }
    return {};
}

QString CompareConfig::whyRefused(const QString& model, CompareWorkload w) {
    // The core decides; RefusalText words its reason for the GUI, translated.
    return RefusalText::why(model.toStdString(), serviceOf(w), protocolOf(w));
}

ServerConfig CompareConfig::serverConfig(const QString& model) const {
    ServerConfig c;
    ListenerConfig l;
    l.service = serviceOf(workload);
    l.protocol = protocolOf(workload);
    l.bindAddress = "127.0.0.1";
    l.port = 0;
    c.listeners = {l};
    c.model = model.toStdString();
    c.poolSize = poolSize;
    c.loops = runsLoops(model) ? std::max(1, loops) : 1;
    // Every client must reach the listen queue, even the ones an iterative
    // server leaves waiting there: that wait is what the comparison shows.
    c.backlog = std::max(128, connections + 16);
    // Fork and thread give each client its worker, as many as were asked for.
    c.maxWorkers = std::max(c.maxWorkers, connections);
    // One load generator on loopback is one peer address: the reflection
    // guard's rate limit would measure itself, not the model.
    c.udpRepliesPerSecond = 0;
    // The self-signed certificate for localhost, kept in the config folder.
    c.tls = tls && supportsTls(workload);
    return c;
}

bool CompareConfig::runsLoops(const QString& model) {
    return model == QLatin1String("epoll") || model == QLatin1String("io_uring");
}

QString CompareConfig::rowLabel(const QString& model) const {
    if (!runsLoops(model) || loops <= 1) return model;
    return QCoreApplication::translate("sockwb::CompareConfig", "%1 ×%2 loops")
        .arg(model)
        .arg(loops);
}

load::LoadConfig CompareConfig::loadConfig(const Address& to) const {
    load::LoadConfig c;
    const std::string hostPort = to.toString();
    switch (workload) {
        case CompareWorkload::HttpKeepAlive:
        case CompareWorkload::HttpNewConnection:
            c.target = load::LoadTarget::parse("http://" + hostPort + "/");
            c.workload = load::Workload::Http;
            c.keepAlive = workload == CompareWorkload::HttpKeepAlive;
            break;
        case CompareWorkload::TcpEcho:
            c.target = load::LoadTarget::parse("tcp://" + hostPort);
            c.workload = load::Workload::TcpEcho;
            break;
        case CompareWorkload::UdpEcho:
            c.target = load::LoadTarget::parse("udp://" + hostPort);
            c.workload = load::Workload::UdpEcho;
            break;
    }
    if (tls && supportsTls(workload)) {
        // https:// and echo over TLS. The server's certificate is the
        // workbench's own self-signed one: not verified (as curl -k), and
        // no resumption, so a new connection costs a full handshake.
        c.target.tls = true;
        c.target.serverName = "localhost";
        c.tlsOptions.insecure = true;
        c.tlsOptions.resumeSessions = false;
    }
    c.connections = connections;
    c.threads = std::clamp(loadThreads, 1, std::max(1, connections));
    c.duration = std::chrono::milliseconds(std::max(1, secondsMs));
    c.payload = static_cast<std::size_t>(std::max(1, payload));
    c.timeout = std::chrono::milliseconds(std::max(1, timeoutMs));
    c.validate();
    return c;
}

int CompareConfig::effectiveWarmupMs() const {
    if (warmupMs >= 0) return warmupMs;
    return std::clamp(secondsMs / 10, 50, 300);
}

}  // namespace sockwb
