// The trace's binary records: every wrapped call on a real socket is
// reported as a TraceRecord, and formatting that record LATER (after the
// buffers were reused and the sockets closed) gives field for field the
// TraceEvent it gave on the spot, for send, recv, sendto, recvfrom,
// accept4, connect, bind, listen, epoll_ctl, epoll_wait, poll, close,
// shutdown, setsockopt, getsockopt and traceNote(); the texts are the ones
// the trace has always written. A TraceRing hands them over in order,
// bounded, with its drops counted.

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>

#include <QtTest>
#include <cstring>
#include <mutex>
#include <vector>

#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/net/trace.h"
#include "core/net/tracerecord.h"
#include "core/net/tracering.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

// Keeps each record and the event it formats to at the time of the call.
class Tee final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override { events.push_back(e); }
    void onRecord(const TraceRecord& r) override {
        records.push_back(r);
        atTheTime.push_back(r.toEvent());
    }
    std::vector<TraceRecord> records;
    std::vector<TraceEvent> atTheTime;
    std::vector<TraceEvent> events;  // reported as events only
};

void compareFields(const TraceEvent& a, const TraceEvent& b) {
    QCOMPARE(a.call, b.call);
    QCOMPARE(a.args, b.args);
    QCOMPARE(a.fd, b.fd);
    QCOMPARE(a.result, b.result);
    QCOMPARE(a.err, b.err);
    QCOMPARE(a.timeUs, b.timeUs);
    QCOMPARE(a.durationNs, b.durationNs);
    QCOMPARE(a.pid, b.pid);
    QCOMPARE(a.tid, b.tid);
    QCOMPARE(a.data, b.data);
    QCOMPARE(a.local, b.local);
    QCOMPARE(a.peer, b.peer);
}

const TraceEvent* find(const std::vector<TraceEvent>& evs, const std::string& call, int nth = 0) {
    for (const auto& e : evs)
        if (e.call == call && nth-- == 0) return &e;
    return nullptr;
}

}  // namespace

class tst_TraceRecord : public QObject {
    Q_OBJECT

private slots:
    void laterIsTheSameAsAtTheTime();
    void udpLaterIsTheSame();
    void textsAsAlways();
    void longNoteIsAnEvent();
    void ringKeepsOrderAndCountsDrops();
    void ringWithoutObserverCostsNothing();
};

