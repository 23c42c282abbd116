#include "core/server/blockingsession.h"

#include <sys/time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/net/sys.h"
#include "core/reactor/timerqueue.h"
#include "core/server/closesequence.h"
#include "core/server/outputbuffer.h"
#include "core/server/polledsession.h"

namespace sockwb {

namespace {

using Clock = std::chrono::steady_clock;

// Chat: how long a client may keep its socket buffer full before a sender
// gives up and disconnects it, and how long a sender waits for another
// session's send lock (held by another sender for at most the grace).
constexpr Millis kDeliverGrace{500};
constexpr Millis kDeliverWait{1000};

// The connection as other sessions' threads see it (chat): they write to
// it under sendLock, and only while open (the owner clears it, under the
// lock, before closing the fd). The owner holds sendLock too except while
// it waits (recv, sleep), so a relayed write never comes between two of
// its own, and what it relays goes in the session's wire form
// (Session::relayForm: a TLS session encrypts it, in order with its own
// records).
struct SharedSocket {
    std::timed_mutex sendLock;
    int fd = -1;
    bool open = true;            // guarded by sendLock
    Session* session = nullptr;  // guarded by sendLock; null before and after
};

int elapsedMs(Clock::time_point since) {
    return int(std::chrono::duration_cast<Millis>(Clock::now() - since).count());
}

// A watchdog's wait rounded down to m * 2^k (4 <= m < 8): recv() wakes a
// little early (and waits again) rather than calling setsockopt before
// every recv as the deadline comes closer.
int coarse(int ms) {
    int k = 0;
    while ((ms >> k) >= 8) ++k;
    return (ms >> k) << k;
}

// SO_RCVTIMEO or SO_SNDTIMEO: a blocking recv/send fails with EAGAIN after ms.
void setTimeout(int fd, int option, Millis ms) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
    sys::setsockopt(fd, SOL_SOCKET, option, &tv, sizeof tv);
}

std::string connectionText(const ConnectionRecord& r) {
    return "connection " + std::to_string(r.id) + " from " + r.peer.toString();
}

// Called on the SENDER's thread: non-blocking sends to the target's socket.
// A client whose buffer stays full (it does not read) for kDeliverGrace
// would hold every sender up or get a cut line: it is disconnected.
void deliverTo(SharedSocket& target, SessionReporter& reporter, ConnectionRecord& record,
               std::string_view bytes) {
    std::unique_lock lock(target.sendLock, std::defer_lock);
    if (!lock.try_lock_for(kDeliverWait)) {
        reporter.log(connectionText(record) + " is busy: a relayed line was dropped");
        return;
    }
    if (!target.open || !target.session) return;
    const std::string wire = target.session->relayForm(bytes);
    bytes = wire;
    const auto until = Clock::now() + kDeliverGrace;
    while (!bytes.empty()) {
        const ssize_t n = sys::send(target.fd, bytes.data(), bytes.size(), MSG_DONTWAIT);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return;  // gone: its thread sees it
        if (n > 0) {
            reporter.bytesMoved(record, false, bytes.substr(0, size_t(n)));
            bytes.remove_prefix(size_t(n));
            continue;
        }
        const auto left = std::chrono::ceil<Millis>(until - Clock::now()).count();
        pollfd pfd{target.fd, POLLOUT, 0};
        if (left <= 0 || sys::poll(&pfd, 1, int(left)) <= 0) break;
    }
    if (bytes.empty()) return;
    reporter.slowReaderClosed(
        record, "client " + std::to_string(record.id) + " (" + record.peer.toString() +
                    ") closed: its socket buffer stayed full for " +
                    std::to_string(kDeliverGrace.count()) + " ms, it does not read");
    sys::shutdown(target.fd, SHUT_RDWR);
}

class Driver final : public SessionContext {
public:
    Driver(Socket socket, std::shared_ptr<ConnectionRecord> record, const BlockingSessionParams& p)
        : socket_(std::move(socket)), record_(std::move(record)), p_(p), waits_(*p.waits) {}
    ~Driver() override { release(); }

    void run();

