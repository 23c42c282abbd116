#include "app/gui/workspacestage.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTimer>
#include <algorithm>
#include <memory>

#include "app/gui/mainwindow.h"
#include "core/net/protocol.h"
#include "widgets/client/clientwindow.h"
#include "widgets/common/formstyle.h"
#include "widgets/common/logview.h"
#include "widgets/composer/composercollection.h"
#include "widgets/composer/composerresponseview.h"
#include "widgets/composer/composerwindow.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/sequence/experimenttrace.h"
#include "widgets/sequence/sequencewindow.h"
#include "widgets/server/serverpanel.h"
#include "widgets/shell/sidebar.h"
#include "widgets/sockets/sockettablewindow.h"

namespace sockwb::app {

namespace {

// Marks a widget being closed: it may outlive clear() until the event loop
// deletes it, and capture() must not see it any more.
const char* const kClosed = "sockwbWorkspaceClosed";
// A panel's "start it when the workspace opens", as built, then following
// what the user does (started: true, stopped: false).
const char* const kAutostart = "sockwbAutostart";

QString hostPort(const QString& host, quint16 port) {
    return (host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
        .arg(host)
        .arg(port);
}

// A server's or relay's own status line, when a client window waits on it.
void showClientStatus(ClientWindow* window, const QString& text, bool isError) {
    if (auto* label = window->findChild<QLabel*>(QStringLiteral("statusLabel"))) {
        formstyle::setErrorText(label, isError);
        label->setText(text);
    }
}

// then() once panel runs, fail(why) if it fails; nothing once guard is gone.
template <typename Panel>
void onceRunning(Panel* panel, QObject* guard, std::function<void()> then,
                 std::function<void(const QString&)> fail) {
    if (panel->state() == Panel::Running) return then();
    if (panel->state() == Panel::Failed) return fail(panel->errorText());
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(panel, &Panel::stateChanged, guard,
                                   [panel, connection, then, fail](typename Panel::State state) {
                                       if (state == Panel::Running) {
                                           QObject::disconnect(*connection);
                                           then();
                                       } else if (state == Panel::Failed) {
                                           QObject::disconnect(*connection);
                                           fail(panel->errorText());
                                       }
                                   });
}

}  // namespace

WorkspaceStage::WorkspaceStage(MainWindow* window) : QObject(window), window_(window) {}

QList<ServerPanel*> WorkspaceStage::servers() const {
    QList<ServerPanel*> list;
    for (ServerPanel* p : window_->servers())
        if (!p->property(kClosed).toBool()) list << p;
    return list;
}

QList<RelayPanel*> WorkspaceStage::relays() const {
    QList<RelayPanel*> list;
    for (RelayPanel* p : window_->relays())
        if (!p->property(kClosed).toBool()) list << p;
    return list;
}

// Top-level windows come from a set: sorted by when this stage first saw
// them, so two captures list them in the same order.
QList<ClientWindow*> WorkspaceStage::clients() const {
    QList<ClientWindow*> list;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<ClientWindow*>(w); c && !c->property(kClosed).toBool())
            list << c;
    std::sort(list.begin(), list.end(),
              [this](ClientWindow* a, ClientWindow* b) { return order(a) < order(b); });
    return list;
}

QList<ComposerWindow*> WorkspaceStage::composers() const {
    QList<ComposerWindow*> list;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<ComposerWindow*>(w); c && !c->property(kClosed).toBool())
            list << c;
    std::sort(list.begin(), list.end(),
              [this](ComposerWindow* a, ComposerWindow* b) { return order(a) < order(b); });
    return list;
}

int WorkspaceStage::order(QObject* widget) const {
    const QVariant v = widget->property("sockwbWorkspaceOrder");
    if (v.isValid()) return v.toInt();
    widget->setProperty("sockwbWorkspaceOrder", ++nextOrder_);
    return nextOrder_;
}

