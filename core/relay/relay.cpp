// Relay: the API. start() resolves the target, binds the relay's socket on
// the caller's thread (so a bind failure is thrown where it is asked), then
// hands it to a loop thread that builds the engine (tcprelay.cpp or
// udprelay.cpp) and runs the reactor until stop() wakes it.

#include "core/relay/relay.h"

#include <future>

#include "core/net/socket.h"
#include "core/net/wakeup.h"
#include "core/reactor/eventloop.h"
#include "core/relay/relaycontext.h"

namespace sockwb {

class Relay::Impl {
public:
    explicit Impl(RelayConfig c) : context(std::move(c)) {}
    RelayContext context;
    mutable std::mutex mutex;  // start/stop and what they set
    std::unique_ptr<Wakeup> wake;
    std::unique_ptr<EventLoop> loop;
    std::thread thread;
    Address bound;
    std::atomic<bool> running{false};

    void run(Socket socket, Address target, std::promise<void>& ready);
};

namespace {

Address resolveOne(const std::string& host, uint16_t port, int socktype) {
    return Address::resolve(host, std::to_string(port), socktype).front();
}

Socket bindRelay(const RelayConfig& c, const Address& where) {
    if (c.protocol == Protocol::Tcp) {
        ListenOptions options;
        options.nonBlocking = true;
        return tcpListen(where, 128, options);
    }
    Socket s = udpBind(where);
    s.setNonBlocking(true);
    return s;
}

}  // namespace

void Relay::Impl::run(Socket socket, Address target, std::promise<void>& ready) {
    TraceScope scope(context.traceObserver);
    traceNote("thread", -1,
              std::string("relay loop: ") + protocolName(context.config().protocol) + " " +
                  bound.toString() + " → " + target.toString());
    std::unique_ptr<RelayEngine> engine;
    try {
        if (context.config().protocol == Protocol::Tcp) {
            engine = makeTcpRelay(context, *loop, std::move(socket), target);
        } else {
            engine = makeUdpRelay(context, *loop, std::move(socket), target);
            if (!engine) throw Error::unsupported("the UDP relay is not built in this version");
        }
    } catch (...) {
        ready.set_exception(std::current_exception());
        return;
    }
    ready.set_value();
    try {
        loop->run();
    } catch (const Error& e) {
        context.error(e.info());
    }
    engine.reset();  // closes every leg and the listener, on this thread
}

Relay::Relay(RelayConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}

Relay::~Relay() { stop(); }

void Relay::setObserver(RelayObserver* observer) { impl_->context.observer = observer; }

void Relay::setTraceObserver(TraceObserver* observer) { impl_->context.traceObserver = observer; }

void Relay::start() {
    Impl& d = *impl_;
    std::lock_guard lock(d.mutex);
    if (d.running) return;
    const RelayConfig& c = d.context.config();
    if (c.protocol != Protocol::Tcp && c.protocol != Protocol::Udp)
        throw Error::unsupported("a relay forwards TCP or UDP");
    const int socktype = c.protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM;
    TraceScope scope(d.context.traceObserver);  // the bind and listen are the relay's calls too
    const Address target = resolveOne(c.targetHost, c.targetPort, socktype);
    Socket socket = bindRelay(c, resolveOne(c.listenHost, c.listenPort, socktype));
    d.bound = socket.localAddress();
    d.wake = std::make_unique<Wakeup>();
    d.loop = std::make_unique<EventLoop>(makePoller("epoll"), d.wake->fd());
    // The thread owns the promise: set_value() may still be inside it
    // when get() returns here.
    std::promise<void> ready;
    std::future<void> built = ready.get_future();
    d.thread = std::thread([&d, r = std::move(ready), s = std::move(socket), target]() mutable {
        d.run(std::move(s), target, r);
    });
    try {
        built.get();
    } catch (...) {
        d.thread.join();
        d.loop.reset();
        d.wake.reset();
        d.bound = {};
        throw;
    }
    d.running = true;
}

void Relay::stop() {
    Impl& d = *impl_;
    std::lock_guard lock(d.mutex);
    if (!d.thread.joinable()) return;
    d.wake->notify();  // the loop's stop fd: run() returns at once
    d.thread.join();
    d.loop.reset();
    d.wake.reset();
    d.running = false;
}

bool Relay::running() const noexcept { return impl_->running; }

Address Relay::address() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->bound;
}

RelayConfig Relay::config() const {
    RelayConfig c = impl_->context.config();
    c.up = impl_->context.faults(RelayDirection::Up);
    c.down = impl_->context.faults(RelayDirection::Down);
    return c;
}

void Relay::setFaults(RelayDirection d, const DirectionFaults& f) {
    impl_->context.setFaults(d, f);
}

RelayStats Relay::stats() const { return impl_->context.stats(); }

}  // namespace sockwb
