#include "widgets/compare/comparerunner.h"

#include <sys/resource.h>

#include <QCoreApplication>
#include <QEvent>
#include <QThread>
#include <algorithm>

#include "core/net/error.h"
#include "core/server/server.h"
#include "widgets/common/errortext.h"
#include "widgets/compare/comparesampler.h"

namespace sockwb {

namespace {
// Each client connection costs two descriptors here (the load generator's
// end and the server's), plus the fork model's pipes and pidfds: lift the
// soft limit towards the hard one. False if the hard limit is too low.
bool raiseFileLimit(rlim_t needed) {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return false;
    if (rl.rlim_cur >= needed) return true;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? needed : std::min(rl.rlim_max, needed);
    return ::setrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur >= needed;
}
}  // namespace

CompareRunner::CompareRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<sockwb::CompareResult>();
}

CompareRunner::~CompareRunner() {
    cancel();
    if (thread_) {
        thread_->wait();
        delete thread_;
        thread_ = nullptr;
    }
}

bool CompareRunner::start(const CompareConfig& config) {
    if (thread_) return false;
    cancel_ = false;
    const quint64 generation = ++generation_;
    thread_ = QThread::create([this, config] { run(config); });
    thread_->setObjectName(QStringLiteral("sockwb-compare"));
    // Queued to this (GUI) thread once the worker has returned from run().
    connect(thread_, &QThread::finished, this,
            [this, generation] { onThreadFinished(generation); });
    thread_->start();
    return true;
}

void CompareRunner::cancel() {
    cancel_ = true;
    std::lock_guard lock(mutex_);
    if (current_) current_->stop();
}

void CompareRunner::wait() {
    if (!thread_) return;
    thread_->wait();
    // Deliver what the worker emitted before it ended (a finished model's
    // result, progress), in order, so that finished() comes last as always.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    onThreadFinished(generation_);
}

void CompareRunner::onThreadFinished(quint64 generation) {
    if (!thread_ || generation != generation_) return;  // already handled by wait()
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    emit finished(cancel_.load());
}

void CompareRunner::run(const CompareConfig& config) {
    const int count = static_cast<int>(config.models.size());
    if (!raiseFileLimit(rlim_t(config.connections) * 2 + 256)) {
        emit errorOccurred(QString(),
                           tr("%1 connections need more file descriptors than this process may "
                              "open (ulimit -n): choose fewer connections")
                               .arg(config.connections));
        return;
    }
    prime(config);
    for (int i = 0; i < count && !cancel_; ++i) {
        const QString model = config.models[i];
        emit modelStarted(i, count, model);
        emit progress(double(i) / count, model);
        const CompareResult result = runModel(config, model, i, count);
        if (cancel_) break;  // a half-measured model is not a result
        if (!result.ok) emit errorOccurred(model, result.error);
        emit resultReady(result);
    }
    if (!cancel_) emit progress(1.0, QString());
}

load::LoadStats CompareRunner::runLoad(load::LoadGenerator& gen,
                                       const std::function<void(const load::LoadProgress&)>& tick,
                                       int intervalMs) {
    {
        std::lock_guard lock(mutex_);
        if (cancel_) return {};
        current_ = &gen;
    }
    load::LoadStats stats;
    try {
        stats = gen.run(tick, std::chrono::milliseconds(intervalMs));
    } catch (...) {
        std::lock_guard lock(mutex_);
        current_ = nullptr;
        throw;
    }
    std::lock_guard lock(mutex_);
    current_ = nullptr;
    return stats;
}

void CompareRunner::prime(const CompareConfig& config) {
    try {
        Server server(config.serverConfig(QStringLiteral("epoll")));
        server.start();
        CompareConfig p = config;
        p.secondsMs = std::clamp(config.effectiveWarmupMs(), 20, 100);
        load::LoadGenerator gen(p.loadConfig(server.addresses().front()));
        runLoad(gen, {}, 1000);
    } catch (const std::exception&) {
        // Not measured: a real problem shows again, worded, in the first model.
    }
}

CompareResult CompareRunner::runModel(const CompareConfig& config, const QString& model, int index,
                                      int count) {
    CompareResult r;
    r.model = model;
    const QString why = CompareConfig::whyRefused(model, config.workload);
    if (!why.isEmpty()) {
        r.error = tr("%1 cannot serve this workload: %2").arg(model, why);
        return r;
    }
    CompareSampler sampler;
    sampler.baseline();
    try {
        Server server(config.serverConfig(model));
        server.start();
        sampler.serverStarted();
        const Address at = server.addresses().front();
        emit listening(model, QString::fromStdString(at.toString()));

        // Warm-up: the first connections, page faults and thread stacks are
        // paid here, not in the measured run.
        if (const int warm = config.effectiveWarmupMs(); warm > 0) {
            CompareConfig w = config;
            w.secondsMs = warm;
            load::LoadGenerator warmup(w.loadConfig(at));
            runLoad(warmup, {}, 1000);
        }
        if (cancel_) return r;

        load::LoadGenerator gen(config.loadConfig(at));
        const double seconds = config.secondsMs / 1000.0;
        const int interval = std::clamp(config.secondsMs / 12, 20, 200);
        // Resources are sampled in the second half of the run, while every
        // connection is open and the server is at its busiest; peaks are kept.
        const load::LoadStats s = runLoad(
            gen,
            [&](const load::LoadProgress& p) {
                emit progress((index + std::min(1.0, p.elapsedSec / seconds)) / count, model);
                if (p.elapsedSec >= seconds * 0.5) sampler.sample(server);
            },
            interval);
        if (cancel_) return r;
        if (sampler.samples() == 0) sampler.sample(server);  // a run too short for a tick
        server.stop();

        r.ok = true;
        r.requests = s.requests;
        r.errors = s.errorTotal();
        r.requestsPerSec = s.requestsPerSec();
        r.bytesPerSec = s.bytesPerSec();
        r.p50Ms = double(s.latency.percentile(50)) / 1000.0;
        r.p99Ms = double(s.latency.percentile(99)) / 1000.0;
        r.seconds = std::chrono::duration<double>(s.elapsed).count();
        r.note = QString::fromStdString(s.firstError);
        r.serverThreads = sampler.serverThreads();
        r.childProcesses = sampler.childProcesses();
        r.openConnections = sampler.openConnections();
        r.rssDeltaMiB = double(sampler.rssDeltaKiB()) / 1024.0;
    } catch (const Error& e) {
        r.ok = false;
        r.error = ErrorText::sentence(e);
    } catch (const std::exception& e) {
        r.ok = false;
        r.error = tr("%1 failed: %2").arg(model, QString::fromUtf8(e.what()));
    }
    return r;
}

}  // namespace sockwb
