#include "widgets/shell/sidebar.h"

#include <QHeaderView>
#include <QPainter>
#include <QPixmap>

#include "core/net/framing.h"  // before clientwindow.h, which uses FrameDecoder
#include "widgets/client/clientwindow.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/run/runwindow.h"
#include "widgets/server/serverpanel.h"

namespace sockwb {

namespace {
constexpr int kWidgetRole = Qt::UserRole + 1;
QWidget* widgetOf(const QTreeWidgetItem* item) {
    return item ? static_cast<QWidget*>(item->data(0, kWidgetRole).value<void*>()) : nullptr;
}
}  // namespace

SideBar::SideBar(QWidget* parent) : QTreeWidget(parent) {
    setObjectName(QStringLiteral("sideBar"));
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(false);
    servers_ = new QTreeWidgetItem(this, {tr("Servers")});
    relays_ = new QTreeWidgetItem(this, {tr("Relays")});
    clients_ = new QTreeWidgetItem(this, {tr("Clients")});
    programs_ = new QTreeWidgetItem(this, {tr("Programs")});
    for (QTreeWidgetItem* top : {servers_, relays_, clients_, programs_}) {
        top->setFlags(Qt::ItemIsEnabled);
        QFont f = font();
        f.setBold(true);
        top->setFont(0, f);
        top->setExpanded(true);
    }
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && item->parent() == servers_)
            emit serverSelected(static_cast<ServerPanel*>(widgetOf(item)));
        else if (item && item->parent() == relays_)
            emit relaySelected(static_cast<RelayPanel*>(widgetOf(item)));
    });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item && item->parent() == clients_)
            emit clientActivated(static_cast<ClientWindow*>(widgetOf(item)));
        else if (item && item->parent() == programs_)
            emit programActivated(static_cast<RunWindow*>(widgetOf(item)));
    });
}

QIcon SideBar::lightIcon(Light light) {
    QColor colour;
    switch (light) {
        case Light::Off:
            colour = QColor(0x9a, 0x99, 0x96);
            break;
        case Light::Busy:
            colour = QColor(0xe5, 0xa5, 0x0a);
            break;
        case Light::On:
            colour = QColor(0x2e, 0xc2, 0x7e);
            break;
        case Light::Failed:
            colour = QColor(0xe0, 0x1b, 0x24);
            break;
    }
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(140));
    p.setBrush(colour);
    p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    return QIcon(pixmap);
}

QTreeWidgetItem* SideBar::itemFor(const QWidget* widget) const {
    for (QTreeWidgetItem* top : {servers_, relays_, clients_, programs_})
        for (int i = 0; i < top->childCount(); ++i)
            if (widgetOf(top->child(i)) == widget) return top->child(i);
    return nullptr;
}

bool SideBar::contains(const QWidget* widget) const { return itemFor(widget) != nullptr; }
int SideBar::serverCount() const { return servers_->childCount(); }
int SideBar::relayCount() const { return relays_->childCount(); }
int SideBar::clientCount() const { return clients_->childCount(); }

void SideBar::select(QWidget* widget) {
    if (QTreeWidgetItem* item = itemFor(widget)) setCurrentItem(item);
}

void SideBar::addServer(ServerPanel* panel) {
    if (contains(panel)) return;
    auto* item = new QTreeWidgetItem(servers_);
    item->setData(0, kWidgetRole, QVariant::fromValue(static_cast<void*>(panel)));
    connect(panel, &ServerPanel::stateChanged, this, [this, panel] { updateServer(panel); });
    connect(panel, &ServerPanel::titleChanged, this, [this, panel] { updateServer(panel); });
    connect(panel, &QObject::destroyed, this, [this, panel] { remove(panel); });
    updateServer(panel);
}

void SideBar::addRelay(RelayPanel* panel) {
    if (contains(panel)) return;
    auto* item = new QTreeWidgetItem(relays_);
    item->setData(0, kWidgetRole, QVariant::fromValue(static_cast<void*>(panel)));
    connect(panel, &RelayPanel::stateChanged, this, [this, panel] { updateRelay(panel); });
    connect(panel, &RelayPanel::titleChanged, this, [this, panel] { updateRelay(panel); });
    connect(panel, &QObject::destroyed, this, [this, panel] { remove(panel); });
    updateRelay(panel);
}

