#pragma once
// TcpRelayConnection: one client of a TCP relay and its own connection to
// the target: the two legs (sockets), the non-blocking connect, and the two
// directions (TcpPipe up and down). It tells the loop what each leg waits
// for (EPOLLOUT only while bytes wait for room), arms a timer when a pipe
// waits on time, and ends the connection the way its faults or its peers
// say: both ends of stream passed on (closed), a limit (RST or FIN), an
// error on a leg (both closed, RST if the peer reset). When it has ended it
// calls `finished` once; its owner destroys it after the loop's round.
// Threading: the relay's loop thread only.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/net/socket.h"
#include "core/relay/relaycontext.h"
#include "core/relay/tcppipe.h"

namespace sockwb {

class TcpRelayConnection {
public:
    using Clock = std::chrono::steady_clock;

    TcpRelayConnection(RelayContext& context, EventLoop& loop, Socket client,
                       const Address& clientPeer, const Address& target, std::vector<char>& buffer,
                       std::function<void()> finished);
    // Closes both legs (a connection still open when the relay stops).
    ~TcpRelayConnection();
    TcpRelayConnection(const TcpRelayConnection&) = delete;
    TcpRelayConnection& operator=(const TcpRelayConnection&) = delete;

    // Decides the faults and starts the connect to the target.
    void open();
    bool ended() const noexcept { return state_ == State::Ended; }

private:
    enum class State { Connecting, Open, Ended };
    enum class Close { Clean, Drain, Reset };

    void onClient(unsigned events);
    void onTarget(unsigned events);
    void connectDone();
    void connected();
    void onTimer(Clock::time_point at);
    // After every event: hand over the counters, end or update the legs.
    void settle();
    void endBy(const TcpPipe& pipe);
    void end(Close how, const std::string& why);
    void closeLeg(Socket& leg, Close how);
    void fail(const char* call, int err, const Address& where);
    void count();
    std::string prefix() const;

    RelayContext& context_;
    EventLoop& loop_;
    Socket client_;
    Socket target_;
    Address clientPeer_;
    Address targetAddress_;
    std::vector<char>& buffer_;
    std::function<void()> finished_;
    State state_ = State::Connecting;
    std::optional<TcpPipe> up_;  // from open(): they need the target's fd
    std::optional<TcpPipe> down_;
    std::optional<Clock::time_point> timerAt_;
    // Timers cannot be cancelled: a timer holds this weakly and does
    // nothing once the connection is gone.
    std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace sockwb
