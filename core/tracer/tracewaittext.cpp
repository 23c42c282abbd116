#include "core/tracer/tracewaittext.h"

#include <poll.h>
#include <sys/epoll.h>

#include <cstring>

#include "core/tracer/tracewire.h"

namespace sockwb::tracer {

namespace {

using Rec = sockwb_trace_record;
constexpr int kSetBytes = 16;  // the preload copies fds 0..127 of each fd_set

std::string num(long long v) { return std::to_string(v); }

// "[3 5]": the descriptors set in one 16-byte slice of an fd_set.
std::string fdSet(const Rec& r, int slot, int nfds) {
    std::string s = "[";
    const unsigned char* bits = r.data + slot * kSetBytes;
    for (int fd = 0; fd < nfds && fd < kSetBytes * 8; ++fd) {
        if (!(bits[fd / 8] & (1u << (fd % 8)))) continue;
        if (s.size() > 1) s += ' ';
        s += num(fd);
    }
    if (nfds > kSetBytes * 8) s += s.size() > 1 ? " ..." : "...";
    return s + "]";
}

std::string selectText(const Rec& r) {
    const int nfds = static_cast<int>(r.arg[0]);
    const long long present = r.arg[2];
    std::string s = num(nfds) + ", " + ((present & 1) ? fdSet(r, 0, nfds) : "NULL") + ", " +
                    ((present & 2) ? fdSet(r, 1, nfds) : "NULL") + ", " +
                    ((present & 4) ? "[...]" : "NULL") + ", ";
    if (r.arg[1] < 0)
        s += "NULL";
    else
        s += "{" + num(r.arg[1] / 1000000) + "." +
             std::string(6 - num(r.arg[1] % 1000000).size(), '0') + num(r.arg[1] % 1000000) + " s}";
    if (r.result > 0) {
        s += " -> ";
        if (present & 1) s += "in " + fdSet(r, 2, nfds);
        if (present & 2) s += std::string((present & 1) ? " " : "") + "out " + fdSet(r, 3, nfds);
    }
    return s;
}

std::string eventBits(unsigned events, bool epoll) {
    struct Bit {
        unsigned bit;
        const char* name;
    };
    static const Bit kPoll[] = {
        {POLLIN, "POLLIN"},   {POLLPRI, "POLLPRI"},   {POLLOUT, "POLLOUT"},    {POLLERR, "POLLERR"},
        {POLLHUP, "POLLHUP"}, {POLLNVAL, "POLLNVAL"}, {POLLRDHUP, "POLLRDHUP"}};
    static const Bit kEpoll[] = {
        {EPOLLIN, "EPOLLIN"},   {EPOLLPRI, "EPOLLPRI"},         {EPOLLOUT, "EPOLLOUT"},
        {EPOLLERR, "EPOLLERR"}, {EPOLLHUP, "EPOLLHUP"},         {EPOLLRDHUP, "EPOLLRDHUP"},
        {EPOLLET, "EPOLLET"},   {EPOLLONESHOT, "EPOLLONESHOT"}, {EPOLLEXCLUSIVE, "EPOLLEXCLUSIVE"}};
    std::string s;
    auto add = [&](const Bit* bits, size_t n) {
        for (size_t i = 0; i < n; ++i) {
            if (!(events & bits[i].bit)) continue;
            if (!s.empty()) s += '|';
            s += bits[i].name;
            events &= ~bits[i].bit;
        }
    };
    if (epoll)
        add(kEpoll, sizeof kEpoll / sizeof kEpoll[0]);
    else
        add(kPoll, sizeof kPoll / sizeof kPoll[0]);
    if (events) s += (s.empty() ? "" : "|") + num(events);
    return s.empty() ? "0" : s;
}

std::string pollText(const Rec& r) {
    std::string s = "[";
    const size_t shown = r.data_stored / sizeof(pollfd);
    for (size_t i = 0; i < shown; ++i) {
        pollfd p;
        std::memcpy(&p, r.data + i * sizeof p, sizeof p);
        if (i) s += ", ";
        s += "{fd=" + num(p.fd) +
             ", events=" + eventBits(static_cast<unsigned short>(p.events), false);
        if (r.result > 0 && p.revents)
            s += ", revents=" + eventBits(static_cast<unsigned short>(p.revents), false);
        s += "}";
    }
    if (static_cast<long long>(shown) < r.arg[0]) s += shown ? ", ..." : "...";
    return s + "], " + num(r.arg[0]) + ", " + num(r.arg[1]);
}

std::string epollEvent(unsigned events, unsigned long long data) {
    return "{" + eventBits(events, true) + ", data=" + num(static_cast<long long>(data)) + "}";
}

std::string epollCtlText(const Rec& r) {
    const char* op = r.arg[0] == EPOLL_CTL_ADD   ? "EPOLL_CTL_ADD"
                     : r.arg[0] == EPOLL_CTL_MOD ? "EPOLL_CTL_MOD"
                     : r.arg[0] == EPOLL_CTL_DEL ? "EPOLL_CTL_DEL"
                                                 : nullptr;
    std::string s = num(r.fd) + ", " + (op ? op : num(r.arg[0])) + ", " + num(r.arg[1]) + ", ";
    if (r.arg[2] < 0) return s + "NULL";
    return s +
           epollEvent(static_cast<unsigned>(r.arg[2]), static_cast<unsigned long long>(r.arg[3]));
}

std::string epollWaitText(const Rec& r) {
    std::string s = num(r.fd) + ", [";
    const size_t shown = r.data_stored / sizeof(epoll_event);
    for (size_t i = 0; i < shown; ++i) {
        epoll_event ev;
        std::memcpy(&ev, r.data + i * sizeof ev, sizeof ev);
        if (i) s += ", ";
        s += epollEvent(ev.events, ev.data.u64);
    }
    if (r.result > static_cast<long long>(shown)) s += shown ? ", ..." : "...";
    return s + "], " + num(r.arg[0]) + ", " + num(r.arg[1]);
}

}  // namespace

std::string waitText(const sockwb_trace_record& r) {
    switch (r.call) {
        case SWB_SELECT:
            return selectText(r);
        case SWB_POLL:
            return pollText(r);
        case SWB_EPOLL_CREATE:
            return num(r.arg[0]);
        case SWB_EPOLL_CREATE1:
            return (r.arg[0] & EPOLL_CLOEXEC) ? "EPOLL_CLOEXEC" : num(r.arg[0]);
        case SWB_EPOLL_CTL:
            return epollCtlText(r);
        default:
            return epollWaitText(r);
    }
}

}  // namespace sockwb::tracer
