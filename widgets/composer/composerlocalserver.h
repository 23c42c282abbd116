#pragma once
// ComposerLocalServer: the workbench's http service on 127.0.0.1 (port
// chosen by the kernel, epoll model) for "Try with a local server". One per
// application, started on first use, stopped when the application quits.
// Server::start() and stop() run on a BackgroundTask, never on the GUI
// thread: ensureRunning() returns at once and says through its callback
// when the server listens. GUI thread only (every method).

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

#include "widgets/common/backgroundtask.h"

namespace sockwb {

class Server;

class ComposerLocalServer final : public QObject {
    Q_OBJECT
public:
    // server: the listening instance, or nullptr with error set.
    using Ready = std::function<void(ComposerLocalServer* server, const QString& error)>;
    // Calls ready once the instance listens: at once if it already does,
    // else on the GUI thread when the start in flight (begun now if none)
    // ends. ready is dropped if context is destroyed first.
    static void ensureRunning(QObject* context, Ready ready);
    // The instance if one listens, else nullptr.
    static ComposerLocalServer* instance();
    // Waits for a start in flight, then stops the server off the GUI thread
    // and waits for that (a stop returns within a second).
    ~ComposerLocalServer() override;

    bool isListening() const { return server_ != nullptr; }
    quint16 port() const { return port_; }
    // "http://127.0.0.1:PORT"
    QString baseUrl() const;

private:
    struct Waiter {
        QPointer<QObject> context;
        Ready ready;
    };
    explicit ComposerLocalServer(QObject* parent);
    void start();
    void onStarted(TaskResult<std::unique_ptr<Server>> started);
    void stopInBackground();

    std::unique_ptr<Server> server_;  // set once listening
    quint16 port_ = 0;
    std::vector<Waiter> waiters_;  // callers of ensureRunning() during the start
    BackgroundTask task_;          // the start, then the stop
};

}  // namespace sockwb
