// Benchmark: the sequence view with 100,000 trace events.
//  1. Build + lay out: the time to append 100,000 events of an exchange to
//     a SequenceBuilder and lay them out (SequenceLayout), at once.
//  2. Live: the same events streamed into a shown SequenceView in batches
//     (as a TraceAdapter delivers them, every 30 ms) while a 1 ms QTimer on
//     the GUI thread measures the gaps between its ticks: the longest gap is
//     the longest event-loop stall. Also the slowest batch and the paint of
//     the last screen.
//
// Usage: sequence_bench [events=100000] [batch=3000]
// Prints the figures; exit status 0. Runs offscreen unless a platform is
// chosen.

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/sequence/sequence.h"
#include "core/sequence/sequencelayout.h"
#include "support/sequencescript.h"
#include "widgets/sequence/sequenceview.h"

using namespace sockwb;
using sockwb::test::SequenceScript;

namespace {
double ms(qint64 ns) { return double(ns) / 1e6; }
}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int batch = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3000;
    const SequenceScript script = SequenceScript::longExchange(count);
    const std::vector<TraceEvent> events(script.events.begin(), script.events.end());

    // 1. Build + lay out at once.
    QElapsedTimer t;
    t.start();
    seq::SequenceBuilder builder;
    builder.append(events);
    const qint64 built = t.nsecsElapsed();
    seq::SequenceLayout layout;
    layout.update(builder);
    const qint64 laid = t.nsecsElapsed() - built;
    std::printf("events            %zu (%zu calls, %zu arrows, %zu lifelines)\n", events.size(),
                builder.calls().size(), builder.arrows().size(), builder.lifelines().size());
    std::printf("build             %.1f ms\n", ms(built));
    std::printf("layout            %.1f ms\n", ms(laid));
    std::printf("build + layout    %.1f ms\n", ms(built + laid));

    // 2. Live: batches every 30 ms, a 1 ms timer measuring the stalls.
    SequenceView view;
    view.resize(1280, 800);
    view.show();
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0, longestGap = 0, slowestBatch = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick) longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });
    probe.start(1);
    qsizetype next = 0;
    QTimer feeder;
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        QElapsedTimer b;
        b.start();
        view.appendEvents(script.events.mid(next, batch));
        slowestBatch = std::max(slowestBatch, b.nsecsElapsed());
        next += batch;
        if (next >= script.events.size()) {
            feeder.stop();
            QTimer::singleShot(200, &app, &QApplication::quit);
        }
    });
    feeder.start(30);
    app.exec();
    QElapsedTimer p;
    p.start();
    view.grab();
    const qint64 paint = p.nsecsElapsed();
    std::printf("live batches      %d events every 30 ms\n", batch);
    std::printf("longest stall     %.1f ms (gap between 1 ms timer ticks)\n", ms(longestGap));
    std::printf("slowest batch     %.1f ms (append + incremental layout)\n", ms(slowestBatch));
    std::printf("full layouts      %zu\n", view.layout().fullLayouts());
    std::printf("grab of the view  %.1f ms, %d calls and arrows painted\n", ms(paint),
                view.paintedItems());
    return 0;
}
