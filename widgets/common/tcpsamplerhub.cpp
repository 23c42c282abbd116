#include "widgets/common/tcpsamplerhub.h"

#include <QCoreApplication>
#include <QTimer>

namespace sockwb {

TcpSamplerHub* TcpSamplerHub::instance() {
    static QPointer<TcpSamplerHub> hub;
    if (!hub) hub = new TcpSamplerHub(QCoreApplication::instance());
    return hub;
}

TcpSamplerHub::TcpSamplerHub(QObject* parent) : QObject(parent), sampler_(new TcpSampler(this)) {
    setObjectName(QStringLiteral("tcpSamplerHub"));
}

void TcpSamplerHub::setTarget(const QObject* subscriber,
                              const std::optional<TcpWatchTarget>& target) {
    if (target)
        targets_.insert_or_assign(subscriber, *target);
    else if (targets_.erase(subscriber) == 0)
        return;
    if (applyQueued_) return;
    applyQueued_ = true;
    QTimer::singleShot(0, this, &TcpSamplerHub::apply);
}

bool TcpSamplerHub::isSubscribed(const QObject* subscriber) const {
    return targets_.count(subscriber) != 0;
}

void TcpSamplerHub::apply() {
    applyQueued_ = false;
    std::vector<TcpWatchTarget> all;
    all.reserve(targets_.size());
    for (const auto& [subscriber, target] : targets_) all.push_back(target);
    sampler_->setTargets(std::move(all));
}

}  // namespace sockwb
