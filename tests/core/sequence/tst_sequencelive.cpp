// SequenceBuilder on a real loopback exchange: the core's sockets (a
// listener, a non-blocking tcpConnect, a UDP pair bound to 0.0.0.0) under
// a TraceScope; the events they report build the arrows the exchange had:
// the handshake, the bytes in the pieces the server read them, the FIN of
// the server's shutdown, and both datagrams.

#include <QtTest>
#include <mutex>

#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/sequence/sequence.h"
#include "seqscript.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;

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

private:
    mutable std::mutex mutex_;
    std::vector<TraceEvent> events_;
};

std::vector<Arrow> ofKind(const SequenceBuilder& b, Arrow::Kind kind) {
    std::vector<Arrow> out;
    for (const Arrow& a : b.arrows())
        if (a.kind == kind) out.push_back(a);
    return out;
}

const TraceEvent& eventOf(const SequenceBuilder& b, size_t call) {
    return b.events()[b.calls()[call].event];
}

}  // namespace

class TestSequenceLive : public QObject {
    Q_OBJECT
private slots:
    void tcpExchange() {
        Recorder rec;
        int clientFd = -1;
        int serverFd = -1;
        const std::string request = "hello, world";
        {
            TraceScope scope(&rec);
            Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
            Socket client = tcpConnect(listener.localAddress(), Millis(5000));
            Socket server = listener.accept().socket;
            clientFd = client.fd();
            serverFd = server.fd();
            client.sendAll(request);
            std::string got;
            while (got.size() < request.size())
                QVERIFY(server.recvSome(got, 5, Millis(5000)).ok());  // 5 + 5 + 2
            QCOMPARE(got, request);
            server.sendAll("bye");
            server.shutdownWrite();
            std::string reply;
            while (client.recvSome(reply, 100, Millis(5000)).ok()) {
            }
            QCOMPARE(reply, std::string("bye"));
        }
        SequenceBuilder b;
        b.append(rec.events());

        const auto handshakes = ofKind(b, Arrow::Kind::Handshake);
        QCOMPARE(handshakes.size(), size_t(1));
        QCOMPARE(eventOf(b, handshakes[0].from).call, std::string("connect"));
        QCOMPARE(eventOf(b, handshakes[0].from).fd, clientFd);
        QCOMPARE(eventOf(b, handshakes[0].to).call, std::string("accept4"));

        // The request: contiguous pieces, each into a server recv whose
        // bytes are the request's at that offset.
        int64_t next = 0;
        size_t toServer = 0;
        for (const Arrow& a : ofKind(b, Arrow::Kind::Data)) {
            const TraceEvent& from = eventOf(b, a.from);
            const TraceEvent& to = eventOf(b, a.to);
            if (from.fd != clientFd) continue;
            ++toServer;
            QCOMPARE(to.fd, serverFd);
            QCOMPARE(to.call, std::string("recv"));
            QCOMPARE(a.offset, next);
            QCOMPARE(to.data,
                     request.substr(static_cast<size_t>(a.offset), static_cast<size_t>(a.length)));
            next += a.length;
        }
        QCOMPARE(next, int64_t(request.size()));
        QCOMPARE(toServer, size_t(3));
        QCOMPARE(ofKind(b, Arrow::Kind::Data).size(), size_t(4));  // and "bye"

        const auto fins = ofKind(b, Arrow::Kind::Fin);
        QCOMPARE(fins.size(), size_t(1));
        QCOMPARE(eventOf(b, fins[0].from).call, std::string("shutdown"));
        QCOMPARE(eventOf(b, fins[0].to).fd, clientFd);
        QCOMPARE(eventOf(b, fins[0].to).result, int64_t(0));
        QVERIFY(test::timeOrderSorted(b));

        // The lifelines: the client, the listener, the accepted socket.
        int roles = 0;
        for (const Lifeline& l : b.lifelines()) {
            roles += l.role == Lifeline::Role::Client && l.fd == clientFd;
            roles += l.role == Lifeline::Role::Accepted && l.fd == serverFd;
            roles += l.role == Lifeline::Role::Listener;
        }
        QCOMPARE(roles, 3);
    }

    void udpExchange() {
        Recorder rec;
        {
            TraceScope scope(&rec);
            Socket server = udpBind(Address::fromIp("0.0.0.0", 0));
            const uint16_t port = server.localAddress().port();
            Socket client = udpSocket(AF_INET);
            client.sendTo("ping", Address::fromIp("127.0.0.1", port));
            char buf[64];
            const auto d = server.recvFrom(buf, sizeof buf, Millis(5000));
            QVERIFY(d.has_value());
            server.sendTo("pong", d->from);
            QVERIFY(client.recvFrom(buf, sizeof buf, Millis(5000)).has_value());
        }
        SequenceBuilder b;
        b.append(rec.events());
        const auto datagrams = ofKind(b, Arrow::Kind::Datagram);
        QCOMPARE(datagrams.size(), size_t(2));
        QVERIFY(ofKind(b, Arrow::Kind::Lost).empty());
        for (const Arrow& a : datagrams) {
            QCOMPARE(eventOf(b, a.from).call, std::string("sendto"));
            QCOMPARE(eventOf(b, a.to).call, std::string("recvfrom"));
            QCOMPARE(eventOf(b, a.to).data, eventOf(b, a.from).data);
            QCOMPARE(a.length, int64_t(4));
        }
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestSequenceLive)
#include "tst_sequencelive.moc"
