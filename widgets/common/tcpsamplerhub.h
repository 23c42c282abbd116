#pragma once
// TcpSamplerHub: one TcpSampler for every client window of the process. A
// window follows one socket; with a sampler each, a hundred windows made a
// hundred threads each dumping the whole TCP table 2.5 times a second (the
// same table, mostly the same rows). The hub samples the union of what its
// subscribers follow, once per tick, and every subscriber finds its own
// tuple in the shared index. Target changes made in one event-loop turn
// (a batch of windows connecting) reach the sampler as one change.
// Threading: GUI thread only. instance() is a child of the application
// object; a subscriber must unsubscribe (setTarget with nullopt) before it
// goes, as TcpStatusBox's destructor does.

#include <QObject>
#include <QPointer>
#include <optional>
#include <unordered_map>

#include "widgets/common/tcpsampler.h"

namespace sockwb {

class TcpSamplerHub final : public QObject {
    Q_OBJECT
public:
    // The process's hub, made on first use (a QCoreApplication must exist).
    static TcpSamplerHub* instance();

    // What `subscriber` follows from now on; nullopt: nothing (it leaves).
    void setTarget(const QObject* subscriber, const std::optional<TcpWatchTarget>& target);
    bool isSubscribed(const QObject* subscriber) const;
    int subscriberCount() const { return int(targets_.size()); }
    // The shared sampler: connect to its sampled() signal.
    TcpSampler* sampler() const { return sampler_; }

private:
    explicit TcpSamplerHub(QObject* parent);
    void apply();  // hands the union to the sampler (once per turn)

    TcpSampler* sampler_;
    std::unordered_map<const QObject*, TcpWatchTarget> targets_;
    bool applyQueued_ = false;
};

}  // namespace sockwb
