#include "core/tracer/tracereceiver.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/net/wakeup.h"
#include "core/tracer/tracewire.h"

namespace sockwb::tracer {

namespace {

// The receiver's own calls are the workbench's plumbing: an observer that
// listens to nothing keeps them out of whatever trace the thread would
// otherwise report to (the GUI's global "all servers" trace).
class DiscardTrace final : public TraceObserver {
public:
    void onTrace(const TraceEvent&) override {}
};
DiscardTrace g_discard;

constexpr int kAcceptPerRound = 64;
constexpr int kRecordsPerRound = 256;  // per stream: one busy process cannot starve the others

// A private directory for the socket: $XDG_RUNTIME_DIR, else $TMPDIR, else /tmp.
std::string makePrivateDir() {
    const char* base = std::getenv("XDG_RUNTIME_DIR");
    if (!base || !*base || ::access(base, W_OK) != 0) base = std::getenv("TMPDIR");
    if (!base || !*base || ::access(base, W_OK) != 0) base = "/tmp";
    std::string templ = std::string(base) + "/sockwb-trace-XXXXXX";
    if (!::mkdtemp(templ.data())) throw Error::fromErrno("mkdtemp", errno, templ);
    return templ;
}

}  // namespace

struct TraceReceiver::Loop {
    Socket listener;
    Wakeup stop;
    Wakeup kick;  // waitIdle() asks for a fresh round
    std::vector<Socket> streams;
    uint64_t kickSeq = 0;  // guarded by the receiver's mutex_
    uint64_t idleSeq = 0;  // guarded by the receiver's mutex_
};

TraceReceiver::TraceReceiver(TracedCallObserver* observer) : observer_(observer) {}

TraceReceiver::~TraceReceiver() { stop(); }

void TraceReceiver::start() {
    TraceScope quiet(&g_discard);
    auto loop = std::make_unique<Loop>();
    std::string dir = makePrivateDir();
    std::string path = dir + "/trace.sock";
    try {
        sockaddr_un sun{};
        sun.sun_family = AF_UNIX;
        if (path.size() >= sizeof sun.sun_path)
            throw Error::invalid("the trace socket's path is too long", path);
        std::memcpy(sun.sun_path, path.c_str(), path.size() + 1);
        loop->listener = Socket::create(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK);
        if (sys::bind(loop->listener.fd(), reinterpret_cast<const sockaddr*>(&sun), sizeof sun) < 0)
            throw Error::fromErrno("bind", errno, path);
        if (sys::listen(loop->listener.fd(), 128) < 0)
            throw Error::fromErrno("listen", errno, path);
    } catch (...) {
        loop->listener.close();
        ::unlink(path.c_str());
        ::rmdir(dir.c_str());
        throw;
    }
    dir_ = std::move(dir);
    path_ = std::move(path);
    loop_ = std::move(loop);
    thread_ = std::thread([this] { run(); });
}

void TraceReceiver::stop() {
    if (!loop_) return;
    loop_->stop.notify();
    if (thread_.joinable()) thread_.join();
    {
        TraceScope quiet(&g_discard);
        loop_->streams.clear();
        loop_->listener.close();
    }
    ::unlink(path_.c_str());
    ::rmdir(dir_.c_str());
    loop_.reset();
}

bool TraceReceiver::waitIdle(Millis timeout) {
    if (!loop_) return true;
    std::unique_lock lock(mutex_);
    const uint64_t want = ++loop_->kickSeq;
    loop_->kick.notify();
    return roundDone_.wait_for(lock, timeout, [&] { return loop_->idleSeq >= want; });
}

uint64_t TraceReceiver::processesSeen() const {
    std::lock_guard lock(mutex_);
    return processes_;
}

uint64_t TraceReceiver::malformed() const {
    std::lock_guard lock(mutex_);
    return malformed_;
}

uint64_t TraceReceiver::refused() const {
    std::lock_guard lock(mutex_);
    return refused_;
}

void TraceReceiver::run() {
    TraceScope quiet(&g_discard);
    Loop& l = *loop_;
    std::vector<pollfd> fds;
    for (;;) {
        l.kick.drain();  // before reading the sequence: see waitIdle()
        uint64_t seq;
        int timeoutMs = -1;
        {
            std::lock_guard lock(mutex_);
            seq = l.kickSeq;
            // waitIdle() asks for a fresh look: this round must end, even
            // when nothing is readable (then the answer is "idle").
            if (seq > l.idleSeq) timeoutMs = 10;
        }
        fds.assign(
            {{l.stop.fd(), POLLIN, 0}, {l.kick.fd(), POLLIN, 0}, {l.listener.fd(), POLLIN, 0}});
        for (const Socket& s : l.streams) fds.push_back({s.fd(), POLLIN, 0});
        if (sys::poll(fds.data(), fds.size(), timeoutMs) < 0) continue;
        if (fds[0].revents) return;
        readStreams(fds, 3);
        const bool pending = fds[2].revents && acceptStreams();
        std::lock_guard lock(mutex_);
        ++round_;
        if (l.streams.empty() && !pending) l.idleSeq = seq;
        roundDone_.notify_all();
    }
}

bool TraceReceiver::acceptStreams() {
    Loop& l = *loop_;
    for (int i = 0; i < kAcceptPerRound; ++i) {
        const int fd = sys::accept(l.listener.fd(), nullptr, nullptr, SOCK_NONBLOCK);
        if (fd < 0) return false;  // EAGAIN: nobody else waits (or a failure: next round)
        if (l.streams.size() >= kMaxStreams) {
            Socket(fd).close();
            std::lock_guard lock(mutex_);
            ++refused_;
            continue;
        }
        l.streams.emplace_back(fd);
    }
    return true;  // more may wait
}

void TraceReceiver::readStreams(const std::vector<pollfd>& fds, size_t first) {
    Loop& l = *loop_;
    std::vector<Socket> open;
    open.reserve(l.streams.size());
    for (size_t i = 0; i < l.streams.size(); ++i) {
        Socket& s = l.streams[i];
        if (fds[first + i].revents == 0 || readStream(s.fd())) open.push_back(std::move(s));
    }
    l.streams = std::move(open);
}

bool TraceReceiver::readStream(int fd) {
    sockwb_trace_record record;
    for (int n = 0; n < kRecordsPerRound; ++n) {
        const ssize_t got = sys::recv(fd, &record, sizeof record, 0);
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
        if (got <= 0) return false;  // the process ended (or exec'd: a new stream follows)
        const auto call = decodeRecord(&record, static_cast<size_t>(got));
        {
            std::lock_guard lock(mutex_);
            if (!call)
                ++malformed_;
            else if (call->processStart)
                ++processes_;
        }
        if (call) observer_->onCall(*call);
    }
    return true;
}

}  // namespace sockwb::tracer
