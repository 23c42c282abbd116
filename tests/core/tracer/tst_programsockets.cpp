// ProgramSockets: the traced program's sockets rebuilt from crafted
// TraceEvents (a server's accept and echo, a refused connect, UDP
// sendto/recvfrom, fork inheritance, close and fd reuse).

#include <errno.h>

#include <QtTest>

#include "core/tracer/programsockets.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::tracer;
using Kind = ProgramSocket::Kind;
using State = ProgramSocket::State;

namespace {

TraceEvent ev(int pid, int fd, const char* call, std::string args, int64_t result, int err = 0) {
    TraceEvent e;
    e.pid = pid;
    e.tid = pid;
    e.fd = fd;
    e.call = call;
    e.args = std::move(args);
    e.result = result;
    e.err = err;
    e.timeUs = 1000;
    return e;
}

void feed(ProgramSockets& m, std::initializer_list<TraceEvent> events) {
    for (const auto& e : events) m.apply(e);
}

}  // namespace

class TestProgramSockets : public QObject {
    Q_OBJECT
private slots:
    void serverAcceptAndEcho() {
        ProgramSockets m;
        feed(m, {ev(10, -1, "socket", "AF_INET, SOCK_STREAM, 0", 3),
                 ev(10, 3, "bind", "3, 127.0.0.1:8080, 16", 0), ev(10, 3, "listen", "3, 5", 0),
                 ev(10, 3, "accept", "3, 127.0.0.1:40000", 4),
                 ev(10, 4, "recv", "4, \"hi\", 100, 0", 2), ev(10, 4, "send", "4, \"hi\", 2, 0", 2),
                 ev(10, 4, "read", "4, \"\", 100", 0)});
        QCOMPARE(m.rows().size(), size_t(2));
        const auto& l = m.rows()[0];
        QCOMPARE(l.kind, Kind::TcpListening);
        QCOMPARE(l.state, State::Listening);
        QCOMPARE(l.local, std::string("127.0.0.1:8080"));
        const auto& c = m.rows()[1];
        QCOMPARE(c.kind, Kind::TcpConnected);
        QCOMPARE(c.local, std::string("127.0.0.1:8080"));
        QCOMPARE(c.peer, std::string("127.0.0.1:40000"));
        QCOMPARE(c.state, State::Connected);
        QCOMPARE(c.bytesIn, int64_t(2));
        QCOMPARE(c.bytesOut, int64_t(2));
        QCOMPARE(c.calls, 4);
    }

    void clientConnectRefused() {
        ProgramSockets m;
        feed(m, {ev(11, -1, "socket", "AF_INET, SOCK_STREAM, 0", 5),
                 ev(11, 5, "connect", "5, 127.0.0.1:9, 16", -1, ECONNREFUSED)});
        QCOMPARE(m.rows().size(), size_t(1));
        QCOMPARE(m.rows()[0].state, State::Refused);
        QCOMPARE(m.rows()[0].peer, std::string("127.0.0.1:9"));
        QCOMPARE(QString(stateName(m.rows()[0].state)), QString("refused"));
    }

    void udpSendtoRecvfrom() {
        ProgramSockets m;
        feed(m, {ev(12, -1, "socket", "AF_INET, SOCK_DGRAM, 0", 3),
                 ev(12, 3, "sendto", "3, \"t\", 1, 0, 127.0.0.1:13", 1),
                 ev(12, 3, "recvfrom", "3, \"12:00, ok\", 64, 0, 127.0.0.1:14", 9)});
        const auto& s = m.rows().at(0);
        QCOMPARE(s.kind, Kind::Udp);
        QCOMPARE(s.peer, std::string("127.0.0.1:14"));
        QCOMPARE(s.bytesOut, int64_t(1));
        QCOMPARE(s.bytesIn, int64_t(9));
    }

    void forkInheritsOpenSockets() {
        ProgramSockets m;
        feed(m, {ev(20, -1, "socket", "AF_UNIX, SOCK_STREAM, 0", 3),
                 ev(20, 3, "connect", "3, [unix:/p], 110", 0),
                 ev(20, -1, "socket", "AF_INET, SOCK_DGRAM, 0", 4), ev(20, 4, "close", "4", 0),
                 ev(20, -1, "fork", "", 21), ev(21, 3, "write", "3, \"x\", 1", 1)});
        const int child = m.find(21, 3);
        QVERIFY(child >= 0);
        QCOMPARE(m.rows()[child].kind, Kind::Unix);
        QCOMPARE(m.rows()[child].peer, std::string("[unix:/p]"));
        QCOMPARE(m.rows()[child].bytesOut, int64_t(1));
        QCOMPARE(m.find(21, 4), -1);  // closed before the fork
        QCOMPARE(m.rows()[m.find(20, 3)].bytesOut, int64_t(0));
    }

    void closeThenFdReuse() {
        ProgramSockets m;
        feed(m, {ev(30, -1, "socket", "AF_INET, SOCK_STREAM, 0", 3),
                 ev(30, 3, "shutdown", "3, SHUT_WR", 0), ev(30, 3, "close", "3", 0),
                 ev(30, -1, "socket", "AF_INET, SOCK_DGRAM, 0", 3)});
        QCOMPARE(m.rows().size(), size_t(2));
        QCOMPARE(m.rows()[0].state, State::Closed);
        QCOMPARE(m.rows()[1].kind, Kind::Udp);
        QCOMPARE(m.find(30, 3), 1);
        m.dropClosedBefore(2000);
        QCOMPARE(m.rows().size(), size_t(1));
    }

    void shutdownBothWays() {
        ProgramSockets m;
        feed(m, {ev(40, -1, "socket", "AF_INET, SOCK_STREAM, 0", 3),
                 ev(40, 3, "shutdown", "3, SHUT_RD", 0), ev(40, 3, "shutdown", "3, SHUT_WR", 0)});
        QCOMPARE(m.rows()[0].state, State::ShutRdWr);
    }
};

SOCKWB_TEST_APPLESS_MAIN(TestProgramSockets)
#include "tst_programsockets.moc"
