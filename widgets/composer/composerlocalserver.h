#pragma once
// ComposerLocalServer: the workbench's http service on 127.0.0.1 (port
// chosen by the kernel, epoll model) for "Try with a local server". One per
// application, started on first use, stopped when the application object
// is destroyed. GUI thread only.

#include <QObject>
#include <QString>
#include <memory>

namespace sockwb {

class Server;

class ComposerLocalServer final : public QObject {
    Q_OBJECT
public:
    // The running instance, or a new one started now. nullptr with *error
    // set when the server cannot start.
    static ComposerLocalServer* ensureRunning(QString* error = nullptr);
    // The instance if one runs, else nullptr.
    static ComposerLocalServer* instance();
    ~ComposerLocalServer() override;

    quint16 port() const { return port_; }
    // "http://127.0.0.1:PORT"
    QString baseUrl() const;

private:
    explicit ComposerLocalServer(QObject* parent);
    std::unique_ptr<Server> server_;
    quint16 port_ = 0;
};

}  // namespace sockwb
