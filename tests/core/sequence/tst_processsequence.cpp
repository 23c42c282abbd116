// SequenceBuilder on processes: a fork child serving an accepted socket it
// inherited (its own lifeline, inherited, the connection's bytes; the FIN
// is the last copy's close), the child's events arriving before its
// parent's fork, preloaded programs (program_start, read/write, a
// preloaded fork child), and the calls about no socket on the Process
// lifeline.

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

// A forking server (pid 20, child 21) and its client (pid 10).
SeqScript forkingServer() {
    SeqScript s;
    s.listener(20, 3, kServer);
    s.client(10, 3, kClient, kServer);
    s.accept(20, 3, 4, kServer, kClient);
    s.fork(20, 21);
    s.close(20, 4);  // the parent's copy: no FIN yet, the child holds it
    s.close(21, 3);  // the child's copy of the listener
    s.send(10, 3, "question");
    s.recv(21, 4, "question");
    s.send(21, 4, "answer");
    s.close(21, 4);  // the last copy: the FIN
    s.recv(10, 3, "answer");
    s.eof(10, 3);
    return s;
}

const QStringList kForkArrows{"D 10.send#0>21.recv#0 0+8", "D 21.send#0>10.recv#0 0+6",
                              "F 21.close#1>10.recv#1", "H 10.connect#0>20.accept4#0"};

}  // namespace

class TestProcessSequence : public QObject {
    Q_OBJECT
private slots:
    void forkChildInheritsAcceptedSocket() {
        SeqScript s = forkingServer();
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(arrowText(b), kForkArrows);
        const Lifeline& child = b.lifelines()[b.calls()[test::callNamed(b, "21.recv#0")].lifeline];
        QCOMPARE(child.pid, 21);
        QCOMPARE(child.fd, 4);
        QVERIFY(child.inherited);
        QCOMPARE(child.role, Lifeline::Role::Accepted);
        QCOMPARE(child.peer, kClient);
        QCOMPARE(b.processes()[static_cast<size_t>(child.group)].pid, 21);
        QCOMPARE(b.processes()[static_cast<size_t>(child.group)].parentPid, 20);
        const Lifeline& parent =
            b.lifelines()[b.calls()[test::callNamed(b, "20.close#0")].lifeline];
        QCOMPARE(parent.pid, 20);
        QVERIFY(!parent.inherited);
        QVERIFY(parent.closed);
        const Lifeline& listenerCopy =
            b.lifelines()[b.calls()[test::callNamed(b, "21.close#0")].lifeline];
        QCOMPARE(listenerCopy.role, Lifeline::Role::Listener);
        QVERIFY(listenerCopy.inherited);
        const size_t fork = test::callNamed(b, "20.fork#0");
        QCOMPARE(b.lifelines()[b.calls()[fork].lifeline].role, Lifeline::Role::Process);
    }

    void forkChildEventsBeforeTheFork() {
        // The child's batch first, then the client's, then the parent's
        // (with the fork): the child's calls wait on lifelines of their own
        // until the fork says what they are.
        SeqScript s = forkingServer();
        QCOMPARE(arrowText(test::joined(test::joined(s.of({21}), s.of({10})), s.of({20}))),
                 kForkArrows);
        QCOMPARE(arrowText(test::joined(s.of({10}), test::joined(s.of({21}), s.of({20})))),
                 kForkArrows);
        SequenceBuilder b;
        b.append(test::joined(s.of({21}), test::joined(s.of({10}), s.of({20}))));
        const Lifeline& child = b.lifelines()[b.calls()[test::callNamed(b, "21.recv#0")].lifeline];
        QVERIFY(child.inherited);
        QCOMPARE(child.role, Lifeline::Role::Accepted);
        QVERIFY(test::timeOrderSorted(b));
    }

