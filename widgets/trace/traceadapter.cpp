#include "widgets/trace/traceadapter.h"

namespace sockwb {

TraceAdapter::TraceAdapter(QObject* parent, int intervalMs, int capacity)
    : QObject(parent), queue_(capacity) {
    qRegisterMetaType<sockwb::TraceEvent>();
    qRegisterMetaType<QVector<sockwb::TraceEvent>>();
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &TraceAdapter::flush);
    timer_.start();
}

TraceAdapter::~TraceAdapter() = default;

void TraceAdapter::onTrace(const TraceEvent& event) { queue_.push(event); }

quint64 TraceAdapter::dropped() const { return queue_.dropped(); }

void TraceAdapter::flush() {
    QVector<TraceEvent> batch;
    quint64 dropped = 0;
    if (queue_.take(batch, dropped)) emit eventsReady(batch, dropped);
}

}  // namespace sockwb
