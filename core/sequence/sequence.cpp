#include "core/sequence/sequence.h"

#include <errno.h>

#include <cstdlib>
#include <limits>
#include <string_view>

#include "core/sequence/datagrammatcher.h"
#include "core/sequence/sockettracker.h"
#include "core/sequence/streammatcher.h"
#include "core/sequence/timeorder.h"

namespace sockwb::seq {

namespace {

using Role = Lifeline::Role;

bool isOutgoing(std::string_view c) {
    return c == "send" || c == "sendto" || c == "sendmsg" || c == "write";
}
bool isIncoming(std::string_view c) {
    return c == "recv" || c == "recvfrom" || c == "recvmsg" || c == "read";
}
// "accept4", "recv" or "send" for an io_uring completion of that request
// (args "accept multishot → fd 7", "recv 120 bytes, buffer 5", "send 120
// bytes"); its own name for the others (polls, failures).
std::string uringCompletionCall(const TraceEvent& e) {
    const std::string& a = e.args;
    if (a.rfind("accept", 0) == 0 && e.result >= 0) return "accept4";
    if (a.rfind("recv ", 0) == 0 && e.result >= 0) return "recv";
    if (a.rfind("send ", 0) == 0 && e.result >= 0) return "send";
    return e.call;
}

// Calls about a socket (their fd names it); the others go on the Process
// lifeline whatever their fd (select, poll, epoll_*, sleep, fork...).
bool isSocketCall(std::string_view c) {
    return isOutgoing(c) || isIncoming(c) || c == "socket" || c == "bind" || c == "listen" ||
           c == "accept" || c == "accept4" || c == "connect" || c == "shutdown" || c == "close" ||
           c == "setsockopt" || c == "getsockopt" || c == "getsockname" || c == "getpeername";
}

// The last ", "-separated field of an args text (the address of sendto,
// recvfrom, shutdown's how).
std::string lastField(const std::string& args) {
    const size_t at = args.rfind(", ");
    return at == std::string::npos ? args : args.substr(at + 2);
}
std::string secondField(const std::string& args) {
    const size_t a = args.find(", ");
    if (a == std::string::npos) return {};
    const size_t b = args.find(", ", a + 2);
    return args.substr(a + 2, b == std::string::npos ? std::string::npos : b - a - 2);
}
bool isAddress(const std::string& s) {
    return !s.empty() && s != "NULL" && s != "..." && s.front() != '"' && s.front() != '{';
}
std::string addressOr(const std::string& field, const std::string& fallback) {
    if (!field.empty()) return field;
    return isAddress(fallback) ? fallback : std::string();
}

}  // namespace

struct SequenceBuilder::Impl {
    std::vector<TraceEvent> events;
    std::vector<Call> calls;
    TimeOrder order;
    std::vector<Arrow> arrows;
    StreamMatcher streams{arrows};
    DatagramMatcher datagrams{events, arrows};
    SocketTracker sockets{streams};
    TlsRecords tls;
    uint64_t revision = 0;
    int64_t latestUs = std::numeric_limits<int64_t>::min();
    // arrowsOf's index, built lazily from the arrows not yet indexed.
    std::vector<std::vector<size_t>> arrowsByCall;
    size_t indexedArrows = 0;
    std::vector<size_t> changedArrows;

