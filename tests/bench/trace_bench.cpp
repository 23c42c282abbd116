// Benchmark server for tests/bench/trace_bench.sh: the http service on one
// model, traced as the GUI traces a server (a TraceAdapter as the server's
// trace observer, its batches consumed on the GUI thread's event loop) or
// not at all, so that wrk can compare the two. While it runs, a 5 ms timer
// on the GUI thread measures how late it fires (the longest event-loop
// stall) and the RSS is sampled every 100 ms.
//
// Usage: sockwb_trace_bench [--trace off|model|view] [--model epoll]
//   off    no observer (the baseline)
//   model  TraceAdapter -> TraceModel (what a server panel keeps)
//   view   TraceAdapter -> TraceView, shown offscreen (the real widget)
// Prints "listening 127.0.0.1:PORT", serves until SIGTERM or SIGINT, then
// prints one line: "stall_max_ms=X stall_p99_ms=Y rss_start_kb=A
// rss_peak_kb=B rss_end_kb=C events=N dropped=D rows=R".

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/server/server.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {
std::atomic<bool> g_stop{false};
void onSignal(int) { g_stop = true; }

long rssKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').front().toLong();
    return -1;
}
}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::string mode = "model", model = "epoll";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--trace")) mode = argv[i + 1];
        if (!std::strcmp(argv[i], "--model")) model = argv[i + 1];
    }
    constexpr int kRows = 10000;  // as a ServerPanel keeps

    std::unique_ptr<TraceAdapter> adapter;
    std::unique_ptr<TraceModel> rows;
    std::unique_ptr<TraceView> view;
    if (mode != "off") adapter = std::make_unique<TraceAdapter>(nullptr, 30, 2 * kRows);
    if (mode == "model") {
        rows = std::make_unique<TraceModel>(nullptr, kRows);
        QObject::connect(adapter.get(), &TraceAdapter::eventsReady, rows.get(),
                         [&](const QVector<TraceEvent>& events, quint64) { rows->append(events); });
    } else if (mode == "view") {
        view = std::make_unique<TraceView>(nullptr, kRows);
        view->attach(adapter.get());
        view->resize(1100, 650);
        view->show();
    }

    ServerConfig config;
    config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
    config.model = model;
    Server server(config);
    if (adapter) server.setTraceObserver(adapter.get());
    try {
        server.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trace_bench: %s\n", e.what());
        return 1;
    }
    std::printf("listening %s\n", server.addresses().front().toString().c_str());
    std::fflush(stdout);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    app.processEvents();
    const long rssStart = rssKb();
    long rssPeak = rssStart;
    QTimer meter;  // lateness of a 5 ms timer = how long the loop was stuck
    meter.setTimerType(Qt::PreciseTimer);
    meter.setInterval(5);
    QElapsedTimer sinceTick;
    std::vector<double> stalls;
    stalls.reserve(1 << 16);
    QObject::connect(&meter, &QTimer::timeout, [&] {
        stalls.push_back(std::max(0.0, double(sinceTick.nsecsElapsed()) / 1e6 - 5.0));
        sinceTick.restart();
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        rssPeak = std::max(rssPeak, rssKb());
        if (g_stop) app.quit();
    });
    poll.start(100);
    sinceTick.start();
    meter.start();
    app.exec();
    meter.stop();
    server.stop();
    if (adapter) adapter->flush();
    app.processEvents();

    std::sort(stalls.begin(), stalls.end());
    const double longest = stalls.empty() ? 0 : stalls.back();
    const double p99 = stalls.empty() ? 0 : stalls[size_t(double(stalls.size() - 1) * 0.99)];
    const TraceModel* m = rows ? rows.get() : view ? view->model() : nullptr;
    std::printf(
        "stall_max_ms=%.1f stall_p99_ms=%.1f rss_start_kb=%ld rss_peak_kb=%ld rss_end_kb=%ld "
        "events=%llu dropped=%llu rows=%d\n",
        longest, p99, rssStart, rssPeak, rssKb(), (unsigned long long)(m ? m->received() : 0),
        (unsigned long long)(adapter ? adapter->dropped() : 0), m ? m->storedCount() : 0);
    return 0;
}
