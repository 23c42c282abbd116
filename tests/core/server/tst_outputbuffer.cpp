// The pieces both session drivers share: OutputBuffer (queue, partial
// sends, every piece reported, a send error returned, never lost bytes) and
// the close sequence (FIN after our data, discard until the peer closes).
// Over an AF_UNIX socketpair: the same send/recv semantics, no port.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest/QtTest>
#include <string>

#include "core/server/closesequence.h"
#include "core/server/connectionrecord.h"
#include "core/server/outputbuffer.h"
#include "core/server/sessionreporter.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

struct RecordingReporter final : SessionReporter {
    std::string in, out;
    void connectionOpened(ConnectionRecord&) override {}
    void bytesMoved(ConnectionRecord&, bool incoming, std::string_view bytes) override {
        (incoming ? in : out).append(bytes);
    }
    void connectionClosed(ConnectionRecord&) override {}
    void broadcast(ConnectionRecord&, std::string_view) override {}
    void log(std::string_view) override {}
    void error(const ErrorInfo&) override {}
};

struct Pair {
    int fds[2] = {-1, -1};
    Pair() {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
            throw std::runtime_error("socketpair failed");
    }
    ~Pair() {
        for (int fd : fds)
            if (fd >= 0) ::close(fd);
    }
    std::string readAll(int fd) const {
        std::string got;
        char buf[65536];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0) got.append(buf, size_t(n));
        return got;
    }
};

std::string pattern(size_t n) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) s[i] = char('a' + i % 26);
    return s;
}

}  // namespace

class tst_OutputBuffer : public QObject {
    Q_OBJECT

private slots:
    void smallWriteGoesAtOnce() {
        Pair p;
        RecordingReporter rep;
        ConnectionRecord rec;
        OutputBuffer out;
        QVERIFY(out.empty());
        out.append("Bonjour\n");
        QCOMPARE(out.size(), size_t(8));
        const auto f = out.flushTo(p.fds[0], rep, rec);
        QCOMPARE(f.bytes, size_t(8));
        QCOMPARE(f.err, 0);
        QVERIFY(out.empty());
        QCOMPARE(rep.out, std::string("Bonjour\n"));
        QCOMPARE(p.readAll(p.fds[1]), std::string("Bonjour\n"));
    }

    void partialSendsKeepTheRestInOrder() {
        // More than the socket buffer holds: flushTo stops at EAGAIN (not
        // an error), and what the peer reads in the end is the whole queue.
        Pair p;
        RecordingReporter rep;
        ConnectionRecord rec;
        OutputBuffer out;
        const std::string data = pattern(4 << 20);
        out.append(data);
        std::string received;
        for (int round = 0; round < 10000 && !out.empty(); ++round) {
            const auto f = out.flushTo(p.fds[0], rep, rec);
            QCOMPARE(f.err, 0);
            QCOMPARE(out.size() + rep.out.size(), data.size());
            received += p.readAll(p.fds[1]);
        }
        QVERIFY(out.empty());
        received += p.readAll(p.fds[1]);
        QCOMPARE(received.size(), data.size());
        QVERIFY(received == data);
        QVERIFY(rep.out == data);
    }

    void appendAfterPartialSend() {
        Pair p;
        RecordingReporter rep;
        ConnectionRecord rec;
        OutputBuffer out;
        const std::string first = pattern(1 << 20);
        out.append(first);
        QCOMPARE(out.flushTo(p.fds[0], rep, rec).err, 0);
        QVERIFY(!out.empty());  // the pair's buffer is smaller than 1 MiB
        out.append("END");
        std::string received;
        for (int round = 0; round < 10000 && !out.empty(); ++round) {
            out.flushTo(p.fds[0], rep, rec);
            received += p.readAll(p.fds[1]);
        }
        received += p.readAll(p.fds[1]);
        QVERIFY(received == first + "END");
    }

    void sendErrorIsReturned() {
        Pair p;
        RecordingReporter rep;
        ConnectionRecord rec;
        OutputBuffer out;
        ::close(p.fds[1]);
        p.fds[1] = -1;
        out.append("lost");
        const auto f = out.flushTo(p.fds[0], rep, rec);
        QCOMPARE(f.err, EPIPE);
        QCOMPARE(f.bytes, size_t(0));
        QCOMPARE(out.size(), size_t(4));  // kept: the caller decides
        QVERIFY(rep.out.empty());
    }

    void gracefulCloseSendsFinThenDiscardsUntilPeerCloses() {
        Pair p;
        RecordingReporter rep;
        ConnectionRecord rec;
        closesequence::beginGracefulClose(p.fds[0]);
        char c;
        QCOMPARE(::read(p.fds[1], &c, 1), ssize_t(0));             // the peer sees our FIN
        QVERIFY(closesequence::discardInput(p.fds[0], rep, rec));  // nothing yet: EAGAIN
        QCOMPARE(::write(p.fds[1], "late", 4), ssize_t(4));
        QVERIFY(closesequence::discardInput(p.fds[0], rep, rec));
        QCOMPARE(rep.in, std::string("late"));  // counted as received
        ::shutdown(p.fds[1], SHUT_WR);
        QVERIFY(!closesequence::discardInput(p.fds[0], rep, rec));  // peer closed: done
    }

    void connectionErrorNamesCallAndConnection() {
        ConnectionRecord rec;
        rec.id = 7;
        const ErrorInfo info = connectionError(rec, "recv", ECONNRESET);
        QCOMPARE(info.call, std::string("recv"));
        QCOMPARE(info.err, ECONNRESET);
        QCOMPARE(info.detail, std::string("connection 7"));
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_OutputBuffer)
#include "tst_outputbuffer.moc"
