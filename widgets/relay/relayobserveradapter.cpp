#include "widgets/relay/relayobserveradapter.h"

namespace sockwb {

RelayObserverAdapter::RelayObserverAdapter(QObject* parent, int intervalMs, int capacity)
    : QObject(parent), queue_(capacity) {
    qRegisterMetaType<sockwb::RelayEvent>();
    qRegisterMetaType<QVector<sockwb::RelayEvent>>();
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &RelayObserverAdapter::flush);
    timer_.start();
}

RelayObserverAdapter::~RelayObserverAdapter() = default;

void RelayObserverAdapter::onLog(const std::string& line) {
    RelayEvent e;
    e.time = std::chrono::system_clock::now();
    e.line = line;
    queue_.push(std::move(e));
}

void RelayObserverAdapter::onError(const ErrorInfo& error) {
    RelayEvent e;
    e.time = std::chrono::system_clock::now();
    e.failure = true;
    e.error = error;
    queue_.push(std::move(e));
}

void RelayObserverAdapter::flush() {
    QVector<RelayEvent> batch;
    quint64 dropped = 0;
    if (queue_.take(batch, dropped)) emit eventsReady(batch, dropped);
}

}  // namespace sockwb
