// SequenceBuilder on UDP exchanges built from synthetic TraceEvents:
// sendto -> recvfrom per flow with loss, reordering and duplication, a
// Lost arrow that becomes a Datagram arrow when its receive shows up late,
// the 2 s rule, a wildcard-bound server (IPv4 and dual-stack IPv6), and
// connected UDP (connect + send/recv).

#include <QtTest>

#include "core/sequence/sequence.h"
#include "seqscript.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;
using sockwb::test::arrowText;
using sockwb::test::SeqScript;

namespace {

// The client (pid 10, fd 3, not bound: getsockname says 0.0.0.0:50000)
// sends to 127.0.0.1:9000; the server (pid 20, fd 3) is bound to 0.0.0.0.
const std::string kClientLocal = "0.0.0.0:50000";
const std::string kClientSeen = "127.0.0.1:50000";  // as the server's recvfrom sees it
const std::string kServer = "127.0.0.1:9000";
const std::string kServerLocal = "0.0.0.0:9000";

SeqScript sockets() {
    SeqScript s;
    s.socket(20, 3, true);
    s.bind(20, 3, kServerLocal);
    s.socket(10, 3, true);
    return s;
}

void send(SeqScript& s, const std::string& data) { s.sendto(10, 3, kClientLocal, kServer, data); }
void receive(SeqScript& s, const std::string& data) {
    s.recvfrom(20, 3, kServerLocal, kClientSeen, data);
}

}  // namespace

class TestDatagramSequence : public QObject {
    Q_OBJECT
private slots:
    void wildcardServer() {
        SeqScript s = sockets();
        send(s, "ping");
        receive(s, "ping");
        s.sendto(20, 3, kServerLocal, kClientSeen, "pong");
        s.recvfrom(10, 3, kClientLocal, kServer, "pong");
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(arrowText(b),
                 (QStringList{"G 10.sendto#0>20.recvfrom#0 4", "G 20.sendto#0>10.recvfrom#0 4"}));
        for (const Lifeline& l : b.lifelines())
            if (l.fd == 3) QCOMPARE(l.role, Lifeline::Role::Datagram);
    }

