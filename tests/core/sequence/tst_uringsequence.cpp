// SequenceBuilder on a server traced under the io_uring model: its accept,
// recv and send are completions ("io_uring cqe" rows), not calls, and the
// exchange must still be drawn from them (the handshake at the accept
// completion, the data arrows from the bytes the completions carry), while
// submissions and failed completions stay on the process lifeline.

#include <QtTest>

#include "core/sequence/sequence.h"
#include "seqscript.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::seq;
using sockwb::test::arrowText;
using sockwb::test::SeqScript;

class TestUringSequence : public QObject {
    Q_OBJECT
private slots:
    void completionsDrawTheExchange() {
        const std::string server = "127.0.0.1:8080", client = "127.0.0.1:40000";
        SeqScript s;
        s.listener(20, 3, server);
        s.add(20, 3, "io_uring sqe", "accept multishot fd 3", 0);
        s.client(10, 3, client, server);
        TraceEvent& acc = s.add(20, 3, "io_uring cqe", "accept multishot → fd 4", 4);
        acc.local = server;
        acc.peer = client;
        s.add(20, 4, "io_uring sqe", "recv multishot fd 4, buffer group 1", 0);
        s.send(10, 3, "ping");
        s.add(20, 4, "io_uring cqe", "recv 4 bytes, buffer 0", 4).data = "ping";
        s.add(20, 4, "io_uring sqe", "send fd 4, 4 bytes", 0);
        s.add(20, 4, "io_uring cqe", "send 4 bytes", 4).data = "pong";
        s.recv(10, 3, "pong");
        s.add(20, 4, "io_uring cqe", "recv ECANCELED", -ECANCELED, ECANCELED);
        QCOMPARE(arrowText(s.events),
                 (QStringList{"D 10.send#0>20.recv#0 0+4", "D 20.send#0>10.recv#0 0+4",
                              "H 10.connect#0>20.accept4#0"}));
        SequenceBuilder b;
        b.append(s.events);
        int accepted = 0;
        for (const Lifeline& l : b.lifelines())
            if (l.role == Lifeline::Role::Accepted) {
                ++accepted;
                QCOMPARE(l.fd, 4);
                QCOMPARE(l.peer, client);
            }
        QCOMPARE(accepted, 1);
    }
};

SOCKWB_TEST_GUILESS_MAIN(TestUringSequence)
#include "tst_uringsequence.moc"
