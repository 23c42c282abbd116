// SequenceBuilder on a TLS exchange built from synthetic TraceEvents: the
// engine's "tls" notes (records sent come before their send, records
// received follow their recv) name what each send/recv carried, an arrow's
// records are its send's (or its recv's when only the receiver was
// traced), the notes sit on their socket's lifeline, sources interleaved
// out of order still match, a reused fd starts afresh; parseTlsNote and
// mergedRecords on their own.

#include <QtTest>

#include "core/sequence/sequence.h"
#include "core/sequence/tlsrecords.h"
#include "seqscript.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;
using sockwb::test::SeqScript;

namespace {

const std::string kServer = "127.0.0.1:8443";
const std::string kClient = "127.0.0.1:40000";

void note(SeqScript& s, int pid, int fd, const std::string& args) {
    s.add(pid, fd, "tls", args, 0);
}

// "ServerHello, Certificate, Finished": the names an arrow's records give.
std::string names(const std::vector<TlsRecord>& records) {
    std::string out;
    for (const TlsRecord& r : records) out += (out.empty() ? "" : ", ") + r.what;
    return out;
}

// Client pid 10 fd 3, server pid 20 (listener 3, accepted 4): a TLS 1.3
// handshake, one request and its answer, the client's close_notify.
SeqScript tlsExchange() {
    SeqScript s;
    s.listener(20, 3, kServer);
    s.client(10, 3, kClient, kServer);
    s.accept(20, 3, 4, kServer, kClient);
    note(s, 10, 3, "→ ClientHello (512 B)");
    s.send(10, 3, std::string(517, 'h'));
    s.recv(20, 4, std::string(517, 'h'));
    note(s, 20, 4, "← ClientHello (512 B)");
    note(s, 20, 4, "→ ServerHello (122 B)");
    note(s, 20, 4, "→ Certificate (500 B)");
    note(s, 20, 4, "→ Finished (52 B)");
    s.send(20, 4, std::string(800, 's'));
    s.recv(10, 3, std::string(800, 's'));
    note(s, 10, 3, "← ServerHello (122 B)");
    note(s, 10, 3, "← Certificate (500 B)");
    note(s, 10, 3, "← Finished (52 B)");
    note(s, 10, 3, "→ Finished (52 B)");
    note(s, 10, 3, "→ application data (78 B)");
    s.send(10, 3, std::string(180, 'c'));
    s.recv(20, 4, std::string(180, 'c'));
    note(s, 20, 4, "← Finished (52 B)");
    note(s, 20, 4, "← application data (78 B)");
    note(s, 20, 4, "→ application data (60 B)");
    note(s, 20, 4, "→ application data (40 B)");
    s.send(20, 4, std::string(122, 'a'));
    s.recv(10, 3, std::string(122, 'a'));
    note(s, 10, 3, "← application data (60 B)");
    note(s, 10, 3, "← application data (40 B)");
    note(s, 10, 3, "→ alert: close_notify");
    s.send(10, 3, std::string(24, 'x'));
    s.close(10, 3);
    return s;
}

// The arrow from the send named, e.g. "10.send#0".
const Arrow* arrowFrom(const SequenceBuilder& b, const std::string& send) {
    const size_t call = test::callNamed(b, send);
    for (const Arrow& a : b.arrows())
        if (a.from == call && a.kind == Arrow::Kind::Data) return &a;
    return nullptr;
}

}  // namespace

class TestTlsSequence : public QObject {
    Q_OBJECT
private slots:
    void parseNotes() {
        auto r = parseTlsNote("→ ClientHello (517 B)");
        QVERIFY(r);
        QVERIFY(r->outgoing);
        QCOMPARE(r->what, std::string("ClientHello"));
        QCOMPARE(r->bytes, int64_t(517));
        r = parseTlsNote("← alert: bad_certificate");
        QVERIFY(r);
        QVERIFY(!r->outgoing);
        QCOMPARE(r->what, std::string("alert: bad_certificate"));
        QCOMPARE(r->bytes, int64_t(-1));
        r = parseTlsNote("<- application data (78 B)");
        QVERIFY(r);
        QCOMPARE(r->what, std::string("application data"));
        QCOMPARE(r->bytes, int64_t(78));
        QVERIFY(!parseTlsNote("handshake done: TLSv1.3"));
        QVERIFY(!parseTlsNote("→ "));
        r = parseTlsNote("→ Certificate (x B)");  // not a size: kept in the name
        QVERIFY(r);
        QCOMPARE(r->what, std::string("Certificate (x B)"));
    }

    void mergeRuns() {
        const std::vector<TlsRecord> in{{"application data", 60, true, 1},
                                        {"application data", 40, true, 1},
                                        {"NewSessionTicket", -1, true, 1},
                                        {"NewSessionTicket", 200, true, 1},
                                        {"application data", 5, true, 1}};
        const auto out = mergedRecords(in);
        QCOMPARE(out.size(), size_t(3));
        QCOMPARE(out[0].count, 2);
        QCOMPARE(out[0].bytes, int64_t(100));
        QCOMPARE(out[1].what, std::string("NewSessionTicket"));
        QCOMPARE(out[1].count, 2);
        QCOMPARE(out[1].bytes, int64_t(-1));  // one size unknown: the sum is too
        QCOMPARE(out[2].bytes, int64_t(5));
    }

