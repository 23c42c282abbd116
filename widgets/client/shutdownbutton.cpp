#include "widgets/client/shutdownbutton.h"

#include <sys/socket.h>

#include <QMenu>

namespace sockwb {

ShutdownButton::ShutdownButton(QWidget* parent) : QPushButton(tr("Shut do&wn"), parent) {
    setObjectName(QStringLiteral("shutdownButton"));
    setToolTip(
        tr("shutdown(): close one direction (or both) of the connection, without closing "
           "the socket"));
    auto* menu = new QMenu(this);
    const struct {
        int how;
        const char* name;
        QString text;
    } modes[] = {
        {SHUT_WR, "shutWr", tr("SHUT_WR: no more sends (the server reads end of stream)")},
        {SHUT_RD, "shutRd", tr("SHUT_RD: no more receiving (recv returns 0)")},
        {SHUT_RDWR, "shutRdwr", tr("SHUT_RDWR: both directions")},
    };
    for (const auto& m : modes) {
        QAction* action = menu->addAction(m.text);
        action->setObjectName(QLatin1String(m.name));
        const int how = m.how;
        connect(action, &QAction::triggered, this, [this, how] { emit requested(how); });
    }
    setMenu(menu);
}

void ShutdownButton::reset() { readShut_ = writeShut_ = false; }

void ShutdownButton::markDone(int how) {
    if (how != SHUT_WR) readShut_ = true;
    if (how != SHUT_RD) writeShut_ = true;
}

QString ShutdownButton::stateSentence() const {
    if (readShut_ && writeShut_) return tr("Shut down both ways: Disconnect closes the socket.");
    if (readShut_) return tr("Reading shut down (SHUT_RD): recv returns 0, sends still go out.");
    if (writeShut_)
        return tr(
            "Writing shut down (SHUT_WR): the server reads end of stream, its answers "
            "still come in.");
    return {};
}

QString ShutdownButton::connectedText() const {
    if (readShut_ && writeShut_) return tr("connected, shut down both ways");
    if (readShut_) return tr("connected, reading shut down");
    if (writeShut_) return tr("connected, writing shut down");
    return tr("connected");
}

QString ShutdownButton::howName(int how) {
    return how == SHUT_RD   ? QStringLiteral("SHUT_RD")
           : how == SHUT_WR ? QStringLiteral("SHUT_WR")
                            : QStringLiteral("SHUT_RDWR");
}

}  // namespace sockwb
