#include "widgets/common/backgroundtask.h"

#include <QCoreApplication>
#include <QPointer>
#include <atomic>
#include <mutex>

namespace sockwb {

struct BackgroundTask::State {
    QPointer<QObject> context;  // read on the GUI thread only
    std::atomic<bool> finished{false};
    std::mutex mutex;               // guards the two below
    std::function<void()> deliver;  // the pending done(result), until taken
    bool joined = false;            // join() came first: nothing is delivered
};

std::string taskErrorText(const std::exception_ptr& error) {
    if (!error) return {};
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

std::shared_ptr<BackgroundTask::State> BackgroundTask::newState(QObject* context) {
    Q_ASSERT(QCoreApplication::instance());
    auto state = std::make_shared<State>();
    state->context = context;
    return state;
}

void BackgroundTask::finish(const std::shared_ptr<State>& state, std::function<void()> deliver) {
    {
        std::lock_guard lock(state->mutex);
        if (!state->joined) state->deliver = std::move(deliver);
        state->finished = true;
    }
    deliver = nullptr;  // if joined: the result goes here, off the GUI thread
    // Posted to the application object (it outlives every widget), never to
    // context: context may be deleted on the GUI thread while this runs.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [state] {
            std::function<void()> pending;
            {
                std::lock_guard lock(state->mutex);
                pending = std::move(state->deliver);
                state->deliver = nullptr;
            }
            if (pending && state->context) pending();
            // else: the context is gone; the result is dropped here.
        },
        Qt::QueuedConnection);
}

BackgroundTask& BackgroundTask::operator=(BackgroundTask&& other) noexcept {
    if (this != &other) {
        join();
        state_ = std::move(other.state_);
        thread_ = std::move(other.thread_);
    }
    return *this;
}

bool BackgroundTask::isFinished() const { return !state_ || state_->finished; }

void BackgroundTask::join() {
    if (thread_.joinable()) thread_.join();
    if (!state_) return;
    std::function<void()> dropped;
    {
        std::lock_guard lock(state_->mutex);
        state_->joined = true;
        dropped = std::move(state_->deliver);
        state_->deliver = nullptr;
    }
    dropped = nullptr;  // the undelivered result is destroyed now, on this thread
}

}  // namespace sockwb