    void recordsOfEachCall() {
        SequenceBuilder b;
        b.append(tlsExchange().events);
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "10.send#0"))), std::string("ClientHello"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "20.recv#0"))), std::string("ClientHello"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "20.send#0"))),
                 std::string("ServerHello, Certificate, Finished"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "10.recv#0"))),
                 std::string("ServerHello, Certificate, Finished"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "10.send#1"))),
                 std::string("Finished, application data"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "20.send#1"))),
                 std::string("application data, application data"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "10.send#2"))),
                 std::string("alert: close_notify"));
        QCOMPARE(b.tlsRecords(test::callNamed(b, "10.send#0")).front().bytes, int64_t(512));
        // Calls that carried nothing: none.
        QVERIFY(b.tlsRecords(test::callNamed(b, "10.connect#0")).empty());
        QVERIFY(b.tlsRecords(test::callNamed(b, "10.tls#0")).empty());
    }

    void arrowsNamedBySend() {
        SequenceBuilder b;
        b.append(tlsExchange().events);
        const Arrow* hello = arrowFrom(b, "10.send#0");
        QVERIFY(hello);
        QCOMPARE(names(b.tlsRecordsOf(*hello)), std::string("ClientHello"));
        const Arrow* flight = arrowFrom(b, "20.send#0");
        QVERIFY(flight);
        QCOMPARE(names(b.tlsRecordsOf(*flight)), std::string("ServerHello, Certificate, Finished"));
        // The handshake arrow (connect -> accept) carries no record.
        for (const Arrow& a : b.arrows())
            if (a.kind == Arrow::Kind::Handshake) QVERIFY(b.tlsRecordsOf(a).empty());
    }

    void notesOnTheSocketLifeline() {
        SequenceBuilder b;
        b.append(tlsExchange().events);
        const size_t note = test::callNamed(b, "20.tls#1");  // → ServerHello
        const size_t send = test::callNamed(b, "20.send#0");
        QCOMPARE(b.calls()[note].lifeline, b.calls()[send].lifeline);
        QCOMPARE(b.lifelines()[b.calls()[note].lifeline].role, Lifeline::Role::Accepted);
        // The notes add no arrow: the plain exchange's arrows only.
        for (const Arrow& a : b.arrows()) {
            const std::string& from = b.events()[b.calls()[a.from].event].call;
            QVERIFY(from != "tls");
        }
    }

    // Only the server traced (a client such as curl): its recv's notes name
    // the arrow from... nothing (no send), but its own sends are named.
    void receiverOnly() {
        SeqScript all = tlsExchange();
        SequenceBuilder b;
        b.append(all.of({20}));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "20.recv#1"))),
                 std::string("Finished, application data"));
        // Both sides traced, the client's notes left out: the arrow takes
        // the receiver's records.
        std::vector<TraceEvent> noClientNotes;
        for (const TraceEvent& e : all.events)
            if (!(e.pid == 10 && e.call == "tls")) noClientNotes.push_back(e);
        SequenceBuilder c;
        c.append(noClientNotes);
        const Arrow* hello = arrowFrom(c, "10.send#0");
        QVERIFY(hello);
        QCOMPARE(names(c.tlsRecordsOf(*hello)), std::string("ClientHello"));
    }

    // The server's batch first, then the client's: per socket the order is
    // the calls', so the matching is the same.
    void sourcesOutOfOrder() {
        const SeqScript s = tlsExchange();
        SequenceBuilder b;
        b.append(s.of({20}));
        b.append(s.of({10}));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "20.send#0"))),
                 std::string("ServerHello, Certificate, Finished"));
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "10.send#1"))),
                 std::string("Finished, application data"));
        const Arrow* flight = arrowFrom(b, "20.send#0");
        QVERIFY(flight);
        QCOMPARE(names(b.tlsRecordsOf(*flight)), std::string("ServerHello, Certificate, Finished"));
    }

    // A send that failed (EAGAIN) carries nothing: the records wait for the
    // next send that moved bytes. A closed fd forgets what waited on it.
    void waitingRecords() {
        SeqScript s;
        s.client(10, 3, kClient, kServer);
        note(s, 10, 3, "→ ClientHello (512 B)");
        s.failed(10, 3, "send", EAGAIN);
        s.send(10, 3, std::string(517, 'h'));
        note(s, 10, 3, "→ alert: close_notify");
        s.close(10, 3);
        s.client(10, 3, kClient, kServer);  // the number again: a new socket
        s.send(10, 3, "plain");
        SequenceBuilder b;
        b.append(s.events);
        QVERIFY(b.tlsRecords(test::callNamed(b, "10.send#0")).empty());
        QCOMPARE(names(b.tlsRecords(test::callNamed(b, "10.send#1"))), std::string("ClientHello"));
        QVERIFY(b.tlsRecords(test::callNamed(b, "10.send#2")).empty());
        b.clear();
        QVERIFY(b.tlsRecords(0).empty());
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestTlsSequence)
#include "tst_tlssequence.moc"