void SideBar::addClient(ClientWindow* window) {
    if (contains(window)) return;
    auto* item = new QTreeWidgetItem(clients_);
    item->setData(0, kWidgetRole, QVariant::fromValue(static_cast<void*>(window)));
    connect(window, &ClientWindow::stateChanged, this, [this, window] { updateClient(window); });
    connect(window, &QObject::destroyed, this, [this, window] { remove(window); });
    updateClient(window);
}

void SideBar::addProgram(RunWindow* window) {
    if (contains(window)) return;
    auto* item = new QTreeWidgetItem(programs_);
    item->setData(0, kWidgetRole, QVariant::fromValue(static_cast<void*>(window)));
    connect(window, &RunWindow::runStateChanged, this, [this, window] { updateProgram(window); });
    connect(window, &QObject::destroyed, this, [this, window] { remove(window); });
    updateProgram(window);
}

void SideBar::updateProgram(RunWindow* window) {
    QTreeWidgetItem* item = itemFor(window);
    if (!item) return;
    const bool running = window->isRunning();
    const QString title = window->programTitle();
    item->setIcon(0, lightIcon(running ? Light::On : Light::Off));
    item->setText(0, title.isEmpty() ? tr("(no program)") : title);
    item->setToolTip(0, tr("%1: %2").arg(item->text(0), running ? tr("running") : tr("exited")));
    emit contentsChanged();
}

void SideBar::updateServer(ServerPanel* panel) {
    QTreeWidgetItem* item = itemFor(panel);
    if (!item) return;
    Light light = Light::Off;
    QString state;
    switch (panel->state()) {
        case ServerPanel::Stopped:
            state = tr("stopped");
            break;
        case ServerPanel::Starting:
            light = Light::Busy;
            state = tr("starting");
            break;
        case ServerPanel::Running:
            light = Light::On;
            state = tr("running");
            break;
        case ServerPanel::Stopping:
            light = Light::Busy;
            state = tr("stopping");
            break;
        case ServerPanel::Failed:
            light = Light::Failed;
            state = tr("failed");
            break;
    }
    item->setIcon(0, lightIcon(light));
    item->setText(0, panel->title());
    item->setToolTip(0, tr("%1: %2").arg(panel->title(), state));
    emit contentsChanged();
}

void SideBar::updateRelay(RelayPanel* panel) {
    QTreeWidgetItem* item = itemFor(panel);
    if (!item) return;
    Light light = Light::Off;
    QString state = tr("stopped");
    switch (panel->state()) {
        case RelayPanel::Stopped:
            break;
        case RelayPanel::Starting:
        case RelayPanel::Stopping:
            light = Light::Busy;
            state = panel->state() == RelayPanel::Starting ? tr("starting") : tr("stopping");
            break;
        case RelayPanel::Running:
            light = Light::On;
            state = tr("running");
            break;
        case RelayPanel::Failed:
            light = Light::Failed;
            state = tr("failed");
            break;
    }
    item->setIcon(0, lightIcon(light));
    item->setText(0, panel->title());
    item->setToolTip(0, tr("%1: %2").arg(panel->title(), state));
    emit contentsChanged();
}

void SideBar::updateClient(ClientWindow* window) {
    QTreeWidgetItem* item = itemFor(window);
    if (!item) return;
    Light light = Light::Off;
    switch (window->session()->state()) {
        case ClientSession::State::Disconnected:
        case ClientSession::State::Closed:
            break;
        case ClientSession::State::Connecting:
            light = Light::Busy;
            break;
        case ClientSession::State::Connected:
            light = Light::On;
            break;
        case ClientSession::State::Failed:
            light = Light::Failed;
            break;
    }
    item->setIcon(0, lightIcon(light));
    item->setText(0, window->endpointText());
    item->setToolTip(0, tr("%1: %2").arg(window->endpointText(), window->stateText()));
    emit contentsChanged();
}

void SideBar::remove(const QObject* widget) {
    // The widget is being destroyed: compare pointers only, never call it.
    for (QTreeWidgetItem* top : {servers_, relays_, clients_, programs_})
        for (int i = 0; i < top->childCount(); ++i)
            if (widgetOf(top->child(i)) == widget) {
                delete top->takeChild(i);
                emit contentsChanged();
                return;
            }
}

}  // namespace sockwb
