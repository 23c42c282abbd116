// The sock_diag parsing on crafted bytes (sockdiagparse.h): inet_diag and
// unix_diag answers with their attributes, short and malformed messages
// refused or cut where they stop making sense, tcp_info shorter or longer
// than this build's, endpoints and Unix names spelt as ss spells them.

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/rtnetlink.h>
#include <linux/tcp.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <QtTest>
#include <cstring>
#include <vector>

#include "core/net/sockdiagparse.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

// A message body followed by attributes, as the kernel lays them out.
class Message {
public:
    template <typename T>
    explicit Message(const T& head) {
        bytes_.resize(NLMSG_ALIGN(sizeof head));
        std::memcpy(bytes_.data(), &head, sizeof head);
    }
    Message& attr(unsigned short type, const void* data, size_t size) {
        rtattr a{};
        a.rta_len = static_cast<unsigned short>(RTA_LENGTH(size));
        a.rta_type = type;
        const size_t at = bytes_.size();
        bytes_.resize(at + RTA_SPACE(size));
        std::memcpy(bytes_.data() + at, &a, sizeof a);
        if (size) std::memcpy(bytes_.data() + at + RTA_LENGTH(0), data, size);
        return *this;
    }
    std::vector<unsigned char>& bytes() { return bytes_; }

private:
    std::vector<unsigned char> bytes_;
};

inet_diag_msg inetMessage(int family, int state) {
    inet_diag_msg m{};
    m.idiag_family = static_cast<uint8_t>(family);
    m.idiag_state = static_cast<uint8_t>(state);
    m.id.idiag_sport = htons(5000);
    m.id.idiag_dport = htons(40000);
    m.idiag_rqueue = 2;
    m.idiag_wqueue = 3;
    m.idiag_uid = 1000;
    m.idiag_inode = 777;
    m.idiag_timer = 2;
    m.idiag_expires = 7200;
    m.idiag_retrans = 1;
    return m;
}

}  // namespace

class tst_SockDiagParse : public QObject {
    Q_OBJECT

private slots:
    void inetIpv4();
    void inetIpv6WithAttributes();
    void inetShortOrForeign();
    void malformedAttributesAreCut();
    void tcpInfoShortAndLong();
    void unixMessage();
    void unixNames();
    void endpoints();
};

void tst_SockDiagParse::inetIpv4() {
    inet_diag_msg m = inetMessage(AF_INET, 1);
    m.id.idiag_src[0] = htonl(INADDR_LOOPBACK);
    m.id.idiag_dst[0] = htonl(0x0a000001);
    Message msg(m);
    const auto e = diag::parseInetMessage(msg.bytes().data(), msg.bytes().size(), IPPROTO_TCP);
    QVERIFY(e.has_value());
    QCOMPARE(e->protocol, SocketEntry::Protocol::Tcp);
    QCOMPARE(e->sockType, int(SOCK_STREAM));
    QCOMPARE(e->state, 1);
    QCOMPARE(e->local, std::string("127.0.0.1:5000"));
    QCOMPARE(e->peer, std::string("10.0.0.1:40000"));
    QCOMPARE(e->localPort, uint16_t(5000));
    QCOMPARE(e->peerPort, uint16_t(40000));
    QCOMPARE(e->recvQ, 2u);
    QCOMPARE(e->sendQ, 3u);
    QCOMPARE(e->uid, 1000u);
    QCOMPARE(e->inode, uint64_t(777));
    QCOMPARE(e->timer, 2);
    QCOMPARE(e->timerExpiresMs, 7200u);
    QCOMPARE(e->timerRetransmits, 1u);
    QVERIFY(!e->tcp.has_value());
    // A request socket (NEW_SYN_RECV, 12) is SYN-RECV; UDP is a datagram.
    m.idiag_state = 12;
    Message req(m);
    QCOMPARE(diag::parseInetMessage(req.bytes().data(), req.bytes().size(), IPPROTO_TCP)->state, 3);
    const auto udp = diag::parseInetMessage(req.bytes().data(), req.bytes().size(), IPPROTO_UDP);
    QCOMPARE(udp->protocol, SocketEntry::Protocol::Udp);
    QCOMPARE(udp->sockType, int(SOCK_DGRAM));
}

