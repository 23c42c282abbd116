#pragma once
// BackgroundTask: the one way widgets run blocking work off the GUI thread
// (Server::start/stop, an HTTP exchange...).
//
//   task_ = BackgroundTask::run(this, [] { return blockingCall(); },
//                               [this](TaskResult<int> r) { ... });
//
// run() starts the work on a new std::thread and returns at once. When the
// work ends, done(result) is posted to the GUI thread (queued, never called
// from the worker) and runs there only if `context` still exists; otherwise
// the result is dropped on the GUI thread. An exception thrown by the work is
// caught and handed to done() in the result (TaskResult::error).
//
// Threading: run(), join(), isFinished() and the destructor are called on the
// GUI thread; `context` lives there. The work runs on the task's own thread
// and must not touch widgets. join() waits for the work to end, never for
// the GUI; after join() done() is never called, and a result not yet
// delivered is destroyed inside join(), on the calling thread (so an owner
// can join in its destructor while the objects that result refers to are
// still alive). The destructor joins. A BackgroundTask is move-only; an empty
// one (default-constructed) is finished.

#include <QObject>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

namespace sockwb {

// What a work function produced: its value, or the exception it threw.
template <class T>
struct TaskResult {
    std::optional<T> value;    // set when the work returned
    std::exception_ptr error;  // set when it threw
    bool ok() const { return !error; }
};
template <>
struct TaskResult<void> {
    std::exception_ptr error;
    bool ok() const { return !error; }
};

// A sentence for an exception caught from the work: what() of a
// std::exception, or a fixed text for anything else. Any thread.
std::string taskErrorText(const std::exception_ptr& error);

class BackgroundTask {
public:
    BackgroundTask() = default;
    BackgroundTask(BackgroundTask&&) noexcept = default;
    // Joins the task this one held before taking the other.
    BackgroundTask& operator=(BackgroundTask&& other) noexcept;
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;
    ~BackgroundTask() { join(); }

    // Starts work() on a new thread; done(TaskResult<R>) follows on the GUI
    // thread while context lives (R is what work returns, possibly void).
    // done must be copyable; work may be move-only.
    template <class Work, class Done>
    static BackgroundTask run(QObject* context, Work work, Done done);

    // True once the work has returned or thrown (done() may still be queued).
    bool isFinished() const;
    // Waits for the work to end and drops an undelivered result (see above).
    void join();

private:
    struct State;
    // Called on the worker when the work is over: keeps deliver for the GUI
    // thread (dropped if join() came first) and posts it there.
    static void finish(const std::shared_ptr<State>& state, std::function<void()> deliver);
    static std::shared_ptr<State> newState(QObject* context);

    std::shared_ptr<State> state_;
    std::thread thread_;
};

template <class Work, class Done>
BackgroundTask BackgroundTask::run(QObject* context, Work work, Done done) {
    using R = std::invoke_result_t<Work&>;
    BackgroundTask task;
    task.state_ = newState(context);
    task.thread_ = std::thread(
        [state = task.state_, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<TaskResult<R>>();
            try {
                if constexpr (std::is_void_v<R>)
                    work();
                else
                    result->value.emplace(work());
            } catch (...) {
                result->error = std::current_exception();
            }
            finish(state, [done = std::move(done), result]() mutable { done(std::move(*result)); });
        });
    return task;
}

}  // namespace sockwb
