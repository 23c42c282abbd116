// querySockets over NETLINK_SOCK_DIAG, on sockets the test makes: a
// listener's accept queue and backlog, both ends ESTABLISHED with TCP_INFO,
// TIME-WAIT after an active close, UDP UNCONN, a Unix listener with its path,
// the owners found in /proc, the state and port filters, IPv6 endpoints.
// readTcpSample is tst_tcpsample's.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/sockdiag.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

Socket listener(int backlog) {
    Socket s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(s.fd(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(s.fd(), backlog) != 0)
        s.close();
    return s;
}

Socket connectTo(uint16_t port) {
    Socket s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s.fd(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) s.close();
    return s;
}

std::string endpoint(uint16_t port) { return "127.0.0.1:" + std::to_string(port); }

// The TCP sockets whose local or peer port is `port`, in the states of `mask`.
std::vector<SocketEntry> tcpOn(uint16_t port, uint32_t mask = 0xffffffffu, bool info = false) {
    SocketQuery q;
    q.udp = false;
    q.port = port;
    q.stateMask = mask;
    q.tcpInfo = info;
    return querySockets(q);
}

// Only the entries with 127.0.0.1:port at one end. The port number alone is not
// ours: a socket bound to another address (::1, 127.0.0.2, an interface's) may
// carry the same number, and other suites run at the same time; the test's
// listener holds 127.0.0.1:port alone.
std::vector<SocketEntry> atOurAddress(std::vector<SocketEntry> list, uint16_t port) {
    const std::string ours = endpoint(port);
    std::erase_if(list, [&](const SocketEntry& e) { return e.local != ours && e.peer != ours; });
    return list;
}

// tcpOn, kept to the entries with 127.0.0.1:port at one end.
std::vector<SocketEntry> ourTcpOn(uint16_t port, uint32_t mask = 0xffffffffu, bool info = false) {
    return atOurAddress(tcpOn(port, mask, info), port);
}

const SocketEntry* find(const std::vector<SocketEntry>& list, const std::string& local,
                        const std::string& peer) {
    for (const SocketEntry& e : list)
        if (e.local == local && e.peer == peer) return &e;
    return nullptr;
}

int countListening(uint16_t port, uint32_t* recvQ, uint32_t* sendQ) {
    const auto list = ourTcpOn(port, 1u << 10);
    if (list.size() != 1) return static_cast<int>(list.size());
    *recvQ = list[0].recvQ;
    *sendQ = list[0].sendQ;
    return 1;
}

}  // namespace

class tst_SockDiag : public QObject {
    Q_OBJECT

private slots:
    void stateNames();
    void listenerQueues();
    void establishedBothWays();
    void timeWaitAfterActiveClose();
    void udpUnconnected();
    void unixListener();
    void ownersIncludeThisProcess();
    void filters();
    void ipv6Endpoints();
};

void tst_SockDiag::stateNames() {
    QCOMPARE(tcpStateName(1), std::string("ESTABLISHED"));
    QCOMPARE(tcpStateName(10), std::string("LISTEN"));
    QCOMPARE(tcpStateName(6), std::string("TIME-WAIT"));
    QCOMPARE(tcpStateName(7), std::string("CLOSE"));
    QCOMPARE(tcpStateName(7, true), std::string("UNCONN"));
    QCOMPARE(tcpStateName(12), std::string("SYN-RECV"));
    QCOMPARE(tcpStateName(0), std::string("UNKNOWN"));
    QCOMPARE(tcpStateName(42), std::string("UNKNOWN"));
    QCOMPARE(ssStateName(1), std::string("ESTAB"));
    QCOMPARE(ssStateName(7), std::string("UNCONN"));
    for (int s = 1; s <= 11; ++s) {
        QCOMPARE(tcpStateFromName(tcpStateName(s)), s);
        QCOMPARE(tcpStateFromName(ssStateName(s)), s);
    }
    QCOMPARE(tcpStateFromName("time_wait"), 6);
    QCOMPARE(tcpStateFromName("Listening"), 10);
    QCOMPARE(tcpStateFromName("established"), 1);
    QCOMPARE(tcpStateFromName("closed"), 7);
    QCOMPARE(tcpStateFromName("fin-wait-2"), 5);
    QCOMPARE(tcpStateFromName("bogus"), -1);
    QCOMPARE(tcpStateFromName(""), -1);
    QCOMPARE(int(tcpStateNames().size()), 11);
}

