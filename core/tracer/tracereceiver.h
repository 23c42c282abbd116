#pragma once
// TraceReceiver: the workbench's end of libsockwb-trace.so. It listens on an
// AF_UNIX SOCK_SEQPACKET socket in a fresh private directory (socketPath(),
// which the launcher puts in $SOCKWB_TRACE_SOCKET), accepts one stream per
// traced process (a fork child opens its own), decodes each record
// (TraceDecoder) and hands it to its observer, on the receiver's own thread.
// Its own socket calls are plumbing, not the student's: they are not traced.
// Public methods: call from one owning thread; the observer is called on the
// receiver thread and must be thread-safe with respect to its other users.

#include <poll.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/net/millis.h"
#include "core/net/trace.h"
#include "core/tracer/tracedecoder.h"

namespace sockwb::tracer {

// Receives the decoded calls of the traced processes. Called on the
// receiver thread, in each process's call order (processes interleave).
class TracedCallObserver {
public:
    virtual ~TracedCallObserver() = default;
    virtual void onCall(const DecodedCall& call) = 0;
};

// Hands every call's TraceEvent to a TraceObserver (a TraceAdapter, a view).
class TraceForwarder final : public TracedCallObserver {
public:
    explicit TraceForwarder(TraceObserver* observer) : observer_(observer) {}
    void onCall(const DecodedCall& call) override { observer_->onTrace(call.event); }

private:
    TraceObserver* observer_;
};

class TraceReceiver {
public:
    // observer: not owned, must outlive the receiver (or its stop()).
    explicit TraceReceiver(TracedCallObserver* observer);
    ~TraceReceiver();  // stop()
    TraceReceiver(const TraceReceiver&) = delete;
    TraceReceiver& operator=(const TraceReceiver&) = delete;

    // Creates the directory and the socket and starts the thread. Throws
    // Error (which call failed) with nothing left behind.
    void start();
    // The socket's path ("" before start()).
    const std::string& socketPath() const { return path_; }
    // Waits until every stream connected so far has ended and nobody waits
    // to connect, at most timeout: after the traced program exits, its last
    // records are read before this returns. false on timeout.
    bool waitIdle(Millis timeout);
    // Stops the thread, closes every stream, removes the socket and its
    // directory. Idempotent; returns within one poll round.
    void stop();

    // Processes that said hello, records dropped as malformed, streams
    // refused (over kMaxStreams). Thread-safe.
    uint64_t processesSeen() const;
    uint64_t malformed() const;
    uint64_t refused() const;

    // A traced program forking without end cannot make the receiver hold
    // more than this many streams: later ones are closed (those processes
    // run untraced).
    static constexpr size_t kMaxStreams = 512;

private:
    struct Loop;
    void run();
    // The receiver thread's steps: true when more connections may wait;
    // reads the streams poll marked (from fds[first]); false when fd ended.
    bool acceptStreams();
    void readStreams(const std::vector<pollfd>& fds, size_t first);
    bool readStream(int fd);

    TracedCallObserver* observer_;
    std::string dir_;
    std::string path_;
    std::unique_ptr<Loop> loop_;
    std::thread thread_;

    mutable std::mutex mutex_;
    std::condition_variable roundDone_;
    uint64_t round_ = 0;      // poll rounds completed
    uint64_t idleRound_ = 0;  // the last round that ended with nothing open or pending
    uint64_t processes_ = 0;
    uint64_t malformed_ = 0;
    uint64_t refused_ = 0;
};

}  // namespace sockwb::tracer
