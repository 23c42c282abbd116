// The sequence diagram's geometry without a screen: columns grouped by
// process, the compressed axis (fixed steps, folds where time jumped) and
// the real one (proportional), incremental updates for a live trace, the
// binary search by y and the arrow index the view paints from.

#include <QtTest/QtTest>
#include <algorithm>

#include "core/sequence/sequencelayout.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;

namespace {

// What a builder would hold, written by hand.
struct Data {
    std::vector<TraceEvent> events;
    std::vector<Process> processes;
    std::vector<Lifeline> lifelines;
    std::vector<Call> calls;
    std::vector<size_t> order;
    std::vector<Arrow> arrows;

    LayoutInput in() const { return {events, processes, lifelines, calls, order, arrows}; }
    size_t lifeline(int group, Lifeline::Role role, std::string local = {}) {
        Lifeline l;
        l.group = group;
        l.role = role;
        l.local = std::move(local);
        lifelines.push_back(l);
        return lifelines.size() - 1;
    }
    // A call at time t on a lifeline; timeOrder kept sorted (ties: append order).
    size_t call(int64_t t, size_t lifeline, int tid = 1) {
        TraceEvent e;
        e.timeUs = t;
        e.tid = tid;
        events.push_back(e);
        calls.push_back({events.size() - 1, lifeline, t});
        const size_t c = calls.size() - 1;
        const auto at = std::upper_bound(order.begin(), order.end(), t,
                                         [&](int64_t v, size_t i) { return v < calls[i].timeUs; });
        order.insert(at, c);
        return c;
    }
    size_t arrow(Arrow::Kind kind, size_t from, size_t to) {
        Arrow a;
        a.kind = kind;
        a.from = from;
        a.to = to;
        arrows.push_back(a);
        return arrows.size() - 1;
    }
};

bool contains(const std::vector<uint32_t>& v, size_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

class tst_SequenceLayout : public QObject {
    Q_OBJECT

private slots:
    void columnsGroupedByProcess() {
        Data d;
        d.processes = {{100, 0, "server"}, {200, 100, ""}};
        const size_t client = d.lifeline(0, Lifeline::Role::Client, "127.0.0.1:4000");
        const size_t listener = d.lifeline(1, Lifeline::Role::Listener, "127.0.0.1:80");
        const size_t proc = d.lifeline(0, Lifeline::Role::Process);
        const size_t accepted = d.lifeline(1, Lifeline::Role::Accepted);
        SequenceLayout l;
        l.update(d.in());
        const LayoutOptions& o = l.options();
        // The process's own lifeline first in its group, then its sockets.
        QCOMPARE(l.lifelineX(proc), o.left + o.columnWidth / 2);
        QCOMPARE(l.lifelineX(client), l.lifelineX(proc) + o.columnWidth);
        QCOMPARE(l.lifelineX(listener), l.lifelineX(client) + o.columnWidth + o.groupGap);
        QCOMPARE(l.lifelineX(accepted), l.lifelineX(listener) + o.columnWidth);
        QCOMPARE(l.groups().size(), size_t(2));
        QCOMPARE(l.groups()[0].process, size_t(0));
        QCOMPARE(l.groups()[1].x0, l.groups()[0].x1 + o.groupGap);
        QCOMPARE(l.width(), l.groups()[1].x1 + o.groupGap);
        // Found by its local endpoint (where a datagram was sent).
        QCOMPARE(l.lifelineAt("127.0.0.1:80"), listener);
        QCOMPARE(l.lifelineAt("127.0.0.1:9"), kNone);
    }

    void compressedStepsAndFolds() {
        Data d;
        d.processes = {{1, 0, ""}};
        const size_t a = d.lifeline(0, Lifeline::Role::Client);
        const size_t c0 = d.call(1'000'000, a);
        const size_t c1 = d.call(1'000'100, a);
        const size_t c2 = d.call(1'000'100, a);  // same time: still one step
        const size_t c3 = d.call(3'000'100, a);  // two seconds later: a fold
        SequenceLayout l;
        l.update(d.in());
        const LayoutOptions& o = l.options();
        QCOMPARE(o.axis, LayoutOptions::Axis::Compressed);
        QCOMPARE(l.callY(c0), l.firstY());
        QCOMPARE(l.callY(c1) - l.callY(c0), o.callSpacing);
        QCOMPARE(l.callY(c2) - l.callY(c1), o.callSpacing);
        QCOMPARE(l.callY(c3) - l.callY(c2), o.callSpacing + o.foldGap);
        QCOMPARE(l.folds().size(), size_t(1));
        QCOMPARE(l.folds()[0].gapUs, int64_t(2'000'000));
        QVERIFY(l.folds()[0].y > l.callY(c2) && l.folds()[0].y < l.callY(c3));
        QCOMPARE(l.originUs(), int64_t(1'000'000));
        QCOMPARE(l.height(), l.callY(c3) + o.bottomMargin);
        QCOMPARE(l.lifelineSpan(a), std::make_pair(l.callY(c0), l.callY(c3)));
    }

    void realIsProportional() {
        Data d;
        d.processes = {{1, 0, ""}};
        const size_t a = d.lifeline(0, Lifeline::Role::Client);
        const size_t c0 = d.call(5'000, a);
        const size_t c1 = d.call(5'500, a);      // +0.5 ms
        const size_t c2 = d.call(2'005'000, a);  // +2 s: not folded
        SequenceLayout l;
        LayoutOptions o;
        o.axis = LayoutOptions::Axis::Real;
        o.pxPerMs = 2.0;
        l.setOptions(o);
        l.update(d.in());
        QCOMPARE(l.callY(c1) - l.callY(c0), 1.0);
        QCOMPARE(l.callY(c2) - l.callY(c0), 4000.0);
        QVERIFY(l.folds().empty());
        // The zoom changes the distances, proportionally.
        o.pxPerMs = 0.5;
        l.setOptions(o);
        l.update(d.in());
        QCOMPARE(l.callY(c2) - l.callY(c0), 1000.0);
    }

    void liveAppendIsIncremental() {
        Data d;
        d.processes = {{1, 0, ""}};
        const size_t a = d.lifeline(0, Lifeline::Role::Client);
        for (int i = 0; i < 3; ++i) d.call(1000 + i, a);
        SequenceLayout l;
        l.update(d.in());
        QCOMPARE(l.fullLayouts(), size_t(1));
        const double y2 = l.callY(2);
        // Later calls: only they are placed, the others stay where they were.
        const size_t c3 = d.call(1003, a);
        const size_t c4 = d.call(1003, a);
        l.update(d.in());
        QCOMPARE(l.fullLayouts(), size_t(1));
        QCOMPARE(l.callY(2), y2);
        QCOMPARE(l.callY(c3), y2 + l.options().callSpacing);
        QCOMPARE(l.callY(c4), y2 + 2 * l.options().callSpacing);
        QCOMPARE(l.laidCalls(), size_t(5));
        // A call from another source landing in the past: everything again.
        const size_t early = d.call(500, a);
        l.update(d.in());
        QCOMPARE(l.fullLayouts(), size_t(2));
        QCOMPARE(l.callY(early), l.firstY());
        QCOMPARE(l.callY(c4), l.firstY() + 5 * l.options().callSpacing);
        QCOMPARE(l.positionOf(early), size_t(0));
        QCOMPARE(l.positionOf(c4), size_t(5));
    }

    void rowsBetweenIsABinarySearch() {
        Data d;
        d.processes = {{1, 0, ""}};
        const size_t a = d.lifeline(0, Lifeline::Role::Client);
        for (int i = 0; i < 1000; ++i) d.call(i, a);
        SequenceLayout l;
        l.update(d.in());
        const double s = l.options().callSpacing;
        const auto [first, last] = l.rowsBetween(l.firstY() + 10 * s - 1, l.firstY() + 20 * s - 1);
        QCOMPARE(first, size_t(10));
        QCOMPARE(last, size_t(20));
        QCOMPARE(l.rowY(first), l.firstY() + 10 * s);
        const auto [none0, none1] = l.rowsBetween(-100, 0);
        QCOMPARE(none0, none1);
    }

    void arrowsIndexedByCall() {
        Data d;
        d.processes = {{1, 0, ""}, {2, 0, ""}};
        const size_t a = d.lifeline(0, Lifeline::Role::Datagram);
        const size_t b = d.lifeline(1, Lifeline::Role::Datagram);
        const size_t send = d.call(0, a);
        const size_t recv = d.call(1, b);
        for (int i = 0; i < 200; ++i) d.call(2 + i, a);
        const size_t late = d.call(1000, b);
        const size_t near = d.arrow(Arrow::Kind::Datagram, send, recv);
        const size_t far = d.arrow(Arrow::Kind::Handshake, send, late);
        const size_t lost = d.arrow(Arrow::Kind::Lost, recv, kNone);
        SequenceLayout l;
        l.update(d.in());
        QVERIFY(contains(l.arrowsAt(send), near));
        QVERIFY(contains(l.arrowsAt(recv), near));
        QVERIFY(contains(l.arrowsAt(late), far));
        QVERIFY(contains(l.arrowsAt(recv), lost));
        // Ends more than kArrowReach rows apart: looked at on every paint.
        QVERIFY(contains(l.longArrows(), far));
        QVERIFY(!contains(l.longArrows(), near));
        // The lost datagram's recvfrom came later: indexed at its new end.
        const size_t recvfrom = d.call(1001, a);
        d.arrows[lost].kind = Arrow::Kind::Datagram;
        d.arrows[lost].to = recvfrom;
        l.update(d.in());
        QCOMPARE(l.fullLayouts(), size_t(1));
        QVERIFY(contains(l.arrowsAt(recvfrom), lost));
        QVERIFY(contains(l.longArrows(), lost));
    }

    void threadsOfALifeline() {
        Data d;
        d.processes = {{1, 0, ""}};
        const size_t one = d.lifeline(0, Lifeline::Role::Accepted);
        const size_t two = d.lifeline(0, Lifeline::Role::Accepted);
        d.call(0, one, 11);
        d.call(1, one, 11);
        d.call(2, two, 11);
        d.call(3, two, 12);
        SequenceLayout l;
        l.update(d.in());
        QVERIFY(!l.multiThread(one));
        QVERIFY(l.multiThread(two));
    }

    void resetForgetsEverything() {
        Data d;
        d.processes = {{1, 0, ""}};
        d.call(0, d.lifeline(0, Lifeline::Role::Client));
        SequenceLayout l;
        l.update(d.in());
        l.reset();
        QCOMPARE(l.laidCalls(), size_t(0));
        Data empty;
        l.update(empty.in());
        QCOMPARE(l.laidCalls(), size_t(0));
        QVERIFY(l.groups().empty());
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_SequenceLayout)
#include "tst_sequencelayout.moc"
