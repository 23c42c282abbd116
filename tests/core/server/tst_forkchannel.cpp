// The pipe from fork children to their parent carries whole trace events:
// the structured fields (data with NULs and any byte, local, peer) arrive
// as they were sent, at their caps in one atomic message; and under the
// real fork model, a child's recv and send reach the parent's observer with
// the bytes the client sent.

#include <fcntl.h>
#include <unistd.h>

#include <QtTest>
#include <mutex>
#include <vector>

#include "core/net/socket.h"
#include "core/server/models/forkchannel.h"
#include "core/server/server.h"
#include "core/server/servercore.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

class Recorder final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard l(m_);
        events_.push_back(e);
    }
    std::vector<TraceEvent> events() {
        std::lock_guard l(m_);
        return events_;
    }

private:
    std::mutex m_;
    std::vector<TraceEvent> events_;
};

// A pipe whose read end does not block (as the fork model makes it).
struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() {
        if (::pipe2(fds, O_CLOEXEC) == 0) ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    }
    ~Pipe() {
        for (int fd : fds)
            if (fd >= 0) ::close(fd);
    }
};

}  // namespace

class tst_ForkChannel : public QObject {
    Q_OBJECT

private slots:
    void traceEventCrossesThePipe();
    void fieldsAtTheirCaps();
    void forkChildSendsItsBytes();
};

void tst_ForkChannel::traceEventCrossesThePipe() {
    Pipe pipe;
    QVERIFY(pipe.fds[0] >= 0);
    Recorder rec;
    ServerCore core(ServerConfig{}, {}, nullptr, &rec);
    TraceEvent e;
    e.timeUs = 1700000000000001;
    e.pid = 321;
    e.tid = 322;
    e.fd = 5;
    e.call = "send";
    e.args = "5, \"a\\x00b\", 4, MSG_NOSIGNAL";
    e.result = 4;
    e.durationNs = 777;
    e.data = std::string("a\0b\xff", 4);
    e.local = "127.0.0.1:7000";
    e.peer = "[::1]:41234";
    ChildTraceObserver child(pipe.fds[1]);
    child.onTrace(e);
    TraceEvent plain;  // and one with no structured fields, right after
    plain.call = "close";
    plain.fd = 5;
    child.onTrace(plain);
    ForkChannelReader reader(pipe.fds[0], core);
    QVERIFY(reader.readAvailable());
    const auto got = rec.events();
    QCOMPARE(got.size(), size_t(2));
    QCOMPARE(got[0].timeUs, e.timeUs);
    QCOMPARE(got[0].pid, 321);
    QCOMPARE(got[0].tid, 322);
    QCOMPARE(got[0].fd, 5);
    QCOMPARE(got[0].call, e.call);
    QCOMPARE(got[0].args, e.args);
    QCOMPARE(got[0].result, int64_t(4));
    QCOMPARE(got[0].durationNs, int64_t(777));
    QCOMPARE(got[0].data, e.data);
    QCOMPARE(got[0].data.size(), size_t(4));
    QCOMPARE(got[0].local, e.local);
    QCOMPARE(got[0].peer, e.peer);
    QCOMPARE(got[1].call, std::string("close"));
    QVERIFY(got[1].data.empty() && got[1].local.empty() && got[1].peer.empty());
}

void tst_ForkChannel::fieldsAtTheirCaps() {
    Pipe pipe;
    Recorder rec;
    ServerCore core(ServerConfig{}, {}, nullptr, &rec);
    TraceEvent e;
    e.call = "recv";
    e.args = std::string(5000, 'x');
    e.data = test::randomBytes(kTraceDataBytes, 7);
    e.local = "unix:/" + std::string(400, 'l');
    e.peer = "unix:/" + std::string(400, 'p');
    ChildTraceObserver(pipe.fds[1]).onTrace(e);
    ForkChannelReader reader(pipe.fds[0], core);
    QVERIFY(reader.readAvailable());
    const auto got = rec.events();
    QCOMPARE(got.size(), size_t(1));
    QCOMPARE(got[0].data, e.data);  // all of it: data is never cut here
    QCOMPARE(got[0].args.size(), size_t(2048));
    QCOMPARE(got[0].local, e.local.substr(0, 256));
    QCOMPARE(got[0].peer, e.peer.substr(0, 256));
}

void tst_ForkChannel::forkChildSendsItsBytes() {
    Recorder rec;
    ServerConfig c;
    c.model = "fork";
    c.listeners = {ListenerConfig{"echo", Protocol::Tcp, "127.0.0.1", 0}};
    Server server(c);
    server.setTraceObserver(&rec);
    server.start();
    const std::string listening = server.addresses()[0].toString();
    const std::string message("ab\0cd\xff\n", 7);
    std::string clientLocal;
    {
        Socket s = tcpConnect(server.addresses()[0], Millis(5000));
        clientLocal = s.localAddress().toString();
        s.sendAll(message);
        std::string echoed(message.size(), '\0');
        s.recvExact(echoed.data(), echoed.size(), Millis(5000));
        QCOMPARE(echoed, message);
    }
    // The child's events come through the pipe: wait for its send.
    const int self = int(::getpid());
    const auto childSend = [&]() -> std::optional<TraceEvent> {
        for (const auto& e : rec.events())
            if (e.pid != self && e.call == "send" && e.result > 0) return e;
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(childSend().has_value(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(server.stats().active, uint64_t(0), 10000);
    server.stop();
    const TraceEvent send = *childSend();
    QCOMPARE(send.data, message);
    std::string childRecv;
    bool acceptSeen = false;
    for (const auto& e : rec.events()) {
        if (e.pid == send.pid && e.call == "recv") childRecv += e.data;
        // The parent accepted: the new socket's endpoints, the client's mirrored.
        if (e.call == "accept4" && e.result >= 0) {
            acceptSeen = true;
            QCOMPARE(e.peer, clientLocal);
            QCOMPARE(e.local, listening);
        }
    }
    QCOMPARE(childRecv, message);
    QVERIFY(acceptSeen);
}

SOCKWB_TEST_GUILESS_MAIN(tst_ForkChannel)
#include "tst_forkchannel.moc"
