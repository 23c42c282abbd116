#pragma once
// One io_uring of the io_uring model (liburing's ring plus a ring of
// provided buffers): requests are queued as submissions (SQEs) and handed
// to the kernel in one io_uring_enter per loop round, together with the
// wait for completions (CQEs), instead of epoll's readiness-then-syscall
// per socket. The trace shows what a student should compare with epoll:
// one "io_uring_enter" row per round (how many submitted, how many
// completions reaped), one "io_uring sqe" row per queued request and one
// "io_uring cqe" row per completion (recv completions carry their bytes,
// as a recv row does). Text is built only when an observer listens.
//
// Provided buffers: the multishot receives of every connection pick a
// buffer from one shared group; the owner hands it back (recycle) once the
// bytes are consumed, so the memory for reads is the group's, not a buffer
// per connection. Loop thread only: a ring belongs to one loop.

#include <liburing.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace sockwb {

// What a request is, in the low byte of its user_data; the rest is the
// owner's key (a connection id, a listener index).
enum class UringOp : uint8_t { Ignore = 0, Stop, Accept, Recv, Send, DatagramPoll, Posted };

inline uint64_t uringTag(uint64_t key, UringOp op) noexcept { return (key << 8) | uint64_t(op); }
inline UringOp uringOpOf(uint64_t tag) noexcept { return UringOp(tag & 0xff); }
inline uint64_t uringKeyOf(uint64_t tag) noexcept { return tag >> 8; }

// The sentence for a ring that cannot be set up: the call, the errno, the
// sysctl kernel.io_uring_disabled when it is set ("" = unknown), and the
// way out. Thread-safe (pure).
std::string uringSetupFailure(int err, std::string_view disabledSysctl);

class UringRing {
public:
    static constexpr uint16_t kBufferGroup = 1;
    static constexpr unsigned kBufferCount = 256;  // a power of two
    static constexpr unsigned kBufferSize = 16 * 1024;

    // Sets up the ring and registers the provided buffers. Throws
    // Error::unsupported (uringSetupFailure) when the kernel refuses.
    explicit UringRing(unsigned entries);
    ~UringRing();
    UringRing(const UringRing&) = delete;
    UringRing& operator=(const UringRing&) = delete;

    // Makes the calling thread the ring's one submitter; call it first
    // thing on the thread that runs the loop, before sqe()/submitAndWait().
    // Throws Error (io_uring_register) when the kernel refuses.
    void enableOnThisThread();

    int fd() const noexcept { return ring_.ring_fd; }
    // A free submission entry; when the queue is full, what it holds is
    // submitted first. Never null. The caller fills it (io_uring_prep_*)
    // and sets its user_data.
    io_uring_sqe* sqe();
    // Submits what is queued and waits for one completion at most
    // timeoutMs (-1: no limit, 0: no wait); one io_uring_enter. Returns the
    // completions ready. Throws Error on a failure other than a timeout or
    // a signal.
    unsigned submitAndWait(int timeoutMs);
    // Hands every ready completion to fn(const io_uring_cqe&), then marks
    // them seen.
    template <class Fn>
    unsigned reap(Fn&& fn) {
        unsigned head = 0, n = 0;
        io_uring_cqe* cqe = nullptr;
        io_uring_for_each_cqe(&ring_, head, cqe) {
            if (!(cqe->flags & IORING_CQE_F_MORE)) --inFlight_;
            fn(*cqe);
            ++n;
        }
        io_uring_cq_advance(&ring_, n);
        return n;
    }

    // The provided buffer a completion names (IORING_CQE_F_BUFFER).
    const char* buffer(unsigned id) const noexcept { return buffers_ + size_t(id) * kBufferSize; }
    // Gives a provided buffer back to the kernel once its bytes are consumed.
    void recycle(unsigned id) noexcept;

    // errnoName() plus the errors only io_uring reports (ECANCELED, ETIME).
    static std::string errName(int err);
    // Trace rows (call only when traced(): the text is the caller's work).
    static bool traced() noexcept;
    static void noteSqe(int fd, const std::string& what);
    // local/peer: an accepted socket's endpoints (the sequence view's lifeline).
    static void noteCqe(int fd, const std::string& what, int64_t result, std::string_view data = {},
                        std::string local = {}, std::string peer = {});
    // Requests queued and not finished (their last completion not reaped):
    // stop waits for this to reach 0 before the ring goes.
    unsigned inFlight() const noexcept { return inFlight_; }

private:
    io_uring ring_{};
    io_uring_buf_ring* bufRing_ = nullptr;
    size_t bufRingBytes_ = 0;
    char* buffers_ = nullptr;
    bool buffersRegistered_ = false;
    bool disabled_ = false;  // IORING_SETUP_R_DISABLED until enableOnThisThread()
    bool deferred_ = false;  // IORING_SETUP_DEFER_TASKRUN
    unsigned inFlight_ = 0;
};

}  // namespace sockwb
