#include "core/server/servercore.h"

#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

#include "core/net/sys.h"
#include "core/net/unixsocket.h"
#include "core/server/threadname.h"

namespace sockwb {

namespace {
constexpr size_t kPreview = 256;  // ServerObserver::onData promise

// The calling thread's pid and tid for each new record, without the two
// syscalls (getpid, and getpid again inside currentTid) per connection. A
// fork child must not keep its parent's values: every fork bumps a counter
// (pthread_atfork) and a thread whose counter is stale asks again.
std::atomic<unsigned> g_forks{0};
struct ThreadIds {
    int pid = 0, tid = 0;
    unsigned forks = ~0u;
};
const ThreadIds& threadIds() {
    static std::once_flag once;
    std::call_once(once, [] { ::pthread_atfork(nullptr, nullptr, [] { g_forks.fetch_add(1); }); });
    thread_local ThreadIds ids;
    const unsigned forks = g_forks.load(std::memory_order_relaxed);
    if (ids.forks != forks) {
        ids.pid = static_cast<int>(::getpid());
        ids.tid = currentTid();
        ids.forks = forks;
    }
    return ids;
}

// A numeric address as is (no lookup); a name ("localhost") through
// getaddrinfo, first answer. Empty means every IPv4 interface. A
// Unix-domain listener's bindAddress is its path.
Address bindAddressOf(const ListenerConfig& c, int socktype) {
    if (isUnixDomain(c.protocol)) return Address::unixPath(c.bindAddress);
    const std::string host = c.bindAddress.empty() ? std::string("0.0.0.0") : c.bindAddress;
    try {
        return Address::fromIp(host, c.port);
    } catch (const Error&) {
        auto all = Address::resolve(host, std::to_string(c.port), socktype);
        if (all.empty()) throw Error::invalid("bind address", "'" + host + "' resolves to nothing");
        return all.front();
    }
}
}  // namespace

const char* connectionStateName(ConnectionState state) noexcept {
    switch (state) {
        case ConnectionState::Open:
            return "open";
        case ConnectionState::Closing:
            return "closing";
        case ConnectionState::Closed:
            break;
    }
    return "closed";
}

ConnectionInfo ConnectionRecord::snapshot() const {
    ConnectionInfo info;
    info.id = id;
    info.listener = label;
    info.listenerIndex = listener;
    info.peer = peer;
    info.fd = fd;
    info.tid = tid;
    info.pid = pid;
    info.bytesIn = bytesIn.load(std::memory_order_relaxed);
    info.bytesOut = bytesOut.load(std::memory_order_relaxed);
    info.queued = queued.load(std::memory_order_relaxed);
    info.state = state.load(std::memory_order_relaxed);
    info.since = since;
    info.tls = tls();
    return info;
}

ServerCore::ServerCore(ServerConfig config, std::vector<std::shared_ptr<const Service>> services,
                       ServerObserver* observer, TraceObserver* trace)
    : config_(std::move(config)),
      sockopts_(config_.sockopts),
      budget_(config_.memoryBudget),
      observer_(observer),
      trace_(trace),
      blocking_(usesBlockingCalls(config_)) {
    // The configured listeners first, in their order (index = origin, loop
    // 0), so that listeners()[record.listener] is always the configured
    // one; then, with several loops, each further loop's copy of every
    // stream listener (datagram listeners stay on loop 0 alone).
    const size_t n = config_.listeners.size();
    for (size_t i = 0; i < n; ++i) {
        Listener l;
        l.config = config_.listeners[i];
        l.service = i < services.size() ? services[i] : nullptr;
        l.label = l.config.service + "/" + protocolName(l.config.protocol);
        l.origin = i;
        listeners_.push_back(std::move(l));
    }
    for (size_t loop = 1; loop < loopCount(); ++loop)
        for (size_t i = 0; i < n; ++i) {
            if (!isStream(listeners_[i].config.protocol)) continue;
            Listener l;
            l.config = listeners_[i].config;
            l.service = listeners_[i].service;
            l.label = listeners_[i].label;
            l.loop = loop;
            l.origin = i;
            listeners_.push_back(std::move(l));
        }
}

ServerCore::~ServerCore() { close(); }

void ServerCore::open() {
    // The stop fd is an eventfd: one fd, readable from the moment stop is
    // requested, and shared with fork children without any extra plumbing.
    stop_.emplace();
    const bool shared = loopCount() > 1;
    try {
        for (auto& l : listeners_) {
            const bool stream = isStream(l.config.protocol);
            // A loop's copy binds the port its configured listener got
            // (port 0 resolved by the first bind).
            Address want = l.loop == 0 ? bindAddressOf(l.config, stream ? SOCK_STREAM : SOCK_DGRAM)
                                       : listeners_[l.origin].address;
            // --sockopt: before bind (an SO_REUSEADDR among them replaces reuseAddr).
            ListenOptions lo;
            lo.reuseAddr = config_.reuseAddr && !sockopts_.setsReuseAddr();
            // Several loops: every copy of a TCP listener, the first one
            // included, says SO_REUSEPORT before bind, or the next bind fails.
            lo.reusePort = shared && stream;
            if (!sockopts_.empty())
                lo.beforeBind = [this, &l, stream](Socket& s) {
                    sockopts_.applyToListener(s, l.label, !stream, l.loop == 0);
                };
            if (isUnixDomain(l.config.protocol)) {
                l.socket = stream ? unixListen(want, config_.backlog, !blockingAccept())
                                  : unixDatagramBind(want);
                l.address = want;  // from here on, close() removes the socket file
                if (!stream && !blocking_) l.socket.setNonBlocking(true);
                // unixsocket.h binds as it creates: the options come after.
                if (lo.beforeBind) lo.beforeBind(l.socket);
            } else if (stream) {
                lo.nonBlocking = !blockingAccept();  // else the model polls before accept
                l.socket = tcpListen(want, config_.backlog, lo);
            } else {
                l.socket = udpBind(want, lo);
                if (!blocking_) l.socket.setNonBlocking(true);
            }
            l.address = l.socket.localAddress();
            if (blocking_) watchedListeners_.push_back(waits_.watch(l.socket.fd()));
        }
    } catch (...) {
        close();
        throw;
    }
}

void ServerCore::close() {
    for (uint64_t token : watchedListeners_) waits_.unwatch(token);
    watchedListeners_.clear();
    for (auto& l : listeners_) {
        // A listener that opened made its socket file: it goes with it.
        const bool ownsFile = l.socket.isValid() && l.address.isUnixPathName();
        l.socket.close();
        if (ownsFile) removeUnixSocketFile(l.address);
    }
    stop_.reset();
}

size_t ServerCore::loopCount() const noexcept {
    const bool loops = config_.model == "epoll" || config_.model == "io_uring";
    return loops && config_.loops > 1 ? size_t(config_.loops) : 1;
}

std::vector<Address> ServerCore::addresses() const {
    // One per configured listener: the loops' copies share its address.
    std::vector<Address> out;
    for (const auto& l : listeners_)
        if (l.loop == 0) out.push_back(l.address);
    return out;
}

void ServerCore::requestStop() noexcept {
    stopping_.store(true, std::memory_order_release);
    if (stop_) stop_->notify();
}

void ServerCore::wakeBlockedCalls() {
    if (blocking_) waits_.wakeAll();
}

bool ServerCore::blockingAccept() const noexcept {
    size_t tcp = 0;
    for (const auto& l : listeners_) tcp += l.config.protocol == Protocol::Tcp;
    return blocking_ && tcp == 1;
}

void ServerCore::threadStarted(const std::string& role) const {
    traceNote("thread_start", -1, role + " (model " + config_.model + ")", currentTid());
}

ServerThreadScope::ServerThreadScope(const ServerCore& core, const std::string& role)
    : trace_(core.traceObserver()) {
    nameThisServerThread(role);
    core.threadStarted(role);
}

bool ServerCore::admit(Socket& socket, const Address& peer, size_t listener) {
    accepted_.fetch_add(1, std::memory_order_relaxed);
    const auto max = static_cast<uint64_t>(config_.maxConnections);
    if (max > 0) {
        // Reserve a slot atomically: two acceptor threads never both pass.
        uint64_t cur = active_.load();
        do {
            if (cur >= max) {
                refused_.fetch_add(1, std::memory_order_relaxed);
                // Logged before the close: whoever sees the close can rely
                // on the log line being there.
                log("refused " + peer.toString() + " on " + listeners_[listener].label + ": " +
                    std::to_string(max) + " connections max");
                socket.close();
                return false;
            }
        } while (!active_.compare_exchange_weak(cur, cur + 1));
    } else {
        active_.fetch_add(1, std::memory_order_relaxed);
    }
    sockopts_.applyToAccepted(socket.fd(), listeners_[listener].label);
    return true;
}

void ServerCore::discardAdmitted() noexcept { active_.fetch_sub(1, std::memory_order_relaxed); }

void ServerCore::refuseAdmitted(Socket& socket, const Address& peer, size_t listener,
                                std::string_view why) {
    refused_.fetch_add(1, std::memory_order_relaxed);
    // Logged before the close, as admit() does.
    log("refused " + peer.toString() + " on " + listeners_[listener].label + ": " +
        std::string(why));
    socket.close();
    discardAdmitted();
}

std::shared_ptr<ConnectionRecord> ServerCore::newRecord(size_t listener, const Address& peer,
                                                        int fd) {
    auto r = std::make_shared<ConnectionRecord>();
    r->id = nextId_.fetch_add(1);
    r->listener = listeners_[listener].origin;  // a loop's copy counts as its listener
    r->label = listeners_[listener].label;
    r->peer = peer;
    r->fd = fd;
    const ThreadIds& ids = threadIds();
    r->tid = ids.tid;
    r->pid = ids.pid;
    return r;
}

std::shared_ptr<ConnectionRecord> ServerCore::findRecord(uint64_t id) const {
    std::lock_guard lock(mutex_);
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : it->second;
}

void ServerCore::acceptFailed(const ErrorInfo& info) {
    const auto d = acceptErrors_.failed();
    if (d.skipped > 0) log(skippedAccepts(d.skipped));
    if (!d.report) return;
    {
        std::lock_guard lock(mutex_);
        lastAcceptError_ =
            info.call + " on " + info.address + " failed with " + errnoName(info.err);
    }
    error(info);
}

void ServerCore::acceptSucceeded() {
    if (const uint64_t skipped = acceptErrors_.settle()) log(skippedAccepts(skipped));
}

std::string ServerCore::skippedAccepts(uint64_t count) const {
    std::lock_guard lock(mutex_);
    return lastAcceptError_ + " " + std::to_string(count) + " more time" + (count == 1 ? "" : "s") +
           " (repeats are logged at most every 5 s)";
}

void ServerCore::countBytes(bool incoming, uint64_t bytes) noexcept {
    (incoming ? bytesIn_ : bytesOut_).fetch_add(bytes, std::memory_order_relaxed);
}

void ServerCore::datagramIn(size_t bytes) noexcept {
    datagramsIn_.fetch_add(1, std::memory_order_relaxed);
    bytesIn_.fetch_add(bytes, std::memory_order_relaxed);
}

void ServerCore::datagramOut(size_t bytes) noexcept {
    datagramsOut_.fetch_add(1, std::memory_order_relaxed);
    bytesOut_.fetch_add(bytes, std::memory_order_relaxed);
}

ServerStats ServerCore::stats() const {
    ServerStats s;
    s.accepted = accepted_.load();
    s.active = active_.load();
    s.bytesIn = bytesIn_.load();
    s.bytesOut = bytesOut_.load();
    s.datagramsIn = datagramsIn_.load();
    s.datagramsOut = datagramsOut_.load();
    s.errors = errors_.load();
    s.refused = refused_.load();
    s.memoryBytes = budget_.used();
    s.memoryPeak = budget_.peak();
    s.memoryBudget = budget_.limit();
    s.slowClosed = slowClosed_.load();
    s.requests = requests_.load();
    return s;
}

std::vector<ConnectionInfo> ServerCore::connections() const {
    std::lock_guard lock(mutex_);
    std::vector<ConnectionInfo> out;
    out.reserve(records_.size());
    for (const auto& [id, r] : records_) out.push_back(r->snapshot());
    return out;
}

void ServerCore::connectionOpened(ConnectionRecord& record) {
    {
        std::lock_guard lock(mutex_);
        records_.emplace(record.id, record.shared_from_this());
    }
    if (observer_) observer_->onConnectionOpened(record.snapshot());
}

void ServerCore::bytesMoved(ConnectionRecord& record, bool incoming, std::string_view bytes) {
    (incoming ? record.bytesIn : record.bytesOut)
        .fetch_add(bytes.size(), std::memory_order_relaxed);
    (incoming ? bytesIn_ : bytesOut_).fetch_add(bytes.size(), std::memory_order_relaxed);
    if (observer_) observer_->onData(record.id, incoming, bytes.substr(0, kPreview));
}

void ServerCore::connectionClosed(ConnectionRecord& record) {
    std::shared_ptr<ConnectionRecord> keep;
    {
        std::lock_guard lock(mutex_);
        auto it = records_.find(record.id);
        if (it == records_.end()) return;  // closed twice (fork: message + reap)
        keep = std::move(it->second);
        records_.erase(it);
    }
    record.state.store(ConnectionRecord::Closed);
    active_.fetch_sub(1, std::memory_order_relaxed);
    if (observer_) observer_->onConnectionClosed(record.snapshot());
}

void ServerCore::broadcast(ConnectionRecord& from, std::string_view bytes) {
    std::vector<std::shared_ptr<ConnectionRecord>> targets;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, r] : records_)
            if (id != from.id && r->listener == from.listener && r->deliver &&
                r->state.load() == ConnectionRecord::Open)
                targets.push_back(r);
    }
    for (auto& r : targets) r->deliver(bytes);
}

void ServerCore::tlsEstablished(ConnectionRecord& record, const std::string& summary) {
    record.setTls(summary);
    if (observer_) observer_->onConnectionTls(record.id, summary);
}

void ServerCore::slowReaderClosed(ConnectionRecord&, std::string_view reason) {
    slowClosed_.fetch_add(1, std::memory_order_relaxed);
    log(reason);
}

void ServerCore::log(std::string_view text) {
    if (observer_) observer_->onLog(std::string(text));
}

void ServerCore::error(const ErrorInfo& info) {
    errors_.fetch_add(1, std::memory_order_relaxed);
    if (observer_) observer_->onError(info);
}

}  // namespace sockwb
