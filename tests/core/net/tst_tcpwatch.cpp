// TcpWatch finds connections in the kernel's socket table by their tuple
// and reads their live TCP state: real loopback connections (unread bytes
// in Recv-Q, a send the peer does not read in Send-Q, the states of a
// half-close, IPv6 and a dual-stack listener), then the matching rules on a
// table the test writes (IPv4-mapped peers, wildcard local addresses, the
// number of dumps, TIME-WAIT without TCP_INFO).

#include <netinet/tcp.h>

#include <QtTest>
#include <cerrno>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/tcpwatch.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

// The sample of the socket whose tuple is (local, peer), if listed.
std::optional<TcpWatchSample> sampleOf(const Socket& s) {
    const TcpWatch watch;
    const auto samples = watch.sample({{s.localAddress(), s.peerAddress()}});
    if (samples.size() != 1) return std::nullopt;
    return samples.front();
}

// A listener on host:0; skips the test where the address cannot be bound.
Socket listenOn(const char* host) {
    try {
        return tcpListen(Address::fromIp(host, 0));
    } catch (const Error& e) {
        if (e.err() == EADDRNOTAVAIL || e.err() == EAFNOSUPPORT) return {};
        throw;
    }
}

SocketEntry entry(const char* local, uint16_t lport, const char* peer, uint16_t pport, int state) {
    SocketEntry e;
    e.protocol = SocketEntry::Protocol::Tcp;
    e.state = state;
    e.local = local;
    e.localPort = lport;
    e.peer = peer;
    e.peerPort = pport;
    return e;
}

}  // namespace

class tst_TcpWatch : public QObject {
    Q_OBJECT

private slots:
    void unreadBytesAreInRecvQ();
    void unreadSendStaysInSendQ();
    void halfCloseStates();
    void ipv6Tuple();
    void dualStackListenerFindsIpv4Peer();
    void listenerPortTargetsEveryConnection();
    void mappedAndWildcardMatching();
    void manyPortsMakeOneDump();
    void timeWaitHasNoInfo();
    void indexFindsByPortAndPeer();
};

void tst_TcpWatch::unreadBytesAreInRecvQ() {
    auto p = test::makeTcpPair();
    const std::string bytes = "seventeen bytes!!";
    p.client.sendAll(bytes);
    // Loopback delivers at once, but the ACK path is the kernel's: wait for it.
    std::optional<TcpWatchSample> server;
    QTRY_VERIFY((server = sampleOf(p.server)) && server->tcp.inQueue == bytes.size());
    QCOMPARE(server->tcp.state, int(TCP_ESTABLISHED));
    QVERIFY(server->hasInfo);
    QCOMPARE(server->tcp.bytesReceived, uint64_t(bytes.size()));
    QCOMPARE(server->tcp.outQueue, 0u);
    QCOMPARE(server->local, p.server.localAddress());
    QCOMPARE(server->peer, p.server.peerAddress());
    // The sender's side: everything acknowledged, nothing queued (the SYN
    // counts as one byte acknowledged on the side that connected).
    std::optional<TcpWatchSample> client;
    QTRY_VERIFY((client = sampleOf(p.client)) && client->tcp.bytesAcked == bytes.size() + 1);
    QCOMPARE(client->tcp.outQueue, 0u);
    QCOMPARE(client->tcp.inQueue, 0u);
    QVERIFY(client->tcp.cwnd > 0);
    QVERIFY(client->tcp.rttUs > 0);
    // Reading empties the queue.
    std::string got;
    while (got.size() < bytes.size()) QVERIFY(p.server.recvSome(got, 64).ok());
    QTRY_VERIFY((server = sampleOf(p.server)) && server->tcp.inQueue == 0);
}