    void parentKeepsItsCopy() {
        // The parent forgets to close its copy: the child's close sends no
        // FIN (the connection stays open), so the client's recv = 0 waits
        // for the parent's close.
        SeqScript s;
        s.listener(20, 3, kServer);
        s.client(10, 3, kClient, kServer);
        s.accept(20, 3, 4, kServer, kClient);
        s.fork(20, 21);
        s.send(21, 4, "bye");
        s.close(21, 4);
        s.recv(10, 3, "bye");
        s.close(20, 4);
        s.eof(10, 3);
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 21.send#0>10.recv#0 0+3", "F 20.close#0>10.recv#1",
                              "H 10.connect#0>20.accept4#0"}));
    }

    void preloadedPrograms() {
        // Two programs run under the tracer: a client using write/read and
        // a server that forks a child per client (the child says hello with
        // its parent, then reports fork = 0); the child's batch comes first.
        SeqScript s;
        s.programStart(30, "./server", 1);
        s.listener(30, 3, "0.0.0.0:7000");
        s.programStart(40, "./client", 1);
        s.client(40, 3, "127.0.0.1:45000", "127.0.0.1:7000");
        s.accept(30, 3, 4, "127.0.0.1:7000", "127.0.0.1:45000");
        s.fork(30, 31);
        s.programStart(31, "./server", 30);
        s.add(31, -1, "fork", "", 0);
        s.close(30, 4);
        s.send(40, 3, "HELO", "write");
        s.recv(31, 4, "HE", "read");
        s.recv(31, 4, "LO", "read");
        s.send(31, 4, "250", "write");
        s.close(31, 4);
        s.recv(40, 3, "250", "read");
        s.eof(40, 3, "read");
        const QStringList expected{"D 31.write#0>40.read#0 0+3", "D 40.write#0>31.read#0 0+2",
                                   "D 40.write#0>31.read#1 2+2", "F 31.close#0>40.read#1",
                                   "H 40.connect#0>30.accept4#0"};
        QCOMPARE(arrowText(s.events), expected);
        SequenceBuilder b;
        b.append(test::joined(s.of({31}), test::joined(s.of({40}), s.of({30}))));
        QCOMPARE(arrowText(b), expected);
        int named = 0;
        for (const Process& p : b.processes()) {
            if (p.pid == 31) {
                QCOMPARE(p.name, std::string("./server"));
                QCOMPARE(p.parentPid, 30);
                ++named;
            }
            if (p.pid == 40) {
                QCOMPARE(p.name, std::string("./client"));
                ++named;
            }
        }
        QCOMPARE(named, 2);
    }

    void processCalls() {
        SeqScript s;
        s.add(10, -1, "thread_start", "tid 11", 11);
        s.add(10, -1, "nanosleep", "{tv_sec=0, tv_nsec=5000}", 0);
        s.add(10, 5, "epoll_wait", "5, [], 64, 100", 0);  // an epoll fd: no socket
        s.add(10, -1, "select", "4, [3], NULL, NULL, NULL", 1);
        s.add(11, -1, "socket", "AF_INET, SOCK_STREAM, 0", -1, EMFILE);
        SequenceBuilder b;
        b.append(s.events);
        QCOMPARE(b.calls().size(), size_t(5));
        QCOMPARE(b.processes().size(), size_t(2));
        for (const Call& c : b.calls()) {
            const Lifeline& l = b.lifelines()[c.lifeline];
            QCOMPARE(l.role, Lifeline::Role::Process);
            QCOMPARE(l.pid, b.events()[c.event].pid);
        }
        QCOMPARE(b.lifelines().size(), size_t(2));
        QVERIFY(b.arrows().empty());
    }

    void timeOrderWithLateBatches() {
        // A source's batch arrives 100 ms after the other's events of the
        // same time: timeOrder stays sorted, ties in append order.
        SeqScript a;
        SeqScript c;
        for (int i = 0; i < 50; ++i) {
            a.add(10, -1, "nanosleep", "", 0);
            c.add(20, -1, "nanosleep", "", 0);
        }
        SequenceBuilder b;
        b.append(a.events);
        const uint64_t rev = b.revision();
        b.append(c.events);
        QVERIFY(b.revision() > rev);
        QVERIFY(test::timeOrderSorted(b));
        // Equal times: the earlier append first.
        QCOMPARE(b.timeOrder()[0], size_t(0));
        QCOMPARE(b.timeOrder()[1], size_t(50));
        // One late event on its own, older than all.
        TraceEvent early = a.events.front();
        early.timeUs -= 5;
        b.append(early);
        QVERIFY(test::timeOrderSorted(b));
        QCOMPARE(b.timeOrder().front(), size_t(100));
        const Lifeline& l = b.lifelines()[b.calls()[0].lifeline];
        QCOMPARE(l.firstUs, early.timeUs);
        QCOMPARE(l.lastUs, a.events.back().timeUs);
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestProcessSequence)
#include "tst_processsequence.moc"
