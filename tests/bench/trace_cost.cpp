// What one traced call costs on the calling thread: send + recv of 64
// bytes over a Unix socketpair, N times, with no observer, with an
// observer that takes events (each call formatted on the spot into a
// TraceEvent and queued, as every observer did before records), and with
// one that takes records into a TraceRing (what the GUI's TraceAdapter
// does now), drained by a second thread as the GUI would. Prints ns per
// call for each; run it under `perf stat` or callgrind for the details.
// With --serve it runs the epoll http server instead, traced the same ways
// (the GUI's path without Qt), for wrk, until SIGTERM.
//
// Usage: sockwb_trace_cost [calls=200000]
//        sockwb_trace_cost --serve none|events|records

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "core/net/sys.h"
#include "core/net/trace.h"
#include "core/net/tracering.h"
#include "core/server/server.h"

using namespace sockwb;

namespace {

// The old way: the TraceEvent built on the traced thread, copied into a
// bounded queue (as TraceAdapter's BatchQueue did).
class EventQueue final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= 20000) queue_.pop_front();
        queue_.push_back(e);
    }
    size_t drain() {
        std::lock_guard lock(mutex_);
        const size_t n = queue_.size();
        queue_.clear();
        return n;
    }

private:
    std::mutex mutex_;
    std::deque<TraceEvent> queue_;
};

class RecordRing final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override { ring.push(e); }
    void onRecord(const TraceRecord& r) override { ring.push(r); }
    TraceRing ring{20000};
};

double run(TraceObserver* obs, long calls, const std::function<void()>& drain) {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) std::exit(1);
    char buf[64] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::atomic<bool> stop{false};
    std::thread drainer([&] {
        while (!stop) {
            drain();
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    });
    const auto t0 = std::chrono::steady_clock::now();
    {
        TraceScope scope(obs);
        for (long i = 0; i < calls / 2; ++i) {
            sys::send(sv[0], buf, sizeof buf, 0);
            sys::recv(sv[1], buf, sizeof buf, 0);
        }
    }
    const auto t1 = std::chrono::steady_clock::now();
    stop = true;
    drainer.join();
    ::close(sv[0]);
    ::close(sv[1]);
    return double(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()) /
           double(calls);
}

}  // namespace

// The epoll http server traced by `obs` (nullptr: untraced), its trace
// drained every 30 ms by another thread (as the GUI's timer does) until
// SIGTERM or SIGINT.
int serve(TraceObserver* obs, const std::function<void()>& drain) {
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);  // the server's threads inherit it
    ServerConfig config;
    config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
    Server server(config);
    if (obs) server.setTraceObserver(obs);
    server.start();
    std::printf("listening %s\n", server.addresses().front().toString().c_str());
    std::fflush(stdout);
    std::atomic<bool> stop{false};
    std::thread drainer([&] {
        while (!stop) {
            drain();
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    });
    int sig = 0;
    sigwait(&stopSignals, &sig);
    server.stop();
    stop = true;
    drainer.join();
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 2 && !std::strcmp(argv[1], "--serve")) {
        const std::string mode = argv[2];
        EventQueue events;
        RecordRing records;
        uint64_t dropped = 0;
        if (mode == "events") return serve(&events, [&] { events.drain(); });
        if (mode == "records")
            return serve(&records, [&] { records.ring.drain([](TraceEvent&&) {}, dropped); });
        return serve(nullptr, [] {});
    }
    const long calls = argc > 1 ? std::atol(argv[1]) : 200000;
    EventQueue events;
    RecordRing records;
    uint64_t dropped = 0;
    const auto formatAll = [&] { records.ring.drain([](TraceEvent&&) {}, dropped); };
    for (int round = 0; round < 2; ++round) {  // the first round warms up
        const double none = run(nullptr, calls, [] {});
        const double ev = run(&events, calls, [&] { events.drain(); });
        const double rec = run(&records, calls, formatAll);
        if (round == 1)
            std::printf(
                "per call (send or recv, 64 bytes, socketpair): untraced %.0f ns, events "
                "formatted on the spot %.0f ns (+%.0f), records %.0f ns (+%.0f)\n",
                none, ev, ev - none, rec, rec - none);
    }
    return 0;
}
