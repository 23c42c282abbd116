#pragma once
// A concurrency model: how a server's listeners and connections are served
// (the course's iterative, fork, thread, pool, select, poll, epoll). Chosen
// at run time through makeModel(); each reports its own name, the way
// redis' aeGetApiName() does.

#include <memory>
#include <string>
#include <string_view>

namespace sockwb {

class ServerCore;

class ConcurrencyModel {
public:
    virtual ~ConcurrencyModel() = default;
    // "iterative", "fork", ... Thread-safe.
    virtual std::string name() const = 0;
    // True for select/poll/epoll/io_uring: one thread (per loop) multiplexing
    // every socket.
    virtual bool eventDriven() const { return false; }
    // Starts serving core's open listeners on the model's own threads and
    // returns. Throws Error with nothing left running. Caller's thread.
    virtual void start(ServerCore& core) = 0;
    // core.requestStop() was called: joins threads, reaps children, closes
    // connections. Returns within a second. Idempotent; caller's thread.
    virtual void stop() = 0;
};

// "iterative", "fork", "thread", "pool", "select", "poll", "epoll", "io_uring".
// Throws Error (InvalidInput) listing the valid names. Thread-safe.
std::unique_ptr<ConcurrencyModel> makeModel(std::string_view name);

}  // namespace sockwb