void tst_SockDiagParse::inetIpv6WithAttributes() {
    inet_diag_msg m = inetMessage(AF_INET6, 10);
    m.id.idiag_dport = 0;
    const uint8_t v6only = 0;
    const uint8_t shut = 2;
    tcp_info info{};
    info.tcpi_state = 10;
    info.tcpi_rtt = 1500;
    info.tcpi_rttvar = 750;
    info.tcpi_snd_cwnd = 10;
    info.tcpi_unacked = 2;
    info.tcpi_sacked = 3;
    Message msg(m);
    msg.attr(INET_DIAG_SKV6ONLY, &v6only, 1)
        .attr(INET_DIAG_SHUTDOWN, &shut, 1)
        .attr(99, "ignored", 7)
        .attr(INET_DIAG_INFO, &info, sizeof info);
    const auto e = diag::parseInetMessage(msg.bytes().data(), msg.bytes().size(), IPPROTO_TCP);
    QVERIFY(e.has_value());
    QCOMPARE(e->family, int(AF_INET6));
    QVERIFY(!e->v6only);
    QCOMPARE(e->local, std::string("*:5000"));  // dual-stack, any address
    QCOMPARE(e->peer, std::string("*:*"));
    QCOMPARE(e->shutdown, 2);
    QVERIFY(e->tcp.has_value());
    QCOMPARE(e->tcp->state, 10);
    QCOMPARE(e->tcp->rttUs, 1500u);
    QCOMPARE(e->tcp->rttVarUs, 750u);
    QCOMPARE(e->tcp->cwnd, 10u);
    QCOMPARE(e->tcp->unacked, 2u);
    // The queues come from the message: accept queue and backlog.
    QCOMPARE(e->tcp->inQueue, 2u);
    QCOMPARE(e->tcp->outQueue, 3u);
    // UDP ignores INET_DIAG_INFO.
    QVERIFY(!diag::parseInetMessage(msg.bytes().data(), msg.bytes().size(), IPPROTO_UDP)->tcp);
}

void tst_SockDiagParse::inetShortOrForeign() {
    inet_diag_msg m = inetMessage(AF_INET, 1);
    Message msg(m);
    QVERIFY(!diag::parseInetMessage(msg.bytes().data(), sizeof m - 1, IPPROTO_TCP));
    QVERIFY(!diag::parseInetMessage(msg.bytes().data(), 0, IPPROTO_TCP));
    m.idiag_family = AF_UNIX;
    Message foreign(m);
    QVERIFY(!diag::parseInetMessage(foreign.bytes().data(), foreign.bytes().size(), IPPROTO_TCP));
    // Exactly the struct, no attribute: fine.
    m.idiag_family = AF_INET;
    QVERIFY(diag::parseInetMessage(&m, sizeof m, IPPROTO_TCP).has_value());
}

void tst_SockDiagParse::malformedAttributesAreCut() {
    const uint8_t on = 1;
    Message msg(inetMessage(AF_INET6, 10));
    msg.attr(INET_DIAG_SKV6ONLY, &on, 1);
    const size_t good = msg.bytes().size();
    msg.attr(INET_DIAG_SHUTDOWN, &on, 1);
    // The second attribute claims more bytes than there are: it is skipped,
    // the first is kept.
    rtattr bad{};
    std::memcpy(&bad, msg.bytes().data() + good, sizeof bad);
    bad.rta_len = 200;
    std::memcpy(msg.bytes().data() + good, &bad, sizeof bad);
    auto e = diag::parseInetMessage(msg.bytes().data(), msg.bytes().size(), IPPROTO_TCP);
    QVERIFY(e.has_value());
    QVERIFY(e->v6only);
    QCOMPARE(e->shutdown, 0);
    // A length below the header's own size stops the walk too.
    bad.rta_len = 2;
    std::memcpy(msg.bytes().data() + good, &bad, sizeof bad);
    e = diag::parseInetMessage(msg.bytes().data(), msg.bytes().size(), IPPROTO_TCP);
    QVERIFY(e->v6only);
    // Cut in the middle of an attribute header.
    e = diag::parseInetMessage(msg.bytes().data(), good + 2, IPPROTO_TCP);
    QVERIFY(e->v6only);
    // An empty SKV6ONLY is ignored.
    Message empty(inetMessage(AF_INET6, 10));
    empty.attr(INET_DIAG_SKV6ONLY, nullptr, 0);
    QVERIFY(
        !diag::parseInetMessage(empty.bytes().data(), empty.bytes().size(), IPPROTO_TCP)->v6only);
}

