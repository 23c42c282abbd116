// The io_uring ring on its own: built on one thread and run on another (the
// model builds its loops before it starts their threads, and the ring's one
// submitter must be the loop's thread), a timeout, a provided buffer filled
// by a receive and given back.

#include <sys/socket.h>
#include <unistd.h>

#include <QtTest>
#include <cstring>
#include <thread>

#include "core/net/error.h"
#include "core/reactor/uringring.h"
#include "support/testmain.h"

using namespace sockwb;

class tst_UringRing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runsOnAnotherThreadThanItsBuilder();
    void timeoutWithNothingQueued();
    void receiveIntoProvidedBuffer();
};

namespace {
bool available() {
    try {
        UringRing probe(8);
        return true;
    } catch (const Error&) {
        return false;
    }
}

struct Pair {
    int a = -1, b = -1;
    Pair() {
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) a = sv[0], b = sv[1];
    }
    ~Pair() {
        if (a >= 0) ::close(a);
        if (b >= 0) ::close(b);
    }
};
}  // namespace

void tst_UringRing::initTestCase() {
    if (!available()) QSKIP("this kernel refuses io_uring");
}

void tst_UringRing::runsOnAnotherThreadThanItsBuilder() {
    UringRing ring(8);  // built here, used there
    int64_t result = -1;
    unsigned ready = 0;
    std::string failure;
    std::thread t([&] {
        try {
            ring.enableOnThisThread();
            io_uring_sqe* sqe = ring.sqe();
            io_uring_prep_nop(sqe);
            sqe->user_data = 42;
            ready = ring.submitAndWait(2000);
            ring.reap([&](const io_uring_cqe& cqe) {
                if (cqe.user_data == 42) result = cqe.res;
            });
        } catch (const Error& e) {
            failure = e.what();
        }
    });
    t.join();
    QCOMPARE(QString::fromStdString(failure), QString());
    QCOMPARE(ready, 1u);
    QCOMPARE(result, int64_t(0));
    QCOMPARE(ring.inFlight(), 0u);
}

void tst_UringRing::timeoutWithNothingQueued() {
    UringRing ring(8);
    ring.enableOnThisThread();
    QCOMPARE(ring.submitAndWait(0), 0u);   // polls, never sleeps
    QCOMPARE(ring.submitAndWait(20), 0u);  // ETIME is not an error
}

void tst_UringRing::receiveIntoProvidedBuffer() {
    UringRing ring(8);
    ring.enableOnThisThread();
    Pair p;
    QVERIFY(p.a >= 0);
    for (int round = 0; round < 3; ++round) {
        io_uring_sqe* sqe = ring.sqe();
        io_uring_prep_recv(sqe, p.a, nullptr, 0, 0);
        sqe->flags |= IOSQE_BUFFER_SELECT;
        sqe->buf_group = UringRing::kBufferGroup;
        sqe->user_data = 7;
        const std::string line = "round " + std::to_string(round);
        QCOMPARE(::write(p.b, line.data(), line.size()), ssize_t(line.size()));
        unsigned ready = 0;
        for (int i = 0; i < 20 && ready == 0; ++i) ready = ring.submitAndWait(1000);
        QCOMPARE(ready, 1u);
        std::string got;
        ring.reap([&](const io_uring_cqe& cqe) {
            QVERIFY(cqe.flags & IORING_CQE_F_BUFFER);
            const unsigned id = cqe.flags >> IORING_CQE_BUFFER_SHIFT;
            if (cqe.res > 0) got.assign(ring.buffer(id), size_t(cqe.res));
            ring.recycle(id);
        });
        QCOMPARE(QString::fromStdString(got), QString::fromStdString(line));
    }
    QCOMPARE(ring.inFlight(), 0u);
}

SOCKWB_TEST_GUILESS_MAIN(tst_UringRing)
#include "tst_uringring.moc"
