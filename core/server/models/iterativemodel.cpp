#include "core/server/models/iterativemodel.h"

#include <cerrno>

#include "core/net/sys.h"
#include "core/server/acceptor.h"
#include "core/server/blockingsession.h"
#include "core/server/datagramendpoint.h"
#include "core/server/servercore.h"

namespace sockwb {

void IterativeModel::start(ServerCore& core) {
    core_ = &core;
    const bool udp = isDatagram(core.listeners().front().config.protocol);
    thread_ = std::thread([this, udp] {
        ServerThreadScope scope(*core_, udp ? "iterative recvfrom loop" : "iterative accept loop");
        if (udp)
            runUdp();
        else
            runTcp();
    });
}

void IterativeModel::runTcp() {
    Acceptor acceptor(*core_);
    BlockingSessionParams params;
    params.options = &core_->options();
    params.reporter = core_;
    params.stopFd = core_->stopFd();
    params.waits = core_->blockingCalls() ? &core_->waits() : nullptr;
    params.idleTimeoutMs = core_->config().idleTimeoutMs;
    params.budget = &core_->memoryBudget();
    while (auto client = acceptor.next()) {
        params.service = core_->listeners()[client->listener].service.get();
        params.broadcast = false;  // one client at a time: nobody to relay to
        auto record = core_->newRecord(client->listener, client->peer, client->socket.fd());
        runBlockingSession(std::move(client->socket), std::move(record), params);
    }
}

void IterativeModel::runUdp() {
    TimerQueue timers;
    try {
        DatagramEndpoint endpoint(*core_, 0, timers);
        if (core_->blockingCalls()) {
            serveUdpBlocking(endpoint, timers);
            return;
        }
        while (!core_->stopRequested()) {
            pollfd fds[2] = {{core_->stopFd(), POLLIN, 0}, {endpoint.fd(), POLLIN, 0}};
            int r = sys::poll(fds, 2, timers.nextTimeoutMs());
            if (r < 0 || fds[0].revents) break;
            if (fds[1].revents) endpoint.readReady();
            timers.runDue();
        }
    } catch (const std::exception& e) {
        core_->log(std::string("UDP loop ended: ") + e.what());
    }
}

// The course's UDP server: recvfrom() one request, serve it to its end
// (the clock's ticks, sleeping between them), then recvfrom() the next.
// Requests that arrive meanwhile wait in the socket's receive buffer.
void IterativeModel::serveUdpBlocking(DatagramEndpoint& endpoint, TimerQueue& timers) {
    BlockingWaits& waits = core_->waits();
    while (!waits.stopping()) {
        endpoint.readOne();
        while (!timers.empty() && !waits.stopping()) {
            const int ms = timers.nextTimeoutMs();
            if (ms > 0 && !waits.sleepFor(Millis(ms))) return;
            timers.runDue();
        }
    }
}

void IterativeModel::stop() {
    if (thread_.joinable()) thread_.join();
}

}  // namespace sockwb