void tst_SockDiagParse::tcpInfoShortAndLong() {
    tcp_info info{};
    info.tcpi_state = 1;
    info.tcpi_rtt = 42;
    info.tcpi_snd_ssthresh = 0x7fffffff;
    info.tcpi_bytes_acked = 1234;
    info.tcpi_bytes_received = 99;
    info.tcpi_total_retrans = 5;
    // An old kernel's shorter struct: the fields it has, zeros after.
    const size_t old = offsetof(tcp_info, tcpi_bytes_acked);
    TcpSample s = diag::tcpSampleFromInfo(&info, old);
    QCOMPARE(s.state, 1);
    QCOMPARE(s.rttUs, 42u);
    QCOMPARE(s.ssthresh, 0x7fffffffu);
    QCOMPARE(s.totalRetransmits, 5u);
    QCOMPARE(s.bytesAcked, uint64_t(0));
    // A newer kernel's longer struct: the tail ignored.
    std::vector<unsigned char> longer(sizeof info + 64, 0xee);
    std::memcpy(longer.data(), &info, sizeof info);
    s = diag::tcpSampleFromInfo(longer.data(), longer.size());
    QCOMPARE(s.bytesAcked, uint64_t(1234));
    QCOMPARE(s.bytesReceived, uint64_t(99));
    QCOMPARE(s.inQueue, 0u);  // not a listener: the queues are not in tcp_info
    s = diag::tcpSampleFromInfo(&info, 0);
    QCOMPARE(s.state, 0);
}

void tst_SockDiagParse::unixMessage() {
    unix_diag_msg m{};
    m.udiag_family = AF_UNIX;
    m.udiag_type = SOCK_DGRAM;
    m.udiag_state = 7;
    m.udiag_ino = 4242;
    const uint32_t peer = 4343;
    const uint32_t uid = 1000;
    const unix_diag_rqlen rq{3, 9};
    const char name[] = "/run/x.sock";
    Message msg(m);
    msg.attr(UNIX_DIAG_NAME, name, sizeof name - 1)
        .attr(UNIX_DIAG_PEER, &peer, sizeof peer)
        .attr(UNIX_DIAG_RQLEN, &rq, sizeof rq)
        .attr(UNIX_DIAG_UID, &uid, sizeof uid);
    const auto e = diag::parseUnixMessage(msg.bytes().data(), msg.bytes().size());
    QVERIFY(e.has_value());
    QCOMPARE(e->protocol, SocketEntry::Protocol::Unix);
    QCOMPARE(e->sockType, int(SOCK_DGRAM));
    QCOMPARE(e->state, 7);
    QCOMPARE(e->inode, uint64_t(4242));
    QCOMPARE(e->peerInode, uint64_t(4343));
    QCOMPARE(e->local, std::string("/run/x.sock"));
    QCOMPARE(e->peer, std::string("*"));
    QCOMPARE(e->recvQ, 3u);
    QCOMPARE(e->sendQ, 9u);
    QCOMPARE(e->uid, 1000u);
    QCOMPARE(socketNetid(*e), std::string("u_dgr"));
    // No attribute: unnamed.
    QCOMPARE(diag::parseUnixMessage(&m, sizeof m)->local, std::string("*"));
    QVERIFY(!diag::parseUnixMessage(&m, sizeof m - 1));
    // A short RQLEN is skipped.
    Message shortRq(m);
    shortRq.attr(UNIX_DIAG_RQLEN, &rq, 4);
    QCOMPARE(diag::parseUnixMessage(shortRq.bytes().data(), shortRq.bytes().size())->recvQ, 0u);
}

void tst_SockDiagParse::unixNames() {
    QCOMPARE(diag::unixName("", 0), std::string("*"));
    QCOMPARE(diag::unixName("/tmp/a", 6), std::string("/tmp/a"));
    QCOMPARE(diag::unixName("/tmp/a\0\0", 8), std::string("/tmp/a"));
    QCOMPARE(diag::unixName("\0abc\0d", 6), std::string("@abc@d"));
    QCOMPARE(diag::unixName("\0", 1), std::string("@"));
}

void tst_SockDiagParse::endpoints() {
    unsigned char v4[4] = {127, 0, 0, 1};
    QCOMPARE(diag::inetEndpoint(AF_INET, v4, 80, false), std::string("127.0.0.1:80"));
    unsigned char any4[4] = {};
    QCOMPARE(diag::inetEndpoint(AF_INET, any4, 0, false), std::string("0.0.0.0:*"));
    unsigned char v6[16] = {};
    QCOMPARE(diag::inetEndpoint(AF_INET6, v6, 22, false), std::string("*:22"));
    QCOMPARE(diag::inetEndpoint(AF_INET6, v6, 22, true), std::string("[::]:22"));
    v6[15] = 1;
    QCOMPARE(diag::inetEndpoint(AF_INET6, v6, 443, false), std::string("[::1]:443"));
    unsigned char mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1};
    QCOMPARE(diag::inetEndpoint(AF_INET6, mapped, 5000, false),
             std::string("[::ffff:127.0.0.1]:5000"));
    // Bound to a device: its name after '%' (the loopback is index 1).
    QCOMPARE(diag::inetEndpoint(AF_INET, v4, 80, false, 1), std::string("127.0.0.1%lo:80"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_SockDiagParse)
#include "tst_sockdiagparse.moc"
