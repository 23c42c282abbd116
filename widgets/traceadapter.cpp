#include "widgets/traceadapter.h"

namespace sockwb {

TraceAdapter::TraceAdapter(QObject* parent, int intervalMs, int capacity)
    : QObject(parent), capacity_(static_cast<size_t>(capacity)) {
    qRegisterMetaType<sockwb::TraceEvent>();
    qRegisterMetaType<QVector<sockwb::TraceEvent>>();
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &TraceAdapter::flush);
    timer_.start();
}

TraceAdapter::~TraceAdapter() = default;

void TraceAdapter::onTrace(const TraceEvent& event) {
    std::lock_guard lock(mutex_);
    if (pending_.size() >= capacity_) {
        pending_.pop_front();
        ++dropped_;
    }
    pending_.push_back(event);
}

quint64 TraceAdapter::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void TraceAdapter::flush() {
    QVector<TraceEvent> batch;
    quint64 dropped = 0;
    {
        std::lock_guard lock(mutex_);
        if (pending_.empty()) return;
        batch.reserve(static_cast<qsizetype>(pending_.size()));
        for (auto& e : pending_) batch.push_back(std::move(e));
        pending_.clear();
        dropped = dropped_;
    }
    emit eventsReady(batch, dropped);
}

}  // namespace sockwb
