#include "core/lessons/partialreadslesson.h"

#include <chrono>
#include <cstdio>

#include "core/net/framing.h"
#include "core/net/socket.h"
#include "core/relay/relay.h"
#include "core/server/server.h"

namespace sockwb {

namespace {
constexpr Millis kIoTimeout{2000};
constexpr Millis kReadLimit{5000};  // the framed client's whole read
constexpr Millis kReadStep{100};    // one wait for a piece: a stop is seen this often

// kLines lines of kLineBytes: "line 01 xxxx...\n".
std::string message() {
    std::string out;
    for (int i = 1; i <= PartialReadsLesson::kLines; ++i) {
        char head[16];
        std::snprintf(head, sizeof head, "line %02d ", i);
        std::string line = head;
        line.resize(PartialReadsLesson::kLineBytes - 1, 'x');
        out += line + '\n';
    }
    return out;
}
}  // namespace

void PartialReadsLesson::steps(LessonRun& run) {
    ServerConfig config;
    config.model = "epoll";
    config.listeners.front().service = "echo";
    Server server(config);
    server.start();
    const uint16_t port = server.addresses().front().port();
    run.result().port = port;
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStarted;
        s.backlog = config.backlog;
        run.report(std::move(s));
    }

    RelayConfig rc;
    rc.targetPort = port;
    rc.down.sliceBytes = {kSliceAvg, kSliceVar};
    rc.down.sliceDelayMs = kSliceDelayMs;
    Relay relay(rc);
    relay.start();
    const Address via = relay.address();
    {
        LessonStep s;
        s.kind = LessonStepKind::RelayStarted;
        s.relayPort = via.port();
        s.sliceAvg = kSliceAvg;
        s.sliceVar = kSliceVar;
        s.sliceDelayMs = kSliceDelayMs;
        run.report(std::move(s));
    }

    const std::string text = message();
    const int expected = static_cast<int>(text.size());
    {
        // The naive client: one send, one recv, "the message".
        Socket c = tcpConnect(via, kIoTimeout);
        c.sendAll(text, kIoTimeout);
        std::string got;
        c.recvSome(got, text.size(), kIoTimeout);
        LessonStep s;
        s.kind = LessonStepKind::SingleRecv;
        s.relayPort = via.port();
        s.expectedBytes = expected;
        s.gotBytes = static_cast<int>(got.size());
        s.recvs = 1;
        run.report(std::move(s));
    }

    // The framed client: recv until every line is whole.
    Socket c = tcpConnect(via, kIoTimeout);
    c.sendAll(text, kIoTimeout);
    FrameDecoder decoder(Framing::Line);
    LessonStep s;
    s.kind = LessonStepKind::FramedRecv;
    s.relayPort = via.port();
    s.expectedBytes = expected;
    s.messages = kLines;
    const auto deadline = std::chrono::steady_clock::now() + kReadLimit;
    while (s.complete < kLines && std::chrono::steady_clock::now() < deadline) {
        run.checkStop();
        std::string piece;
        const IoResult r = c.recvSome(piece, 65536, kReadStep);
        if (r.eof()) break;
        if (!r.ok()) continue;
        ++s.recvs;
        s.gotBytes += static_cast<int>(piece.size());
        decoder.feed(piece);
        while (auto line = decoder.next())
            if (line->size() + 1 == size_t(kLineBytes)) ++s.complete;
    }
    c.close();
    relay.stop();
    server.stop();
    run.report(std::move(s));
}

}  // namespace sockwb
