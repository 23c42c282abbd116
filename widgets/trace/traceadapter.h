#pragma once
// TraceAdapter: the core's TraceObserver turned into Qt signals. Core
// threads call onRecord() (the wrapped calls, in binary form: copied, not
// formatted) or onTrace() (the few calls reported as events), any thread,
// a lock held only to append; a timer on the adapter's thread (the GUI
// thread) flushes the queue every interval, formatting the records there,
// as ONE signal carrying a batch of TraceEvents, so a flood costs the GUI
// one slot call per interval and the traced threads no text at all. The
// queue is bounded (TraceRing): past capacity the oldest pending entries
// are dropped and counted.

#include <QObject>
#include <QTimer>
#include <QVector>

#include "core/net/trace.h"
#include "core/net/tracering.h"

namespace sockwb {

class TraceAdapter final : public QObject, public TraceObserver {
    Q_OBJECT
public:
    // Lives on the thread that creates it (normally the GUI thread).
    explicit TraceAdapter(QObject* parent = nullptr, int intervalMs = 30, int capacity = 50000);
    ~TraceAdapter() override;

    // Called by core threads. Thread-safe, never blocks on the GUI.
    void onTrace(const TraceEvent& event) override;
    void onRecord(const TraceRecord& record) override;

    // Events dropped since creation because the GUI fell behind. Thread-safe.
    quint64 dropped() const;
    // Delivers what is queued now (tests, shutdown). GUI thread only.
    void flush();

signals:
    // A batch of events in call order; droppedSoFar counts every lost event.
    void eventsReady(const QVector<sockwb::TraceEvent>& events, quint64 droppedSoFar);

private:
    QTimer timer_;
    TraceRing queue_;
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::TraceEvent)
