// SequenceBuilder at scale: 100,000 events of many interleaved connections
// and datagrams build with every arrow found, and a long connection whose
// sends and recvs never line up (one arrow per overlap, found without a
// search of the whole connection: a quadratic matcher would not finish).
// The build time is printed, not asserted (speed goes in tests/bench/).

#include <QtTest>
#include <chrono>
#include <ctime>

#include "core/sequence/sequence.h"
#include "seqscript.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;
using sockwb::test::SeqScript;

namespace {

size_t countKind(const SequenceBuilder& b, Arrow::Kind kind) {
    size_t n = 0;
    for (const Arrow& a : b.arrows()) n += a.kind == kind;
    return n;
}

// Wall and CPU time since a start (the CPU time says more on a busy machine).
struct Stopwatch {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    QByteArray text() const {
        const double w =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall)
                .count();
        const double c = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
        return QByteArray::number(w, 'f', 1) + " ms (CPU " + QByteArray::number(c, 'f', 1) + " ms)";
    }
};

}  // namespace

class TestSequenceScale : public QObject {
    Q_OBJECT
private slots:
    void hundredThousandEvents() {
        // 1,000 connections to one server, 10 at a time, each with 24
        // request/response pairs and a close; a UDP flow on the side.
        SeqScript s;
        s.listener(1, 3, "127.0.0.1:8080");
        s.socket(2, 3, true);
        s.socket(1, 4, true);
        const int kConnections = 1000;
        const int kRounds = 24;
        const int kConcurrent = 10;
        size_t datagrams = 0;
        for (int base = 0; base < kConnections; base += kConcurrent) {
            for (int c = base; c < base + kConcurrent; ++c) {
                const std::string local = "127.0.0.1:" + std::to_string(20000 + c);
                const int pid = 100 + c % kConcurrent;
                s.client(pid, 3, local, "127.0.0.1:8080");
                s.accept(1, 3, 10 + c % kConcurrent, "127.0.0.1:8080", local);
            }
            for (int r = 0; r < kRounds; ++r) {
                for (int c = base; c < base + kConcurrent; ++c) {
                    const int pid = 100 + c % kConcurrent;
                    const int fd = 10 + c % kConcurrent;
                    s.send(pid, 3, "request " + std::to_string(r));
                    s.recv(1, fd, "request " + std::to_string(r));
                    s.send(1, fd, "response " + std::to_string(r));
                    s.recv(pid, 3, "response " + std::to_string(r));
                }
                s.sendto(2, 3, "0.0.0.0:5353", "127.0.0.1:53", "query " + std::to_string(r));
                if (r % 5 != 4) {  // every fifth one is lost
                    s.recvfrom(1, 4, "0.0.0.0:53", "127.0.0.1:5353", "query " + std::to_string(r));
                    ++datagrams;
                }
            }
            for (int c = base; c < base + kConcurrent; ++c) {
                s.close(100 + c % kConcurrent, 3);
                s.eof(1, 10 + c % kConcurrent);
                s.close(1, 10 + c % kConcurrent);
            }
        }
        s.now += 3'000'000;  // the last lost datagram is Lost 2 s later
        s.add(2, -1, "sleep", "3", 0);
        QVERIFY(s.events.size() >= 100'000);

        SequenceBuilder b;
        const Stopwatch t0;
        b.append(s.events);
        qInfo("%zu events, %zu lifelines, %zu arrows built in %s", b.events().size(),
              b.lifelines().size(), b.arrows().size(), t0.text().constData());

        QCOMPARE(countKind(b, Arrow::Kind::Handshake), size_t(kConnections));
        QCOMPARE(countKind(b, Arrow::Kind::Data), size_t(kConnections * kRounds * 2));
        QCOMPARE(countKind(b, Arrow::Kind::Fin), size_t(kConnections));
        QCOMPARE(countKind(b, Arrow::Kind::Datagram), datagrams);
        QCOMPARE(countKind(b, Arrow::Kind::Lost),
                 size_t(kConnections / kConcurrent * kRounds) - datagrams);
        QVERIFY(test::timeOrderSorted(b));

        // The same events, the server's first (another source, late).
        std::vector<TraceEvent> server;
        std::vector<TraceEvent> rest;
        for (const TraceEvent& e : s.events) (e.pid == 1 ? server : rest).push_back(e);
        SequenceBuilder late;
        const Stopwatch t1;
        late.append(server);
        late.append(rest);
        qInfo("server batch first: %s", t1.text().constData());
        // One event at a time (the live case), in time order.
        SequenceBuilder live;
        const Stopwatch t2;
        for (const TraceEvent& e : s.events) live.append(e);
        qInfo("one event at a time: %s", t2.text().constData());
        QCOMPARE(live.arrows().size(), b.arrows().size());
        QCOMPARE(late.arrows().size(), b.arrows().size());
        QVERIFY(test::timeOrderSorted(late));
    }

    void longConnectionMisaligned() {
        // 50,000 sends of 10 bytes read by recvs of 7: every recv but a few
        // spans two sends. The client's batch arrives after the server's.
        SeqScript s;
        s.listener(20, 3, "127.0.0.1:8080");
        s.client(10, 3, "127.0.0.1:40000", "127.0.0.1:8080");
        s.accept(20, 3, 4, "127.0.0.1:8080", "127.0.0.1:40000");
        const int kSends = 50'000;
        for (int i = 0; i < kSends; ++i) s.send(10, 3, "0123456789");
        const int64_t total = int64_t(kSends) * 10;
        for (int64_t off = 0; off < total; off += 7)
            s.recv(20, 4, std::string(static_cast<size_t>(std::min<int64_t>(7, total - off)), 'x'));
        SequenceBuilder b;
        const Stopwatch t0;
        b.append(s.of({20}));
        b.append(s.of({10}));
        qInfo("%zu events on one connection in %s", b.events().size(), t0.text().constData());
        QVERIFY(test::timeOrderSorted(b));
        // Overlaps: one per send plus one per recv boundary inside a send.
        size_t boundaries = 0;
        for (int64_t off = 7; off < total; off += 7) boundaries += off % 10 != 0;
        QCOMPARE(countKind(b, Arrow::Kind::Data), size_t(kSends) + boundaries);
        int64_t covered = 0;
        for (const Arrow& a : b.arrows())
            if (a.kind == Arrow::Kind::Data) covered += a.length;
        QCOMPARE(covered, total);
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestSequenceScale)
#include "tst_sequencescale.moc"
