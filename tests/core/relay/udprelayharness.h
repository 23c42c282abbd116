#pragma once
// What tst_relay_udp runs the UDP engine with: a Harness that builds the
// engine on its own EventLoop thread around a bound socket (as the Relay
// does) with a RelayContext the test reads, a Recorder of the relay's log,
// errors and traced calls, numbered datagrams, and pump(): datagrams sent
// through the relay in bounded bursts, each burst waited for until the
// relay has read it and all it sent has arrived, so no socket buffer
// overflows and every counter can be matched with what arrived.
// Test code only; the Harness's public members are read from the test's
// thread (RelayContext and Recorder are thread-safe).

#include <QtTest>
#include <chrono>
#include <cstring>
#include <future>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/net/socket.h"
#include "core/net/wakeup.h"
#include "core/reactor/eventloop.h"
#include "core/relay/relaycontext.h"

namespace sockwb::test {

using Clock = std::chrono::steady_clock;


inline constexpr size_t kSize = 32;  // bytes of a numbered datagram

struct Recorder : RelayObserver, TraceObserver {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::vector<ErrorInfo> errors;
    std::set<std::string> calls;
    void onLog(const std::string& line) override {
        std::lock_guard lock(mutex);
        lines.push_back(line);
    }
    void onError(const ErrorInfo& e) override {
        std::lock_guard lock(mutex);
        errors.push_back(e);
    }
    void onTrace(const TraceEvent& e) override {
        std::lock_guard lock(mutex);
        calls.insert(e.call);
    }
    int linesWith(const std::string& a, const std::string& b = {}) {
        std::lock_guard lock(mutex);
        int n = 0;
        for (const auto& l : lines)
            if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) ++n;
        return n;
    }
};

// A UDP engine on its own loop thread, as Relay runs it.
class Harness {
public:
    // trace: the loop thread reports its calls to the recorder.
    Harness(const RelayConfig& config, const Address& target, const std::string& backend = "epoll",
            bool trace = false)
        : context(config) {
        context.observer = &recorder;
        Socket bound = udpBind(Address::fromIp("127.0.0.1", 0));
        bound.setNonBlocking(true);
        bound.setRecvBufferSize(1 << 20);  // room for a burst (capped at rmem_max)
        address = bound.localAddress();
        loop_ = std::make_unique<EventLoop>(makePoller(backend), wakeup_.fd());
        std::promise<void> started;
        auto ready = started.get_future();
        thread_ = std::thread(
            [this, b = std::move(bound), target, trace, started = std::move(started)]() mutable {
                TraceScope scope(trace ? &recorder : nullptr);
                std::unique_ptr<RelayEngine> engine;
                try {
                    engine = makeUdpRelay(context, *loop_, std::move(b), target);
                    started.set_value();
                } catch (...) {
                    started.set_exception(std::current_exception());
                    return;
                }
                loop_->run();
                engine.reset();  // on the loop thread, as the Relay does
            });
        try {
            ready.get();
        } catch (...) {
            thread_.join();
            throw;
        }
    }
    ~Harness() {
        wakeup_.notify();
        thread_.join();
    }
    RelayStats stats() const { return context.stats(); }
    RelayDirectionStats stats(RelayDirection d) const {
        RelayStats s = context.stats();
        return RelayContext::of(s, d);
    }

    Recorder recorder;
    RelayContext context;
    Address address;

private:
    Wakeup wakeup_;
    std::unique_ptr<EventLoop> loop_;
    std::thread thread_;
};

inline RelayConfig seeded() {
    RelayConfig c;
    c.protocol = Protocol::Udp;
    c.seed = 1616;
    return c;
}

inline std::string numbered(uint32_t n) {
    std::string s(kSize, 'x');
    std::memcpy(s.data(), &n, sizeof n);
    return s;
}

inline uint32_t numberOf(const char* p) {
    uint32_t n;
    std::memcpy(&n, p, sizeof n);
    return n;
}

// Reads what is there (waiting up to waitMs for the first) into got.
inline void drain(Socket& sink, std::vector<uint32_t>& got, int waitMs) {
    char buf[2048];
    while (auto d = sink.recvFrom(buf, sizeof buf, Millis(waitMs))) {
        if (d->size == kSize) got.push_back(numberOf(buf));
        waitMs = 0;
    }
}

// Until done() holds, reads sink; fails after 10 s.
template <class Done>
bool readUntil(Socket& sink, std::vector<uint32_t>& got, Done done) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (!done()) {
        if (Clock::now() > deadline) return false;
        drain(sink, got, 1);
    }
    return true;
}

// A sender, a receiver, and the way from one to the other through the
// relay in direction d. Up: client → relay → target. Down: the target
// answers the flow the client opened.
struct Path {
    Socket client = udpSocket(AF_INET);
    Socket target = udpBind(Address::fromIp("127.0.0.1", 0));
    Address flow;  // the relay's socket towards the target (down only)

    Path() {
        // Room for a burst and its duplicates (the kernel caps it at rmem_max).
        client.setRecvBufferSize(1 << 20);
        target.setRecvBufferSize(1 << 20);
    }

    void open(Harness& h, RelayDirection d) {
        if (d == RelayDirection::Up) return;
        client.sendTo("hello", h.address);
        char buf[64];
        auto got = target.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(got && got->size == 5);
        flow = got->from;
    }
    void send(Harness& h, RelayDirection d, const std::string& data) {
        if (d == RelayDirection::Up)
            client.sendTo(data, h.address);
        else
            target.sendTo(data, flow);
    }
    Socket& sink(RelayDirection d) { return d == RelayDirection::Up ? target : client; }
};

// Sends 0..n-1 in bursts of `burst`, each time waiting until the relay has
// read the burst and all it sent has arrived; got: the numbers received.
// False (with a warning) when the relay did not get through a burst.
inline bool pump(Harness& h, Path& path, RelayDirection d, uint32_t n, std::vector<uint32_t>& got,
          uint32_t burst = 128) {
    const RelayDirectionStats base = h.stats(d);
    const size_t before = got.size();
    for (uint32_t i = 0; i < n;) {
        const uint32_t end = std::min(n, i + burst);
        for (; i < end; ++i) path.send(h, d, numbered(i));
        const bool ok = readUntil(path.sink(d), got, [&] {
            const RelayDirectionStats s = h.stats(d);
            return s.chunks - base.chunks == end &&
                   s.bytes - base.bytes == (got.size() - before) * kSize;
        });
        if (!ok) {
            qWarning("burst ending at %u: %zu received, %llu read by the relay", end,
                     got.size() - before, (unsigned long long)(h.stats(d).chunks - base.chunks));
            return false;
        }
    }
    return true;
}

}  // namespace sockwb::test
