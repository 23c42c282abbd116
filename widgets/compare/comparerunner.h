#pragma once
// CompareRunner: runs a comparison off the GUI thread. On its own QThread
// it takes each model in turn: starts the workload's service on
// 127.0.0.1:0 under that model, warms it up briefly, loads it with the
// core's LoadGenerator for the chosen time while CompareSampler watches its
// threads and memory, stops it, and reports. cancel() ends the load and the
// server at once (both stop within a fraction of a second); the destructor
// cancels and joins, so no thread, port or child process outlives it.
//
// Why a QThread and not BackgroundTask (widgets/common/backgroundtask.h, the
// helper the other widgets use): a comparison is not one result at the end
// but a stream of them (modelStarted, listening, progress, resultReady,
// errorOccurred) emitted from the worker while it runs, and wait() must
// deliver what was already emitted, in order, before finished(). Signals
// emitted from a QThread reach the GUI queued and in order, and wait() can
// flush them with sendPostedEvents(this); BackgroundTask delivers exactly
// one done() and drops an undelivered result on join().

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <mutex>

#include "core/load/loadgenerator.h"
#include "widgets/compare/compareconfig.h"

class QThread;

namespace sockwb {

class CompareRunner final : public QObject {
    Q_OBJECT
public:
    // Lives on the GUI thread (as every method but cancel()).
    explicit CompareRunner(QObject* parent = nullptr);
    // Cancels and joins the worker thread.
    ~CompareRunner() override;

    // Starts the comparison in the background; false if one is running.
    bool start(const CompareConfig& config);
    // Asks the run to end now. Thread-safe; finished(true) follows.
    void cancel();
    // Blocks until the worker thread has ended (prompt after cancel()).
    void wait();
    // True from start() until finished() has been emitted.
    bool isRunning() const { return thread_ != nullptr; }

signals:
    // Model `index` of `count` begins (its server is about to start).
    void modelStarted(int index, int count, const QString& model);
    // The model's server listens on address ("127.0.0.1:43817"); its load begins.
    void listening(const QString& model, const QString& address);
    // Overall progress 0..1 over every model; model is the one loaded now.
    void progress(double fraction, const QString& model);
    // One model is done (ok or not); emitted in model order.
    void resultReady(const sockwb::CompareResult& result);
    // A model could not run: a translated sentence (the run goes on).
    void errorOccurred(const QString& model, const QString& sentence);
    // The worker thread has ended (every server stopped and joined).
    void finished(bool cancelled);

private:
    void run(const CompareConfig& config);  // worker thread
    // A short unmeasured run (epoll) so that the first model does not pay
    // alone for the code pages and allocator arenas every run needs.
    void prime(const CompareConfig& config);
    CompareResult runModel(const CompareConfig& config, const QString& model, int index, int count);
    // Runs gen, registered so that cancel() can stop it. Worker thread.
    load::LoadStats runLoad(load::LoadGenerator& gen,
                            const std::function<void(const load::LoadProgress&)>& tick,
                            int intervalMs);
    void onThreadFinished(quint64 generation);

    QThread* thread_ = nullptr;
    quint64 generation_ = 0;  // which start() thread_ belongs to
    std::atomic<bool> cancel_{false};
    std::mutex mutex_;                        // guards current_
    load::LoadGenerator* current_ = nullptr;  // the load running now, if any
};

}  // namespace sockwb
