#pragma once
// ClientSockopts: the socket options of a client window. Owns the window's
// SockoptsBox (protocol-aware, placed by the window before the tabs), hands
// what it holds to the ClientSession for the next connect, and when the
// session reports what the kernel read back shows it in the box and as
// notes in the window's data view. The box is locked while a connection is
// open or opening. Kept out of ClientWindow so the window stays a
// composition. GUI thread only.

#include <QObject>
#include <vector>

#include "core/net/protocol.h"
#include "core/net/sockopt.h"
#include "widgets/client/clientsession.h"
#include "widgets/common/sockoptsbox.h"

class QWidget;

namespace sockwb {

class DataView;

class ClientSockopts final : public QObject {
    Q_OBJECT
public:
    // The box is a child of `window`; notes go to `log`.
    ClientSockopts(ClientSession* session, DataView* log, QWidget* window);

    SockoptsBox* box() const { return box_; }
    void setProtocol(Protocol protocol);

private:
    void onRead(const std::vector<SockoptReadback>& readback);
    void onState(ClientSession::State state);

    ClientSession* session_;
    DataView* log_;
    SockoptsBox* box_;
};

}  // namespace sockwb
