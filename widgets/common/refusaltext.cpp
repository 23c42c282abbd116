#include "widgets/common/refusaltext.h"

#include <QStringList>

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
    const auto refusal = refusalOf(model, service, protocol, listenerCount);
    return refusal ? words(*refusal) : QString();
}

QString RefusalText::words(const Refusal& refusal) {
    const QString name = QString::fromStdString(refusal.service);
    switch (refusal.reason) {
        case Refusal::Reason::UnknownModel:
            return tr("unknown model '%1': valid models are %2")
                .arg(QString::fromStdString(refusal.model), joined(modelNames()));
        case Refusal::Reason::UnknownService:
            return tr("unknown service '%1': the services are %2")
                .arg(name, joined(serviceNames()));
        case Refusal::Reason::RelayNeedsConnections:
            return tr("the %1 service relays lines between connected clients, and UDP has no "
                      "connections: use TCP")
                .arg(name);
        case Refusal::Reason::NoUdpForm:
            return tr("the %1 service has no UDP form: use TCP").arg(name);
        case Refusal::Reason::NoTcpForm:
            return tr("the %1 service has no TCP form: use UDP").arg(name);
        case Refusal::Reason::RelayUnderFork:
            return tr("the %1 service cannot run under fork: each client lives in its own "
                      "process, so lines cannot be relayed")
                .arg(name);
        case Refusal::Reason::RelayUnderIterative:
            return tr("the %1 service cannot run under iterative: one client at a time cannot "
                      "talk to anyone")
                .arg(name);
        case Refusal::Reason::UdpUnderFork:
            return tr(
                "UDP has no connections to hand to a worker process: serve UDP with iterative, "
                "select, poll or epoll");
        case Refusal::Reason::UdpUnderThreads:
            return tr(
                "UDP has no connections to hand to a worker thread: serve UDP with iterative, "
                "select, poll or epoll");
        case Refusal::Reason::ModelUnavailable:
            // The kernel's reason (call, errno, sysctl) stays as the core words it.
            return tr("the %1 model cannot run here: %2")
                .arg(QString::fromStdString(refusal.model),
                     QString::fromStdString(modelUnavailableReason(refusal.model)));
        case Refusal::Reason::IterativeOneUdp:
            return tr(
                "the iterative model serves one UDP listener in its recvfrom loop: use select, "
                "poll or epoll to host several services in one server");
    }
    return QString::fromStdString(englishSentence(refusal));
}

}  // namespace sockwb
