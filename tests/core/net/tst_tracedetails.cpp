// The trace's structured fields on real sockets: a loopback TCP pair and a
// UDP pair made with the core's Socket types under a TraceScope. The
// connect's endpoints are the accept's, mirrored; what send moved is what
// recv read (binary bytes, capped at kTraceDataBytes); sendto/recvfrom name
// both ends; an IPv6 pair spells its addresses in brackets; nothing is
// recorded when nobody listens.

#include <QtTest>
#include <algorithm>
#include <mutex>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sys.h"
#include "core/net/trace.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

class Recorder : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard<std::mutex> lock(mutex_);
        events_.push_back(e);
    }
    std::vector<TraceEvent> events() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return events_;
    }
    // The events of one call, in order.
    std::vector<TraceEvent> of(const std::string& call) const {
        std::vector<TraceEvent> out;
        for (const auto& e : events())
            if (e.call == call) out.push_back(e);
        return out;
    }

private:
    mutable std::mutex mutex_;
    std::vector<TraceEvent> events_;
};

// Every recv's data, concatenated: what the other side's sends carried.
std::string received(const std::vector<TraceEvent>& recvs) {
    std::string all;
    for (const auto& e : recvs) all += e.data;
    return all;
}

}  // namespace

class tst_TraceDetails : public QObject {
    Q_OBJECT

private slots:
    void tcpEndpointsMirror();
    void sendAndRecvCarryTheBytes();
    void dataIsCapped();
    void udpNamesBothEnds();
    void ipv6Endpoints();
    void unixEndpoints();
    void nothingWithoutObserver();
};

void tst_TraceDetails::tcpEndpointsMirror() {
    Recorder rec;
    Socket listener, client, server;
    {
        TraceScope scope(&rec);
        listener = tcpListen(Address::fromIp("127.0.0.1", 0));
        client = tcpConnect(listener.localAddress(), Millis(5000));  // non-blocking: EINPROGRESS
        server = listener.accept().socket;
    }
    const std::string listening = listener.localAddress().toString();
    const auto bind = rec.of("bind");
    const auto listen = rec.of("listen");
    QCOMPARE(bind.size(), size_t(1));
    QCOMPARE(listen.size(), size_t(1));
    QCOMPARE(bind[0].local, listening);  // the real port, not the :0 asked
    QVERIFY2(bind[0].args.find("127.0.0.1:0") != std::string::npos, bind[0].args.c_str());
    QCOMPARE(listen[0].local, listening);
    QVERIFY(bind[0].peer.empty() && listen[0].peer.empty());

    const auto connect = rec.of("connect");
    const auto accept = rec.of("accept4");
    QCOMPARE(connect.size(), size_t(1));
    QCOMPARE(accept.size(), size_t(1));
    QCOMPARE(connect[0].peer, listening);
    QCOMPARE(connect[0].local, client.localAddress().toString());
    QVERIFY(connect[0].local != listening);
    QCOMPARE(accept[0].local, connect[0].peer);
    QCOMPARE(accept[0].peer, connect[0].local);
    QCOMPARE(accept[0].fd, listener.fd());
    QCOMPARE(accept[0].result, int64_t(server.fd()));
    // The args text is what it was.
    QVERIFY2(accept[0].args.find(connect[0].local) != std::string::npos, accept[0].args.c_str());
    for (const auto& e : rec.events()) QVERIFY2(e.data.empty(), e.call.c_str());
}

void tst_TraceDetails::sendAndRecvCarryTheBytes() {
    auto p = test::makeTcpPair();
    Recorder rec;
    const std::string message("bin\0ary\xff\x01 bytes\n", 17);
    {
        TraceScope scope(&rec);
        p.client.sendAll(message);
        p.client.shutdownWrite();
        std::string got;
        while (p.server.recvSome(got, 5, Millis(5000)).ok()) {
        }
        QCOMPARE(got, message);
    }
    const auto sends = rec.of("send");
    const auto recvs = rec.of("recv");
    QCOMPARE(sends.size(), size_t(1));
    QCOMPARE(sends[0].data, message);
    QCOMPARE(sends[0].fd, p.client.fd());
    // Read 5 bytes at a time: four recvs with data, then one = 0 (the FIN).
    QVERIFY(recvs.size() >= 5);
    QCOMPARE(received(recvs), message);
    for (const auto& r : recvs) {
        QCOMPARE(r.fd, p.server.fd());
        QCOMPARE(r.data.size(), size_t(r.result > 0 ? r.result : 0));
    }
    QCOMPARE(recvs.back().result, int64_t(0));
    QVERIFY(recvs.back().data.empty());
    // Byte streams are matched by offsets: send and recv name no endpoints.
    QVERIFY(sends[0].local.empty() && sends[0].peer.empty());
    // A recv that fails (EAGAIN on an empty non-blocking socket) has no data.
    Recorder again;
    {
        TraceScope scope(&again);
        char c;
        QVERIFY(sys::recv(p.client.fd(), &c, 1, MSG_DONTWAIT) < 0);
    }
    QCOMPARE(again.of("recv").size(), size_t(1));
    QCOMPARE(again.of("recv")[0].err, EAGAIN);
    QVERIFY(again.of("recv")[0].data.empty());
}

