#include "widgets/composer/composerlocalserver.h"

#include <QCoreApplication>
#include <QPointer>

#include "core/net/error.h"
#include "core/server/server.h"
#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
QPointer<ComposerLocalServer> g_instance;
}  // namespace

ComposerLocalServer::ComposerLocalServer(QObject* parent) : QObject(parent) {}

ComposerLocalServer::~ComposerLocalServer() {
    if (server_) server_->stop();
}

ComposerLocalServer* ComposerLocalServer::instance() { return g_instance.data(); }

ComposerLocalServer* ComposerLocalServer::ensureRunning(QString* error) {
    if (g_instance && g_instance->server_ && g_instance->server_->isRunning()) return g_instance;
    delete g_instance.data();
    try {
        ServerConfig config;
        config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
        config.model = "epoll";
        auto server = std::make_unique<Server>(config);
        server->start();  // bind + listen only: returns at once
        auto* self = new ComposerLocalServer(QCoreApplication::instance());
        self->port_ = server->addresses().front().port();
        self->server_ = std::move(server);
        g_instance = self;
        return self;
    } catch (const Error& e) {
        if (error) *error = ErrorText::sentence(e);
        return nullptr;
    }
}

QString ComposerLocalServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(port_);
}

}  // namespace sockwb
