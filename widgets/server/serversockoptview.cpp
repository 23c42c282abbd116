#include "widgets/server/serversockoptview.h"

#include <algorithm>

#include "widgets/common/sockoptwords.h"

namespace sockwb {

namespace {
bool isReuseAddr(const SockoptSetting& s) {
    const SockoptSpec* spec = findSockopt(s.name);
    return spec && std::string_view(spec->name) == "SO_REUSEADDR";
}
// Some option is set on accepted sockets (not only on the listener), and
// some listener accepts (a datagram one took them all itself).
bool setsConnected(const ServerConfig& c) {
    const bool accepts = std::any_of(c.listeners.begin(), c.listeners.end(),
                                     [](const ListenerConfig& l) { return isStream(l.protocol); });
    return accepts &&
           std::any_of(c.sockopts.begin(), c.sockopts.end(), [](const SockoptSetting& s) {
               const SockoptSpec* spec = findSockopt(s.name);
               return spec && !spec->beforeBind;
           });
}
}  // namespace

void ServerSockoptView::toConfig(const std::vector<SockoptSetting>& settings, ServerConfig& c) {
    c.sockopts = settings;
    const bool local = !c.listeners.empty() && isUnixDomain(c.listeners.front().protocol);
    const auto reuse = std::find_if(settings.begin(), settings.end(), isReuseAddr);
    if (reuse != settings.end())
        c.reuseAddr = reuse->value != 0;
    else if (!local)
        c.reuseAddr = false;
}

std::vector<SockoptSetting> ServerSockoptView::fromConfig(const ServerConfig& c) {
    std::vector<SockoptSetting> out = c.sockopts;
    if (c.reuseAddr && std::none_of(out.begin(), out.end(), isReuseAddr))
        out.insert(out.begin(), SockoptSetting{"SO_REUSEADDR", 1});
    return out;
}

QVector<LogView::Line> ServerSockoptView::started(const Server& server) {
    listenerShown_ = true;
    firstShown_ = !setsConnected(server.config());
    QVector<LogView::Line> out = lines(server.sockoptReadback(), false);
    out += collect(server);  // a client may already have come
    return out;
}

QVector<LogView::Line> ServerSockoptView::collect(const Server& server) {
    if (firstShown_ || !listenerShown_) return {};
    QVector<LogView::Line> out = lines(server.sockoptReadback(), true);
    firstShown_ = !out.isEmpty();
    return out;
}

QVector<LogView::Line> ServerSockoptView::lines(const std::vector<SockoptReadback>& readback,
                                                bool accepted) {
    QVector<LogView::Line> out;
    for (const SockoptReadback& r : readback) {
        if (r.accepted != accepted) continue;
        const QString socket = QString::fromStdString(r.socket);
        const QString line = SockoptWords::line(r);
        out.push_back({SockoptWords::failed(r) ? LogView::Failure : LogView::Info,
                       accepted ? tr("first connection on %1: socket option %2").arg(socket, line)
                                : tr("listener %1: socket option %2").arg(socket, line),
                       {}});
    }
    return out;
}

}  // namespace sockwb
