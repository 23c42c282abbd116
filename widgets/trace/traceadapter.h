#pragma once
// TraceAdapter: the core's TraceObserver turned into Qt signals. Core
// threads call onTrace() (any thread, lock held only to append); a timer on
// the adapter's thread (the GUI thread) flushes the queue every interval as
// ONE queued signal carrying a batch, so a flood of events costs the GUI one
// slot call per interval, not one per event. The queue is bounded: past
// capacity the oldest pending events are dropped and counted.

#include <QObject>
#include <QTimer>
#include <QVector>

#include "core/net/trace.h"
#include "widgets/common/batchqueue.h"

namespace sockwb {

class TraceAdapter final : public QObject, public TraceObserver {
    Q_OBJECT
public:
    // Lives on the thread that creates it (normally the GUI thread).
    explicit TraceAdapter(QObject* parent = nullptr, int intervalMs = 30, int capacity = 50000);
    ~TraceAdapter() override;

    // Called by core threads. Thread-safe, never blocks on the GUI.
    void onTrace(const TraceEvent& event) override;

    // Events dropped since creation because the GUI fell behind. Thread-safe.
    quint64 dropped() const;
    // Delivers what is queued now (tests, shutdown). GUI thread only.
    void flush();

signals:
    // A batch of events in call order; droppedSoFar counts every lost event.
    void eventsReady(const QVector<sockwb::TraceEvent>& events, quint64 droppedSoFar);

private:
    QTimer timer_;
    BatchQueue<TraceEvent> queue_;
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::TraceEvent)
