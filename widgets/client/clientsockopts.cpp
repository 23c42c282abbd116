#include "widgets/client/clientsockopts.h"

#include <QDateTime>

#include "widgets/client/dataview.h"
#include "widgets/common/sockoptsbox.h"
#include "widgets/common/sockoptwords.h"

namespace sockwb {

ClientSockopts::ClientSockopts(ClientSession* session, DataView* log, QWidget* window)
    : QObject(window),
      session_(session),
      log_(log),
      box_(new SockoptsBox(SockoptsBox::Role::Client, window)) {
    connect(box_, &SockoptsBox::changed, this, [this] { session_->setSockopts(box_->settings()); });
    connect(session_, &ClientSession::sockoptsRead, this, &ClientSockopts::onRead);
    connect(session_, &ClientSession::stateChanged, this, &ClientSockopts::onState);
    session_->setSockopts(box_->settings());
}

void ClientSockopts::setProtocol(Protocol protocol) { box_->setProtocol(protocol); }

void ClientSockopts::onRead(const std::vector<SockoptReadback>& readback) {
    box_->setReadback(readback);
    const QDateTime now = QDateTime::currentDateTime();
    for (const SockoptReadback& r : readback)
        log_->addNote(tr("socket option %1").arg(SockoptWords::line(r)), now,
                      SockoptWords::failed(r));
}

void ClientSockopts::onState(ClientSession::State state) {
    const bool busy =
        state == ClientSession::State::Connecting || state == ClientSession::State::Connected;
    // A new connection's options: the last read-back no longer applies.
    if (state == ClientSession::State::Connecting) box_->clearReadback();
    box_->setEditable(!busy);
}

}  // namespace sockwb
