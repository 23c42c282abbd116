#pragma once
// ServerObserverAdapter: the core's ServerObserver turned into Qt signals,
// the same way TraceAdapter does it for the trace. Server threads call the
// on*() methods (lock held only to append); a timer on the adapter's thread
// (the GUI thread) delivers what is queued as ONE signal per interval. The
// queue is bounded: past capacity the oldest events are dropped and counted,
// so a flood of data previews cannot grow memory or stall the window.

#include <QObject>
#include <QTimer>
#include <QVector>
#include <chrono>
#include <string>

#include "core/net/trace.h"
#include "core/server/server.h"
#include "widgets/common/batchqueue.h"

namespace sockwb {

// One thing a server reported. Plain data, copied across threads.
struct ServerEvent {
    enum Kind { Listening, Opened, Closed, Data, Log, Failure, Stopped, Tls };
    Kind kind = Log;
    std::chrono::system_clock::time_point time;
    std::string text;           // listener name (Listening), log line (Log), TLS summary (Tls)
    Address address;            // listening address (Listening)
    ConnectionInfo connection;  // Opened / Closed
    uint64_t connectionId = 0;  // Data, Tls
    bool incoming = false;      // Data: true = received from the peer
    std::string bytes;          // Data: a preview (the engine cuts it)
    ErrorInfo error;            // Failure
};

class ServerObserverAdapter final : public QObject, public ServerObserver {
    Q_OBJECT
public:
    // Lives on the thread that creates it (the GUI thread).
    explicit ServerObserverAdapter(QObject* parent = nullptr, int intervalMs = 30,
                                   int capacity = 10000);
    ~ServerObserverAdapter() override;

    // ServerObserver: called by server threads. Thread-safe, never block.
    void onListening(const std::string& listener, const Address& address) override;
    void onConnectionOpened(const ConnectionInfo& info) override;
    void onConnectionClosed(const ConnectionInfo& info) override;
    void onData(uint64_t connectionId, bool incoming, std::string_view bytes) override;
    void onLog(const std::string& text) override;
    void onConnectionTls(uint64_t connectionId, const std::string& summary) override;
    void onError(const ErrorInfo& error) override;
    void onStopped() override;

    // Events dropped since creation. Thread-safe.
    quint64 dropped() const;
    // Delivers what is queued now (tests, shutdown). GUI thread only.
    void flush();

signals:
    // A batch in the order the server reported it.
    void eventsReady(const QVector<sockwb::ServerEvent>& events, quint64 droppedSoFar);

private:
    void push(ServerEvent event);

    QTimer timer_;
    BatchQueue<ServerEvent> queue_;
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::ServerEvent)
