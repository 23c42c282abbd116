#include "widgets/common/refusaltext.h"

#include <QStringList>
#include <algorithm>
#include <memory>

#include "core/server/service.h"

namespace sockwb {

namespace {
QString joined(const std::vector<std::string>& names) {
    QStringList out;
    for (const auto& n : names) out << QString::fromStdString(n);
    return out.join(QStringLiteral(", "));
}
}  // namespace

QString RefusalText::why(const std::string& model, const std::string& service, Protocol protocol,
                         std::size_t listenerCount) {
    // The core stays the judge: only its verdict is reworded.
    const std::string verdict = whyRefused(model, service, protocol, listenerCount);
    if (verdict.empty()) return {};
    const QString text = words(model, service, protocol, listenerCount);
    return text.isEmpty() ? QString::fromStdString(verdict) : text;
}

QString RefusalText::words(const std::string& model, const std::string& service, Protocol protocol,
                           std::size_t listenerCount) {
    // Mirrors core/server/server.cpp whyRefused(), in the same order and with the
    // same English words (tests/app/gui/tst_translation checks both agree).
    const QString m = QString::fromStdString(model);
    const auto models = modelNames();
    if (std::find(models.begin(), models.end(), model) == models.end())
        return tr("unknown model '%1': valid models are %2").arg(m, joined(models));
    std::shared_ptr<const Service> s;
    try {
        s = makeService(service);
    } catch (const Error&) {
        return {};
    }
    if (!s)
        return tr("unknown service '%1': valid services are %2")
            .arg(QString::fromStdString(service), joined(serviceNames()));
    const QString name = QString::fromStdString(s->name());
    const bool udp = protocol == Protocol::Udp;
    if (udp && !s->supportsUdp()) {
        if (s->needsBroadcast())
            return tr("the %1 service relays lines between connected clients, and UDP has no "
                      "connections: use TCP")
                .arg(name);
        return tr("the %1 service has no UDP form: use TCP").arg(name);
    }
    if (!udp && !s->supportsTcp()) return tr("the %1 service has no TCP form: use UDP").arg(name);
    if (s->needsBroadcast() && model == "fork")
        return tr("the %1 service cannot run under fork: each client lives in its own process, so "
                  "lines cannot be relayed")
            .arg(name);
    if (s->needsBroadcast() && model == "iterative")
        return tr("the %1 service cannot run under iterative: one client at a time cannot talk to "
                  "anyone")
            .arg(name);
    if (udp && model == "fork")
        return tr(
            "UDP has no connections to hand to a worker process: serve UDP with iterative, "
            "select, poll or epoll");
    if (udp && (model == "thread" || model == "pool"))
        return tr(
            "UDP has no connections to hand to a worker thread: serve UDP with iterative, "
            "select, poll or epoll");
    if (udp && model == "iterative" && listenerCount > 1)
        return tr(
            "the iterative model serves one UDP listener in its recvfrom loop: use select, "
            "poll or epoll to host several services in one server");
    return {};
}

}  // namespace sockwb
