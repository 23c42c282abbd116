#pragma once
// OutputPump: reads a child's stdout and stderr pipes on its own thread and
// hands each chunk to a callback, until both pipes end or finish() gives up
// (a grandchild may keep them open). `sockwb trace --json` uses it to turn
// the program's output into JSON events. One owning thread; the callback
// runs on the pump's thread.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>

#include "core/net/millis.h"
#include "core/net/wakeup.h"

namespace sockwb::app {

class OutputPump {
public:
    using Sink = std::function<void(const char* stream, std::string_view bytes)>;
    // Starts reading outFd ("stdout") and errFd ("stderr"); does not own them.
    OutputPump(int outFd, int errFd, Sink sink);
    ~OutputPump();  // finish(0)
    OutputPump(const OutputPump&) = delete;
    OutputPump& operator=(const OutputPump&) = delete;

    // Waits at most `timeout` for both pipes to end, then stops reading.
    void finish(Millis timeout);

private:
    void run();
    // One poll and the reads it allows; true when told to stop.
    bool readRound(char* buf, size_t size, int& open);

    int fds_[2];
    Sink sink_;
    Wakeup stop_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable ended_;
    bool done_ = false;  // both pipes ended (or stop): guarded by mutex_
};

}  // namespace sockwb::app
