// SequenceBuilder on TCP exchanges built from synthetic TraceEvents: the
// handshake, a send read by three recvs (fan), three sends read by one recv
// (merge), pipelined requests, two interleaved connections to one server,
// events arriving out of order between sources, fd reuse, MSG_PEEK, FIN by
// shutdown and by close, RST, IPv6 and IPv4-mapped endpoints.

#include <QtTest>

#include "core/sequence/sequence.h"
#include "seqscript.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;
using sockwb::test::arrowText;
using sockwb::test::SeqScript;

namespace {

const std::string kServer = "127.0.0.1:8080";
const std::string kClient = "127.0.0.1:40000";

// Client pid 10 fd 3, server pid 20 listening on fd 3, accepted fd 4.
SeqScript connected() {
    SeqScript s;
    s.listener(20, 3, kServer);
    s.client(10, 3, kClient, kServer);
    s.accept(20, 3, 4, kServer, kClient);
    return s;
}

}  // namespace

class TestStreamSequence : public QObject {
    Q_OBJECT
private slots:
    void handshake() {
        SeqScript s = connected();
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(arrowText(b), QStringList{"H 10.connect#0>20.accept4#0"});
        // Lifelines: the client, the listener (with the accept on it), the
        // accepted socket born at the accept, and a Process lifeline each.
        int clients = 0, listeners = 0, accepted = 0;
        for (const Lifeline& l : b.lifelines()) {
            if (l.role == Lifeline::Role::Client) {
                ++clients;
                QCOMPARE(l.peer, kServer);
                QCOMPARE(l.local, kClient);
            }
            if (l.role == Lifeline::Role::Listener) ++listeners;
            if (l.role == Lifeline::Role::Accepted) {
                ++accepted;
                QCOMPARE(l.pid, 20);
                QCOMPARE(l.fd, 4);
                QCOMPARE(l.peer, kClient);
                QCOMPARE(l.origin, test::callNamed(b, "20.accept4#0"));
            }
        }
        QCOMPARE(clients, 1);
        QCOMPARE(listeners, 1);
        QCOMPARE(accepted, 1);
        QCOMPARE(b.processes().size(), size_t(2));
        const size_t acc = test::callNamed(b, "20.accept4#0");
        QCOMPARE(b.lifelines()[b.calls()[acc].lifeline].role, Lifeline::Role::Listener);
        QCOMPARE(b.arrowsOf(acc).size(), size_t(1));
        QVERIFY(test::timeOrderSorted(b));
    }

    void nonBlockingConnect() {
        SeqScript s;
        s.listener(20, 3, kServer);
        s.socket(10, 3);
        s.connect(10, 3, kClient, kServer, EINPROGRESS);
        s.add(10, -1, "poll", "[{fd=3, events=POLLOUT}], 1, 1000", 1);
        s.connect(10, 3, kClient, kServer, EISCONN);
        s.accept(20, 3, 4, kServer, kClient);
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(arrowText(b), QStringList{"H 10.connect#0>20.accept4#0"});
        const size_t poll = test::callNamed(b, "10.poll#0");
        QCOMPARE(b.lifelines()[b.calls()[poll].lifeline].role, Lifeline::Role::Process);
    }

    void refusedConnect() {
        SeqScript s;
        s.socket(10, 3);
        s.connect(10, 3, "", kServer, ECONNREFUSED);
        s.close(10, 3);
        SequenceBuilder b;
        b.append(s.events);
        QVERIFY(b.arrows().empty());
        const Lifeline& l = b.lifelines()[b.calls()[1].lifeline];
        QCOMPARE(l.role, Lifeline::Role::Client);
        QCOMPARE(l.peer, kServer);
        QVERIFY(l.closed);
    }

