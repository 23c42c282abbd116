// The traced path allocates nothing: with a record-taking observer attached
// (a warm TraceRing, as the GUI's adapter holds), the hot calls (send, recv,
// sendto, recvfrom, accept4, epoll_ctl, epoll_wait, poll, setsockopt,
// getsockopt, shutdown, close and a short traceNote) make no call to
// operator new on the traced thread. Counted by replacing the global
// operator new in this executable with one that counts per thread.

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>

#include <QtTest>
#include <cstdlib>
#include <new>

#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/net/trace.h"
#include "core/net/tracering.h"
#include "support/testmain.h"

namespace {
thread_local long t_news = 0;
}

void* operator new(std::size_t n) {
    ++t_news;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace sockwb;

namespace {

class IntoRing final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override { ring.push(e); }
    void onRecord(const TraceRecord& r) override { ring.push(r); }
    TraceRing ring{1000};
};

}  // namespace

class tst_TraceAlloc : public QObject {
    Q_OBJECT

private slots:
    void hotCallsAllocateNothing();
};

void tst_TraceAlloc::hotCallsAllocateNothing() {
    IntoRing obs;
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    Socket udpA = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket udpB = udpBind(Address::fromIp("127.0.0.1", 0));
    sockaddr_storage to{};
    socklen_t tolen = sizeof to;
    QCOMPARE(::getsockname(udpB.fd(), reinterpret_cast<sockaddr*>(&to), &tolen), 0);
    sockaddr_storage listenAddr{};
    socklen_t listenLen = sizeof listenAddr;
    QCOMPARE(::getsockname(listener.fd(), reinterpret_cast<sockaddr*>(&listenAddr), &listenLen), 0);
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    QVERIFY(ep >= 0);

    long news = 0;
    int calls = 0;
    // Three rounds: the first two warm the ring's two buffers (their slots
    // are allocated once), the third reuses them.
    for (int round = 0; round < 3; ++round) {
        const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QCOMPARE(::connect(client, reinterpret_cast<sockaddr*>(&listenAddr), listenLen), 0);
        char buf[1024] = "GET / HTTP/1.1\r\n\r\n";
        const long before = t_news;
        {
            TraceScope scope(&obs);
            sockaddr_storage peer{};
            socklen_t peerLen = sizeof peer;
            const int server =
                sys::accept(listener.fd(), reinterpret_cast<sockaddr*>(&peer), &peerLen, 0);
            const int one = 1;
            sys::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            int value = 0;
            socklen_t len = sizeof value;
            sys::getsockopt(server, SOL_SOCKET, SO_RCVBUF, &value, &len);
            epoll_event ev{};
            ev.events = EPOLLIN;
            sys::epollCtl(ep, EPOLL_CTL_ADD, server, &ev);
            sys::send(client, buf, sizeof buf, 0);
            epoll_event out[8];
            sys::epollWait(ep, out, 8, 5000);
            pollfd pfd{server, POLLIN, 0};
            sys::poll(&pfd, 1, 5000);
            sys::recv(server, buf, sizeof buf, 0);
            sys::sendto(udpA.fd(), buf, 100, 0, reinterpret_cast<sockaddr*>(&to), tolen);
            pollfd upfd{udpB.fd(), POLLIN, 0};
            sys::poll(&upfd, 1, 5000);
            sockaddr_storage from{};
            socklen_t fromlen = sizeof from;
            sys::recvfrom(udpB.fd(), buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from),
                          &fromlen);
            traceNote("note", server, "short");  // fits the string's own buffer
            sys::epollCtl(ep, EPOLL_CTL_DEL, server, nullptr);
            sys::shutdown(server, SHUT_RDWR);
            sys::close(server);
        }
        news = t_news - before;
        ::close(client);
        uint64_t dropped = 0;
        calls = 0;
        QVERIFY(obs.ring.drain([&](TraceEvent&&) { ++calls; }, dropped));
        QCOMPARE(dropped, uint64_t(0));
    }
    ::close(ep);
    QCOMPARE(calls, 15);
    QCOMPARE(news, 0L);
    // And the counter counts: a record formatted into an event allocates.
    const long before = t_news;
    TraceEvent made;
    made.args = std::string(100, 'x');
    QVERIFY(t_news > before);
}

SOCKWB_TEST_GUILESS_MAIN(tst_TraceAlloc)
#include "tst_tracealloc.moc"
