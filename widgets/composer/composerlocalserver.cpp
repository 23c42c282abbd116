#include "widgets/composer/composerlocalserver.h"

#include <QCoreApplication>

#include "core/net/error.h"
#include "core/server/server.h"
#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
QPointer<ComposerLocalServer> g_instance;  // listening or starting
}  // namespace

ComposerLocalServer::ComposerLocalServer(QObject* parent) : QObject(parent) {
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
            &ComposerLocalServer::stopInBackground);
}

ComposerLocalServer::~ComposerLocalServer() {
    task_.join();  // a start in flight: its server, not delivered, is destroyed here
    if (server_ && !QCoreApplication::instance()) {
        // Destroyed with the application object (its child), after the event
        // loop is gone: no task can deliver any more, so stop here.
        server_->stop();
        server_.reset();
        return;
    }
    stopInBackground();
    task_.join();
}

ComposerLocalServer* ComposerLocalServer::instance() {
    return g_instance && g_instance->isListening() ? g_instance.data() : nullptr;
}

void ComposerLocalServer::ensureRunning(QObject* context, Ready ready) {
    if (ComposerLocalServer* running = instance()) {
        ready(running, QString());
        return;
    }
    if (!g_instance) {
        g_instance = new ComposerLocalServer(QCoreApplication::instance());
        g_instance->start();
    }
    g_instance->waiters_.push_back({context, std::move(ready)});
}

void ComposerLocalServer::start() {
    task_ = BackgroundTask::run(
        this,
        [] {
            ServerConfig config;
            config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
            config.model = "epoll";
            auto server = std::make_unique<Server>(config);
            server->start();  // bind + listen
            return server;
        },
        [this](TaskResult<std::unique_ptr<Server>> started) { onStarted(std::move(started)); });
}

void ComposerLocalServer::onStarted(TaskResult<std::unique_ptr<Server>> started) {
    QString error;
    if (started.ok()) {
        server_ = std::move(*started.value);
        port_ = server_->addresses().front().port();
    } else {
        error = ErrorText::ofTask(started.error);
    }
    const std::vector<Waiter> waiters = std::move(waiters_);
    waiters_.clear();
    if (!server_) deleteLater();  // the next ensureRunning() tries again
    if (!server_) g_instance.clear();
    for (const Waiter& w : waiters)
        if (w.context) w.ready(server_ ? this : nullptr, error);
}

void ComposerLocalServer::stopInBackground() {
    if (!server_) return;
    task_ = BackgroundTask::run(
        this, [server = std::move(server_)]() mutable { server->stop(); }, [](TaskResult<void>) {});
}

QString ComposerLocalServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(port_);
}

}  // namespace sockwb
