#include "widgets/server/serverobserveradapter.h"

namespace sockwb {

namespace {
// The engine already cuts previews; this is a second guard for memory.
constexpr size_t kMaxPreview = 256;

ServerEvent eventOf(ServerEvent::Kind kind) {
    ServerEvent e;
    e.kind = kind;
    return e;
}
}  // namespace

ServerObserverAdapter::ServerObserverAdapter(QObject* parent, int intervalMs, int capacity)
    : QObject(parent), queue_(capacity) {
    qRegisterMetaType<sockwb::ServerEvent>();
    qRegisterMetaType<QVector<sockwb::ServerEvent>>();
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &ServerObserverAdapter::flush);
    timer_.start();
}

ServerObserverAdapter::~ServerObserverAdapter() = default;

void ServerObserverAdapter::push(ServerEvent event) {
    event.time = std::chrono::system_clock::now();
    queue_.push(std::move(event));
}

void ServerObserverAdapter::onListening(const std::string& listener, const Address& address) {
    ServerEvent e = eventOf(ServerEvent::Listening);
    e.text = listener;
    e.address = address;
    push(std::move(e));
}

void ServerObserverAdapter::onConnectionOpened(const ConnectionInfo& info) {
    ServerEvent e = eventOf(ServerEvent::Opened);
    e.connection = info;
    push(std::move(e));
}

void ServerObserverAdapter::onConnectionClosed(const ConnectionInfo& info) {
    ServerEvent e = eventOf(ServerEvent::Closed);
    e.connection = info;
    push(std::move(e));
}

void ServerObserverAdapter::onData(uint64_t connectionId, bool incoming, std::string_view bytes) {
    ServerEvent e = eventOf(ServerEvent::Data);
    e.connectionId = connectionId;
    e.incoming = incoming;
    e.bytes.assign(bytes.substr(0, kMaxPreview));
    push(std::move(e));
}

void ServerObserverAdapter::onLog(const std::string& text) {
    ServerEvent e = eventOf(ServerEvent::Log);
    e.text = text;
    push(std::move(e));
}

void ServerObserverAdapter::onConnectionTls(uint64_t connectionId, const std::string& summary) {
    ServerEvent e = eventOf(ServerEvent::Tls);
    e.connectionId = connectionId;
    e.text = summary;
    push(std::move(e));
}

void ServerObserverAdapter::onError(const ErrorInfo& error) {
    ServerEvent e = eventOf(ServerEvent::Failure);
    e.error = error;
    push(std::move(e));
}

void ServerObserverAdapter::onStopped() { push(eventOf(ServerEvent::Stopped)); }

quint64 ServerObserverAdapter::dropped() const { return queue_.dropped(); }

void ServerObserverAdapter::flush() {
    QVector<ServerEvent> batch;
    quint64 dropped = 0;
    if (queue_.take(batch, dropped)) emit eventsReady(batch, dropped);
}

}  // namespace sockwb
