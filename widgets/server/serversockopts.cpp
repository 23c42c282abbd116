#include "widgets/server/serversockopts.h"

#include <algorithm>

#include "widgets/common/sockoptwords.h"

namespace sockwb {

namespace {
bool isReuseAddr(const SockoptSetting& s) {
    const SockoptSpec* spec = findSockopt(s.name);
    return spec && std::string_view(spec->name) == "SO_REUSEADDR";
}
}  // namespace

void ServerSockopts::toConfig(const std::vector<SockoptSetting>& settings, ServerConfig& c) {
    c.sockopts = settings;
    const auto reuse = std::find_if(settings.begin(), settings.end(), isReuseAddr);
    c.reuseAddr = reuse != settings.end() && reuse->value != 0;
}

std::vector<SockoptSetting> ServerSockopts::fromConfig(const ServerConfig& c) {
    std::vector<SockoptSetting> out = c.sockopts;
    if (c.reuseAddr && std::none_of(out.begin(), out.end(), isReuseAddr))
        out.insert(out.begin(), SockoptSetting{"SO_REUSEADDR", 1});
    return out;
}

QVector<LogView::Line> ServerSockopts::started(const Server& server) {
    const std::vector<SockoptReadback> readback = server.sockoptReadback();
    listenerLines_ = readback.size();
    done_ = readback.empty();  // no option asked: no connection's lines either
    return lines(readback, 0, true);
}

QVector<LogView::Line> ServerSockopts::poll(const Server& server) {
    if (done_) return {};
    const std::vector<SockoptReadback> readback = server.sockoptReadback();
    if (readback.size() <= listenerLines_) return {};
    done_ = true;
    return lines(readback, listenerLines_, false);
}

QVector<LogView::Line> ServerSockopts::lines(const std::vector<SockoptReadback>& readback,
                                             size_t from, bool listener) const {
    QVector<LogView::Line> out;
    for (size_t i = from; i < readback.size(); ++i) {
        const SockoptReadback& r = readback[i];
        const QString line = SockoptWords::line(r);
        out.push_back({r.error ? LogView::Failure : LogView::Info,
                       listener ? tr("listener socket option %1").arg(line)
                                : tr("first connection's socket option %1").arg(line),
                       {}});
    }
    return out;
}

}  // namespace sockwb
