#include "core/lessons/udplosslesson.h"

#include <sys/socket.h>

#include <chrono>
#include <string>

#include "core/net/socket.h"
#include "core/relay/relay.h"
#include "core/server/server.h"

namespace sockwb {

namespace {
using Clock = std::chrono::steady_clock;

// Waits up to kAnswerTimeoutMs for the echo of datagram `n`; echoes of
// earlier ones that come late are skipped.
bool answered(LessonRun& run, Socket& client, const std::string& sent) {
    const auto deadline = Clock::now() + Millis(UdpLossLesson::kAnswerTimeoutMs);
    char buf[512];
    for (;;) {
        run.checkStop();
        const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        const auto d = client.recvFrom(buf, sizeof buf, left);
        if (d && std::string(buf, d->size) == sent) return true;
    }
}
}  // namespace

void UdpLossLesson::steps(LessonRun& run) {
    ServerConfig config;
    config.model = "epoll";
    config.listeners.front().service = "echo";
    config.listeners.front().protocol = Protocol::Udp;
    config.udpRepliesPerSecond = 0;  // the lesson's datagrams are not a flood
    Server server(config);
    server.start();
    const uint16_t port = server.addresses().front().port();
    run.result().port = port;
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStarted;
        run.report(std::move(s));
    }

    RelayConfig rc;
    rc.protocol = Protocol::Udp;
    rc.targetPort = port;
    rc.up.dropP = kDropPercent / 100.0;
    rc.down.dropP = kDropPercent / 100.0;
    Relay relay(rc);
    relay.start();
    const Address via = relay.address();
    {
        LessonStep s;
        s.kind = LessonStepKind::RelayStarted;
        s.relayPort = via.port();
        s.dropPercent = kDropPercent;
        run.report(std::move(s));
    }

    Socket client = udpSocket(AF_INET);
    LessonStep s;
    s.kind = LessonStepKind::DatagramsCounted;
    s.relayPort = via.port();
    s.dropPercent = kDropPercent;
    s.messages = kDatagrams;
    s.timeoutMs = kAnswerTimeoutMs;
    for (int i = 1; i <= kDatagrams; ++i) {
        const std::string text = "datagram " + std::to_string(i);
        client.sendTo(text, via);
        ++s.sends;
        if (answered(run, client, text))
            ++s.answered;
        else
            ++s.lost;
    }
    client.close();
    const RelayStats stats = relay.stats();
    s.dropped = static_cast<int>(stats.up.dropped + stats.down.dropped);
    relay.stop();
    server.stop();
    run.report(std::move(s));
}

}  // namespace sockwb
