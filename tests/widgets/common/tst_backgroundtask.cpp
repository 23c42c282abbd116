// BackgroundTask: blocking work runs on another thread, its result comes
// back on the GUI thread, is not delivered once the context object is gone
// (or after join()), and an exception thrown by the work is reported.

#include <QSignalSpy>
#include <QThread>
#include <QtTest/QtTest>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "support/testmain.h"
#include "widgets/common/backgroundtask.h"

using sockwb::BackgroundTask;
using sockwb::TaskResult;

namespace {
// Holds the work until release() (a latch, no sleeps).
class Gate {
public:
    void wait() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return open_; });
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        cv_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool open_ = false;
};
}  // namespace

class tst_BackgroundTask : public QObject {
    Q_OBJECT

private slots:
    void resultDeliveredOnTheGuiThread() {
        QObject context;
        QThread* workThread = nullptr;
        QThread* doneThread = nullptr;
        std::optional<int> got;
        BackgroundTask task = BackgroundTask::run(
            &context,
            [&] {
                workThread = QThread::currentThread();
                return 42;
            },
            [&](TaskResult<int> r) {
                doneThread = QThread::currentThread();
                QVERIFY(r.ok());
                got = r.value;
            });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(*got, 42);
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(workThread != QThread::currentThread());
        QVERIFY(task.isFinished());
    }

    void notDeliveredAfterTheContextIsDestroyed() {
        Gate gate;
        std::atomic<bool> workEnded{false};
        bool delivered = false;
        auto context = std::make_unique<QObject>();
        QObject witness;  // delivered after the dropped result, if it were not dropped
        bool witnessDone = false;
        BackgroundTask task = BackgroundTask::run(
            context.get(),
            [&] {
                gate.wait();
                workEnded = true;
            },
            [&](TaskResult<void>) { delivered = true; });
        context.reset();  // gone while the work runs
        gate.release();
        QTRY_VERIFY(task.isFinished());
        // A second task posted afterwards proves the first delivery was processed.
        BackgroundTask after = BackgroundTask::run(
            &witness, [] {}, [&](TaskResult<void>) { witnessDone = true; });
        QTRY_VERIFY(witnessDone);
        QVERIFY(workEnded);
        QVERIFY(!delivered);
    }

    void notDeliveredAfterJoin() {
        QObject context;
        bool delivered = false;
        auto value = std::make_shared<int>(7);
        std::weak_ptr<int> watch = value;
        BackgroundTask task = BackgroundTask::run(
            &context, [value = std::move(value)] { return value; },
            [&](TaskResult<std::shared_ptr<int>>) { delivered = true; });
        task.join();  // the work ended; its result is destroyed here, not queued
        QVERIFY(watch.expired());
        QObject witness;
        bool witnessDone = false;
        BackgroundTask after = BackgroundTask::run(
            &witness, [] {}, [&](TaskResult<void>) { witnessDone = true; });
        QTRY_VERIFY(witnessDone);
        QVERIFY(!delivered);
    }

    void exceptionsAreReported() {
        QObject context;
        std::optional<std::string> error;
        BackgroundTask task = BackgroundTask::run(
            &context, []() -> int { throw std::runtime_error("bind failed"); },
            [&](TaskResult<int> r) {
                QVERIFY(!r.ok());
                QVERIFY(!r.value);
                error = sockwb::taskErrorText(r.error);
            });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(*error, std::string("bind failed"));
    }

    void joinWaitsOnlyForTheWork() {
        // join() returns as soon as the work ends, without running the event loop.
        QObject context;
        Gate gate;
        BackgroundTask task = BackgroundTask::run(
            &context, [&] { gate.wait(); }, [](TaskResult<void>) {});
        QVERIFY(!task.isFinished());
        std::thread opener([&] { gate.release(); });
        task.join();
        QVERIFY(task.isFinished());
        opener.join();
        BackgroundTask empty;
        QVERIFY(empty.isFinished());
        empty.join();  // nothing to wait for
    }
};

SOCKWB_TEST_MAIN(tst_BackgroundTask)
#include "tst_backgroundtask.moc"
