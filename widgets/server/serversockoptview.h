#pragma once
// ServerSockoptView: a server's socket options as the GUI shows them,
// between the New Server form, the ServerConfig and the server panel. The
// form's SO_REUSEADDR row and ServerConfig::reuseAddr are one setting
// (toConfig/fromConfig keep them in step, so the box never says "off"
// while the server reuses); the panel logs what Server::sockoptReadback()
// holds: each listener's lines once started, the first connection's when
// it comes (collect() on the panel's refresh timer; nothing is asked once they
// are shown). GUI thread only.

#include <QCoreApplication>
#include <QVector>
#include <vector>

#include "core/server/server.h"
#include "widgets/common/logview.h"

namespace sockwb {

class ServerSockoptView final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::ServerSockoptView)
public:
    // The form's settings into c: sockopts, and reuseAddr as SO_REUSEADDR says
    // (not ticked: the kernel's default, off; a Unix-domain main listener,
    // where the row is not offered, keeps c.reuseAddr).
    static void toConfig(const std::vector<SockoptSetting>& settings, ServerConfig& c);
    // What the form shows for c: its sockopts, plus SO_REUSEADDR on when
    // reuseAddr is and no SO_REUSEADDR setting says otherwise.
    static std::vector<SockoptSetting> fromConfig(const ServerConfig& c);

    // A new run: the listeners' lines (none when no option was asked).
    QVector<LogView::Line> started(const Server& server);
    // The first connection's lines once it has come, then nothing.
    QVector<LogView::Line> collect(const Server& server);

private:
    QVector<LogView::Line> lines(const std::vector<SockoptReadback>& readback, bool accepted);

    bool listenerShown_ = false;
    bool firstShown_ = true;  // true: nothing more to wait for
};

}  // namespace sockwb