void tst_TcpWatch::unreadSendStaysInSendQ() {
    auto p = test::makeTcpPair();
    p.server.setRecvBufferSize(4096);
    p.client.setNonBlocking(true);
    // Send until the kernel takes no more: the peer never reads.
    const std::string chunk(64 * 1024, 'x');
    size_t sent = 0;
    for (int i = 0; i < 1000; ++i) {
        const IoResult r = p.client.send(chunk);
        if (!r.ok()) break;
        sent += r.bytes;
    }
    QVERIFY(sent > 0);
    std::optional<TcpWatchSample> client;
    QTRY_VERIFY((client = sampleOf(p.client)) && client->tcp.outQueue > 0);
    QVERIFY(client->tcp.outQueue <= sent);
    std::optional<TcpWatchSample> server;
    QTRY_VERIFY((server = sampleOf(p.server)) && server->tcp.inQueue > 0);
    // What is not acknowledged plus what was: everything sent (and the SYN).
    QTRY_VERIFY((client = sampleOf(p.client)) &&
                client->tcp.outQueue + client->tcp.bytesAcked == sent + 1);
}

void tst_TcpWatch::halfCloseStates() {
    auto p = test::makeTcpPair();
    std::optional<TcpWatchSample> client;
    std::optional<TcpWatchSample> server;
    QTRY_VERIFY((client = sampleOf(p.client)) && client->tcp.state == TCP_ESTABLISHED);
    p.client.shutdownWrite();
    // The FIN is acknowledged by the peer's kernel: FIN-WAIT-2 here,
    // CLOSE-WAIT there until the server closes.
    QTRY_VERIFY((client = sampleOf(p.client)) && client->tcp.state == TCP_FIN_WAIT2);
    QTRY_VERIFY((server = sampleOf(p.server)) && server->tcp.state == TCP_CLOSE_WAIT);
    QCOMPARE(tcpStateName(server->tcp.state), std::string("CLOSE-WAIT"));
    // The server closes too: the client, which closed first, is in TIME-WAIT.
    const TcpWatchTarget clientTuple{p.client.localAddress(), p.client.peerAddress()};
    p.server.close();
    const TcpWatch watch;
    std::vector<TcpWatchSample> samples;
    QTRY_VERIFY((samples = watch.sample({clientTuple})).size() == 1 &&
                samples.front().tcp.state == TCP_TIME_WAIT);
}

void tst_TcpWatch::ipv6Tuple() {
    Socket listener = listenOn("::1");
    if (!listener) QSKIP("::1 cannot be bound on this machine");
    Socket client = tcpConnect(listener.localAddress(), Millis(5000));
    Socket server = listener.accept().socket;
    client.sendAll("abc");
    std::optional<TcpWatchSample> s;
    QTRY_VERIFY((s = sampleOf(server)) && s->tcp.inQueue == 3);
    QVERIFY(s->local.isV6());
    QCOMPARE(s->peer, client.localAddress());
    // The IPv4 tuple with the same ports is another socket: not matched.
    const TcpWatch watch;
    const auto none = watch.sample({{Address::fromIp("127.0.0.1", server.localAddress().port()),
                                     Address::fromIp("127.0.0.1", client.localAddress().port())}});
    QVERIFY(none.empty());
}

void tst_TcpWatch::dualStackListenerFindsIpv4Peer() {
    Socket listener = listenOn("::");
    if (!listener) QSKIP(":: cannot be bound on this machine");
    const uint16_t port = listener.localAddress().port();
    Socket client = tcpConnect(Address::fromIp("127.0.0.1", port), Millis(5000));
    Socket server = listener.accept().socket;
    // The kernel names the accepted socket's ends ::ffff:127.0.0.1; the
    // target says [::]:port and the client's plain IPv4 address.
    const TcpWatch watch;
    const auto samples = watch.sample({{listener.localAddress(), client.localAddress()}});
    QCOMPARE(samples.size(), size_t(1));
    QCOMPARE(samples.front().tcp.state, int(TCP_ESTABLISHED));
    QCOMPARE(samples.front().local.port(), port);
    const TcpSampleIndex index(samples);
    QVERIFY(index.find(listener.localAddress(), client.localAddress()));
    QVERIFY(index.find(Address::fromIp("0.0.0.0", port), server.peerAddress()));
}

