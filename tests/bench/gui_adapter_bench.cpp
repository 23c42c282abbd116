// Benchmark: core threads flood TraceAdapter -> TraceView with trace events
// (100,000/s by default) for a few seconds while a 5 ms QTimer on the GUI
// thread measures how late it fires: the longest lateness is the longest
// event-loop stall (target: under 100 ms). Also reports the events absorbed
// per second, what was dropped, and the memory (the view keeps a bounded
// ring, the adapter a bounded queue).
//
// Usage: gui_adapter_bench [seconds=3] [events_per_second=100000] [threads=2]
// Exit status 0 when the longest stall is under 100 ms and memory stayed
// bounded; 1 otherwise. Runs offscreen unless a platform is chosen.

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "widgets/trace/traceadapter.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;
using Clock = std::chrono::steady_clock;

namespace {
long rssKb(const char* field = "VmRSS:") {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(strlen(field))).trimmed().split(' ').front().toLong();
    return -1;
}
TraceEvent sample(uint64_t i) {
    static const char* calls[] = {"accept4", "recv", "send", "epoll_wait", "close"};
    TraceEvent e;
    e.timeUs = std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    e.pid = 4242;
    e.tid = 4243;
    e.fd = int(5 + i % 50);
    e.call = calls[i % 5];
    e.args = std::to_string(e.fd) + ", \"Bonjour\\n\", 8, 0";
    e.result = 8;
    e.durationNs = 1200;
    return e;
}
}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    const long rate = argc > 2 ? std::atol(argv[2]) : 100000;
    const int threads = argc > 3 ? std::max(1, std::atoi(argv[3])) : 2;
    constexpr int kViewCapacity = 10000;
    constexpr int kAdapterCapacity = 2 * kViewCapacity;  // as a ServerPanel does

    TraceAdapter adapter(nullptr, 30, kAdapterCapacity);
    TraceView view(nullptr, kViewCapacity);
    view.attach(&adapter);
    view.resize(1100, 650);
    view.show();
    app.processEvents();
    const long rssStart = rssKb();

    // The stall meter: a 5 ms timer; lateness = gap between ticks - 5 ms.
    QTimer meter;
    meter.setTimerType(Qt::PreciseTimer);
    meter.setInterval(5);
    QElapsedTimer sinceTick;
    std::vector<double> stallsMs;
    stallsMs.reserve(4096);
    QObject::connect(&meter, &QTimer::timeout, [&] {
        stallsMs.push_back(std::max(0.0, double(sinceTick.nsecsElapsed()) / 1e6 - 5.0));
        sinceTick.restart();
    });

    std::atomic<bool> stop{false};
    std::atomic<uint64_t> produced{0};
    std::vector<std::thread> producers;
    const long perThreadPerMs = std::max(1L, rate / threads / 1000);
    for (int t = 0; t < threads; ++t)
        producers.emplace_back([&, t] {
            uint64_t i = uint64_t(t) << 40;
            auto next = Clock::now();
            while (!stop.load(std::memory_order_relaxed)) {
                for (long k = 0; k < perThreadPerMs; ++k) adapter.onTrace(sample(i++));
                produced.fetch_add(uint64_t(perThreadPerMs), std::memory_order_relaxed);
                next += std::chrono::milliseconds(1);
                std::this_thread::sleep_until(next);  // paced: the rate asked, not more
            }
        });

    long rssPeakDuring = rssStart;
    QTimer memory;
    QObject::connect(&memory, &QTimer::timeout,
                     [&] { rssPeakDuring = std::max(rssPeakDuring, rssKb()); });
    memory.start(100);

    QElapsedTimer wall;
    wall.start();
    sinceTick.start();
    meter.start();
    QTimer::singleShot(int(seconds * 1000), &app, [&] { app.quit(); });
    app.exec();
    meter.stop();
    stop = true;
    for (auto& th : producers) th.join();
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    adapter.flush();
    view.appendEvents({});  // shows what the view still held back
    app.processEvents();

    const uint64_t absorbed = view.model()->received();
    std::vector<double> sorted = stallsMs;
    std::sort(sorted.begin(), sorted.end());
    const double longest = sorted.empty() ? 0 : sorted.back();
    const double p99 = sorted.empty() ? 0 : sorted[size_t(double(sorted.size() - 1) * 0.99)];
    const long rssEnd = rssKb();
    const bool bounded = view.model()->storedCount() <= kViewCapacity;

    std::printf("gui_adapter_bench: %.1f s, %d producer thread(s), target %ld events/s\n", elapsed,
                threads, rate);
    std::printf("  produced          %llu events (%.0f/s)\n", (unsigned long long)produced.load(),
                double(produced.load()) / elapsed);
    std::printf("  absorbed by view  %llu events (%.0f/s)\n", (unsigned long long)absorbed,
                double(absorbed) / elapsed);
    std::printf("  dropped           adapter %llu, view ring %llu (keeps the last %d rows)\n",
                (unsigned long long)adapter.dropped(), (unsigned long long)view.model()->dropped(),
                kViewCapacity);
    std::printf(
        "  GUI stall         longest %.1f ms, p99 %.1f ms over %zu ticks of 5 ms (target < 100 "
        "ms)\n",
        longest, p99, stallsMs.size());
    std::printf(
        "  memory (RSS)      start %.1f MB, peak %.1f MB, end %.1f MB; rows kept %d (bound %d)\n",
        double(rssStart) / 1024, double(rssPeakDuring) / 1024, double(rssEnd) / 1024,
        view.model()->storedCount(), kViewCapacity);
    const bool ok = longest < 100.0 && bounded;
    double load[1] = {0};
    if (getloadavg(load, 1) == 1)
        std::printf("  machine           load average %.1f on %u hardware thread(s)\n", load[0],
                    std::thread::hardware_concurrency());
    std::printf("  result            %s\n", ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
