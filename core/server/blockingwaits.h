#pragma once
// How a stopping server reaches threads that wait in blocking calls
// (IoMode::Blocking): the course's server waits in accept(), recv(),
// recvfrom() and sleep(), and no stop fd can be polled there. So:
//   - every socket a thread may block on is watched here; wakeAll() calls
//     shutdown(fd, SHUT_RDWR) on each. On Linux that wakes a blocked
//     accept() (EINVAL), recv()/recvfrom() (0, end of stream, also on a UDP
//     socket, where shutdown itself answers ENOTCONN) and send() (EPIPE),
//     and every later call on the socket returns at once: a thread that
//     had not blocked yet cannot block any more. (Checked on this machine's
//     kernel; the calls show in the trace of the thread that stops.)
//   - a sleeping thread is registered around its nanosleep; wakeAll()
//     sends it kWakeSignal, whose handler does nothing and is installed
//     WITHOUT SA_RESTART, so the sleep returns -1 EINTR (traced). A signal
//     sent just before the thread enters nanosleep would be lost: sleepFor()
//     checks stopping() after registering, and wakeAll() repeats the signal
//     to whoever is still registered, every millisecond, for at most a
//     second, until none is left.
// A watched fd is unwatched (under the lock wakeAll() holds) before it is
// closed, so a shutdown never reaches a reused descriptor number.
// A fork child builds its own BlockingWaits (the parent's lock may be held
// by another thread at fork time); the parent stops children with SIGTERM.
// Thread-safe.

#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>

#include "core/net/millis.h"

namespace sockwb {

class BlockingWaits {
public:
    BlockingWaits();
    BlockingWaits(const BlockingWaits&) = delete;
    BlockingWaits& operator=(const BlockingWaits&) = delete;

    // Wakes sleeping threads; nothing else. SIGRTMIN + 3.
    static int wakeSignal() noexcept;

    // fd will be shut down by wakeAll(); the token unwatches it. Returns 0
    // (nothing watched) when fd < 0.
    uint64_t watch(int fd);
    // Call before closing the fd. Token 0 is ignored.
    void unwatch(uint64_t token);

    // Sleeps ms (sys::nanosleep) unless stopping: false when the server
    // stops (before or during the sleep), true when the time has passed.
    // A stray signal resumes the sleep for what is left.
    bool sleepFor(Millis ms);

    // Stop: from now on stopping() is true; shuts every watched socket
    // down and interrupts every sleep (see the header). Returns within
    // about a second. Idempotent.
    void wakeAll();
    bool stopping() const noexcept { return stopping_.load(std::memory_order_acquire); }

private:
    bool signalSleepers();  // false once none is registered; under no lock

    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    uint64_t next_ = 1;
    std::map<uint64_t, int> sockets_;         // guarded by mutex_
    std::map<uint64_t, pthread_t> sleepers_;  // guarded by mutex_
};

}  // namespace sockwb
