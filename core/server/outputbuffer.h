#pragma once
// The output queue of one TCP connection, shared by the two session drivers
// (blockingsession.cpp and eventconnection.cpp): bytes a session sent and
// the socket has not taken yet. flushTo() writes as much as the
// non-blocking socket accepts and reports each piece as it goes; sent bytes
// are dropped from the front without copying the rest on every partial
// write (the buffer compacts once more than half of it, and 64 KiB, is
// gone). One thread at a time, as the session that owns it.
//
// kHighWater is the back-pressure mark both drivers apply: with that much
// queued for a peer that does not read, they stop reading from it.
//
// With a budget (setBudget) the buffer charges the memory it holds (its
// capacity) to the server's MemoryBudget. It grows by a quarter, not by
// doubling (a buffer that crosses the budget overshoots it by little), and
// an emptied buffer gives back a large allocation instead of keeping it for
// the connection's life.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/server/memorybudget.h"

namespace sockwb {

class SessionReporter;
struct ConnectionRecord;

class OutputBuffer {
public:
    static constexpr size_t kHighWater = size_t(1) << 20;

    // Charges this buffer's memory to budget from now on (null: none).
    void setBudget(MemoryBudget* budget) noexcept { charge_.attach(budget); }
    void append(std::string_view bytes);
    // Bytes queued and not yet sent.
    size_t size() const noexcept { return bytes_.size() - pos_; }
    bool empty() const noexcept { return pos_ == bytes_.size(); }

    struct Flushed {
        size_t bytes = 0;  // sent by this call
        int err = 0;       // errno of a failed send (EAGAIN is not a failure)
    };
    // sys::send until the queue is empty or the socket is full; each send's
    // bytes go to reporter.bytesMoved(record, outgoing) before the next.
    Flushed flushTo(int fd, SessionReporter& reporter, ConnectionRecord& record);

private:
    std::string bytes_;
    size_t pos_ = 0;  // bytes_[0, pos_) are sent
    MemoryCharge charge_;
};

}  // namespace sockwb