    // Adds one event; `ordered`: also places it in timeOrder (a batch is
    // placed at once by its caller).
    void add(const TraceEvent& e, bool ordered);
    size_t route(size_t call);
    void apply(size_t lifeline, size_t call);
    void applyData(size_t lifeline, size_t call);
    void replay(const std::vector<size_t>& lifelines);
    void programStart(size_t call);
    void indexArrows();
    void clear();
};

void SequenceBuilder::Impl::clear() {
    events.clear();
    calls.clear();
    order.clear();
    arrows.clear();
    streams.clear();
    datagrams.clear();
    sockets.clear();
    tls.clear();
    latestUs = std::numeric_limits<int64_t>::min();
    arrowsByCall.clear();
    indexedArrows = 0;
    changedArrows.clear();
}

void SequenceBuilder::Impl::programStart(size_t call) {
    // args: "\"name\", parent 123"
    const TraceEvent& e = events[call];
    const size_t at = e.args.rfind(", parent ");
    std::string name = e.args.substr(0, at);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
        name = name.substr(1, name.size() - 2);
    int parent = 0;
    if (at != std::string::npos) parent = std::atoi(e.args.c_str() + at + 9);
    sockets.started(e.pid, parent, std::move(name));
    // A preloaded fork child names its preloaded parent: it inherits its
    // sockets (the parent's fork event may come later, from another source).
    if (parent > 0 && sockets.isProgram(parent)) replay(sockets.inherit(parent, e.pid));
}

size_t SequenceBuilder::Impl::route(size_t call) {
    const TraceEvent& e = events[call];
    const std::string& c = e.call;
    if (c == "program_start") {
        programStart(call);
        return sockets.processLifeline(e.pid);
    }
    if (c == "fork") {
        const size_t l = sockets.processLifeline(e.pid);
        if (e.result > 0) replay(sockets.inherit(e.pid, static_cast<int>(e.result)));
        return l;
    }
    if (isTlsNote(e) && e.fd >= 0) {
        // On its socket's lifeline when the socket is known; it changes nothing there.
        const size_t l = sockets.find(e.pid, e.fd);
        return l != kNone ? l : sockets.processLifeline(e.pid);
    }
    if (!isSocketCall(c)) return sockets.processLifeline(e.pid);
    if (c == "socket") {
        if (e.result < 0) return sockets.processLifeline(e.pid);
        const bool dgram = secondField(e.args).rfind("SOCK_DGRAM", 0) == 0;
        const size_t l = sockets.open(e.pid, static_cast<int>(e.result),
                                      dgram ? Role::Datagram : Role::Unknown, dgram);
        sockets.lifelines()[l].origin = call;
        return l;
    }
    if (e.fd < 0) return sockets.processLifeline(e.pid);
    if (c == "accept" || c == "accept4") {
        const size_t listener = sockets.lookup(e.pid, e.fd);
        Lifeline& ll = sockets.lifelines()[listener];
        if (ll.role == Role::Unknown) ll.role = Role::Listener;
        if (e.result < 0) return listener;
        const std::string listenerLocal = ll.local;
        const size_t a = sockets.open(e.pid, static_cast<int>(e.result), Role::Accepted, false);
        Lifeline& al = sockets.lifelines()[a];
        al.origin = call;
        al.local = addressOr(e.local, listenerLocal);
        al.peer = addressOr(e.peer, secondField(e.args));
        al.firstUs = al.lastUs = e.timeUs;
        streams.accepted(sockets.socket(a).side, call, al.local, al.peer);
        return listener;
    }
    const size_t l = sockets.lookup(e.pid, e.fd);
    apply(l, call);
    if (c == "close") sockets.close(l);
    return l;
}

void SequenceBuilder::Impl::replay(const std::vector<size_t>& lifelines) {
    for (size_t l : lifelines) {
        std::vector<size_t> waiting = std::move(sockets.socket(l).waiting);
        sockets.socket(l).waiting.clear();
        for (size_t call : waiting) apply(l, call);
    }
}

void SequenceBuilder::Impl::apply(size_t lifeline, size_t call) {
    const TraceEvent& e = events[call];
    const std::string& c = e.call;
    SocketTracker::Socket* s = &sockets.socket(lifeline);
    if (!s->attached) {
        // A call that says what the socket is makes it a socket of its own;
        // the others wait for a fork that may say it was inherited.
        const bool addressed =
            (c == "sendto" || c == "recvfrom" || c == "sendmsg" || c == "recvmsg") &&
            !e.peer.empty();
        if (addressed || c == "connect" || c == "listen" || c == "bind") {
            sockets.attachOwn(lifeline, addressed);
            if (addressed) sockets.lifelines()[lifeline].role = Role::Datagram;
            replay({lifeline});
            s = &sockets.socket(lifeline);
        } else {
            s->waiting.push_back(call);
            return;
        }
    }
    Lifeline& l = sockets.lifelines()[lifeline];
    const bool ok = e.result >= 0;
    if (c == "bind") {
        if (ok) l.local = addressOr(e.local, secondField(e.args));
    } else if (c == "listen") {
        if (ok) l.role = Role::Listener;
        if (!e.local.empty()) l.local = e.local;
    } else if (c == "connect") {
        // A refused connect still makes a client (with no handshake).
        if (l.peer.empty() || ok) l.peer = addressOr(e.peer, secondField(e.args));
        if (!e.local.empty()) l.local = e.local;
        if (s->datagram) return;
        l.role = Role::Client;
        if (ok || e.err == EINPROGRESS) streams.connected(s->side, call, l.local, l.peer);
    } else if (c == "shutdown") {
        const std::string how = lastField(e.args);
        if (ok && s->side != kNone && (how == "SHUT_WR" || how == "SHUT_RDWR"))
            streams.shutWrite(s->side, call);
    } else if (c == "close") {
        if (s->side != kNone) streams.closed(s->side, call, e.timeUs);
    } else if (isOutgoing(c) || isIncoming(c)) {
        applyData(lifeline, call);
    }
}

void SequenceBuilder::Impl::applyData(size_t lifeline, size_t call) {
    const TraceEvent& e = events[call];
    const SocketTracker::Socket& s = sockets.socket(lifeline);
    Lifeline& l = sockets.lifelines()[lifeline];
    const bool out = isOutgoing(e.call);
    if (s.datagram) {
        if (e.result < 0) return;
        if (l.local.empty() && !e.local.empty()) l.local = e.local;
        const bool addressed = e.call == "sendto" || e.call == "recvfrom";
        const std::string other = !e.peer.empty() ? e.peer
                                  : addressed     ? addressOr({}, lastField(e.args))
                                                  : l.peer;
        const std::string local = !e.local.empty() ? e.local : l.local;
        if (out) {
            datagrams.sent(call, local, other.empty() ? l.peer : other);
        } else {
            const size_t changed = datagrams.received(call, other.empty() ? l.peer : other, local);
            if (changed != kNone) {
                changedArrows.push_back(changed);
                ++revision;
            }
        }
        return;
    }
    if (s.side == kNone) return;
    if (e.result > 0) {
        if (out)
            streams.sent(s.side, call, e.result);
        else
            streams.received(s.side, call, e.result, e.args.find("MSG_PEEK") != std::string::npos);
    } else if (e.result == 0 && !out) {
        streams.endOfStream(s.side, call);
    } else if (e.err == ECONNRESET || e.err == EPIPE) {
        streams.resetSeen(s.side, call);
    }
}

void SequenceBuilder::Impl::add(const TraceEvent& e, bool ordered) {
    const size_t index = events.size();
    events.push_back(e);
    // The io_uring model's completions are the calls it did not make: an
    // accept, recv or send completion places and draws like that call.
    if (e.call == "io_uring cqe") events.back().call = uringCompletionCall(e);
    tls.add(index, e);
    const size_t lifeline = route(index);
    Call call;
    call.event = index;
    call.lifeline = lifeline;
    call.timeUs = e.timeUs;
    calls.push_back(call);
    if (ordered) order.insert(index, e.timeUs, [this](size_t c) { return calls[c].timeUs; });
    Lifeline& l = sockets.lifelines()[lifeline];
    const bool first = l.firstUs == 0 && l.lastUs == 0;
    if (first || e.timeUs < l.firstUs) l.firstUs = e.timeUs;
    if (first || e.timeUs > l.lastUs) l.lastUs = e.timeUs;
    if (e.timeUs > latestUs) {
        latestUs = e.timeUs;
        datagrams.advance(latestUs);
    }
}

void SequenceBuilder::Impl::indexArrows() {
    arrowsByCall.resize(calls.size());
    auto note = [&](size_t arrow, size_t call) {
        if (call != kNone && call < arrowsByCall.size()) arrowsByCall[call].push_back(arrow);
    };
    for (; indexedArrows < arrows.size(); ++indexedArrows) {
        note(indexedArrows, arrows[indexedArrows].from);
        note(indexedArrows, arrows[indexedArrows].to);
    }
    for (size_t a : changedArrows)
        if (a < indexedArrows) note(a, arrows[a].to);  // a Lost arrow that found its receive
    changedArrows.clear();
}

SequenceBuilder::SequenceBuilder() : d_(std::make_unique<Impl>()) {}
SequenceBuilder::~SequenceBuilder() = default;

void SequenceBuilder::append(const TraceEvent& event) {
    d_->add(event, true);
    ++d_->revision;
}

void SequenceBuilder::append(const std::vector<TraceEvent>& events) {
    if (events.empty()) return;
    d_->events.reserve(d_->events.size() + events.size());
    d_->calls.reserve(d_->calls.size() + events.size());
    const size_t first = d_->calls.size();
    for (const TraceEvent& e : events) d_->add(e, false);
    d_->order.insertRange(first, d_->calls.size(),
                          [this](size_t c) { return d_->calls[c].timeUs; });
    ++d_->revision;
}

void SequenceBuilder::clear() {
    d_->clear();
    ++d_->revision;
}

const std::vector<TraceEvent>& SequenceBuilder::events() const { return d_->events; }
const std::vector<Process>& SequenceBuilder::processes() const { return d_->sockets.processes(); }
const std::vector<Lifeline>& SequenceBuilder::lifelines() const { return d_->sockets.lifelines(); }
const std::vector<Call>& SequenceBuilder::calls() const { return d_->calls; }
const std::vector<size_t>& SequenceBuilder::timeOrder() const { return d_->order.order(); }
const std::vector<Arrow>& SequenceBuilder::arrows() const { return d_->arrows; }

std::vector<size_t> SequenceBuilder::arrowsOf(size_t call) const {
    d_->indexArrows();
    if (call >= d_->arrowsByCall.size()) return {};
    return d_->arrowsByCall[call];
}

const std::vector<TlsRecord>& SequenceBuilder::tlsRecords(size_t call) const {
    return d_->tls.of(call);
}

const std::vector<TlsRecord>& SequenceBuilder::tlsRecordsOf(const Arrow& arrow) const {
    const std::vector<TlsRecord>& sent = d_->tls.of(arrow.from);
    if (arrow.kind != Arrow::Kind::Data || !sent.empty() || arrow.to == kNone) return sent;
    return d_->tls.of(arrow.to);
}

uint64_t SequenceBuilder::revision() const { return d_->revision; }

}  // namespace sockwb::seq
