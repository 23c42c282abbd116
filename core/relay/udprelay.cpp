// The UDP engine of the relay (makeUdpRelay, relaycontext.h). Every client
// address that sends to the relay's bound socket gets a flow: a datagram
// socket of its own connected to the target, watched on the loop. Client →
// bound socket → flow's up lane → send on the flow socket; target → flow
// socket → down lane → sendto(client) on the bound socket. Flows are
// bounded by maxConnections and closed after udpFlowIdleMs without a
// datagram either way. Each read round takes at most kBatch datagrams from
// one socket, so a flooding side cannot starve the other. Every socket call
// goes through sys:: and is traced on the loop's thread.
// Threading: built, run and destroyed on the loop thread.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/net/error.h"
#include "core/net/sys.h"
#include "core/reactor/eventloop.h"
#include "core/relay/relaycontext.h"
#include "core/relay/udplane.h"

namespace sockwb {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kBatch = 64;               // datagrams read from one socket per round
constexpr size_t kBufferBytes = 65536;   // the largest datagram, and one more byte
constexpr size_t kRefusedMemory = 4096;  // addresses remembered as told "refused"

class UdpRelay final : public RelayEngine {
public:
    UdpRelay(RelayContext& context, EventLoop& loop, Socket bound, const Address& target);
    ~UdpRelay() override;

private:
    struct Flow {
        std::string key;   // the client address as text
        std::string name;  // "127.0.0.1:40000 → 127.0.0.1:7"
        Address client;
        Socket socket;  // connected to the target
        Clock::time_point lastActive;
        Clock::time_point opened;
        std::unique_ptr<UdpLane> up;
        std::unique_ptr<UdpLane> down;
        bool errorReported = false;
    };

    void onBoundReadable();
    void onFlowReadable(Flow& flow);
    Flow* openFlow(const Address& client, const std::string& key);
    void closeFlow(Flow& flow, const std::string& why);
    void armIdle(const std::shared_ptr<Flow>& flow, Clock::time_point at);
    // A send or recv of a flow failed: counted; reported once per flow.
    void flowFailed(Flow& flow, const char* call, int err);

    RelayContext& context_;
    EventLoop& loop_;
    Socket bound_;
    const Address target_;
    const std::string boundText_;
    std::vector<char> buffer_;
    std::unordered_map<std::string, std::shared_ptr<Flow>> flows_;
    std::unordered_set<std::string> refusedLogged_;
    bool openErrorReported_ = false;
};

UdpRelay::UdpRelay(RelayContext& context, EventLoop& loop, Socket bound, const Address& target)
    : context_(context),
      loop_(loop),
      bound_(std::move(bound)),
      target_(target),
      boundText_(bound_.localAddress().toString()),
      buffer_(kBufferBytes) {
    loop_.watch(bound_.fd(), Poller::In, [this](unsigned) { onBoundReadable(); });
}

UdpRelay::~UdpRelay() {
    const uint64_t open = flows_.size();
    for (auto& [key, flow] : flows_) loop_.unwatchClosing(flow->socket.fd());
    flows_.clear();  // closes the flow sockets; their lanes' timers find them gone
    loop_.unwatchClosing(bound_.fd());
    bound_.close();
    if (open) context_.count([open](RelayStats& s) { s.active -= open; });
}

void UdpRelay::onBoundReadable() {
    RelayDirectionStats counts;
    const auto now = Clock::now();
    for (int i = 0; i < kBatch; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        const ssize_t n = sys::recvfrom(bound_.fd(), buffer_.data(), buffer_.size(), MSG_TRUNC,
                                        reinterpret_cast<sockaddr*>(&ss), &len);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                context_.error(Error::fromErrno("recvfrom", errno, boundText_).info());
            break;
        }
        const size_t size = std::min(size_t(n), buffer_.size());
        const Address from(reinterpret_cast<const sockaddr*>(&ss), len);
        std::string key = from.toString();
        auto it = flows_.find(key);
        Flow* flow = it != flows_.end() ? it->second.get() : openFlow(from, key);
        if (!flow) continue;  // refused: counted and logged by openFlow
        flow->lastActive = now;
        flow->up->onDatagram(std::string_view(buffer_.data(), size), counts);
    }
    addCounts(context_, RelayDirection::Up, counts);
}

void UdpRelay::onFlowReadable(Flow& flow) {
    RelayDirectionStats counts;
    const auto now = Clock::now();
    for (int i = 0; i < kBatch; ++i) {
        const ssize_t n = sys::recv(flow.socket.fd(), buffer_.data(), buffer_.size(), MSG_TRUNC);
        if (n < 0) {
            // ECONNREFUSED: the target's port sent back "unreachable" for an
            // earlier datagram. The error is cleared by this call: go on.
            if (errno == ECONNREFUSED) {
                flowFailed(flow, "recv", ECONNREFUSED);
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) flowFailed(flow, "recv", errno);
            break;
        }
        flow.lastActive = now;
        flow.down->onDatagram(std::string_view(buffer_.data(), std::min(size_t(n), buffer_.size())),
                              counts);
    }
    addCounts(context_, RelayDirection::Down, counts);
}

