#include "core/net/traceformat.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <string>

#include "core/net/systext.h"

namespace sockwb::sys::fmt {

namespace {

std::string num(long long v) { return std::to_string(v); }

// The first min(moved, kTraceDataBytes) bytes the record holds.
std::string moved(const TraceRecord& r, int64_t n) {
    if (n <= 0) return {};
    return std::string(r.data, std::min<size_t>(static_cast<size_t>(n), r.dataLen));
}

// dataPreview(buf, len, max) of a buffer whose first dataLen bytes the
// record holds: the preview reads at most `max` bytes and says "..." past
// them, so max + 1 stands for any longer length.
std::string preview(const TraceRecord& r, int64_t len, size_t max = 32) {
    const size_t want = static_cast<size_t>(std::max<int64_t>(len, 0));
    size_t n = std::min<size_t>(want, r.dataLen);
    if (want > max && n >= max) n = max + 1;
    return dataPreview(r.data, n, max);
}

// An address as the record holds it: never read past its bytes.
socklen_t held(const TraceAddr& a) {
    return a.len < sizeof a.bytes ? a.len : socklen_t(sizeof a.bytes);
}
std::string text(const TraceAddr& a) { return sockaddrText(a.sa(), held(a)); }
std::string endpoint(const TraceAddr& a) { return endpointText(a.sa(), held(a)); }

}  // namespace

void socketText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = familyName(int(r.arg[0])) + ", " + sockTypeName(int(r.arg[1])) + ", " + num(r.arg[2]);
}

void bindText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + text(r.addr) + ", " + num(r.arg[0]);
    if (r.result == 0) ev.local = endpoint(r.local);  // port 0 made real
}

void listenText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + num(r.arg[0]);
    if (r.result == 0) ev.local = endpoint(r.local);
}

void acceptText(const TraceRecord& r, TraceEvent& ev) {
    const bool ok = r.result >= 0;
    ev.args = num(r.fd) + ", " + (ok && r.arg[1] ? text(r.addr) : std::string("...")) + ", " +
              ((r.arg[0] & SOCK_NONBLOCK) ? "SOCK_NONBLOCK|SOCK_CLOEXEC" : "SOCK_CLOEXEC");
    if (!ok) return;
    ev.local = endpoint(r.local);  // the new socket's, not the listener's
    ev.peer = endpoint(r.addr);
    if (ev.peer.empty()) ev.peer = endpoint(r.peer);
}

void connectText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + text(r.addr) + ", " + num(r.arg[0]);
    ev.peer = endpoint(r.addr);
    ev.local = endpoint(r.local);  // only asked when connected or under way
}

void sendText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + preview(r, r.arg[0]) + ", " + num(r.arg[0]) + ", " +
              msgFlagsText(int(r.arg[1]));
    ev.data = moved(r, r.result);
}

void recvText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + (r.result > 0 ? preview(r, r.result) : std::string("\"\"")) +
              ", " + num(r.arg[0]) + ", " + msgFlagsText(int(r.arg[1]));
    // MSG_TRUNC returns the real length, which may exceed the buffer.
    ev.data = moved(r, std::min(r.result, r.arg[0]));
}

void sendtoText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + preview(r, r.arg[0]) + ", " + num(r.arg[0]) + ", " +
              msgFlagsText(int(r.arg[1])) + ", " + text(r.addr);
    ev.data = moved(r, r.result);
    ev.peer = r.arg[2] ? endpoint(r.addr) : endpoint(r.peer);
    ev.local = endpoint(r.local);  // a first sendto binds the socket
}

void recvfromText(const TraceRecord& r, TraceEvent& ev) {
    const bool ok = r.result >= 0;
    const int64_t shown = r.result > 0 ? std::min(r.result, r.arg[0]) : 0;
    ev.args = num(r.fd) + ", " + preview(r, shown) + ", " + num(r.arg[0]) + ", " +
              msgFlagsText(int(r.arg[1])) + ", " +
              (ok && r.arg[2] ? text(r.addr) : std::string("..."));
    if (!ok) return;
    ev.data = moved(r, shown);
    ev.peer = r.arg[2] && r.arg[3] ? endpoint(r.addr) : endpoint(r.peer);
    ev.local = endpoint(r.local);
}

void shutdownText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " +
              (r.arg[0] == SHUT_WR   ? "SHUT_WR"
               : r.arg[0] == SHUT_RD ? "SHUT_RD"
                                     : "SHUT_RDWR");
}

void ioctlText(const TraceRecord& r, TraceEvent& ev) {
    const auto request = static_cast<unsigned long>(r.arg[0]);
    ev.args = num(r.fd) + ", " + (request == FIONREAD ? std::string("FIONREAD") : num(r.arg[0])) +
              ", [" + (r.result == 0 ? num(r.arg[1]) : std::string("?")) + "]";
}

void closeText(const TraceRecord& r, TraceEvent& ev) { ev.args = num(r.fd); }

void setsockoptText(const TraceRecord& r, TraceEvent& ev) {
    const int level = int(r.arg[0]), name = int(r.arg[1]);
    const auto len = static_cast<size_t>(r.arg[2]);
    // The option shapes sockoptValue knows are far smaller than data.
    std::string v = len <= r.dataLen ? sockoptValue(level, name, r.data, len) : std::string();
    if (v.empty()) v = "{...}";
    ev.args = num(r.fd) + ", " + sockoptName(level, name) + ", " + v + ", " + num(r.arg[2]);
}

void getsockoptText(const TraceRecord& r, TraceEvent& ev) {
    const std::string v = r.arg[2] ? "[" + num(r.arg[3]) + "]" : "{...}";
    ev.args = num(r.fd) + ", " + sockoptName(int(r.arg[0]), int(r.arg[1])) + ", " + v;
}

void socknameText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", " + (r.result == 0 ? text(r.addr) : std::string("..."));
}

void pollText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = "[" + num(r.arg[0]) + " fds], " + num(r.arg[1]);
}

void selectText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.arg[0]) + ", ..., " + (r.arg[1] ? num(r.arg[2]) + "ms" : std::string("NULL"));
}

void epollCreateText(const TraceRecord&, TraceEvent& ev) { ev.args = "EPOLL_CLOEXEC"; }

void epollCtlText(const TraceRecord& r, TraceEvent& ev) {
    const int op = int(r.arg[1]);
    const char* o = op == EPOLL_CTL_ADD   ? "EPOLL_CTL_ADD"
                    : op == EPOLL_CTL_MOD ? "EPOLL_CTL_MOD"
                                          : "EPOLL_CTL_DEL";
    std::string evs;
    if (r.arg[2]) {
        if (r.arg[3] & EPOLLIN) evs += "EPOLLIN";
        if (r.arg[3] & EPOLLOUT) evs += evs.empty() ? "EPOLLOUT" : "|EPOLLOUT";
    }
    ev.args = num(r.arg[0]) + ", " + o + ", " + num(r.fd) +
              (r.arg[2] ? ", {" + evs + "}" : std::string{});
}

void epollWaitText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", ..., " + num(r.arg[0]) + ", " + num(r.arg[1]);
}

void fcntlText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = num(r.fd) + ", F_SETFL, " + (r.arg[0] ? "O_NONBLOCK" : "~O_NONBLOCK");
}

void unlinkText(const TraceRecord& r, TraceEvent& ev) { ev.args = preview(r, r.arg[0], 120); }

void nanosleepText(const TraceRecord& r, TraceEvent& ev) {
    ev.args = "CLOCK_MONOTONIC, " + num(r.arg[0]) + " ms";
}

}  // namespace sockwb::sys::fmt