void WorkspaceStage::remember(QObject* widget, int index) {
    origin_.insert(widget, index);
    order(widget);
    connect(widget, &QObject::destroyed, this, [this](QObject* gone) {
        origin_.remove(gone);
        resolvedFrom_.remove(gone);
        resolvedTo_.remove(gone);
    });
}

void WorkspaceStage::clear() {
    const QList<ServerPanel*> serverList = servers();
    const QList<RelayPanel*> relayList = relays();
    // Every server and relay stops on its own thread, all at once; the
    // destructors then only join.
    for (ServerPanel* p : serverList) p->stop();
    for (RelayPanel* p : relayList) p->stop();
    qDeleteAll(serverList);
    qDeleteAll(relayList);
    QList<QWidget*> windows;
    for (QWidget* w : clients()) windows << w;
    for (QWidget* w : composers()) windows << w;
    for (QWidget* w : windows) {
        w->setProperty(kClosed, true);
        w->close();  // a client window disconnects
        if (!w->testAttribute(Qt::WA_DeleteOnClose)) w->deleteLater();
    }
    origin_.clear();
    resolvedFrom_.clear();
    resolvedTo_.clear();
    built_ = Workspace();
}

void WorkspaceStage::build(const Workspace& workspace) {
    clear();
    built_ = workspace;
    auto follow = [](QObject* panel, bool autostart) { panel->setProperty(kAutostart, autostart); };
    for (size_t i = 0; i < workspace.servers.size(); ++i) {
        const WorkspaceServer& spec = workspace.servers[i];
        ServerPanel* panel = window_->addServer(spec.config, false);
        remember(panel, int(i));
        follow(panel, spec.autostart);
        connect(panel, &ServerPanel::stateChanged, this, [panel](ServerPanel::State s) {
            if (s == ServerPanel::Running || s == ServerPanel::Stopped)
                panel->setProperty(kAutostart, s == ServerPanel::Running);
        });
    }
    for (size_t i = 0; i < workspace.relays.size(); ++i) {
        const WorkspaceRelay& spec = workspace.relays[i];
        RelayPanel* panel = window_->addRelay(spec.config, false);
        remember(panel, int(i));
        follow(panel, spec.autostart);
        connect(panel, &RelayPanel::stateChanged, this, [panel](RelayPanel::State s) {
            if (s == RelayPanel::Running || s == RelayPanel::Stopped)
                panel->setProperty(kAutostart, s == RelayPanel::Running);
        });
    }
    for (size_t i = 0; i < workspace.clients.size(); ++i) {
        const WorkspaceClient& spec = workspace.clients[i];
        auto* w = new ClientWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->setFormConfig(spec.config);
        w->setFraming(spec.framing);
        w->setScript(spec.script);
        if (spec.window.geometry.isValid()) w->setGeometry(spec.window.geometry);
        remember(w, int(i));
        if (spec.window.visible) w->show();
        window_->sideBar()->addClient(w);
    }
    for (size_t i = 0; i < workspace.composers.size(); ++i) {
        const WorkspaceComposer& spec = workspace.composers[i];
        auto* w = new ComposerWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->setRequest(spec.request);
        w->collection()->setRequests(spec.collection);
        if (spec.window.geometry.isValid()) w->setGeometry(spec.window.geometry);
        remember(w, int(i));
        if (spec.window.visible) w->show();
    }

    const WorkspaceLayout& layout = workspace.layout;
    if (!layout.mainGeometry.isEmpty()) window_->restoreGeometry(layout.mainGeometry);
    if (!layout.mainState.isEmpty()) window_->restoreState(layout.mainState);
    if (auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("traceDock")))
        dock->setVisible(layout.traceDock);
    if (auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("logDock")))
        dock->setVisible(layout.logDock);
    QList<QWidget*> sequences, tables;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->property(kClosed).toBool() || !w->isVisible()) continue;
        if (qobject_cast<SequenceWindow*>(w)) sequences << w;
        if (qobject_cast<SocketTableWindow*>(w)) tables << w;
    }
    if (layout.sequenceWindow && sequences.isEmpty()) ExperimentTrace::openWindow(nullptr);
    if (!layout.sequenceWindow)
        for (QWidget* w : sequences) w->close();
    if (layout.socketTable) SocketTableWindow::open();
    if (!layout.socketTable)
        for (QWidget* w : tables) w->close();
    if (QWidget* panel = panelNamed(layout.currentPanel)) {
        if (auto* stack = window_->findChild<QStackedWidget*>()) stack->setCurrentWidget(panel);
        window_->sideBar()->select(panel);
    }
}