void tst_TraceDetails::dataIsCapped() {
    auto p = test::makeTcpPair();
    const std::string big = test::randomBytes(2000);
    Recorder rec;
    {
        TraceScope scope(&rec);
        p.client.sendAll(big);
        std::string got(2000, '\0');
        p.server.recvExact(got.data(), got.size(), Millis(5000));
        QCOMPARE(got, big);
    }
    const auto sends = rec.of("send");
    QCOMPARE(sends.size(), size_t(1));
    QCOMPARE(sends[0].result, int64_t(2000));
    QCOMPARE(sends[0].data.size(), kTraceDataBytes);
    QCOMPARE(sends[0].data, big.substr(0, kTraceDataBytes));
    QCOMPARE(sends[0].data[0], '\0');  // randomBytes puts a NUL first
    // The first recv holds the start of the stream, capped the same way.
    const auto recvs = rec.of("recv");
    QVERIFY(!recvs.empty());
    QVERIFY(recvs[0].data.size() <= kTraceDataBytes);
    QCOMPARE(recvs[0].data, big.substr(0, recvs[0].data.size()));
    // And the args preview is the short one it always was.
    QVERIFY2(sends[0].args.find("\"...") != std::string::npos, sends[0].args.c_str());
}

void tst_TraceDetails::udpNamesBothEnds() {
    Recorder rec;
    Socket a = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket b = udpSocket(AF_INET);
    const std::string ping("p\0ng", 4);
    char buf[16];
    {
        TraceScope scope(&rec);
        b.sendTo(ping, a.localAddress());
        const auto d = a.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(d.has_value());
        a.sendTo("pong", d->from);
        QVERIFY(b.recvFrom(buf, sizeof buf, Millis(5000)).has_value());
    }
    const std::string aName = a.localAddress().toString();
    // b was bound by its first sendto, to the wildcard; it is seen from loopback.
    const std::string bName = b.localAddress().toString();
    QCOMPARE(bName, "0.0.0.0:" + std::to_string(b.localAddress().port()));
    const std::string bSeen = "127.0.0.1:" + std::to_string(b.localAddress().port());
    const auto sendtos = rec.of("sendto");
    const auto recvfroms = rec.of("recvfrom");
    QCOMPARE(sendtos.size(), size_t(2));
    QCOMPARE(recvfroms.size(), size_t(2));
    // b -> a.
    QCOMPARE(sendtos[0].local, bName);
    QCOMPARE(sendtos[0].peer, aName);
    QCOMPARE(sendtos[0].data, ping);
    QCOMPARE(recvfroms[0].local, aName);
    QCOMPARE(recvfroms[0].peer, bSeen);
    QCOMPARE(recvfroms[0].data, ping);
    // a -> b.
    QCOMPARE(sendtos[1].local, aName);
    QCOMPARE(sendtos[1].peer, bSeen);
    QCOMPARE(recvfroms[1].local, bName);
    QCOMPARE(recvfroms[1].peer, aName);
    QCOMPARE(recvfroms[1].data, std::string("pong"));
}

void tst_TraceDetails::ipv6Endpoints() {
    Socket probe;
    try {
        probe = tcpListen(Address::fromIp("::1", 0));
    } catch (const Error&) {
        QSKIP("no IPv6 loopback here");
    }
    probe.close();
    Recorder rec;
    {
        TraceScope scope(&rec);
        auto p = test::makeTcpPair("::1");
    }
    const auto connect = rec.of("connect");
    const auto accept = rec.of("accept4");
    QCOMPARE(connect.size(), size_t(1));
    QCOMPARE(accept.size(), size_t(1));
    QVERIFY2(connect[0].peer.rfind("[::1]:", 0) == 0, connect[0].peer.c_str());
    QVERIFY2(connect[0].local.rfind("[::1]:", 0) == 0, connect[0].local.c_str());
    QCOMPARE(accept[0].peer, connect[0].local);
    QCOMPARE(accept[0].local, connect[0].peer);
}

void tst_TraceDetails::unixEndpoints() {
    const std::string path = "@sockwb-tracedetails-" + std::to_string(::getpid());
    Recorder rec;
    {
        TraceScope scope(&rec);
        Socket l = Socket::create(AF_UNIX, SOCK_STREAM);
        l.bind(Address::unixPath(path));
        l.listen(4);
        Socket c = Socket::create(AF_UNIX, SOCK_STREAM);
        c.connect(Address::unixPath(path));
        Socket s = l.accept().socket;
    }
    const auto connect = rec.of("connect");
    const auto accept = rec.of("accept4");
    QCOMPARE(connect.size(), size_t(1));
    QCOMPARE(accept.size(), size_t(1));
    QCOMPARE(rec.of("bind")[0].local, "unix:" + path);
    QCOMPARE(connect[0].peer, "unix:" + path);
    QCOMPARE(connect[0].local, std::string("unix:(unnamed)"));
    QCOMPARE(accept[0].local, "unix:" + path);
    QCOMPARE(accept[0].peer, std::string("unix:(unnamed)"));
}

void tst_TraceDetails::nothingWithoutObserver() {
    Recorder rec;
    QCOMPARE(traceObserver(), static_cast<TraceObserver*>(nullptr));
    auto p = test::makeTcpPair();
    p.client.sendAll("abc");
    char buf[3];
    p.server.recvExact(buf, sizeof buf, Millis(5000));
    Socket a = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket b = udpSocket(AF_INET);
    b.sendTo("x", a.localAddress());
    QVERIFY(a.recvFrom(buf, sizeof buf, Millis(5000)).has_value());
    QVERIFY(rec.events().empty());
    // The same calls with the recorder attached are heard: the check above
    // is not vacuous.
    {
        TraceScope scope(&rec);
        b.sendTo("x", a.localAddress());
    }
    QCOMPARE(rec.of("sendto").size(), size_t(1));
    QCOMPARE(rec.of("sendto")[0].data, std::string("x"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_TraceDetails)
#include "tst_tracedetails.moc"