    // SessionContext
    void send(std::string_view bytes) override {
        if (!aborted_) out_.append(bytes);
    }
    void close() override { closing_ = true; }
    void startTimer(Millis delay, int id) override {
        timers_.add(delay, [this, id] {
            if (!done_) session_->onTimer(*this, id);
        });
    }
    // Not a sleep: readOnce() waits in recv() until the earliest of these.
    void startWatchdog(Millis delay, int id) override {
        watchdogs_.add(delay, [this, id] {
            if (!done_) session_->onTimer(*this, id);
        });
    }
    // Chat: relayed once this session lets the others in (letIn), never
    // while it holds its own send lock (two senders would wait on each other).
    void broadcast(std::string_view bytes) override {
        if (shared_)
            relays_.emplace_back(bytes);
        else
            p_.reporter->broadcast(*record_, bytes);
    }
    void log(std::string_view text) override { p_.reporter->log(text); }
    const Address& peer() const override { return record_->peer; }
    const ServiceOptions& options() const override { return *p_.options; }
    size_t queuedBytes() const override { return out_.size(); }
    MemoryBudget* memoryBudget() const override { return p_.budget; }
    void requestHandled() override { p_.reporter->requestHandled(); }
    int fd() const override { return socket_.fd(); }
    void tlsEstablished(const std::string& summary) override {
        p_.reporter->tlsEstablished(*record_, summary);
    }

private:
    void open();
    void serve();
    // Chat: before a wait the owner lets relaying senders in (and relays
    // what its session broadcast); after it, keeps them out again.
    void letIn();
    void keepOut();
    bool flush();                    // false: the connection is over
    bool readOnce();                 // false: the connection is over
    void setReceiveTimeout(int ms);  // SO_RCVTIMEO, set only when it changes
    bool sleepUntilNextTimer();
    void drain();
    void fail(const char* call, int err);
    void idle();     // logs the idle timeout
    void release();  // unwatch, then close: idempotent

    Socket socket_;
    std::shared_ptr<ConnectionRecord> record_;
    const BlockingSessionParams& p_;
    BlockingWaits& waits_;
    uint64_t watched_ = 0;
    std::shared_ptr<SharedSocket> shared_;
    std::unique_lock<std::timed_mutex> held_;  // shared_->sendLock, by this thread
    std::vector<std::string> relays_;          // broadcast, relayed at the next letIn()
    std::unique_ptr<Session> session_;
    TimerQueue timers_;
    TimerQueue watchdogs_;  // deadlines on the peer: recv() waits until the next one
    int receiveTimeoutMs_ = 0;
    Clock::time_point waitStart_;
    bool resumeWait_ = false;
    OutputBuffer out_;
    bool closing_ = false, peerClosed_ = false, aborted_ = false, done_ = false;
};

void Driver::open() {
    const int fd = socket_.fd();
    if (p_.broadcast) {
        // Set before the record is registered, as connectionrecord.h asks.
        shared_ = std::make_shared<SharedSocket>();
        shared_->fd = fd;
        record_->deliver = [target = shared_, reporter = p_.reporter,
                            r = record_.get()](std::string_view bytes) {
            // r is alive: ServerCore::broadcast holds the record while it calls.
            deliverTo(*target, *reporter, *r, bytes);
        };
        held_ = std::unique_lock(shared_->sendLock);
    }
    // Registered first: whatever fails later, connectionClosed balances it.
    p_.reporter->connectionOpened(*record_);
    watched_ = waits_.watch(fd);
    out_.setBudget(p_.budget);
    if (p_.idleTimeoutMs > 0) {
        setTimeout(fd, SO_RCVTIMEO, Millis(p_.idleTimeoutMs));
        setTimeout(fd, SO_SNDTIMEO, Millis(p_.idleTimeoutMs));
        receiveTimeoutMs_ = p_.idleTimeoutMs;
    }
    session_ = p_.service->newSession(*p_.options);
    if (shared_) shared_->session = session_.get();
    session_->onOpen(*this);
}

void Driver::letIn() {
    if (!shared_) return;
    if (held_.owns_lock()) held_.unlock();
    for (const auto& bytes : std::exchange(relays_, {})) p_.reporter->broadcast(*record_, bytes);
}

void Driver::keepOut() {
    if (shared_ && !held_.owns_lock()) held_.lock();
}

// The course's loop, one event at a time: send what is queued, then the
// next timer (sleep) or else the next bytes (recv).
void Driver::serve() {
    while (!aborted_ && !waits_.stopping()) {
        if (!flush()) return;
        if (!out_.empty()) continue;  // onWritable queued more (an http stream)
        if (closing_) {
            letIn();
            if (!peerClosed_) drain();
            return;
        }
        if (!timers_.empty()) {
            letIn();
            const bool slept = sleepUntilNextTimer();
            keepOut();
            if (!slept) return;
            timers_.runDue();
            watchdogs_.runDue();
            continue;
        }
        if (peerClosed_) return;  // nothing can happen any more
        if (watchdogs_.nextTimeoutMs() == 0) {
            watchdogs_.runDue();
            continue;
        }
        // Input back-pressure with no timer to end it: the session can never
        // resume (service.h forbids it), so waiting would hang the thread.
        if (session_->inputPaused()) return;
        // The server's memory budget is spent: no recv until it is not.
        if (readsPaused(p_.budget, *p_.reporter)) {
            letIn();
            const bool slept = waits_.sleepFor(kBudgetRecheck);
            keepOut();
            if (!slept) return;
            continue;
        }
        if (!readOnce()) return;
    }
}

void Driver::run() {
    open();
    serve();
    letIn();
    done_ = true;
    record_->state.store(ConnectionRecord::Closing);
    release();
    p_.reporter->connectionClosed(*record_);
    session_.reset();
}

void Driver::release() {
    if (shared_) {
        std::unique_lock<std::timed_mutex> lock;
        if (!held_.owns_lock()) lock = std::unique_lock(shared_->sendLock);
        shared_->open = false;
        shared_->session = nullptr;
    }
    waits_.unwatch(std::exchange(watched_, 0));
    socket_.close();
}

void Driver::fail(const char* call, int err) {
    aborted_ = true;
    // A call failing because stop shut the socket down is not an error.
    if (!waits_.stopping()) p_.reporter->error(connectionError(*record_, call, err));
}

bool Driver::flush() {
    if (out_.empty()) return true;
    // Chat: under the send lock (held_), as every call of the session.
    const auto flushed = out_.flushTo(socket_.fd(), *p_.reporter, *record_);
    if (flushed.err != 0) {
        fail("send", flushed.err);
        return false;
    }
    // A blocking send stops short only when SO_SNDTIMEO ran out: the peer
    // has not read for the idle timeout.
    if (!out_.empty()) {
        idle();
        aborted_ = true;
        return false;
    }
    // Everything went: a session that stopped producing at a full queue
    // (an http stream) goes on; the loop then flushes what it adds.
    if (flushed.bytes > 0) session_->onWritable(*this);
    return true;
}

void Driver::idle() {
    p_.reporter->log("closing " + connectionText(*record_) + ": idle for " +
                     std::to_string(p_.idleTimeoutMs) + " ms");
}

void Driver::setReceiveTimeout(int ms) {
    if (ms == receiveTimeoutMs_) return;
    receiveTimeoutMs_ = ms;
    setTimeout(socket_.fd(), SO_RCVTIMEO, Millis(ms));
}

bool Driver::readOnce() {
    // The idle timeout runs from the start of this wait (a watchdog waking
    // us does not restart it); the session's next watchdog may end it
    // sooner (never 0 here: a due watchdog has run, and 0 means "none").
    if (!resumeWait_) waitStart_ = Clock::now();
    resumeWait_ = false;
    const int idleLeft =
        p_.idleTimeoutMs > 0 ? std::max(1, p_.idleTimeoutMs - elapsedMs(waitStart_)) : -1;
    const int watchdog = watchdogs_.nextTimeoutMs();
    const int wait = minTimeout(idleLeft, watchdog < 0 ? -1 : coarse(watchdog));
    setReceiveTimeout(wait < 0 ? 0 : wait);
    char buf[65536];
    letIn();
    const ssize_t n = sys::recv(socket_.fd(), buf, sizeof buf);
    keepOut();
    if (waits_.stopping()) return false;  // woken by stop's shutdown: drop the connection
    if (n < 0) {
        if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait > 0) {
            if (p_.idleTimeoutMs > 0 && elapsedMs(waitStart_) >= p_.idleTimeoutMs) {
                idle();
                return false;
            }
            resumeWait_ = true;  // a watchdog is due: serve() runs it, then we wait on
            return true;
        }
        fail("recv", errno);
        return false;
    }
    if (n == 0) {
        peerClosed_ = true;
        session_->onPeerClosed(*this);
        return true;
    }
    std::string_view data(buf, size_t(n));
    p_.reporter->bytesMoved(*record_, true, data);
    session_->onData(*this, data);
    return true;
}

