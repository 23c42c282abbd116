#pragma once
// iterative: the course's "serveur itératif". One thread accepts a client,
// serves it to the end, then goes back to accept; others wait in the
// listen backlog meanwhile. Over UDP, with blocking calls (the default),
// one at a time too: recvfrom() one request, serve it to its end (the
// clock's ticks with a sleep between them), then recvfrom() the next; other
// requests wait in the socket's buffer. With IoMode::Poll: one recvfrom
// loop whose poll timeout is the next timer, so the peers' ticks interleave.

#include <thread>

#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class DatagramEndpoint;
class TimerQueue;

class IterativeModel final : public ConcurrencyModel {
public:
    std::string name() const override { return "iterative"; }
    void start(ServerCore& core) override;
    void stop() override;

private:
    void runTcp();
    void runUdp();
    void serveUdpBlocking(DatagramEndpoint& endpoint, TimerQueue& timers);
    ServerCore* core_ = nullptr;
    std::thread thread_;
};

}  // namespace sockwb
