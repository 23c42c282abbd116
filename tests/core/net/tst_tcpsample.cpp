// readTcpSample: what TCP_INFO and the SIOCINQ/SIOCOUTQ ioctls give for an
// established pair (the queues, as bytes move and as the window fills) and
// for a listener (its accept queue and backlog), the same queues netlink's
// answer carries, and the errors for a socket that is not TCP.

#include <fcntl.h>
#include <sys/socket.h>

#include <QtTest>
#include <string>

#include "core/net/sockdiag.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

std::string endpoint(uint16_t port) { return "127.0.0.1:" + std::to_string(port); }

}  // namespace

class tst_TcpSample : public QObject {
    Q_OBJECT

private slots:
    void sampleQueues();
    void sampleOfListener();
    void notTcp();
};

void tst_TcpSample::sampleQueues() {
    test::TcpPair p = test::makeTcpPair();
    const int c = p.client.fd();
    const int s = p.server.fd();
    QCOMPARE(::send(s, "12345", 5, MSG_NOSIGNAL), ssize_t(5));
    QTRY_COMPARE(readTcpSample(c).value().inQueue, 5u);
    auto sample = readTcpSample(c);
    QCOMPARE(sample->state, 1);
    QVERIFY(sample->rttUs > 0);
    QCOMPARE(sample->bytesReceived, uint64_t(5));
    // The client reads nothing: fill its window from the server.
    const int small = 4096;
    ::setsockopt(c, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    ::fcntl(s, F_SETFL, ::fcntl(s, F_GETFL) | O_NONBLOCK);
    const std::string chunk(16384, 'x');
    uint64_t sent = 5;
    for (;;) {
        const ssize_t n = ::send(s, chunk.data(), chunk.size(), MSG_NOSIGNAL);
        if (n < 0) break;
        sent += static_cast<uint64_t>(n);
    }
    QVERIFY(errno == EAGAIN || errno == EWOULDBLOCK);
    // Every byte is either waiting in the client's receive queue or not yet
    // acknowledged in the server's send queue.
    QTRY_COMPARE(uint64_t(readTcpSample(c)->inQueue) + readTcpSample(s)->outQueue, sent);
    QVERIFY(readTcpSample(s)->outQueue > 0);
    // The netlink answer carries the same queues.
    const uint16_t port = p.server.localAddress().port();
    SocketQuery q;
    q.udp = false;
    q.localPort = port;
    q.stateMask = 1u << 1;
    q.tcpInfo = true;
    const std::string peer = endpoint(p.client.localAddress().port());
    const SocketEntry* server = nullptr;
    const auto list = querySockets(q);
    for (const SocketEntry& e : list)
        if (e.local == endpoint(port) && e.peer == peer) server = &e;
    QVERIFY(server);
    QCOMPARE(server->sendQ, readTcpSample(s)->outQueue);
    QVERIFY(server->tcp.has_value());
    QCOMPARE(server->tcp->outQueue, server->sendQ);
}

void tst_TcpSample::sampleOfListener() {
    Socket l = tcpListen(Address::fromIp("127.0.0.1", 0), 5);
    Socket c = tcpConnect(l.localAddress(), Millis(5000));
    // Connected, not accepted: the accept queue holds it; the backlog is 5.
    QTRY_COMPARE(readTcpSample(l.fd()).value().inQueue, 1u);
    const auto sample = readTcpSample(l.fd());
    QCOMPARE(sample->state, 10);
    QCOMPARE(sample->outQueue, 5u);
    QCOMPARE(sample->unacked, 1u);
}

void tst_TcpSample::notTcp() {
    Socket u(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    QVERIFY(u.fd() >= 0);
    QVERIFY(!readTcpSample(u.fd()).has_value());
    QVERIFY(!readTcpSample(-1).has_value());
    QCOMPARE(errno, EBADF);
}

SOCKWB_TEST_GUILESS_MAIN(tst_TcpSample)
#include "tst_tcpsample.moc"
