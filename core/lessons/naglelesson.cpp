#include "core/lessons/naglelesson.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>

#include <chrono>
#include <string>

#include "core/net/sockdiag.h"
#include "core/net/socket.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {
constexpr int kWrites = NagleLesson::kWrites;
using Clock = std::chrono::steady_clock;
constexpr Millis kIoTimeout{2000};
constexpr Millis kRunLimit{3000};  // one run's writes and reads

// Delayed-ACK mode on the receiving socket. Linux may leave it on its own
// (it is a hint), so the server asks again before each read.
void delayAcks(const Socket& s) {
    const int off = 0;
    if (sys::setsockopt(s.fd(), IPPROTO_TCP, TCP_QUICKACK, &off, sizeof off) != 0)
        throw Error::fromErrno("setsockopt TCP_QUICKACK", errno);
}

int millisUntil(Clock::time_point t) {
    const auto left = std::chrono::duration_cast<Millis>(t - Clock::now()).count();
    return left < 0 ? 0 : static_cast<int>(left);
}

// One run: kWrites writes of kWriteBytes, kWriteGapMs apart, read as they
// come by the accepted side. Both ends on this thread.
LessonStep writeAndCount(LessonRun& run, Socket& listener, bool noDelay) {
    Socket client = tcpConnect(listener.localAddress(), kIoTimeout);
    Socket server = listener.accept().socket;
    delayAcks(server);
    client.setNoDelay(noDelay);
    LessonStep s;
    s.kind = LessonStepKind::WritesCounted;
    s.noDelay = client.noDelay() ? 1 : 0;
    s.expectedBytes = kWrites * NagleLesson::kWriteBytes;

    const std::string chunk(NagleLesson::kWriteBytes, 'n');
    const auto deadline = Clock::now() + kRunLimit;
    auto nextWrite = Clock::now();
    char buf[65536];
    while (s.gotBytes < s.expectedBytes && Clock::now() < deadline) {
        run.checkStop();
        if (s.sends < kWrites && Clock::now() >= nextWrite) {
            client.sendAll(chunk, kIoTimeout);
            ++s.sends;
            nextWrite += Millis(NagleLesson::kWriteGapMs);
        }
        // Wait for the server's data, at most until the next write is due
        // (and at most 100 ms, so a stop is seen promptly).
        pollfd p{server.fd(), POLLIN, 0};
        const int wait = s.sends < kWrites ? millisUntil(nextWrite) : 100;
        if (sys::poll(&p, 1, wait) < 0 && errno != EINTR) throw Error::fromErrno("poll", errno);
        if ((p.revents & POLLIN) == 0) continue;
        const IoResult r = server.recv(buf, sizeof buf);
        if (r.eof()) break;
        if (!r.ok()) continue;
        ++s.recvs;
        s.gotBytes += static_cast<int>(r.bytes);
        delayAcks(server);
    }
    if (const auto sample = readTcpSample(client.fd()))
        s.segments = static_cast<int>(sample->dataSegsOut);
    return s;
}
}  // namespace

void NagleLesson::steps(LessonRun& run) {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), 4);
    run.result().port = listener.localAddress().port();
    {
        LessonStep s;
        s.kind = LessonStepKind::ServerStarted;
        s.backlog = 4;
        run.report(std::move(s));
    }
    for (bool noDelay : {false, true}) run.report(writeAndCount(run, listener, noDelay));
}

}  // namespace sockwb
