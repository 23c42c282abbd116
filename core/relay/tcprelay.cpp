// The TCP engine of a Relay (relaycontext.h): accepts clients on the
// listening socket, a bounded batch per round, refuses those over
// maxConnections (accepted, then closed at once: the client reads end of
// stream), and gives each admitted one a TcpRelayConnection. Connections
// that end are destroyed after the loop's round, never inside their own
// handler. Loop thread only.

#include <sys/socket.h>

#include <cerrno>
#include <unordered_map>

#include "core/net/sys.h"
#include "core/reactor/eventloop.h"
#include "core/relay/relaycontext.h"
#include "core/relay/tcprelayconnection.h"

namespace sockwb {

namespace {

// Accepts per readiness event: the connections already open get their turn.
constexpr int kAcceptsPerRound = 64;
// One read buffer for every leg of the loop (64 KiB+ reads: fewer calls).
constexpr size_t kReadBuffer = 256 * 1024;
// After accept fails for lack of descriptors, the listener rests this long.
constexpr Millis kAcceptPause{100};

class TcpRelay final : public RelayEngine {
public:
    TcpRelay(RelayContext& context, EventLoop& loop, Socket listener, const Address& target)
        : context_(context),
          loop_(loop),
          listener_(std::move(listener)),
          target_(target),
          buffer_(kReadBuffer) {
        listenAddress_ = listener_.localAddress();
        loop_.watch(listener_.fd(), Poller::In, [this](unsigned) { acceptReady(); });
        loop_.afterRound = [this] { finished_.clear(); };
    }

    ~TcpRelay() override {
        loop_.afterRound = nullptr;
        loop_.unwatchClosing(listener_.fd());
        listener_.close();
        connections_.clear();  // each closes its legs
        finished_.clear();
    }

private:
    void acceptReady() {
        for (int i = 0; i < kAcceptsPerRound; ++i) {
            sockaddr_storage ss{};
            socklen_t len = sizeof ss;
            const int fd =
                sys::accept(listener_.fd(), reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK);
            if (fd < 0) {
                const int err = errno;
                if (err == EAGAIN || err == EWOULDBLOCK || err == ECONNABORTED) return;
                ErrorInfo e;
                e.call = "accept4";
                e.err = err;
                e.address = listenAddress_.toString();
                context_.error(e);
                pause();  // EMFILE: the listener stays readable, do not spin on it
                return;
            }
            admit(Socket(fd), Address(reinterpret_cast<sockaddr*>(&ss), len));
        }
    }

    void admit(Socket client, const Address& peer) {
        const size_t max = size_t(std::max(context_.config().maxConnections, 0));
        if (connections_.size() >= max) {
            client.close();  // accepted, then closed: the client reads end of stream
            context_.count([](RelayStats& s) { ++s.refused; });
            context_.log(peer.toString() + " ⇄ " + target_.toString() + ": refused (over " +
                         std::to_string(max) + " connections)");
            return;
        }
        context_.count([](RelayStats& s) {
            ++s.accepted;
            ++s.active;
        });
        const uint64_t id = nextId_++;
        auto conn = std::make_unique<TcpRelayConnection>(
            context_, loop_, std::move(client), peer, target_, buffer_, [this, id] {
                auto it = connections_.find(id);
                if (it == connections_.end()) return;
                finished_.push_back(std::move(it->second));
                connections_.erase(it);
            });
        TcpRelayConnection* raw = conn.get();
        connections_.emplace(id, std::move(conn));
        raw->open();
    }

    void pause() {
        const int fd = listener_.fd();
        loop_.setInterest(fd, 0);
        std::weak_ptr<char> alive = alive_;
        loop_.timers().add(kAcceptPause, [this, alive, fd] {
            if (!alive.expired()) loop_.setInterest(fd, Poller::In);
        });
    }

    RelayContext& context_;
    EventLoop& loop_;
    Socket listener_;
    Address listenAddress_;
    Address target_;
    std::vector<char> buffer_;
    uint64_t nextId_ = 1;
    std::unordered_map<uint64_t, std::unique_ptr<TcpRelayConnection>> connections_;
    std::vector<std::unique_ptr<TcpRelayConnection>> finished_;
    std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace

std::unique_ptr<RelayEngine> makeTcpRelay(RelayContext& context, EventLoop& loop, Socket listener,
                                          const Address& target) {
    return std::make_unique<TcpRelay>(context, loop, std::move(listener), target);
}

}  // namespace sockwb
