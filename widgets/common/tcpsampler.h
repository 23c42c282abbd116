#pragma once
// TcpSampler: the live TCP state of chosen connections (core/net/tcpwatch.h)
// sampled on the sampler's own thread several times a second and handed to
// the GUI thread by a queued signal, so that the GUI never waits on netlink.
// With no targets the thread sleeps on a condition variable and makes no
// call: the owner clears the targets when nothing shows the numbers.
// Its own long-lived thread rather than a BackgroundTask per tick: ticks for
// as long as a table is shown are a stream, not one result, and one thread
// asleep between them costs less than a thread started for each.
// Threading: every method and the signal belong to the thread that created
// the sampler (the GUI thread); the destructor stops and joins the thread
// (prompt: at most one dump in flight).

#include <QMetaType>
#include <QObject>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/net/error.h"
#include "core/net/tcpwatch.h"

namespace sockwb {

// One tick's result: the samples found, or the error the dump failed with.
struct TcpSamples {
    std::shared_ptr<const TcpSampleIndex> index;  // never null
    std::optional<ErrorInfo> error;
};

class TcpSampler final : public QObject {
    Q_OBJECT
public:
    // 400 ms: 2.5 samples a second, above the 2 Hz a live view needs even
    // when a dump is slow.
    static constexpr int kDefaultIntervalMs = 400;

    explicit TcpSampler(QObject* parent = nullptr, int intervalMs = kDefaultIntervalMs,
                        TcpWatch watch = TcpWatch());
    ~TcpSampler() override;

    // What to sample from now on (the first tick comes at once); empty: stop
    // sampling. A result of the targets replaced is never delivered.
    void setTargets(std::vector<TcpWatchTarget> targets);
    bool isSampling() const { return sampling_; }
    int intervalMs() const { return intervalMs_; }

signals:
    // Every interval while there are targets.
    void sampled(const sockwb::TcpSamples& samples);

private:
    void run();
    void deliver(TcpSamples samples, quint64 generation);

    const int intervalMs_;
    const TcpWatch watch_;
    bool sampling_ = false;
    quint64 generation_ = 0;  // GUI thread's: bumped by every setTargets

    std::mutex mutex_;  // guards the fields below, shared with the thread
    std::condition_variable changed_;
    std::vector<TcpWatchTarget> targets_;
    quint64 targetsGeneration_ = 0;
    bool stop_ = false;
    std::thread thread_;  // started by the first setTargets with targets
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::TcpSamples)