void tst_TraceRecord::laterIsTheSameAsAtTheTime() {
    Tee tee;
    {
        TraceScope scope(&tee);
        Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
        Socket client = tcpConnect(listener.localAddress(), Millis(5000));
        Socket server = listener.accept().socket;
        const int one = 1;
        sys::setsockopt(client.fd(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int got = 0;
        socklen_t len = sizeof got;
        sys::getsockopt(client.fd(), SOL_SOCKET, SO_SNDBUF, &got, &len);
        char buf[2048];
        std::memset(buf, 'a', sizeof buf);
        std::memcpy(buf, "Bonjour\n\x01\xff", 10);
        sys::send(client.fd(), buf, 10, 0);
        sys::send(client.fd(), buf, sizeof buf, 0);  // past kTraceDataBytes
        const int ep = sys::epollCreate();
        epoll_event ev{};
        ev.events = EPOLLIN;
        sys::epollCtl(ep, EPOLL_CTL_ADD, server.fd(), &ev);
        epoll_event out[4];
        QCOMPARE(sys::epollWait(ep, out, 4, 5000), 1);
        pollfd pfd{server.fd(), POLLIN, 0};
        sys::poll(&pfd, 1, 1000);
        size_t total = 0;
        char in[4096];
        while (total < 10 + sizeof buf) {
            const ssize_t r = sys::recv(server.fd(), in, sizeof in, 0);
            QVERIFY(r > 0);
            total += size_t(r);
        }
        sys::recv(server.fd(), in, sizeof in, MSG_DONTWAIT);  // EAGAIN
        traceNote("note", server.fd(), "a short note", 7);
        sys::shutdown(client.fd(), SHUT_WR);
        sys::close(ep);
        sys::close(-1);  // EBADF
        // Scribble over what the calls pointed at: the records own their bytes.
        std::memset(buf, 'z', sizeof buf);
        std::memset(in, 'z', sizeof in);
    }
    QVERIFY(tee.records.size() >= 15);
    QCOMPARE(tee.records.size(), tee.atTheTime.size());
    for (size_t i = 0; i < tee.records.size(); ++i)
        compareFields(tee.records[i].toEvent(), tee.atTheTime[i]);
    for (const char* call :
         {"socket", "bind", "listen", "connect", "accept4", "setsockopt", "getsockopt", "send",
          "epoll_ctl", "epoll_wait", "poll", "recv", "note", "shutdown", "close"})
        QVERIFY2(find(tee.atTheTime, call), call);
    const TraceEvent* first = find(tee.atTheTime, "send");
    QCOMPARE(first->data, std::string("Bonjour\n\x01\xff", 10));
    QCOMPARE(find(tee.atTheTime, "send", 1)->data.size(), kTraceDataBytes);
    QVERIFY(!find(tee.atTheTime, "accept4")->peer.empty());
    QCOMPARE(find(tee.atTheTime, "accept4")->peer, find(tee.atTheTime, "connect")->local);
    QVERIFY(tee.events.empty());  // every call here reports a record
}

void tst_TraceRecord::udpLaterIsTheSame() {
    Tee tee;
    {
        TraceScope scope(&tee);
        Socket a = udpBind(Address::fromIp("127.0.0.1", 0));
        Socket b = udpBind(Address::fromIp("127.0.0.1", 0));
        sockaddr_storage to{};
        socklen_t tolen = sizeof to;
        sys::getsockname(b.fd(), reinterpret_cast<sockaddr*>(&to), &tolen);
        char msg[] = "datagram \"quoted\"";
        sys::sendto(a.fd(), msg, sizeof msg - 1, 0, reinterpret_cast<sockaddr*>(&to), tolen);
        char in[64];
        sockaddr_storage from{};
        socklen_t fromlen = sizeof from;
        pollfd pfd{b.fd(), POLLIN, 0};
        QCOMPARE(sys::poll(&pfd, 1, 5000), 1);
        sys::recvfrom(b.fd(), in, sizeof in, 0, reinterpret_cast<sockaddr*>(&from), &fromlen);
        std::memset(msg, 'z', sizeof msg - 1);
        std::memset(in, 'z', sizeof in);
        std::memset(&from, 0, sizeof from);
    }
    for (size_t i = 0; i < tee.records.size(); ++i)
        compareFields(tee.records[i].toEvent(), tee.atTheTime[i]);
    const TraceEvent* s = find(tee.atTheTime, "sendto");
    const TraceEvent* r = find(tee.atTheTime, "recvfrom");
    QVERIFY(s && r);
    QCOMPARE(s->data, std::string("datagram \"quoted\""));
    QCOMPARE(r->data, s->data);
    QCOMPARE(r->peer, s->local);
    QCOMPARE(s->peer, r->local);
}

void tst_TraceRecord::textsAsAlways() {
    Tee tee;
    {
        TraceScope scope(&tee);
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        const char big[41] = "0123456789012345678901234567890123456789";
        sys::send(fds[0], big, 40, 0);
        char in[8];
        sys::recv(fds[1], in, sizeof in, 0);
        timeval tv{5, 0};
        sys::setsockopt(fds[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT;
        const int ep = sys::epollCreate();
        sys::epollCtl(ep, EPOLL_CTL_ADD, fds[0], &ev);
        sys::epollCtl(ep, EPOLL_CTL_DEL, fds[0], nullptr);
        sys::shutdown(fds[0], SHUT_RDWR);
        sys::close(ep);
        sys::close(fds[0]);
        sys::close(fds[1]);
    }
    const auto args = [&](const char* call, int nth = 0) {
        const TraceEvent* e = find(tee.atTheTime, call, nth);
        return e ? e->args : std::string("(none)");
    };
    const std::string s0 = std::to_string(find(tee.atTheTime, "send")->fd);
    const std::string s1 = std::to_string(find(tee.atTheTime, "recv")->fd);
    QCOMPARE(args("send"), s0 + ", \"01234567890123456789012345678901\"..., 40, MSG_NOSIGNAL");
    QCOMPARE(args("recv"), s1 + ", \"01234567\", 8, 0");
    QCOMPARE(find(tee.atTheTime, "recv")->data, std::string("01234567"));
    QCOMPARE(args("setsockopt"), s0 + ", SOL_SOCKET, SO_RCVTIMEO, {tv_sec=5, tv_usec=0}, 16");
    const std::string ep = std::to_string(find(tee.atTheTime, "epoll_create1")->result);
    QCOMPARE(args("epoll_ctl"), ep + ", EPOLL_CTL_ADD, " + s0 + ", {EPOLLIN|EPOLLOUT}");
    QCOMPARE(args("epoll_ctl", 1), ep + ", EPOLL_CTL_DEL, " + s0);
    QCOMPARE(args("shutdown"), s0 + ", SHUT_RDWR");
    QCOMPARE(args("close"), ep);
}

void tst_TraceRecord::longNoteIsAnEvent() {
    Tee tee;
    {
        TraceScope scope(&tee);
        traceNote("long", 3, std::string(kTraceDataBytes + 1, 'x'));
        traceNote("fits", 3, std::string(kTraceDataBytes, 'y'), 9);
    }
    QCOMPARE(tee.events.size(), size_t(1));
    QCOMPARE(tee.events[0].args.size(), kTraceDataBytes + 1);
    QCOMPARE(tee.records.size(), size_t(1));
    const TraceEvent later = tee.records[0].toEvent();
    QCOMPARE(later.call, std::string("fits"));
    QCOMPARE(later.args, std::string(kTraceDataBytes, 'y'));
    QCOMPARE(later.result, int64_t(9));
    QCOMPARE(later.fd, 3);
}

void tst_TraceRecord::ringKeepsOrderAndCountsDrops() {
    TraceRing ring(4);
    class Into final : public TraceObserver {
    public:
        explicit Into(TraceRing& r) : ring(r) {}
        void onTrace(const TraceEvent& e) override { ring.push(e); }
        void onRecord(const TraceRecord& r) override { ring.push(r); }
        TraceRing& ring;
    } into(ring);
    uint64_t dropped = 99;
    std::vector<TraceEvent> out;
    const auto sink = [&](TraceEvent&& e) { out.push_back(std::move(e)); };
    QVERIFY(!ring.drain(sink, dropped));
    {
        TraceScope scope(&into);
        for (int i = 0; i < 3; ++i) traceNote("n", i, "note " + std::to_string(i));
        TraceEvent e;
        e.call = "event";
        e.args = "as an event";
        into.onTrace(e);
        for (int i = 3; i < 6; ++i) traceNote("n", i, "note " + std::to_string(i));
    }
    QVERIFY(ring.drain(sink, dropped));
    QCOMPARE(dropped, uint64_t(3));
    QCOMPARE(ring.dropped(), uint64_t(3));
    QCOMPARE(out.size(), size_t(4));
    QCOMPARE(out[0].call, std::string("event"));
    for (int i = 1; i < 4; ++i) QCOMPARE(out[size_t(i)].args, "note " + std::to_string(i + 2));
    // Drained: empty again; then a second round reuses the buffers.
    QVERIFY(!ring.drain(sink, dropped));
    out.clear();
    {
        TraceScope scope(&into);
        traceNote("again", 1, "x");
    }
    QVERIFY(ring.drain(sink, dropped));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].call, std::string("again"));
    QCOMPARE(dropped, uint64_t(3));
}

void tst_TraceRecord::ringWithoutObserverCostsNothing() {
    TraceRing ring(8);
    uint64_t dropped = 0;
    sys::close(-1);
    traceNote("nobody", -1, "listens");
    QVERIFY(!ring.drain([](TraceEvent&&) {}, dropped));
}

SOCKWB_TEST_GUILESS_MAIN(tst_TraceRecord)
#include "tst_tracerecord.moc"
