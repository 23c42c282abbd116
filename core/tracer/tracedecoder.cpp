#include "core/tracer/tracedecoder.h"

#include <sys/socket.h>

#include <algorithm>
#include <cstring>

#include "core/net/systext.h"
#include "core/tracer/tracewaittext.h"
#include "core/tracer/tracewire.h"

namespace sockwb::tracer {

namespace {

constexpr const char* kNames[] = {
    "program_start", "socket",      "bind",        "listen",     "accept",         "accept4",
    "connect",       "send",        "sendto",      "sendmsg",    "recv",           "recvfrom",
    "recvmsg",       "read",        "write",       "shutdown",   "close",          "setsockopt",
    "getsockopt",    "getsockname", "getpeername", "select",     "poll",           "epoll_create",
    "epoll_create1", "epoll_ctl",   "epoll_wait",  "fork",       "pthread_create", "thread_start",
    "sleep",         "nanosleep",   "usleep",      "socketpair",
};
static_assert(sizeof kNames / sizeof kNames[0] == SWB_CALL_COUNT, "one name per call");

using Rec = sockwb_trace_record;

std::string num(long long v) { return std::to_string(v); }

// The address the record carries, as sys:: words it ("NULL" when none).
std::string addressOf(const Rec& r) {
    if (r.addr_stored == 0) return "NULL";
    return sys::sockaddrText(reinterpret_cast<const sockaddr*>(r.addr), r.addr_stored);
}

// The data preview: what dataPreview shows, marked "..." when the call moved
// more than the record could carry.
std::string dataOf(const Rec& r, bool received) {
    size_t stored = r.data_stored;
    if (received && r.result >= 0 && static_cast<size_t>(r.result) < stored)
        stored = static_cast<size_t>(r.result);
    const size_t whole = received ? (r.result > 0 ? static_cast<size_t>(r.result) : 0) : r.data_len;
    std::string s = sys::dataPreview(r.data, stored);
    if (whole > stored && stored <= 32 && s.back() != '.') s += "...";
    return s;
}

std::string optionValue(const Rec& r, bool after) {
    if (after && r.result < 0) return "...";
    const std::string v = sys::sockoptValue(static_cast<int>(r.arg[0]), static_cast<int>(r.arg[1]),
                                            r.data, r.data_stored);
    if (!v.empty()) return v;
    return r.data_stored ? sys::dataPreview(r.data, r.data_stored, 16) : "NULL";
}

// What accept wrote into the program's buffer: "NULL" when it gave none
// (the library asked getpeername for the trace: SWB_FLAG_PEER_ASKED).
std::string acceptedPeer(const Rec& r) {
    if (r.result < 0) return "...";
    if ((r.flags & SWB_FLAG_PEER_ASKED) && r.addr_len == 0) return "NULL";
    return addressOf(r);
}

// The structured fields of the event (trace.h): the bytes moved, the
// socket's own name, the peer's.
void fillDetails(const Rec& r, TraceEvent& e) {
    switch (r.call) {
        case SWB_SEND:
        case SWB_SENDTO:
        case SWB_SENDMSG:
        case SWB_WRITE:
        case SWB_RECV:
        case SWB_RECVFROM:
        case SWB_RECVMSG:
        case SWB_READ:
            if (r.result > 0) {
                const size_t n = std::min<size_t>(r.data_stored, static_cast<size_t>(r.result));
                e.data.assign(reinterpret_cast<const char*>(r.data), n);
            }
            break;
        default:
            break;
    }
    if (r.local_stored)
        e.local = sys::endpointText(reinterpret_cast<const sockaddr*>(r.local), r.local_stored);
    switch (r.call) {
        case SWB_CONNECT:
        case SWB_ACCEPT:
        case SWB_ACCEPT4:
        case SWB_SENDTO:
        case SWB_SENDMSG:
        case SWB_RECVFROM:
        case SWB_RECVMSG:
            if (r.addr_stored && (r.result >= 0 || r.call == SWB_CONNECT || r.call == SWB_SENDTO ||
                                  r.call == SWB_SENDMSG))
                e.peer =
                    sys::endpointText(reinterpret_cast<const sockaddr*>(r.addr), r.addr_stored);
            break;
        default:
            break;
    }
}

std::string acceptFlags(long long flags) {
    if (flags == 0) return "0";
    std::string s;
    if (flags & SOCK_NONBLOCK) s = "SOCK_NONBLOCK";
    if (flags & SOCK_CLOEXEC) s += s.empty() ? "SOCK_CLOEXEC" : "|SOCK_CLOEXEC";
    return s.empty() ? num(flags) : s;
}

std::string howText(long long how) {
    switch (how) {
        case SHUT_RD:
            return "SHUT_RD";
        case SHUT_WR:
            return "SHUT_WR";
        case SHUT_RDWR:
            return "SHUT_RDWR";
        default:
            return num(how);
    }
}

std::string ioText(const Rec& r) {
    const std::string fd = num(r.fd);
    const std::string len = num(r.data_len);
    const std::string flags = sys::msgFlagsText(static_cast<int>(r.arg[1]));
    switch (r.call) {
        case SWB_SEND:
            return fd + ", " + dataOf(r, false) + ", " + len + ", " + flags;
        case SWB_SENDTO:
            return fd + ", " + dataOf(r, false) + ", " + len + ", " + flags + ", " + addressOf(r);
        case SWB_RECV:
            return fd + ", " + dataOf(r, true) + ", " + len + ", " + flags;
        case SWB_RECVFROM:
            return fd + ", " + dataOf(r, true) + ", " + len + ", " + flags + ", " +
                   (r.result >= 0 ? addressOf(r) : "...");
        case SWB_SENDMSG:
        case SWB_RECVMSG:
            return fd + ", {name " + addressOf(r) + ", iov " + dataOf(r, r.call == SWB_RECVMSG) +
                   ", " + len + " bytes}, " + flags;
        case SWB_READ:
            return fd + ", " + dataOf(r, true) + ", " + len;
        default:  // SWB_WRITE
            return fd + ", " + dataOf(r, false) + ", " + len;
    }
}

std::string socketText(const Rec& r) {
    std::string s = sys::familyName(static_cast<int>(r.arg[0])) + ", " +
                    sys::sockTypeName(static_cast<int>(r.arg[1])) + ", " + num(r.arg[2]);
    if (r.call == SWB_SOCKETPAIR && r.result == 0 && r.data_stored >= 2 * sizeof(int)) {
        int sv[2];
        std::memcpy(sv, r.data, sizeof sv);
        s += ", [" + num(sv[0]) + ", " + num(sv[1]) + "]";
    }
    return s;
}

std::string processText(const Rec& r) {
    switch (r.call) {
        case SWB_HELLO:
            return sys::dataPreview(r.data, r.data_stored, SOCKWB_TRACE_DATA_MAX) + ", parent " +
                   num(r.arg[0]);
        case SWB_THREAD_START:
            return "tid " + num(r.tid);
        case SWB_SLEEP:
        case SWB_USLEEP:
            return num(r.arg[0]);
        case SWB_NANOSLEEP:
            return "{tv_sec=" + num(r.arg[0]) + ", tv_nsec=" + num(r.arg[1]) + "}";
        default:  // fork, pthread_create
            return {};
    }
}

}  // namespace

const char* callName(unsigned call) { return call < SWB_CALL_COUNT ? kNames[call] : nullptr; }

std::string argumentsText(const sockwb_trace_record& r) {
    const std::string fd = num(r.fd);
    switch (r.call) {
        case SWB_SOCKET:
        case SWB_SOCKETPAIR:
            return socketText(r);
        case SWB_BIND:
        case SWB_CONNECT:
            return fd + ", " + addressOf(r) + ", " + num(r.addr_len);
        case SWB_LISTEN:
            return fd + ", " + num(r.arg[0]);
        case SWB_ACCEPT:
            return fd + ", " + acceptedPeer(r);
        case SWB_ACCEPT4:
            return fd + ", " + acceptedPeer(r) + ", " + acceptFlags(r.arg[1]);
        case SWB_SHUTDOWN:
            return fd + ", " + howText(r.arg[0]);
        case SWB_CLOSE:
            return fd;
        case SWB_SETSOCKOPT:
        case SWB_GETSOCKOPT:
            return fd + ", " +
                   sys::sockoptName(static_cast<int>(r.arg[0]), static_cast<int>(r.arg[1])) + ", " +
                   optionValue(r, r.call == SWB_GETSOCKOPT) + ", " + num(r.data_len);
        case SWB_GETSOCKNAME:
        case SWB_GETPEERNAME:
            return fd + ", " + (r.result == 0 ? addressOf(r) : "...");
        case SWB_SELECT:
        case SWB_POLL:
        case SWB_EPOLL_CREATE:
        case SWB_EPOLL_CREATE1:
        case SWB_EPOLL_CTL:
        case SWB_EPOLL_WAIT:
            return waitText(r);
        case SWB_SEND:
        case SWB_SENDTO:
        case SWB_SENDMSG:
        case SWB_RECV:
        case SWB_RECVFROM:
        case SWB_RECVMSG:
        case SWB_READ:
        case SWB_WRITE:
            return ioText(r);
        default:
            return processText(r);
    }
}

std::optional<DecodedCall> decodeRecord(const void* bytes, size_t size) {
    if (size != sizeof(Rec)) return std::nullopt;
    Rec r;
    std::memcpy(&r, bytes, sizeof r);
    if (r.magic != SOCKWB_TRACE_MAGIC || r.version != SOCKWB_TRACE_VERSION ||
        r.call >= SWB_CALL_COUNT || r.addr_stored > SOCKWB_TRACE_ADDR_MAX ||
        r.data_stored > SOCKWB_TRACE_DATA_MAX || r.local_stored > SOCKWB_TRACE_LOCAL_MAX)
        return std::nullopt;
    DecodedCall d;
    TraceEvent& e = d.event;
    e.timeUs = r.time_us;
    e.pid = r.pid;
    e.tid = r.tid;
    e.fd = r.fd;
    e.call = kNames[r.call];
    e.args = argumentsText(r);
    e.result = r.result;
    e.err = r.err;
    e.durationNs = r.duration_ns;
    fillDetails(r, e);
    if (r.addr_stored) d.address = addressOf(r);
    d.processStart = r.call == SWB_HELLO;
    return d;
}

}  // namespace sockwb::tracer
