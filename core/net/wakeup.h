#pragma once
// Wakeup: one eventfd that wakes a poll, an epoll loop or a worker from
// another thread (redis' and muduo's "wakeup fd"). notify() is the only
// method that may run on any thread and at any time, including while
// another thread polls fd(); drain() and the destructor belong to the
// thread that owns the loop. notify() is async-signal-safe.
//
// A Wakeup that is never drained stays readable: the server's stop fd
// relies on that, so every poll that watches it returns at once.
// The calls go through sys:: but are not traced (see sys.h).

#include <cstdint>

namespace sockwb {

class Wakeup {
public:
    // Throws Error("eventfd", errno) when the kernel refuses (EMFILE...).
    Wakeup();
    ~Wakeup();
    Wakeup(const Wakeup&) = delete;
    Wakeup& operator=(const Wakeup&) = delete;

    // Makes fd() readable until the next drain().
    void notify() const;
    // Resets it; returns how many notify() calls it absorbed (0 if none).
    uint64_t drain() const;
    int fd() const { return fd_; }

private:
    int fd_;
};

}  // namespace sockwb
