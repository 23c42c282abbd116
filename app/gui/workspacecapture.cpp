// WorkspaceStage::capture(): the workbench read back as a workspace (see
// workspacestage.h). GUI thread only.

#include <QApplication>
#include <QDockWidget>
#include <QSet>
#include <QStackedWidget>

#include "app/gui/mainwindow.h"
#include "app/gui/workspacestage.h"
#include "widgets/client/clientwindow.h"
#include "widgets/composer/composercollection.h"
#include "widgets/composer/composerwindow.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/sequence/sequencewindow.h"
#include "widgets/server/serverpanel.h"
#include "widgets/sockets/sockettablewindow.h"

namespace sockwb::app {

namespace {

// The first of base, "base-2", "base-3"... not in used; marks it used.
QString unique(const QString& base, QSet<QString>* used) {
    QString name = base;
    for (int n = 2; used->contains(name); ++n) name = QStringLiteral("%1-%2").arg(base).arg(n);
    used->insert(name);
    return name;
}

// "localhost" and the loopback addresses are one place for a target.
QString placeOf(const QString& host) {
    if (host == QLatin1String("localhost") || host == QLatin1String("0.0.0.0"))
        return QStringLiteral("127.0.0.1");
    if (host == QLatin1String("::")) return QStringLiteral("::1");
    return host;
}

WindowLayout layoutOf(const QWidget* w) { return {w->geometry(), w->isVisible()}; }

bool isOpen(const QWidget* w) {
    return w->isVisible() && !w->property("sockwbWorkspaceClosed").toBool();
}

}  // namespace

WorkspaceStage::Names WorkspaceStage::names() const {
    Names n;
    QSet<QString> panelNames, clientNames;
    // Names given by the workspace come first: they are what refers to them.
    for (ServerPanel* p : servers())
        if (const auto* o = originOf(p, built_.servers); o && !panelNames.contains(o->name))
            n.byWidget.insert(p, unique(o->name, &panelNames));
    for (RelayPanel* p : relays())
        if (const auto* o = originOf(p, built_.relays); o && !panelNames.contains(o->name))
            n.byWidget.insert(p, unique(o->name, &panelNames));
    for (ClientWindow* w : clients())
        if (const auto* o = originOf(w, built_.clients); o && !clientNames.contains(o->name))
            n.byWidget.insert(w, unique(o->name, &clientNames));
    // The user's own: "echo-epoll", "relay", "client 3".
    for (ServerPanel* p : servers())
        if (!n.byWidget.contains(p)) {
            const ServerConfig& c = p->config();
            const QString service = c.listeners.empty()
                                        ? QStringLiteral("server")
                                        : QString::fromStdString(c.listeners.front().service);
            n.byWidget.insert(
                p, unique(QStringLiteral("%1-%2").arg(service, QString::fromStdString(c.model)),
                          &panelNames));
        }
    for (RelayPanel* p : relays())
        if (!n.byWidget.contains(p))
            n.byWidget.insert(p, unique(QStringLiteral("relay"), &panelNames));
    int next = 1;
    for (ClientWindow* w : clients())
        if (!n.byWidget.contains(w)) {
            QString name;
            do {
                name = QStringLiteral("client %1").arg(next++);
            } while (clientNames.contains(name));
            clientNames.insert(name);
            n.byWidget.insert(w, name);
        }
    return n;
}

QString WorkspaceStage::targetAt(const Names& names, const QString& host, quint16 port,
                                 int* listener) const {
    const QString place = placeOf(host);
    for (ServerPanel* p : servers()) {
        for (int i = 0; i < int(p->config().listeners.size()); ++i) {
            QString h;
            quint16 at = 0;
            if (listenerAddress(p, i, &h, &at) && at == port && placeOf(h) == place) {
                *listener = i;
                return names.byWidget.value(p);
            }
        }
    }
    for (RelayPanel* p : relays()) {
        QString h, protocol;
        quint16 at = 0;
        if (p->clientTarget(&h, &at, &protocol) && at == port && placeOf(h) == place) {
            *listener = 0;
            return names.byWidget.value(p);
        }
    }
    return {};
}

Workspace WorkspaceStage::capture(const LabInfo& lab) const {
    const Names n = names();
    Workspace ws;
    ws.lab = lab;
    ws.runTimeoutMs = built_.runTimeoutMs;

    for (ServerPanel* p : servers()) {
        const auto* o = originOf(p, built_.servers);
        WorkspaceServer s = o ? *o : WorkspaceServer{};
        s.name = n.byWidget.value(p);
        s.config = p->config();
        const QVariant autostart = p->property("sockwbAutostart");
        s.autostart = autostart.isValid() ? autostart.toBool()
                                          : p->state() == ServerPanel::Running ||
                                                p->state() == ServerPanel::Starting;
        ws.servers.push_back(std::move(s));
    }

    for (RelayPanel* p : relays()) {
        const auto* o = originOf(p, built_.relays);
        WorkspaceRelay r = o ? *o : WorkspaceRelay{};
        r.name = n.byWidget.value(p);
        r.config = p->config();
        const QVariant autostart = p->property("sockwbAutostart");
        r.autostart = autostart.isValid()
                          ? autostart.toBool()
                          : p->state() == RelayPanel::Running || p->state() == RelayPanel::Starting;
        if (o && !o->targetServer.isEmpty() && panelNamed(o->targetServer)) {
            // Aimed by name: the address written stays (its port is found at run time).
            r.config.targetHost = o->config.targetHost;
            r.config.targetPort = o->config.targetPort;
        } else {
            int listener = 0;
            const QString target = targetAt(n, QString::fromStdString(r.config.targetHost),
                                            r.config.targetPort, &listener);
            r.targetServer = qobject_cast<ServerPanel*>(panelNamed(target)) ? target : QString();
        }
        ws.relays.push_back(std::move(r));
    }

    for (ClientWindow* w : clients()) {
        const auto* o = originOf(w, built_.clients);
        WorkspaceClient c = o ? *o : WorkspaceClient{};
        c.name = n.byWidget.value(w);
        c.config = w->formConfig();
        c.framing = w->framing();
        c.script = w->script();
        c.window = layoutOf(w);
        const QString host = QString::fromStdString(c.config.host);
        int listener = 0;
        const QString at = targetAt(n, host, c.config.port, &listener);
        const bool asWritten =
            o && c.config.host == o->config.host && c.config.port == o->config.port;
        if (o && !o->target.isEmpty() && (asWritten || at == o->target)) {
            // Still aimed at its target by name: the host and port written stay.
            c.config.host = o->config.host;
            c.config.port = o->config.port;
        } else {
            c.target = at;
            c.listener = at.isEmpty() ? 0 : listener;
            if (!o) c.connectAfterMs = at.isEmpty() ? -1 : 0;
        }
        ws.clients.push_back(std::move(c));
    }

    for (ComposerWindow* w : composers()) {
        const auto* o = originOf(w, built_.composers);
        WorkspaceComposer c = o ? *o : WorkspaceComposer{};
        c.request = w->request();
        // A URL resolved at start (${NAME}) is saved as written while unchanged.
        if (resolvedTo_.contains(w) && resolvedTo_.value(w) == c.request)
            c.request = resolvedFrom_.value(w);
        c.collection = w->collection()->requests();
        c.window = layoutOf(w);
        ws.composers.push_back(std::move(c));
    }

    WorkspaceLayout& layout = ws.layout;
    layout.mainGeometry = window_->saveGeometry();
    layout.mainState = window_->saveState();
    if (auto* stack = window_->findChild<QStackedWidget*>())
        layout.currentPanel = n.byWidget.value(stack->currentWidget());
    if (auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("traceDock")))
        layout.traceDock = !dock->isHidden();
    if (auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("logDock")))
        layout.logDock = !dock->isHidden();
    layout.sequenceWindow = false;
    layout.socketTable = false;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (!isOpen(w)) continue;
        if (qobject_cast<SequenceWindow*>(w)) layout.sequenceWindow = true;
        if (qobject_cast<SocketTableWindow*>(w)) layout.socketTable = true;
    }
    return ws;
}

}  // namespace sockwb::app
