#include "core/reactor/uringring.h"

#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>

#include "core/net/error.h"
#include "core/net/trace.h"

namespace sockwb {

namespace {

std::string disabledSysctl() {
    std::ifstream in("/proc/sys/kernel/io_uring_disabled");
    std::string value;
    if (in >> value) return value;
    return {};
}

void emit(const char* call, int fd, std::string args, int64_t result, int err, int64_t durationNs,
          std::string_view data, std::string local = {}, std::string peer = {}) {
    TraceObserver* obs = traceObserver();
    if (!obs) return;
    TraceEvent ev;
    ev.timeUs = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
    ev.pid = static_cast<int>(::getpid());
    ev.tid = currentTid();
    ev.fd = fd;
    ev.call = call;
    ev.args = std::move(args);
    ev.result = result;
    ev.err = err;
    ev.durationNs = durationNs;
    ev.data = std::string(data.substr(0, kTraceDataBytes));
    ev.local = std::move(local);
    ev.peer = std::move(peer);
    obs->onTrace(ev);
}

}  // namespace

std::string uringSetupFailure(int err, std::string_view sysctl) {
    std::string why = "io_uring_setup failed with " + errnoName(err);
    if (!sysctl.empty() && sysctl != "0")
        why += ": kernel.io_uring_disabled is " + std::string(sysctl) + " (0 allows it)";
    else if (err == ENOSYS)
        why += ": this kernel was built without io_uring";
    else if (err == ENOMEM)
        why += ": the locked-memory limit (ulimit -l) is too low for the ring";
    return why + "; serve with epoll instead";
}

UringRing::UringRing(unsigned entries) {
    // The completion queue is larger than the submission queue: multishot
    // requests post many completions for one submission.
    //
    // One thread submits (the loop's): SINGLE_ISSUER|DEFER_TASKRUN has the
    // kernel finish requests (copy a received segment, post the completion)
    // when that thread enters io_uring_enter to wait, instead of
    // interrupting it with an IPI and a task-work signal after each packet
    // (perf: 20% of the loop in pvm_irq_enable/get_signal without it). The
    // ring starts disabled so that the loop thread, not the one building
    // the loop, becomes its submitter (enableOnThisThread). Kernels before
    // 6.1 refuse those flags: COOP_TASKRUN (5.19), then the plain ring.
    const unsigned tries[] = {
        IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_R_DISABLED |
            IORING_SETUP_SUBMIT_ALL | IORING_SETUP_COOP_TASKRUN,
        IORING_SETUP_SUBMIT_ALL | IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG, 0u};
    int rc = -EINVAL;
    for (const unsigned flags : tries) {
        io_uring_params params{};
        params.flags = IORING_SETUP_CQSIZE | flags;
        params.cq_entries = entries * 4;
        rc = io_uring_queue_init_params(entries, &ring_, &params);
        if (rc != -EINVAL) {
            disabled_ = rc == 0 && (flags & IORING_SETUP_R_DISABLED) != 0;
            deferred_ = rc == 0 && (flags & IORING_SETUP_DEFER_TASKRUN) != 0;
            break;
        }
    }
    if (rc < 0) throw Error::unsupported(uringSetupFailure(-rc, disabledSysctl()));
    // liburing 2.3 has no io_uring_setup_buf_ring: the ring of buffer
    // descriptors is our own page-aligned memory, registered as group 1.
    bufRingBytes_ = sizeof(io_uring_buf) * kBufferCount;
    void* mem =
        ::mmap(nullptr, bufRingBytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        const int err = errno;
        io_uring_queue_exit(&ring_);
        throw Error::fromErrno("mmap", err);
    }
    bufRing_ = static_cast<io_uring_buf_ring*>(mem);
    io_uring_buf_ring_init(bufRing_);
    io_uring_buf_reg reg{};
    reg.ring_addr = reinterpret_cast<uint64_t>(bufRing_);
    reg.ring_entries = kBufferCount;
    reg.bgid = kBufferGroup;
    if (const int rc = io_uring_register_buf_ring(&ring_, &reg, 0); rc < 0) {
        ::munmap(bufRing_, bufRingBytes_);
        io_uring_queue_exit(&ring_);
        throw Error::unsupported("io_uring_register_buf_ring failed with " + errnoName(-rc) +
                                 ": this kernel is too old for provided buffer rings (5.19); "
                                 "serve with epoll instead");
    }
    buffersRegistered_ = true;
    buffers_ = new char[size_t(kBufferCount) * kBufferSize];
    const int mask = io_uring_buf_ring_mask(kBufferCount);
    for (unsigned i = 0; i < kBufferCount; ++i)
        io_uring_buf_ring_add(bufRing_, buffers_ + size_t(i) * kBufferSize, kBufferSize,
                              static_cast<unsigned short>(i), mask, int(i));
    io_uring_buf_ring_advance(bufRing_, int(kBufferCount));
}

void UringRing::enableOnThisThread() {
    if (!disabled_) return;
    // liburing 2.3 declares io_uring_enable_rings but does not export it.
    if (::syscall(__NR_io_uring_register, ring_.ring_fd, IORING_REGISTER_ENABLE_RINGS, nullptr, 0) <
        0)
        throw Error::fromErrno("io_uring_register", errno);
    disabled_ = false;
}

UringRing::~UringRing() {
    // Unregistering from another thread than the submitter is refused
    // (EEXIST) with SINGLE_ISSUER: closing the ring frees the group anyway.
    if (buffersRegistered_) io_uring_unregister_buf_ring(&ring_, kBufferGroup);
    io_uring_queue_exit(&ring_);
    if (bufRing_) ::munmap(bufRing_, bufRingBytes_);
    delete[] buffers_;
}

io_uring_sqe* UringRing::sqe() {
    io_uring_sqe* s = io_uring_get_sqe(&ring_);
    while (!s) {
        // Full: hand the queue to the kernel now (it copies the entries).
        const int rc = io_uring_submit(&ring_);
        if (rc < 0 && rc != -EINTR && rc != -EAGAIN && rc != -EBUSY)
            throw Error::fromErrno("io_uring_enter", -rc);
        s = io_uring_get_sqe(&ring_);
    }
    ++inFlight_;
    return s;
}

unsigned UringRing::submitAndWait(int timeoutMs) {
    const bool tracing = traced();
    const unsigned toSubmit = io_uring_sq_ready(&ring_);
    const auto t0 =
        tracing ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    __kernel_timespec ts{};
    ts.tv_sec = timeoutMs > 0 ? timeoutMs / 1000 : 0;
    ts.tv_nsec = timeoutMs > 0 ? (timeoutMs % 1000) * 1000000L : 0;
    io_uring_cqe* first = nullptr;
    int rc;
    if (timeoutMs == 0) {
        // Never sleeps; with DEFER_TASKRUN the finished requests are posted
        // only when asked for (GETEVENTS), so ask.
        rc = deferred_ ? io_uring_submit_and_get_events(&ring_) : io_uring_submit(&ring_);
        if (rc > 0) rc = 0;
    } else {
        rc = io_uring_submit_and_wait_timeout(&ring_, &first, 1, timeoutMs < 0 ? nullptr : &ts,
                                              nullptr);
    }
    const int err = rc < 0 ? -rc : 0;
    const unsigned ready = io_uring_cq_ready(&ring_);
    if (tracing) {
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::steady_clock::now() - t0)
                            .count();
        std::string args = std::to_string(fd()) + ", to_submit=" + std::to_string(toSubmit) +
                           ", min_complete=" + (timeoutMs == 0 ? "0" : "1") +
                           (timeoutMs > 0 ? ", timeout=" + std::to_string(timeoutMs) + "ms" : "");
        emit("io_uring_enter", fd(), std::move(args), err == 0 || err == ETIME ? ready : -1,
             err == ETIME ? 0 : err, ns, {});
    }
    if (err != 0 && err != ETIME && err != EINTR && err != EAGAIN && err != EBUSY)
        throw Error::fromErrno("io_uring_enter", err);
    return ready;
}

void UringRing::recycle(unsigned id) noexcept {
    io_uring_buf_ring_add(bufRing_, buffers_ + size_t(id) * kBufferSize, kBufferSize,
                          static_cast<unsigned short>(id), io_uring_buf_ring_mask(kBufferCount), 0);
    io_uring_buf_ring_advance(bufRing_, 1);
}

std::string UringRing::errName(int err) {
    if (err == ECANCELED) return "ECANCELED";
    if (err == ETIME) return "ETIME";
    return errnoName(err);
}

bool UringRing::traced() noexcept { return traceObserver() != nullptr; }

void UringRing::noteSqe(int fd, const std::string& what) {
    emit("io_uring sqe", fd, what, 0, 0, 0, {});
}

void UringRing::noteCqe(int fd, const std::string& what, int64_t result, std::string_view data,
                        std::string local, std::string peer) {
    emit("io_uring cqe", fd, what, result, result < 0 ? int(-result) : 0, 0, data, std::move(local),
         std::move(peer));
}

}  // namespace sockwb