void tst_TcpWatch::listenerPortTargetsEveryConnection() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const Address at = listener.localAddress();
    Socket c1 = tcpConnect(at, Millis(5000));
    Socket s1 = listener.accept().socket;
    Socket c2 = tcpConnect(at, Millis(5000));
    Socket s2 = listener.accept().socket;
    const TcpWatch watch;
    const auto samples = watch.sample({{at, Address()}});
    // The two accepted sockets, not the listener, not the clients.
    QCOMPARE(samples.size(), size_t(2));
    const TcpSampleIndex index(samples);
    QVERIFY(index.find(at, c1.localAddress()));
    QVERIFY(index.find(at, c2.localAddress()));
    QVERIFY(!index.find(at, Address::fromIp("127.0.0.1", 1)));
    for (const auto& s : samples) QCOMPARE(s.tcp.state, int(TCP_ESTABLISHED));
}

void tst_TcpWatch::mappedAndWildcardMatching() {
    const auto any4 = Address::fromIp("0.0.0.0", 5000);
    const auto lo4 = Address::fromIp("127.0.0.1", 5000);
    const auto mapped = Address::parse("[::ffff:127.0.0.1]:5000");
    const auto other = Address::fromIp("127.0.0.2", 5000);
    const auto peer4 = Address::fromIp("127.0.0.1", 40000);
    const auto peerMapped = Address::parse("[::ffff:127.0.0.1]:40000");
    QVERIFY(tcpTargetMatches({any4, peer4}, mapped, peerMapped));
    QVERIFY(tcpTargetMatches({lo4, peer4}, mapped, peerMapped));
    QVERIFY(tcpTargetMatches({mapped, peerMapped}, lo4, peer4));
    QVERIFY(!tcpTargetMatches({other, peer4}, lo4, peer4));  // another local address
    QVERIFY(!tcpTargetMatches({lo4, Address::fromIp("127.0.0.1", 40001)}, lo4, peer4));
    QVERIFY(!tcpTargetMatches({Address::fromIp("127.0.0.1", 5001), peer4}, lo4, peer4));
    QVERIFY(tcpTargetMatches({Address::parse("[::]:5000"), Address()}, lo4, peer4));
    QVERIFY(!tcpTargetMatches({Address::parse("[::1]:5000"), Address()}, lo4, peer4));
}

void tst_TcpWatch::manyPortsMakeOneDump() {
    std::vector<SocketQuery> asked;
    const TcpWatch watch([&](const SocketQuery& q) {
        asked.push_back(q);
        return std::vector<SocketEntry>{
            entry("127.0.0.1:1", 1, "127.0.0.1:50001", 50001, TCP_ESTABLISHED),
            entry("127.0.0.1:9", 9, "127.0.0.1:50009", 50009, TCP_ESTABLISHED),
            entry("127.0.0.1:50002", 50002, "127.0.0.1:2", 2, TCP_ESTABLISHED),
        };
    });
    // One port: the dump is filtered on it (the fake table ignores the
    // filter; only the socket on a target's local port is kept).
    QCOMPARE(watch.sample({{Address::fromIp("127.0.0.1", 1), Address()}}).size(), size_t(1));
    QCOMPARE(asked.size(), size_t(1));
    QCOMPARE(asked[0].localPort, 1);
    QVERIFY(asked[0].tcpInfo && asked[0].tcp && !asked[0].udp && !asked[0].unixSockets);
    QVERIFY(!(asked[0].stateMask & (1u << TCP_LISTEN)));
    QVERIFY(asked[0].stateMask & (1u << TCP_TIME_WAIT));
    // Several ports: still one dump, unfiltered; port 2 is the peer's port
    // of the third socket, not its local one.
    asked.clear();
    std::vector<TcpWatchTarget> many;
    for (uint16_t port = 1; port <= 9; ++port)
        many.push_back({Address::fromIp("127.0.0.1", port), Address()});
    QCOMPARE(watch.sample(many).size(), size_t(2));
    QCOMPARE(asked.size(), size_t(1));
    QCOMPARE(asked[0].localPort, -1);
    QCOMPARE(asked[0].port, -1);
    asked.clear();
    QVERIFY(watch.sample({}).empty());
    QVERIFY(asked.empty());
}

