// TraceAdapter's record path: the wrapped calls reach it as TraceRecords
// (from any thread), events reported as events (a long note) take their
// place in the same order, and a flush formats them on the GUI thread into
// the batch eventsReady carries: the same TraceEvents an event observer
// gets, in call order, the oldest dropped past capacity and counted.

#include <sys/socket.h>
#include <unistd.h>

#include <QSignalSpy>
#include <QtTest>
#include <string>
#include <thread>
#include <vector>

#include "core/net/sys.h"
#include "core/net/trace.h"
#include "support/testmain.h"
#include "widgets/trace/traceadapter.h"

using namespace sockwb;

namespace {

class Events final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override { events.push_back(e); }
    std::vector<TraceEvent> events;
};

// The same calls, whoever listens: a send and a recv on a socketpair, a
// failed close, a note, and a note too long for a record.
void makeCalls(TraceObserver* obs, int round) {
    TraceScope scope(obs);
    int sv[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    const std::string msg = "round " + std::to_string(round) + "\n";
    sys::send(sv[0], msg.data(), msg.size(), 0);
    char buf[64];
    sys::recv(sv[1], buf, sizeof buf, 0);
    sys::close(-1);
    traceNote("note", sv[0], "round " + std::to_string(round));
    traceNote("long", -1, std::string(kTraceDataBytes + 10, 'L'));
    ::close(sv[0]);
    ::close(sv[1]);
}

}  // namespace

class tst_TraceAdapter : public QObject {
    Q_OBJECT

private slots:
    void recordsBecomeTheSameEvents();
    void overCapacityDropsTheOldest();
};

void tst_TraceAdapter::recordsBecomeTheSameEvents() {
    TraceAdapter adapter(nullptr, 1000000, 100);  // flushed by hand only
    QSignalSpy spy(&adapter, &TraceAdapter::eventsReady);
    Events direct;
    std::thread([&] { makeCalls(&adapter, 1); }).join();  // another thread, as a server's
    makeCalls(&direct, 1);
    adapter.flush();
    QCOMPARE(spy.count(), 1);
    const auto batch = spy.at(0).at(0).value<QVector<TraceEvent>>();
    QCOMPARE(spy.at(0).at(1).value<quint64>(), quint64(0));
    QCOMPARE(size_t(batch.size()), direct.events.size());
    QCOMPARE(batch.size(), 5);
    for (int i = 0; i < batch.size(); ++i) {
        const TraceEvent& a = batch[i];
        const TraceEvent& b = direct.events[size_t(i)];
        QCOMPARE(a.call, b.call);
        QCOMPARE(a.result, b.result);
        QCOMPARE(a.err, b.err);
        QCOMPARE(a.data, b.data);
        QCOMPARE(a.args.size(), b.args.size());  // fds may differ, not the shape
    }
    QCOMPARE(batch[0].call, std::string("send"));
    QCOMPARE(batch[0].data, std::string("round 1\n"));
    QCOMPARE(batch[1].call, std::string("recv"));
    QCOMPARE(batch[2].args, std::string("-1"));
    QCOMPARE(batch[2].errName(), std::string("EBADF"));
    QCOMPARE(batch[3].args, std::string("round 1"));
    QCOMPARE(batch[4].call, std::string("long"));
    QVERIFY(batch[0].tid != 0 && batch[0].tid != currentTid());
    adapter.flush();  // nothing more
    QCOMPARE(spy.count(), 1);
}

void tst_TraceAdapter::overCapacityDropsTheOldest() {
    TraceAdapter adapter(nullptr, 1000000, 7);
    QSignalSpy spy(&adapter, &TraceAdapter::eventsReady);
    for (int round = 0; round < 3; ++round) makeCalls(&adapter, round);  // 15 entries
    QCOMPARE(adapter.dropped(), quint64(8));
    adapter.flush();
    QCOMPARE(spy.count(), 1);
    const auto batch = spy.at(0).at(0).value<QVector<TraceEvent>>();
    QCOMPARE(spy.at(0).at(1).value<quint64>(), quint64(8));
    QCOMPARE(batch.size(), 7);
    // The last seven, in order: round 1's note and long note, then round 2.
    QCOMPARE(batch[0].args, std::string("round 1"));
    QCOMPARE(batch[1].call, std::string("long"));
    QCOMPARE(batch[2].call, std::string("send"));
    QCOMPARE(batch[2].data, std::string("round 2\n"));
    QCOMPARE(batch[6].call, std::string("long"));
    // A second flood reuses the adapter's buffers and keeps counting.
    makeCalls(&adapter, 3);
    adapter.flush();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<QVector<TraceEvent>>().size(), 5);
    QCOMPARE(spy.at(1).at(1).value<quint64>(), quint64(8));
}

SOCKWB_TEST_MAIN(tst_TraceAdapter)
#include "tst_traceadapter.moc"