    void fan() {
        SeqScript s = connected();
        s.send(10, 3, "abcdefghij");
        s.recv(20, 4, "abc");
        s.recv(20, 4, "def");
        s.recv(20, 4, "ghij");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+3", "D 10.send#0>20.recv#1 3+3",
                              "D 10.send#0>20.recv#2 6+4", "H 10.connect#0>20.accept4#0"}));
    }

    void merge() {
        SeqScript s = connected();
        s.send(10, 3, "abc");
        s.send(10, 3, "def");
        s.send(10, 3, "ghi");
        s.recv(20, 4, "abcdefghi");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+3", "D 10.send#1>20.recv#0 3+3",
                              "D 10.send#2>20.recv#0 6+3", "H 10.connect#0>20.accept4#0"}));
    }

    void pipelined() {
        // Two requests written back to back on a keep-alive connection, read
        // by one recv; two responses read as 6 + 2 bytes.
        SeqScript s = connected();
        s.send(10, 3, "GET 1");
        s.send(10, 3, "GET 2");
        s.recv(20, 4, "GET 1GET 2");
        s.send(20, 4, "OK 1");
        s.send(20, 4, "OK 2");
        s.recv(10, 3, "OK 1OK");
        s.recv(10, 3, " 2");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+5", "D 10.send#1>20.recv#0 5+5",
                              "D 20.send#0>10.recv#0 0+4", "D 20.send#1>10.recv#0 4+2",
                              "D 20.send#1>10.recv#1 6+2", "H 10.connect#0>20.accept4#0"}));
    }

    void interleavedConnections() {
        // Two clients; the server accepts the second one first and serves
        // both in turns: each byte goes to the right connection.
        SeqScript s;
        s.listener(20, 3, kServer);
        s.client(10, 3, "127.0.0.1:40000", kServer);
        s.client(11, 3, "127.0.0.1:40001", kServer);
        s.accept(20, 3, 4, kServer, "127.0.0.1:40001");
        s.accept(20, 3, 5, kServer, "127.0.0.1:40000");
        s.send(10, 3, "from ten");
        s.send(11, 3, "from eleven");
        s.recv(20, 5, "from ten");
        s.recv(20, 4, "from eleven");
        s.send(20, 4, "to eleven");
        s.send(20, 5, "to ten");
        s.recv(11, 3, "to eleven");
        s.recv(10, 3, "to ten");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+8", "D 11.send#0>20.recv#1 0+11",
                              "D 20.send#0>11.recv#0 0+9", "D 20.send#1>10.recv#0 0+6",
                              "H 10.connect#0>20.accept4#1", "H 11.connect#0>20.accept4#0"}));
    }

    void outOfOrderBetweenSources() {
        // The whole exchange appended in time order, then the server's batch
        // before the client's, then the client's first, then in chunks:
        // the same arrows every time.
        SeqScript s = connected();
        s.send(10, 3, "hello");
        s.recv(20, 4, "hel");
        s.recv(20, 4, "lo");
        s.send(20, 4, "world!");
        s.shutdown(10, 3, "SHUT_WR");
        s.recv(10, 3, "world!");
        s.eof(20, 4);
        s.close(20, 4);
        s.eof(10, 3);
        s.close(10, 3);
        const QStringList expected{"D 10.send#0>20.recv#0 0+3", "D 10.send#0>20.recv#1 3+2",
                                   "D 20.send#0>10.recv#0 0+6", "F 10.shutdown#0>20.recv#2",
                                   "F 20.close#0>10.recv#1",    "H 10.connect#0>20.accept4#0"};
        QCOMPARE(arrowText(s.events), expected);
        QCOMPARE(arrowText(test::joined(s.of({20}), s.of({10}))), expected);
        QCOMPARE(arrowText(test::joined(s.of({10}), s.of({20}))), expected);
        // Alternating chunks of 3 events from each source, the client first.
        const auto a = s.of({10});
        const auto c = s.of({20});
        std::vector<TraceEvent> mixed;
        for (size_t i = 0; i < std::max(a.size(), c.size()); i += 3) {
            for (size_t j = i; j < std::min(i + 3, a.size()); ++j) mixed.push_back(a[j]);
            for (size_t j = i; j < std::min(i + 3, c.size()); ++j) mixed.push_back(c[j]);
        }
        SequenceBuilder b;
        for (const TraceEvent& e : mixed) b.append(e);
        QCOMPARE(arrowText(b), expected);
        QVERIFY(test::timeOrderSorted(b));
    }

    void fdReuse() {
        // fd 3 of the client is closed and reused for a second connection
        // (another server): two lifelines, each with its own bytes.
        SeqScript s = connected();
        s.listener(21, 3, "127.0.0.1:9090");
        s.send(10, 3, "one");
        s.recv(20, 4, "one");
        s.close(10, 3);
        s.client(10, 3, "127.0.0.1:40002", "127.0.0.1:9090");
        s.accept(21, 3, 4, "127.0.0.1:9090", "127.0.0.1:40002");
        s.send(10, 3, "two");
        s.recv(21, 4, "two");
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(arrowText(b),
                 (QStringList{"D 10.send#0>20.recv#0 0+3", "D 10.send#1>21.recv#0 0+3",
                              "H 10.connect#0>20.accept4#0", "H 10.connect#1>21.accept4#0"}));
        const size_t first = b.calls()[test::callNamed(b, "10.send#0")].lifeline;
        const size_t second = b.calls()[test::callNamed(b, "10.send#1")].lifeline;
        QVERIFY(first != second);
        QVERIFY(b.lifelines()[first].closed);
        QVERIFY(!b.lifelines()[second].closed);
        QCOMPARE(b.lifelines()[second].fd, 3);
        QCOMPARE(b.lifelines()[second].peer, std::string("127.0.0.1:9090"));
    }

    void peekDoesNotAdvance() {
        SeqScript s = connected();
        s.send(10, 3, "hello");
        s.recv(20, 4, "hello", "recv", "MSG_PEEK");
        s.recv(20, 4, "hello");
        s.send(10, 3, "!");
        s.recv(20, 4, "!");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+5", "D 10.send#0>20.recv#1 0+5",
                              "D 10.send#1>20.recv#2 5+1", "H 10.connect#0>20.accept4#0"}));
        // The same with the server's batch first.
        QCOMPARE(arrowText(test::joined(s.of({20}), s.of({10}))), arrowText(s.events));
    }

    void finByShutdownAndByClose() {
        SeqScript s = connected();
        s.send(10, 3, "request");
        s.shutdown(10, 3, "SHUT_WR");
        s.recv(20, 4, "request");
        s.eof(20, 4, "read");
        s.send(20, 4, "response", "write");
        s.close(20, 4);
        s.recv(10, 3, "response");
        s.eof(10, 3);
        s.eof(10, 3);  // a second recv = 0: the same FIN
        s.close(10, 3);
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+7", "D 20.write#0>10.recv#0 0+8",
                              "F 10.shutdown#0>20.read#0", "F 20.close#0>10.recv#1",
                              "F 20.close#0>10.recv#2", "H 10.connect#0>20.accept4#0"}));
    }

    void shutdownReadIsNoFin() {
        SeqScript s = connected();
        s.shutdown(10, 3, "SHUT_RD");
        s.eof(20, 4);
        QCOMPARE(arrowText(s.events), QStringList{"H 10.connect#0>20.accept4#0"});
    }

    void resetOnCloseWithUnreadData() {
        // The server closes without reading: the client's recv fails with
        // ECONNRESET and its next send with EPIPE.
        SeqScript s = connected();
        s.send(10, 3, "unread");
        s.close(20, 4);
        s.failed(10, 3, "recv", ECONNRESET);
        s.failed(10, 3, "send", EPIPE);
        const QStringList expected{"H 10.connect#0>20.accept4#0", "R 20.close#0>10.recv#0",
                                   "R 20.close#0>10.send#1"};
        QCOMPARE(arrowText(s.events), expected);
        QCOMPARE(arrowText(test::joined(s.of({10}), s.of({20}))), expected);
    }

    void ipv6AndMappedEndpoints() {
        SeqScript s;
        s.listener(20, 3, "[::]:8080");
        s.client(10, 3, "[::1]:40000", "[::1]:8080");
        s.accept(20, 3, 4, "[::1]:8080", "[::1]:40000");
        // An IPv4 client of the dual-stack server: the accepted socket's
        // endpoints spelt as IPv4-mapped IPv6.
        s.client(11, 3, "127.0.0.1:40001", "127.0.0.1:8080");
        s.accept(20, 3, 5, "[::ffff:127.0.0.1]:8080", "[::ffff:127.0.0.1]:40001");
        s.send(10, 3, "six");
        s.send(11, 3, "four");
        s.recv(20, 4, "six");
        s.recv(20, 5, "four");
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+3", "D 11.send#0>20.recv#1 0+4",
                              "H 10.connect#0>20.accept4#0", "H 11.connect#0>20.accept4#1"}));
    }

    void unknownSocketsStillPlaced() {
        // A trace that starts mid-connection: calls on fds never opened go
        // on Unknown lifelines, with no arrows (nothing to pair them by).
        SeqScript s;
        s.send(10, 7, "x");
        s.recv(20, 8, "x");
        s.add(10, -1, "nanosleep", "{tv_sec=0, tv_nsec=1000}", 0);
        SequenceBuilder b;
        b.append(s.events);
        QVERIFY(b.arrows().empty());
        QCOMPARE(b.calls().size(), size_t(3));
        QCOMPARE(b.lifelines()[b.calls()[0].lifeline].role, Lifeline::Role::Unknown);
        QCOMPARE(b.lifelines()[b.calls()[2].lifeline].role, Lifeline::Role::Process);
        QCOMPARE(b.lifelines()[b.calls()[2].lifeline].fd, -1);
    }

    void clearStartsOver() {
        SeqScript s = connected();
        SequenceBuilder b;
        b.append(s.events);
        const uint64_t rev = b.revision();
        b.clear();
        QVERIFY(b.revision() > rev);
        QVERIFY(b.events().empty() && b.calls().empty() && b.arrows().empty());
        QVERIFY(b.lifelines().empty() && b.processes().empty() && b.timeOrder().empty());
        b.append(s.events);
        QCOMPARE(arrowText(b), QStringList{"H 10.connect#0>20.accept4#0"});
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestStreamSequence)
#include "tst_streamsequence.moc"