void tst_SockDiag::listenerQueues() {
    Socket l = listener(3);
    QVERIFY(l.fd() >= 0);
    const uint16_t port = l.localAddress().port();
    Socket c1 = connectTo(port);
    Socket c2 = connectTo(port);
    QVERIFY(c1.fd() >= 0 && c2.fd() >= 0);
    // Two connections completed, not accepted: Recv-Q is the accept queue,
    // Send-Q the backlog.
    uint32_t recvQ = 0;
    uint32_t sendQ = 0;
    QTRY_VERIFY(countListening(port, &recvQ, &sendQ) == 1 && recvQ == 2);
    QCOMPARE(sendQ, 3u);
    const auto list = ourTcpOn(port, 1u << 10);
    QCOMPARE(list[0].local, endpoint(port));
    QCOMPARE(list[0].peer, std::string("0.0.0.0:*"));
    QCOMPARE(list[0].uid, uint32_t(::getuid()));
    struct stat st {};
    QCOMPARE(::fstat(l.fd(), &st), 0);
    QCOMPARE(list[0].inode, uint64_t(st.st_ino));
    QCOMPARE(socketNetid(list[0]), std::string("tcp"));
}

void tst_SockDiag::establishedBothWays() {
    Socket l = listener(8);
    const uint16_t port = l.localAddress().port();
    Socket c = connectTo(port);
    Socket s(::accept4(l.fd(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(s.fd() >= 0);
    QCOMPARE(::send(c.fd(), "ping", 4, MSG_NOSIGNAL), ssize_t(4));
    char buf[4];
    QCOMPARE(::recv(s.fd(), buf, sizeof buf, MSG_WAITALL), ssize_t(4));
    const uint16_t cport = c.localAddress().port();
    const auto list = ourTcpOn(port, 1u << 1, true);
    QCOMPARE(int(list.size()), 2);
    const SocketEntry* client = find(list, endpoint(cport), endpoint(port));
    const SocketEntry* server = find(list, endpoint(port), endpoint(cport));
    QVERIFY(client && server);
    for (const SocketEntry* e : {client, server}) {
        QCOMPARE(e->state, 1);
        QCOMPARE(e->family, int(AF_INET));
        QVERIFY(e->tcp.has_value());
        QCOMPARE(e->tcp->state, 1);
        QVERIFY(e->tcp->rttUs > 0);
        QVERIFY(e->tcp->cwnd > 0);
        QVERIFY(e->tcp->mss > 0);
        QCOMPARE(e->recvQ, 0u);
    }
    QCOMPARE(client->localPort, cport);
    QCOMPARE(client->peerPort, port);
    QCOMPARE(client->tcp->bytesAcked, uint64_t(4) + 1);  // the SYN counts one
    QCOMPARE(server->tcp->bytesReceived, uint64_t(4));
    // Without tcpInfo, no sample.
    QVERIFY(!ourTcpOn(port, 1u << 1).at(0).tcp.has_value());
}

void tst_SockDiag::timeWaitAfterActiveClose() {
    Socket l = listener(8);
    const uint16_t port = l.localAddress().port();
    Socket c = connectTo(port);
    Socket s(::accept4(l.fd(), nullptr, nullptr, SOCK_CLOEXEC));
    const uint16_t cport = c.localAddress().port();
    c.close();  // the client closes first: the active closer
    // The server reads the FIN (recv returns 0), then closes too.
    char byte;
    QCOMPARE(::recv(s.fd(), &byte, 1, 0), ssize_t(0));
    s.close();
    const uint32_t timeWait = 1u << 6;
    QTRY_VERIFY(find(tcpOn(port, timeWait), endpoint(cport), endpoint(port)) != nullptr);
    const auto list = tcpOn(port, timeWait);
    const SocketEntry* e = find(list, endpoint(cport), endpoint(port));
    QCOMPARE(e->state, 6);
    QCOMPARE(e->timer, 3);  // the TIME-WAIT timer
    QVERIFY(e->timerExpiresMs > 0 && e->timerExpiresMs <= 60000);
    QCOMPARE(tcpStateName(e->state), std::string("TIME-WAIT"));
}

void tst_SockDiag::udpUnconnected() {
    Socket u(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(u.fd(), reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    const uint16_t port = u.localAddress().port();
    SocketQuery q;
    q.tcp = false;
    q.localPort = port;
    const auto list = atOurAddress(querySockets(q), port);
    QCOMPARE(int(list.size()), 1);
    QCOMPARE(list[0].protocol, SocketEntry::Protocol::Udp);
    QCOMPARE(list[0].state, 7);
    QCOMPARE(tcpStateName(list[0].state, true), std::string("UNCONN"));
    QCOMPARE(list[0].local, endpoint(port));
    QCOMPARE(list[0].peer, std::string("0.0.0.0:*"));
    QCOMPARE(socketNetid(list[0]), std::string("udp"));
    // A datagram waiting: Recv-Q counts it (with the kernel's overhead).
    a.sin_port = htons(port);
    QCOMPARE(::sendto(u.fd(), "hello", 5, 0, reinterpret_cast<sockaddr*>(&a), sizeof a),
             ssize_t(5));
    QTRY_VERIFY(atOurAddress(querySockets(q), port).at(0).recvQ > 0);
}

void tst_SockDiag::unixListener() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("diag.sock").toStdString();
    Socket l(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::strncpy(a.sun_path, path.c_str(), sizeof a.sun_path - 1);
    QCOMPARE(::bind(l.fd(), reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    QCOMPARE(::listen(l.fd(), 7), 0);
    struct stat st {};
    QCOMPARE(::fstat(l.fd(), &st), 0);
    SocketQuery q;
    q.tcp = q.udp = false;
    q.unixSockets = true;
    auto list = querySockets(q);
    const SocketEntry* found = nullptr;
    for (const SocketEntry& e : list)
        if (e.inode == st.st_ino) found = &e;
    QVERIFY(found);
    QCOMPARE(found->local, path);
    QCOMPARE(found->peer, std::string("*"));
    QCOMPARE(found->state, 10);
    QCOMPARE(found->sendQ, 7u);  // the backlog
    QCOMPARE(found->uid, uint32_t(::getuid()));
    QCOMPARE(socketNetid(*found), std::string("u_str"));
    // A port filter leaves Unix sockets out.
    q.port = 1;
    QVERIFY(querySockets(q).empty());
}

void tst_SockDiag::ownersIncludeThisProcess() {
    Socket l = listener(4);
    const uint16_t port = l.localAddress().port();
    SocketQuery q;
    q.udp = false;
    q.localPort = port;
    q.owners = true;
    const auto list = atOurAddress(querySockets(q), port);
    QCOMPARE(int(list.size()), 1);
    QCOMPARE(int(list[0].owners.size()), 1);
    QCOMPARE(list[0].owners[0].pid, int(::getpid()));
    QCOMPARE(list[0].owners[0].fd, l.fd());
    QVERIFY(!list[0].owners[0].command.empty());
    // Without owners asked, none is looked for.
    q.owners = false;
    QVERIFY(atOurAddress(querySockets(q), port).at(0).owners.empty());
}

void tst_SockDiag::filters() {
    Socket l = listener(8);
    const uint16_t port = l.localAddress().port();
    Socket c = connectTo(port);
    Socket s(::accept4(l.fd(), nullptr, nullptr, SOCK_CLOEXEC));
    const uint16_t cport = c.localAddress().port();
    QCOMPARE(int(ourTcpOn(port).size()), 3);  // the listener and both ends
    QCOMPARE(int(ourTcpOn(port, 1u << 10).size()), 1);
    QCOMPARE(int(ourTcpOn(port, 1u << 1).size()), 2);
    QCOMPARE(int(ourTcpOn(port, 1u << 6).size()), 0);
    SocketQuery q;
    q.udp = false;
    q.localPort = port;
    const auto local = atOurAddress(querySockets(q), port);
    QCOMPARE(int(local.size()), 2);  // the listener and the accepted one
    for (const auto& e : local) QCOMPARE(e.local, endpoint(port));
    // An ephemeral port is shared by connections to other peers (another suite running
    // at the same time may hold one): the filter keeps them all, ours is the one to port.
    q.localPort = cport;
    auto client = querySockets(q);
    QVERIFY(!client.empty());
    for (const auto& e : client) QCOMPARE(e.localPort, cport);
    std::erase_if(client, [port](const SocketEntry& e) { return e.peerPort != port; });
    QCOMPARE(int(client.size()), 1);
    q.tcp = false;  // neither TCP nor UDP: nothing
    QVERIFY(querySockets(q).empty());
}

void tst_SockDiag::ipv6Endpoints() {
    Socket l(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    if (::bind(l.fd(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0)
        QSKIP("::1 cannot be bound on this machine");
    QCOMPARE(::listen(l.fd(), 4), 0);
    const uint16_t port = l.localAddress().port();
    // Only listeners on this local port: a parallel test's connection may
    // have the same number as its own local or peer port.
    auto listenersOn = [](uint16_t p) {
        SocketQuery q;
        q.udp = false;
        q.localPort = p;
        q.stateMask = 1u << 10;
        // An IPv4 socket on 127.0.0.2 or an interface's address may hold the
        // same number; every IPv6 address this test binds conflicts with ours.
        auto list = querySockets(q);
        std::erase_if(list, [](const SocketEntry& e) { return e.family != AF_INET6; });
        return list;
    };
    auto list = listenersOn(port);
    QCOMPARE(int(list.size()), 1);
    QCOMPARE(list[0].family, int(AF_INET6));
    QCOMPARE(list[0].local, "[::1]:" + std::to_string(port));
    QCOMPARE(list[0].peer, std::string("[::]:*"));
    // A dual-stack socket on the any address: "*", as ss prints it; with
    // IPV6_V6ONLY: "[::]".
    for (int only : {0, 1}) {
        Socket d(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
        ::setsockopt(d.fd(), IPPROTO_IPV6, IPV6_V6ONLY, &only, sizeof only);
        a.sin6_addr = in6addr_any;
        QCOMPARE(::bind(d.fd(), reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        QCOMPARE(::listen(d.fd(), 4), 0);
        const uint16_t dport = d.localAddress().port();
        list = listenersOn(dport);
        QCOMPARE(int(list.size()), 1);
        QCOMPARE(list[0].v6only, only == 1);
        const std::string host = only ? "[::]" : "*";
        QCOMPARE(list[0].local, host + ":" + std::to_string(dport));
        QCOMPARE(list[0].peer, host + ":*");
        if (only) continue;
        // An IPv4 client of the dual-stack listener: an IPv4-mapped address.
        Socket c = connectTo(dport);
        QVERIFY(c.fd() >= 0);
        const std::string mapped = "[::ffff:127.0.0.1]:" + std::to_string(dport);
        QTRY_VERIFY(find(tcpOn(dport, 1u << 1), mapped,
                         "[::ffff:127.0.0.1]:" + std::to_string(c.localAddress().port())) !=
                    nullptr);
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_SockDiag)
#include "tst_sockdiag.moc"