bool Driver::sleepUntilNextTimer() {
    const int ms = minTimeout(timers_.nextTimeoutMs(), watchdogs_.nextTimeoutMs());
    if (ms <= 0) return !waits_.stopping();
    return waits_.sleepFor(Millis(ms));
}

// closesequence.h, blocking: FIN after our data, then read and discard
// until the peer closes too, for kDrainLimit at most.
void Driver::drain() {
    const int fd = socket_.fd();
    closesequence::beginGracefulClose(fd);
    setTimeout(fd, SO_RCVTIMEO, closesequence::kDrainLimit);
    const auto until = Clock::now() + closesequence::kDrainLimit;
    while (Clock::now() < until && !waits_.stopping() &&
           closesequence::discardInput(fd, *p_.reporter, *record_)) {
    }
}

}  // namespace

void runBlockingSession(Socket socket, std::shared_ptr<ConnectionRecord> record,
                        const BlockingSessionParams& params) noexcept {
    auto keep = record;
    try {
        if (params.waits) {
            Driver d(std::move(socket), std::move(record), params);
            d.run();
        } else {
            runPolledSession(std::move(socket), std::move(record), params);
        }
    } catch (const std::exception& e) {
        // A service that throws loses its connection, not the server.
        params.reporter->log(std::string("session ended by an exception: ") + e.what());
        keep->state.store(ConnectionRecord::Closed);
        params.reporter->connectionClosed(*keep);  // idempotent
    }
}

}  // namespace sockwb
