#include "widgets/workspace/labclient.h"

#include <algorithm>
#include <chrono>

#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
using Clock = ScriptPlayer::Clock;

QString stepWord(size_t index) { return QString::number(index + 1); }
}  // namespace

LabClient::LabClient(const WorkspaceClient& client, const QElapsedTimer& runClock, QObject* parent)
    : QObject(parent),
      name_(client.name),
      player_(client.script),
      runClock_(runClock),
      runStart_(Clock::now() - std::chrono::milliseconds(runClock.elapsed())) {
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, [this] { pump(Clock::now()); });
}

LabClient::~LabClient() { stop(); }

void LabClient::connectTo(const ClientConfig& config, const QString& targetText) {
    if (asked_) return;
    asked_ = true;
    target_ = targetText;
    emit progress(tr("%1 connecting to %2").arg(name_, targetText));
    try {
        connection_ =
            std::make_unique<ClientConnection>(config, static_cast<ClientObserver*>(this));
        connection_->start();
    } catch (const Error& e) {
        connectError_ = ErrorText::sentence(e);
        connection_.reset();
        emit progress(tr("%1 could not connect: %2").arg(name_, connectError_));
        if (!finishedSignalled_) {
            finishedSignalled_ = true;
            emit scriptFinished();
        }
    }
}

void LabClient::stop() {
    stopped_ = true;
    timer_.stop();
    if (connection_) connection_->stop();
}

bool LabClient::isFinished() const {
    if (!asked_) return !scheduled_;
    if (!connected_ && !connectError_.isEmpty()) return true;
    return player_.finished();
}

qint64 LabClient::runMs(Clock::time_point t) const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t - runStart_).count();
}

// The observer's calls come from the connection's threads: post them here,
// with the time they happened.
void LabClient::onConnected(const Address& /*local*/, const Address& peer) {
    const auto now = Clock::now();
    const QString where = QString::fromStdString(peer.toString());
    QMetaObject::invokeMethod(
        this,
        [this, now, where] {
            if (stopped_) return;
            connected_ = true;
            connectedAtMs_ = runMs(now);
            emit progress(tr("%1 connected to %2").arg(name_, where));
            player_.start(now);
            pump(std::max(now, Clock::now()));
        },
        Qt::QueuedConnection);
}

void LabClient::onData(std::string_view bytes, const Address& /*from*/) {
    const auto now = Clock::now();
    QMetaObject::invokeMethod(
        this,
        [this, now, data = std::string(bytes)] {
            if (stopped_) return;
            player_.received(data, now);
            pump(Clock::now());
        },
        Qt::QueuedConnection);
}

void LabClient::onError(const ErrorInfo& error) {
    const QString text = ErrorText::sentence(error);
    QMetaObject::invokeMethod(
        this,
        [this, text] {
            if (stopped_) return;
            if (!connected_ && connectError_.isEmpty()) connectError_ = text;
            emit progress(tr("%1: %2").arg(name_, text));
        },
        Qt::QueuedConnection);
}

void LabClient::onClosed(CloseReason /*reason*/) {
    const auto now = Clock::now();
    QMetaObject::invokeMethod(
        this,
        [this, now] {
            if (stopped_) return;
            if (!connected_) {
                // Never connected: the script cannot start.
                if (connectError_.isEmpty()) connectError_ = tr("the connection was not made");
                if (!finishedSignalled_) {
                    finishedSignalled_ = true;
                    emit scriptFinished();
                }
                return;
            }
            emit progress(tr("%1: the connection ended").arg(name_));
            player_.closed(now);
            pump(Clock::now());
        },
        Qt::QueuedConnection);
}

void LabClient::pump(Clock::time_point now) {
    if (stopped_ || !player_.started()) return;
    for (const ScriptPlayer::Action& a : player_.advance(now)) {
        if (!connection_) break;
        if (a.kind == ScriptPlayer::Action::Kind::Send)
            connection_->send(a.bytes);
        else
            connection_->disconnect();
    }
    reportSteps();
    timer_.stop();
    if (const auto next = player_.nextDeadline()) {
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - Clock::now());
        timer_.start(static_cast<int>(std::clamp<int64_t>(wait.count(), 0, 24 * 3600 * 1000)));
    }
    if (player_.finished() && !finishedSignalled_) {
        finishedSignalled_ = true;
        emit progress(player_.passed() ? tr("%1 finished its script").arg(name_)
                                       : tr("%1 finished its script, with a failure").arg(name_));
        emit scriptFinished();
    }
}

void LabClient::reportSteps() {
    const auto& steps = player_.steps();
    const auto& results = player_.results();
    for (; reported_ < player_.current() && reported_ < results.size(); ++reported_) {
        const StepResult& r = results[reported_];
        const char* kind = scriptStepKindName(steps[reported_].kind);
        switch (r.status) {
            case StepResult::Status::Passed:
                emit progress(tr("%1 passed step %2 (%3) after %4 ms")
                                  .arg(name_, stepWord(reported_), QLatin1String(kind))
                                  .arg(r.atMs));
                break;
            case StepResult::Status::Failed:
                emit progress(tr("%1 failed step %2 (%3): %4")
                                  .arg(name_, stepWord(reported_), QLatin1String(kind),
                                       QString::fromStdString(r.detail)));
                break;
            case StepResult::Status::Done:
                emit progress(
                    tr("%1 did step %2 (%3)").arg(name_, stepWord(reported_), QLatin1String(kind)));
                break;
            default:
                break;
        }
    }
}

QList<LabCheck> LabClient::checks(const QString& pendingText) const {
    QList<LabCheck> out;
    if (!asked_) return out;
    const bool noConnection = !connected_ && !connectError_.isEmpty();
    if (noConnection) {
        LabCheck c;
        c.subject = name_;
        c.expected = tr("connects to %1").arg(target_);
        c.observed = connectError_;
        out.append(c);
    }
    const auto& steps = player_.steps();
    const auto& results = player_.results();
    QList<LabCheck> script = scriptChecks(name_, steps, results);
    // scriptChecks() keeps the order of the steps: find the step of each
    // check again to word the pending ones and to count from the run's start.
    qsizetype next = 0;
    for (size_t i = 0; i < steps.size() && next < script.size(); ++i) {
        const StepResult& r = results[i];
        const bool expectation = steps[i].kind == ScriptStep::Kind::Expect ||
                                 steps[i].kind == ScriptStep::Kind::ExpectClose;
        const bool lostAction =
            !expectation && r.status == StepResult::Status::Skipped && !r.detail.empty();
        if (!expectation && !lostAction) continue;
        LabCheck& c = script[next++];
        if (r.status == StepResult::Status::Pending || r.status == StepResult::Status::Running)
            c.observed = noConnection ? tr("not reached: no connection") : pendingText;
        c.atMs = r.atMs >= 0 && connectedAtMs_ >= 0 ? connectedAtMs_ + r.atMs : -1;
    }
    out.append(script);
    return out;
}

}  // namespace sockwb