    void dualStackWildcard() {
        SeqScript s;
        s.socket(20, 3, true);
        s.bind(20, 3, "[::]:9000");
        s.sendto(10, 3, kClientLocal, kServer, "v4");
        s.recvfrom(20, 3, "[::]:9000", "[::ffff:127.0.0.1]:50000", "v4");
        s.sendto(11, 3, "[::]:50001", "[::1]:9000", "v6");
        s.recvfrom(20, 3, "[::]:9000", "[::1]:50001", "v6");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"G 10.sendto#0>20.recvfrom#0 2", "G 11.sendto#0>20.recvfrom#1 2"}));
    }

    void lossReorderingDuplication() {
        SeqScript s = sockets();
        for (const char* d : {"d1", "d2", "d3", "d4", "d5"}) send(s, d);
        receive(s, "d1");
        receive(s, "d3");
        receive(s, "d2");  // reordered: d2 was already Lost when d3 came, now it is not
        receive(s, "d3");  // a duplicate: no send left for it
        receive(s, "d5");  // d4 never came
        const QStringList expected{"G 10.sendto#0>20.recvfrom#0 2", "G 10.sendto#1>20.recvfrom#2 2",
                                   "G 10.sendto#2>20.recvfrom#1 2", "G 10.sendto#4>20.recvfrom#4 2",
                                   "L 10.sendto#3 2"};
        QCOMPARE(arrowText(s.events), expected);
        QCOMPARE(arrowText(test::joined(s.of({20}), s.of({10}))), expected);
    }

    void lostBecomesDatagram() {
        SeqScript s = sockets();
        send(s, "first");
        send(s, "second");
        SequenceBuilder b;
        b.append(s.events);
        QVERIFY(b.arrows().empty());  // nothing received yet: nothing is lost yet
        receive(s, "second");
        b.append(s.events.back());
        QCOMPARE(arrowText(b), (QStringList{"G 10.sendto#1>20.recvfrom#0 6", "L 10.sendto#0 5"}));
        size_t lost = kNone;
        for (size_t i = 0; i < b.arrows().size(); ++i)
            if (b.arrows()[i].kind == Arrow::Kind::Lost) lost = i;
        const size_t from = b.arrows()[lost].from;
        QCOMPARE(b.arrowsOf(from), std::vector<size_t>{lost});
        const uint64_t rev = b.revision();
        receive(s, "first");  // late, but it came
        b.append(s.events.back());
        QVERIFY(b.revision() > rev);
        QCOMPARE(b.arrows()[lost].kind, Arrow::Kind::Datagram);  // the same arrow, changed
        QCOMPARE(arrowText(b),
                 (QStringList{"G 10.sendto#0>20.recvfrom#1 5", "G 10.sendto#1>20.recvfrom#0 6"}));
        const size_t to = test::callNamed(b, "20.recvfrom#1");
        QCOMPARE(b.arrowsOf(to), std::vector<size_t>{lost});
    }

    void lostAfterTwoSeconds() {
        SeqScript s = sockets();
        send(s, "alone");
        s.now += 1'000'000;
        s.add(10, -1, "sleep", "1", 0);
        SequenceBuilder b;
        b.append(s.events);
        QVERIFY(b.arrows().empty());  // 1 s: still in flight
        s.now += 1'500'000;
        s.add(10, -1, "sleep", "1", 0);
        b.append(s.events.back());
        QCOMPARE(arrowText(b), QStringList{"L 10.sendto#0 5"});
        receive(s, "alone");  // 2.5 s late, it came after all
        b.append(s.events.back());
        QCOMPARE(arrowText(b), QStringList{"G 10.sendto#0>20.recvfrom#0 5"});
    }

    void equalDatagrams() {
        // Three equal datagrams sent, the first received twice: in order,
        // each receive takes the next equal send; the third send is lost.
        SeqScript s = sockets();
        send(s, "same");
        receive(s, "same");
        receive(s, "same");
        send(s, "same");
        receive(s, "same");
        send(s, "same");
        send(s, "other");
        receive(s, "other");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"G 10.sendto#0>20.recvfrom#0 4", "G 10.sendto#1>20.recvfrom#2 4",
                              "G 10.sendto#3>20.recvfrom#3 5", "L 10.sendto#2 4"}));
    }

    void inFlightBeforeLost() {
        // An equal datagram still in flight is taken before one given up.
        SeqScript s = sockets();
        send(s, "p");
        send(s, "q");
        receive(s, "q");  // the first "p" is Lost now
        send(s, "p");
        receive(s, "p");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"G 10.sendto#1>20.recvfrom#0 1", "G 10.sendto#2>20.recvfrom#1 1",
                              "L 10.sendto#0 1"}));
    }

    void receiveBeforeItsSendIsNoMatch() {
        // A receive that returned before a send began cannot be its datagram.
        SeqScript s = sockets();
        receive(s, "early");
        send(s, "early");
        QVERIFY(arrowText(s.events).isEmpty());
    }

    void sameLengthOtherBytes() {
        SeqScript s = sockets();
        send(s, "abcd");
        receive(s, "abce");
        QVERIFY(arrowText(s.events).isEmpty());
    }

    void flowsAreSeparate() {
        // Two clients of one server: each receive matches its own sender.
        SeqScript s = sockets();
        s.socket(11, 3, true);
        s.sendto(11, 3, "0.0.0.0:50001", kServer, "x");
        send(s, "x");
        receive(s, "x");  // from 50000
        s.recvfrom(20, 3, kServerLocal, "127.0.0.1:50001", "x");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"G 10.sendto#0>20.recvfrom#0 1", "G 11.sendto#0>20.recvfrom#1 1"}));
    }

    void connectedUdp() {
        SeqScript s;
        s.socket(20, 3, true);
        s.bind(20, 3, kServer);
        s.socket(10, 3, true);
        s.connect(10, 3, "127.0.0.1:50000", kServer);
        s.send(10, 3, "hi");
        s.recvfrom(20, 3, kServer, "127.0.0.1:50000", "hi");
        s.sendto(20, 3, kServer, "127.0.0.1:50000", "hello");
        s.recv(10, 3, "hello");
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(arrowText(b),
                 (QStringList{"G 10.send#0>20.recvfrom#0 2", "G 20.sendto#0>10.recv#0 5"}));
        const size_t l = b.calls()[test::callNamed(b, "10.send#0")].lifeline;
        QCOMPARE(b.lifelines()[l].role, Lifeline::Role::Datagram);
        QCOMPARE(b.lifelines()[l].peer, kServer);
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestDatagramSequence)
#include "tst_datagramsequence.moc"
