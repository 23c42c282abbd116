#include "widgets/serverobserveradapter.h"

namespace sockwb {

namespace {
// The engine already cuts previews; this is a second guard for memory.
constexpr size_t kMaxPreview = 256;
}  // namespace

ServerObserverAdapter::ServerObserverAdapter(QObject* parent, int intervalMs, int capacity)
    : QObject(parent), capacity_(static_cast<size_t>(std::max(1, capacity))) {
    qRegisterMetaType<sockwb::ServerEvent>();
    qRegisterMetaType<QVector<sockwb::ServerEvent>>();
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &ServerObserverAdapter::flush);
    timer_.start();
}

ServerObserverAdapter::~ServerObserverAdapter() = default;

void ServerObserverAdapter::push(ServerEvent event) {
    event.time = std::chrono::system_clock::now();
    std::lock_guard lock(mutex_);
    if (pending_.size() >= capacity_) {
        pending_.pop_front();
        ++dropped_;
    }
    pending_.push_back(std::move(event));
}

void ServerObserverAdapter::onListening(const std::string& listener, const Address& address) {
    ServerEvent e;
    e.kind = ServerEvent::Listening;
    e.text = listener;
    e.address = address;
    push(std::move(e));
}

void ServerObserverAdapter::onConnectionOpened(const ConnectionInfo& info) {
    ServerEvent e;
    e.kind = ServerEvent::Opened;
    e.connection = info;
    push(std::move(e));
}

void ServerObserverAdapter::onConnectionClosed(const ConnectionInfo& info) {
    ServerEvent e;
    e.kind = ServerEvent::Closed;
    e.connection = info;
    push(std::move(e));
}

void ServerObserverAdapter::onData(uint64_t connectionId, bool incoming, std::string_view bytes) {
    ServerEvent e;
    e.kind = ServerEvent::Data;
    e.connectionId = connectionId;
    e.incoming = incoming;
    e.bytes.assign(bytes.substr(0, kMaxPreview));
    push(std::move(e));
}

void ServerObserverAdapter::onLog(const std::string& text) {
    ServerEvent e;
    e.kind = ServerEvent::Log;
    e.text = text;
    push(std::move(e));
}

void ServerObserverAdapter::onError(const ErrorInfo& error) {
    ServerEvent e;
    e.kind = ServerEvent::Failure;
    e.error = error;
    push(std::move(e));
}

void ServerObserverAdapter::onStopped() {
    ServerEvent e;
    e.kind = ServerEvent::Stopped;
    push(std::move(e));
}

quint64 ServerObserverAdapter::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void ServerObserverAdapter::flush() {
    QVector<ServerEvent> batch;
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
