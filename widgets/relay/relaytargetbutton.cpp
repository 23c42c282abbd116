#include "widgets/relay/relaytargetbutton.h"

#include <QMenu>

#include "widgets/relay/relaypanel.h"

namespace sockwb {

RelayTargetButton::RelayTargetButton(QWidget* parent) : QToolButton(parent) {
    setObjectName(QStringLiteral("throughRelayButton"));
    setText(tr("Through a relay"));
    setToolTip(
        tr("Aim this client at a running relay (Workbench > New Relay): its data then goes "
           "through the relay's faults"));
    setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("throughRelayMenu"));
    setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &RelayTargetButton::updateMenu);
}

void RelayTargetButton::updateMenu() {
    menu()->clear();
    for (RelayPanel* panel : RelayPanel::all()) {
        QString host, protocol;
        quint16 port = 0;
        if (!panel->clientTarget(&host, &port, &protocol)) continue;
        QAction* a = menu()->addAction(panel->title());
        connect(a, &QAction::triggered, this,
                [this, host, port, protocol] { emit chosen(host, port, protocol); });
    }
    if (menu()->isEmpty()) menu()->addAction(tr("No relay is running"))->setEnabled(false);
}

}  // namespace sockwb
