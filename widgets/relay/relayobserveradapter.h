#pragma once
// RelayObserverAdapter: the core's RelayObserver turned into Qt signals, as
// ServerObserverAdapter does it for a server. The relay's thread calls
// onLog()/onError() (lock held only to append); a timer on the adapter's
// thread (the GUI thread) delivers what is queued as ONE signal per
// interval. The queue is bounded: past capacity the oldest lines are
// dropped and counted, so a relay logging every fault cannot flood the GUI.

#include <QObject>
#include <QTimer>
#include <QVector>
#include <chrono>
#include <string>

#include "core/relay/relay.h"
#include "widgets/common/batchqueue.h"

namespace sockwb {

// One thing a relay reported. Plain data, copied across threads.
struct RelayEvent {
    std::chrono::system_clock::time_point time;
    bool failure = false;  // error is set; otherwise line is
    std::string line;
    ErrorInfo error;
};

class RelayObserverAdapter final : public QObject, public RelayObserver {
    Q_OBJECT
public:
    // Lives on the thread that creates it (the GUI thread).
    explicit RelayObserverAdapter(QObject* parent = nullptr, int intervalMs = 30,
                                  int capacity = 10000);
    ~RelayObserverAdapter() override;

    // RelayObserver: called on the relay's thread. Thread-safe, never block.
    void onLog(const std::string& line) override;
    void onError(const ErrorInfo& error) override;

    // Events dropped since creation. Thread-safe.
    quint64 dropped() const { return queue_.dropped(); }
    // Delivers what is queued now (tests, shutdown). GUI thread only.
    void flush();

signals:
    // A batch in the order the relay reported it.
    void eventsReady(const QVector<sockwb::RelayEvent>& events, quint64 droppedSoFar);

private:
    QTimer timer_;
    BatchQueue<RelayEvent> queue_;
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::RelayEvent)
