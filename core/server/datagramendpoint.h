#pragma once
// One UDP listener being served: its DatagramHandler and the context the
// handler sends and sets timers through. Used by the iterative model (a
// blocking recvfrom loop, or one with poll timeouts) and by the event loop,
// which is why the timers live in a TimerQueue the caller owns. Not
// thread-safe: one thread. Every datagram and reply passes its
// ReflectionGuard (no reflection loops); drops are logged with a count.

#include <memory>

#include "core/reactor/timerqueue.h"
#include "core/server/reflectionguard.h"
#include "core/server/servercore.h"
#include "core/server/service.h"

namespace sockwb {

class DatagramEndpoint final : public DatagramContext {
public:
    // listener must be a bound UDP socket (non-blocking) of core; timers is
    // the loop's queue. Neither is owned; both outlive the endpoint.
    DatagramEndpoint(ServerCore& core, size_t listener, TimerQueue& timers);
    ~DatagramEndpoint() override;

    int fd() const noexcept;
    // Reads every datagram waiting (at most a batch, to stay fair to other
    // sockets of a loop) and hands each to the handler.
    void readReady();
    // One recvfrom (blocking on a blocking socket), handed to the handler.
    // False when nothing was read: an error (reported) or, after stop's
    // shutdown, the end.
    bool readOne();

    // DatagramContext
    void sendTo(std::string_view bytes, const Address& to) override;
    void startTimer(Millis delay, int id, const Address& peer) override;
    void log(std::string_view text) override;
    const ServiceOptions& options() const override;

private:
    // One recvfrom into buf; -1 when nothing was read (EAGAIN or reported error).
    ssize_t receive(std::string& buf);
    void dropped(ReflectionGuard::Drop why, const Address& peer);

    ServerCore& core_;
    Listener& listener_;
    TimerQueue& timers_;
    std::unique_ptr<DatagramHandler> handler_;
    ReflectionGuard guard_;
    DropLog drops_;
    // Timers capture this flag, not the endpoint: after the endpoint is
    // gone a pending timer finds it false and does nothing.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace sockwb