QWidget* WorkspaceStage::panelNamed(const QString& name) const {
    if (name.isEmpty()) return nullptr;
    const Names n = names();
    for (auto it = n.byWidget.cbegin(); it != n.byWidget.cend(); ++it)
        if (it.value() == name) {
            auto* w = const_cast<QObject*>(it.key());
            if (qobject_cast<ServerPanel*>(w) || qobject_cast<RelayPanel*>(w))
                return static_cast<QWidget*>(w);
        }
    return nullptr;
}

bool WorkspaceStage::listenerAddress(const ServerPanel* panel, int listener, QString* host,
                                     quint16* port) {
    if (panel->state() != ServerPanel::Running || listener < 0) return false;
    const std::vector<Address> addresses = panel->addresses();
    if (size_t(listener) >= addresses.size()) return false;
    const Address& a = addresses[size_t(listener)];
    const auto& listeners = panel->config().listeners;
    if (size_t(listener) < listeners.size() && isUnixDomain(listeners[size_t(listener)].protocol)) {
        *host = QString::fromStdString(listeners[size_t(listener)].bindAddress);
        *port = 0;
        return true;
    }
    *host = QString::fromStdString(a.host());
    if (*host == QLatin1String("0.0.0.0")) *host = QStringLiteral("127.0.0.1");
    if (*host == QLatin1String("::")) *host = QStringLiteral("::1");
    *port = a.port();
    return true;
}