void tst_TcpWatch::timeWaitHasNoInfo() {
    const TcpWatch watch([](const SocketQuery&) {
        auto tw = entry("[::1]:7", 7, "[::1]:50000", 50000, TCP_TIME_WAIT);
        auto est = entry("[fe80::1]%lo:7", 7, "[fe80::2]:50001", 50001, TCP_ESTABLISHED);
        est.recvQ = 11;
        est.sendQ = 22;
        TcpSample info;
        info.rttUs = 50;
        info.ssthresh = 0x7fffffff;
        est.tcp = info;
        // A socket with no address to parse is left out.
        return std::vector<SocketEntry>{tw, est, entry("?", 7, "?", 0, TCP_ESTABLISHED)};
    });
    const auto samples = watch.sample({{Address::parse("[::]:7"), Address()}});
    QCOMPARE(samples.size(), size_t(2));
    QCOMPARE(samples[0].tcp.state, int(TCP_TIME_WAIT));
    QVERIFY(!samples[0].hasInfo);
    QCOMPARE(samples[0].peer, Address::parse("[::1]:50000"));
    QVERIFY(samples[1].hasInfo);
    QCOMPARE(samples[1].tcp.rttUs, 50u);
    QCOMPARE(samples[1].tcp.inQueue, 11u);
    QCOMPARE(samples[1].tcp.outQueue, 22u);
    QCOMPARE(samples[1].peer.port(), uint16_t(50001));
    QCOMPARE(QString::fromStdString(samples[1].peer.host()).section('%', 0, 0),
             QStringLiteral("fe80::2"));
}

void tst_TcpWatch::indexFindsByPortAndPeer() {
    std::vector<TcpWatchSample> samples(3);
    samples[0].local = Address::fromIp("127.0.0.1", 7);
    samples[0].peer = Address::fromIp("127.0.0.1", 40000);
    samples[0].tcp.cwnd = 1;
    samples[1].local = Address::fromIp("127.0.0.2", 7);
    samples[1].peer = Address::fromIp("127.0.0.1", 40000);
    samples[1].tcp.cwnd = 2;
    samples[2].local = Address::parse("[::ffff:127.0.0.1]:8");
    samples[2].peer = Address::parse("[::ffff:127.0.0.1]:40000");
    samples[2].tcp.cwnd = 3;
    const TcpSampleIndex index(samples);
    QCOMPARE(index.size(), size_t(3));
    const auto peer = Address::fromIp("127.0.0.1", 40000);
    QCOMPARE(index.find(Address::fromIp("127.0.0.2", 7), peer)->tcp.cwnd, 2u);
    QCOMPARE(index.find(Address::fromIp("127.0.0.1", 7), peer)->tcp.cwnd, 1u);
    QVERIFY(index.find(Address::fromIp("0.0.0.0", 7), peer));
    QCOMPARE(index.find(Address::fromIp("127.0.0.1", 8), peer)->tcp.cwnd, 3u);
    QVERIFY(!index.find(Address::fromIp("127.0.0.3", 7), peer));
    QVERIFY(!index.find(Address::fromIp("127.0.0.1", 9), peer));
    QVERIFY(!index.find(Address::fromIp("127.0.0.1", 7), Address::fromIp("127.0.0.1", 40001)));
}

SOCKWB_TEST_GUILESS_MAIN(tst_TcpWatch)
#include "tst_tcpwatch.moc"