UdpRelay::Flow* UdpRelay::openFlow(const Address& client, const std::string& key) {
    const int limit = context_.config().maxConnections;
    if (limit > 0 && flows_.size() >= size_t(limit)) {
        context_.count([](RelayStats& s) { ++s.refused; });
        if (refusedLogged_.size() >= kRefusedMemory) refusedLogged_.clear();
        if (refusedLogged_.insert(key).second)
            context_.log("udp " + key + ": no flow opened, " + std::to_string(flows_.size()) +
                         " flows are open (the most allowed): its datagrams are dropped");
        return nullptr;
    }
    auto flow = std::make_shared<Flow>();
    Flow* f = flow.get();
    f->key = key;
    f->client = client;
    f->name = key + " → " + target_.toString();
    f->opened = f->lastActive = Clock::now();
    f->up = std::make_unique<UdpLane>(
        context_, loop_.timers(), RelayDirection::Up, [this, f](std::string_view data) {
            if (sys::send(f->socket.fd(), data.data(), data.size()) >= 0) return true;
            flowFailed(*f, "send", errno);
            return false;
        });
    f->down = std::make_unique<UdpLane>(
        context_, loop_.timers(), RelayDirection::Down, [this, f](std::string_view data) {
            if (sys::sendto(bound_.fd(), data.data(), data.size(), 0, f->client.sockaddrPtr(),
                            f->client.length()) >= 0)
                return true;
            flowFailed(*f, "sendto", errno);
            return false;
        });
    std::string via;
    try {
        // Nothing here may escape: an exception would end the relay's loop.
        f->socket = Socket::create(target_.family(), SOCK_DGRAM | SOCK_NONBLOCK);
        if (sys::connect(f->socket.fd(), target_.sockaddrPtr(), target_.length()) != 0)
            throw Error::fromErrno("connect", errno, target_.toString());
        if (!loop_.canWatch(f->socket.fd()))
            throw Error::fromErrno(loop_.backendName(), EMFILE, target_.toString());
        via = f->socket.localAddress().toString();
        loop_.watch(f->socket.fd(), Poller::In, [this, f](unsigned) { onFlowReadable(*f); });
    } catch (const Error& e) {
        // EMFILE and the like: reported once until a flow opens again.
        context_.count([](RelayStats& s) { ++s.refused; });
        if (!openErrorReported_) context_.error(e.info());
        openErrorReported_ = true;
        return nullptr;  // the socket closes with the flow
    }
    openErrorReported_ = false;
    refusedLogged_.erase(key);
    flows_.emplace(key, flow);
    context_.count([](RelayStats& s) {
        ++s.accepted;
        ++s.active;
    });
    context_.log("udp " + f->name + ": flow opened (relay socket " + via + ")");
    const int idle = context_.config().udpFlowIdleMs;
    if (idle > 0) armIdle(flow, f->opened + std::chrono::milliseconds(idle));
    return f;
}

void UdpRelay::armIdle(const std::shared_ptr<Flow>& flow, Clock::time_point at) {
    std::weak_ptr<Flow> weak = flow;
    // The flow alive means the engine is: it owns every flow.
    loop_.timers().addAt(at, [this, weak] {
        const auto f = weak.lock();
        if (!f) return;
        const auto idle = std::chrono::milliseconds(context_.config().udpFlowIdleMs);
        const auto due = f->lastActive + idle;
        if (Clock::now() >= due)
            closeFlow(*f, "idle for " + std::to_string(idle.count()) + " ms");
        else
            armIdle(f, due);
    });
}

void UdpRelay::closeFlow(Flow& flow, const std::string& why) {
    const auto it = flows_.find(flow.key);
    if (it == flows_.end()) return;
    const auto keep = it->second;  // the flow outlives its map entry until we return
    loop_.unwatchClosing(flow.socket.fd());
    flow.socket.close();
    flows_.erase(it);
    context_.count([](RelayStats& s) { --s.active; });
    context_.log("udp " + flow.name + ": flow closed, " + why);
}

void UdpRelay::flowFailed(Flow& flow, const char* call, int err) {
    // ECONNREFUSED is the target refusing (an ICMP port unreachable came back).
    if (err == ECONNREFUSED) context_.count([](RelayStats& s) { ++s.refused; });
    if (!flow.errorReported) {
        flow.errorReported = true;  // once per flow: a flood of datagrams fails alike
        const bool toClient = std::string_view(call) == "sendto";
        context_.error(
            Error::fromErrno(call, err, toClient ? flow.key : target_.toString()).info());
    } else if (err != ECONNREFUSED) {
        context_.count([](RelayStats& s) { ++s.errors; });
    }
}

}  // namespace

std::unique_ptr<RelayEngine> makeUdpRelay(RelayContext& context, EventLoop& loop, Socket bound,
                                          const Address& target) {
    return std::make_unique<UdpRelay>(context, loop, std::move(bound), target);
}

}  // namespace sockwb
