#include "widgets/trace/traceadapter.h"

#include <algorithm>

namespace sockwb {

TraceAdapter::TraceAdapter(QObject* parent, int intervalMs, int capacity)
    : QObject(parent), queue_(static_cast<size_t>(std::max(1, capacity))) {
    qRegisterMetaType<sockwb::TraceEvent>();
    qRegisterMetaType<QVector<sockwb::TraceEvent>>();
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &TraceAdapter::flush);
    timer_.start();
}

TraceAdapter::~TraceAdapter() = default;

void TraceAdapter::onTrace(const TraceEvent& event) { queue_.push(event); }

void TraceAdapter::onRecord(const TraceRecord& record) { queue_.push(record); }

quint64 TraceAdapter::dropped() const { return queue_.dropped(); }

void TraceAdapter::flush() {
    QVector<TraceEvent> batch;
    uint64_t dropped = 0;
    // The records become text here, on the GUI thread, after the lock.
    if (queue_.drain([&](TraceEvent&& ev) { batch.push_back(std::move(ev)); }, dropped))
        emit eventsReady(batch, dropped);
}

}  // namespace sockwb