bool WorkspaceStage::resolveNames(QString* text, QString* missing) const {
    static const QRegularExpression name(QStringLiteral(R"(\$\{([^}]+)\})"));
    QString out;
    qsizetype from = 0;
    for (auto it = name.globalMatch(*text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QWidget* panel = panelNamed(m.captured(1));
        QString host, protocol;
        quint16 port = 0;
        bool running = false;
        if (auto* server = qobject_cast<ServerPanel*>(panel))
            running = listenerAddress(server, 0, &host, &port);
        else if (auto* relay = qobject_cast<RelayPanel*>(panel))
            running = relay->clientTarget(&host, &port, &protocol);
        if (!running) {
            *missing = m.captured(1);
            return false;
        }
        out += text->mid(from, m.capturedStart() - from) + hostPort(host, port);
        from = m.capturedEnd();
    }
    *text = out + text->mid(from);
    return true;
}

void WorkspaceStage::whenRunning(const QString& name, QObject* guard, std::function<void()> then,
                                 std::function<void(const QString&)> fail) {
    QWidget* panel = panelNamed(name);
    if (auto* server = qobject_cast<ServerPanel*>(panel))
        return onceRunning(server, guard, std::move(then), std::move(fail));
    if (auto* relay = qobject_cast<RelayPanel*>(panel))
        return onceRunning(relay, guard, std::move(then), std::move(fail));
    fail(tr("the workspace has no server or relay named %1").arg(name));
}

void WorkspaceStage::start() {
    started_.start();
    for (ServerPanel* panel : servers())
        if (const auto* spec = originOf(panel, built_.servers); spec && spec->autostart)
            panel->start();
    for (RelayPanel* panel : relays())
        if (const auto* spec = originOf(panel, built_.relays); spec && spec->autostart)
            startRelay(panel, *spec);
    for (ClientWindow* w : clients())
        if (const auto* spec = originOf(w, built_.clients); spec && spec->connectAfterMs >= 0)
            startClient(w, *spec);
    for (ComposerWindow* w : composers())
        if (const auto* spec = originOf(w, built_.composers); spec && spec->run)
            startComposer(w, *spec);
}

void WorkspaceStage::startRelay(RelayPanel* relay, const WorkspaceRelay& spec) {
    if (spec.targetServer.isEmpty()) return relay->start();
    const QString target = spec.targetServer;
    whenRunning(
        target, relay,
        [this, relay, target] {
            QString host;
            quint16 port = 0;
            auto* server = qobject_cast<ServerPanel*>(panelNamed(target));
            if (!server || !listenerAddress(server, 0, &host, &port)) return;
            relay->setTarget(host.toStdString(), port);
            relay->start();
        },
        [relay, target](const QString& why) {
            relay->logView()->append(
                LogView::Failure,
                tr("Not started: its target server %1 does not run (%2)").arg(target, why));
        });
}

void WorkspaceStage::startClient(ClientWindow* window, const WorkspaceClient& spec) {
    const QString protocol = QString::fromLatin1(protocolName(spec.config.protocol));
    QPointer<ClientWindow> guard(window);
    auto connectAt = [this, guard, protocol, after = spec.connectAfterMs](const QString& host,
                                                                          quint16 port) {
        const qint64 delay = std::max<qint64>(0, after - started_.elapsed());
        QTimer::singleShot(int(delay), guard, [guard, host, port, protocol] {
            if (!guard) return;
            guard->connectTo(host, port, protocol);
            guard->playScript();
        });
    };
    if (spec.target.isEmpty())
        return connectAt(QString::fromStdString(spec.config.host), spec.config.port);
    const QString target = spec.target;
    const int listener = spec.listener;
    showClientStatus(window, tr("Waiting for %1 to run…").arg(target), false);
    whenRunning(
        target, window,
        [this, guard, target, listener, connectAt] {
            QString host, protocolText;
            quint16 port = 0;
            QWidget* panel = panelNamed(target);
            bool ok = false;
            if (auto* server = qobject_cast<ServerPanel*>(panel))
                ok = listenerAddress(server, listener, &host, &port);
            else if (auto* relay = qobject_cast<RelayPanel*>(panel))
                ok = relay->clientTarget(&host, &port, &protocolText);
            if (ok) return connectAt(host, port);
            if (guard)
                showClientStatus(
                    guard, tr("Not connected: %1 has no listener %2").arg(target).arg(listener),
                    true);
        },
        [guard, target](const QString& why) {
            if (guard)
                showClientStatus(guard,
                                 tr("Not connected: %1 did not start (%2)")
                                     .arg(target, why.isEmpty() ? tr("see its panel") : why),
                                 true);
        });
}

void WorkspaceStage::startComposer(ComposerWindow* window, const WorkspaceComposer& spec) {
    QPointer<ComposerWindow> guard(window);
    const qint64 delay = std::max<qint64>(0, spec.sendAfterMs - started_.elapsed());
    QTimer::singleShot(int(delay), window, [this, guard, spec] {
        if (!guard) return;
        QString url = QString::fromStdString(spec.request.url);
        QString missing;
        if (!resolveNames(&url, &missing)) {
            // Sent once the server it names runs.
            whenRunning(
                missing, guard, [this, guard, spec] { startComposer(guard, spec); },
                [guard, missing](const QString& why) {
                    if (!guard) return;
                    guard->responseView()->showState(tr("Not sent"), true);
                    guard->responseView()->summary()->setText(
                        tr("Not sent: %1 does not run (%2)")
                            .arg(missing, why.isEmpty() ? tr("see its panel") : why));
                });
            return;
        }
        ComposerRequest resolved = spec.request;
        resolved.url = url.toStdString();
        resolvedFrom_.insert(guard, spec.request);
        resolvedTo_.insert(guard, resolved);
        guard->setRequest(resolved);
        guard->send();
    });
}

}  // namespace sockwb::app
