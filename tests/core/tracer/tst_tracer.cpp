// libsockwb-trace.so and its receiver, end to end: the small C programs of
// tests/tracer run under the preload library and every call they make comes
// back as a TraceEvent, checked call by call (order, fd, result, errno),
// across fork and threads. Also: the decoder on a crafted record, what the
// ELF check says of static, setuid and script files, and a program whose
// workbench is gone runs unchanged.

#include <arpa/inet.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/tracer/programcheck.h"
#include "core/tracer/tracedecoder.h"
#include "core/tracer/tracedprocess.h"
#include "core/tracer/tracelaunch.h"
#include "core/tracer/tracereceiver.h"
#include "core/tracer/tracewire.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::tracer;

namespace {

const QString kPrograms = QStringLiteral(SOCKWB_TRACER_PROGRAMS);

class Collector final : public TracedCallObserver {
public:
    void onCall(const DecodedCall& call) override {
        std::lock_guard lock(mutex_);
        calls_.push_back(call);
    }
    std::vector<DecodedCall> calls() const {
        std::lock_guard lock(mutex_);
        return calls_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<DecodedCall> calls_;
};

struct Traced {
    int status = -1;
    std::string out;
    int pid = 0;
    std::vector<TraceEvent> events;  // every process, in arrival order

    // The events of one process (program_start left out).
    std::vector<TraceEvent> of(int processId) const {
        std::vector<TraceEvent> v;
        for (const auto& e : events)
            if (e.pid == processId && e.call != "program_start") v.push_back(e);
        return v;
    }
    QStringList callsOf(int processId) const {
        QStringList names;
        for (const auto& e : of(processId)) names << QString::fromStdString(e.call);
        return names;
    }
};

std::string readAll(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) out.append(buf, static_cast<size_t>(n));
    return out;
}

// Runs a program of tests/tracer under the tracer and collects its calls.
Traced runTraced(const QString& name, const std::string& socketOverride = {}) {
    Collector collector;
    TraceReceiver receiver(&collector);
    receiver.start();
    const std::string library = findTraceLibrary(selfDirectory());
    if (library.empty()) throw std::runtime_error("libsockwb-trace.so not built next to the test");
    LaunchSpec spec;
    spec.path = (kPrograms + "/" + name).toStdString();
    spec.env = tracedEnvironment(currentEnvironment(), library,
                                 socketOverride.empty() ? receiver.socketPath() : socketOverride);
    spec.captureOutput = true;
    TracedProcess process;
    process.start(spec);
    Traced t;
    t.pid = process.pid();
    t.out = readAll(process.outputFd());
    readAll(process.errorFd());
    t.status = process.wait();
    if (!receiver.waitIdle(Millis(5000))) throw std::runtime_error("the trace streams did not end");
    for (const auto& c : collector.calls()) t.events.push_back(c.event);
    return t;
}

QString describe(const std::vector<TraceEvent>& events) {
    QString s;
    for (const auto& e : events)
        s +=
            QString("\n  [%1/%2] %3").arg(e.pid).arg(e.tid).arg(QString::fromStdString(e.toLine()));
    return s;
}

}  // namespace

class tst_Tracer : public QObject {
    Q_OBJECT

private slots:
    void tcpServerAndClient();
    void udpExchange();
    void forkChildHasItsOwnStream();
    void threadHasItsOwnTid();
    void failingCallKeepsErrno();
    void waitingCalls();
    void runsUnchangedWithoutWorkbench();
    void survivesTheWorkbenchGoingAway();
    void acceptWithoutAddressStillNamesThePeer();
    void decoderWordsARecord();
    void decoderRejectsForeignBytes();
    void programCheck_data();
    void programCheck();
    void staticBinaryDetected();
    void setuidDetected();
    void environmentPreloadsFirst();
};

void tst_Tracer::tcpServerAndClient() {
    const Traced t = runTraced("tcp_pair");
    QCOMPARE(t.status, 0);
    const QStringList expected = {"socket", "bind",  "listen", "getsockname", "socket", "connect",
                                  "accept", "send",  "recv",   "send",        "recv",   "shutdown",
                                  "recv",   "close", "close",  "close"};
    QVERIFY2(t.callsOf(t.pid) == expected, qPrintable(describe(t.events)));
    const auto ev = t.of(t.pid);
    const int server = static_cast<int>(ev[0].result);
    const int client = static_cast<int>(ev[4].result);
    const int conn = static_cast<int>(ev[6].result);
    QVERIFY(server >= 0 && client > server && conn > client);
    QCOMPARE(ev[0].args, std::string("AF_INET, SOCK_STREAM, 0"));
    QCOMPARE(ev[1].fd, server);
    const std::string S = std::to_string(server), C = std::to_string(client),
                      A = std::to_string(conn);
    QCOMPARE(ev[1].args, S + ", 127.0.0.1:0, 16");
    const std::string port = t.out.substr(5, t.out.find('\n') - 5);
    QCOMPARE(ev[3].args, S + ", 127.0.0.1:" + port);
    QCOMPARE(ev[5].args, C + ", 127.0.0.1:" + port + ", 16");
    QCOMPARE(ev[6].fd, server);
    QVERIFY2(ev[6].args.rfind(S + ", 127.0.0.1:", 0) == 0, ev[6].args.c_str());
    QCOMPARE(ev[7].args, C + ", \"Bonjour\", 7, 0");
    QCOMPARE(ev[8].fd, conn);
    QCOMPARE(ev[8].result, 7);
    QCOMPARE(ev[8].args, A + ", \"Bonjour\", 64, 0");
    QCOMPARE(ev[10].args, C + ", \"Au Revoir\", 64, 0");
    QCOMPARE(ev[11].args, C + ", SHUT_WR");
    QCOMPARE(ev[12].result, 0);
    for (const auto& e : ev) {
        QCOMPARE(e.err, 0);
        QCOMPARE(e.tid, t.pid);
    }
    // The structured fields: each end's name, and the bytes moved.
    const std::string listening = "127.0.0.1:" + port;
    QCOMPARE(ev[1].local, listening);  // bind asked for :0, got the port
    QCOMPARE(ev[2].local, listening);
    QCOMPARE(ev[5].peer, listening);
    QVERIFY2(ev[5].local.rfind("127.0.0.1:", 0) == 0 && ev[5].local != listening,
             ev[5].local.c_str());
    QCOMPARE(ev[6].local, listening);  // the accepted socket's, not the listener's
    QCOMPARE(ev[6].peer, ev[5].local);
    QVERIFY2(ev[6].args.find(ev[5].local) != std::string::npos, ev[6].args.c_str());
    QCOMPARE(ev[7].data, std::string("Bonjour"));
    QCOMPARE(ev[8].data, std::string("Bonjour"));
    QCOMPARE(ev[9].data, std::string("Au Revoir"));
    QCOMPARE(ev[10].data, std::string("Au Revoir"));
    QVERIFY(ev[12].data.empty());  // recv = 0: the FIN, no bytes
    for (const TraceEvent* e : {&ev[7], &ev[8], &ev[9], &ev[10]})
        QVERIFY(e->local.empty() && e->peer.empty());
}

void tst_Tracer::udpExchange() {
    const Traced t = runTraced("udp_exchange");
    QCOMPARE(t.status, 0);
    const QStringList expected = {"socket",   "bind",   "getsockname", "socket", "sendto",
                                  "recvfrom", "sendto", "recvfrom",    "close",  "close"};
    QVERIFY2(t.callsOf(t.pid) == expected, qPrintable(describe(t.events)));
    const auto ev = t.of(t.pid);
    QCOMPARE(ev[0].args, std::string("AF_INET, SOCK_DGRAM, 0"));
    QVERIFY2(ev[4].args.find("\"ping\", 4, 0, 127.0.0.1:") != std::string::npos,
             ev[4].args.c_str());
    QCOMPARE(ev[5].result, 4);
    QVERIFY2(ev[5].args.find("\"ping\", 16, 0, 127.0.0.1:") != std::string::npos,
             ev[5].args.c_str());
    QVERIFY2(ev[7].args.find("\"pong\"") != std::string::npos, ev[7].args.c_str());
    // Both ends named: a is bound, b was bound by its first sendto.
    const std::string a = ev[1].local;
    QVERIFY2(a.rfind("127.0.0.1:", 0) == 0 && a != "127.0.0.1:0", a.c_str());
    QCOMPARE(ev[2].args.substr(ev[2].args.find(", ") + 2), a);  // what getsockname answered
    const std::string b = ev[4].local;
    QVERIFY2(b.rfind("0.0.0.0:", 0) == 0 && b != "0.0.0.0:0", b.c_str());
    QCOMPARE(ev[4].peer, a);
    QCOMPARE(ev[4].data, std::string("ping"));
    QCOMPARE(ev[5].local, a);
    QCOMPARE(ev[5].peer, "127.0.0.1:" + b.substr(8));  // b answers from loopback
    QCOMPARE(ev[5].data, std::string("ping"));
    QCOMPARE(ev[6].local, a);
    QCOMPARE(ev[6].peer, ev[5].peer);
    QCOMPARE(ev[7].local, b);
    QCOMPARE(ev[7].peer, a);
    QCOMPARE(ev[7].data, std::string("pong"));
}

void tst_Tracer::forkChildHasItsOwnStream() {
    const Traced t = runTraced("forking");
    QCOMPARE(t.status, 0);
    const int child = std::stoi(t.out.substr(6));
    QVERIFY(child != t.pid);
    const QStringList parent = {"socketpair", "fork", "close", "read", "close"};
    QVERIFY2(t.callsOf(t.pid) == parent, qPrintable(describe(t.events)));
    QCOMPARE(t.of(t.pid)[1].result, child);
    const QStringList inChild = {"fork", "close", "socket", "close", "write", "close"};
    QVERIFY2(t.callsOf(child) == inChild, qPrintable(describe(t.events)));
    const auto ev = t.of(child);
    QCOMPARE(ev[0].result, 0);
    for (const auto& e : ev) QCOMPARE(e.tid, child);
    QCOMPARE(ev[4].args, std::string(ev[4].args.substr(0, ev[4].args.find(',')) + ", \"ok\", 2"));
    int starts = 0;
    for (const auto& e : t.events)
        if (e.call == "program_start") {
            ++starts;
            QVERIFY2(e.args.find("forking") != std::string::npos, e.args.c_str());
        }
    QCOMPARE(starts, 2);
}

void tst_Tracer::threadHasItsOwnTid() {
    const Traced t = runTraced("threaded");
    QCOMPARE(t.status, 0);
    std::vector<TraceEvent> main, other;
    for (const auto& e : t.of(t.pid)) (e.tid == t.pid ? main : other).push_back(e);
    QStringList mainCalls, otherCalls;
    for (const auto& e : main) mainCalls << QString::fromStdString(e.call);
    for (const auto& e : other) otherCalls << QString::fromStdString(e.call);
    QVERIFY2(mainCalls == QStringList({"socket", "pthread_create", "close"}),
             qPrintable(describe(t.events)));
    QVERIFY2(otherCalls == QStringList({"thread_start", "socket", "close"}),
             qPrintable(describe(t.events)));
    QCOMPARE(main[1].result, 0);
    QCOMPARE(other[0].result, other[0].tid);
    QCOMPARE(other[1].args, std::string("AF_INET, SOCK_DGRAM, 0"));
}

void tst_Tracer::failingCallKeepsErrno() {
    const Traced t = runTraced("refused");
    QCOMPARE(t.status, 0);
    QVERIFY2(t.out.find("connect=-1 errno=" + std::to_string(ECONNREFUSED) + " ECONNREFUSED") !=
                 std::string::npos,
             t.out.c_str());
    QVERIFY2(t.out.find("close=-1 errno=" + std::to_string(EBADF) + " EBADF") != std::string::npos,
             t.out.c_str());
    const QStringList expected = {"socket", "bind",    "getsockname", "close",
                                  "socket", "connect", "close",       "close"};
    QVERIFY2(t.callsOf(t.pid) == expected, qPrintable(describe(t.events)));
    const auto ev = t.of(t.pid);
    QCOMPARE(ev[5].result, -1);
    QCOMPARE(ev[5].err, ECONNREFUSED);
    QCOMPARE(ev[5].errName(), std::string("ECONNREFUSED"));
    QCOMPARE(ev[6].err, 0);
    QCOMPARE(ev[7].result, -1);
    QCOMPARE(ev[7].err, EBADF);
}

void tst_Tracer::waitingCalls() {
    const Traced t = runTraced("waiting");
    QCOMPARE(t.status, 0);
    const QStringList expected = {
        "socketpair", "send",      "poll",  "select", "epoll_create1", "epoll_ctl", "epoll_wait",
        "usleep",     "nanosleep", "sleep", "close",  "close",         "close"};
    QVERIFY2(t.callsOf(t.pid) == expected, qPrintable(describe(t.events)));
    const auto ev = t.of(t.pid);
    const std::string b = ev[0].args.substr(ev[0].args.rfind(", ") + 2,
                                            ev[0].args.size() - ev[0].args.rfind(", ") - 3);
    QCOMPARE(ev[2].args, "[{fd=" + b + ", events=POLLIN, revents=POLLIN}], 1, 1000");
    QVERIFY2(ev[3].args.find("[" + b + "], NULL, NULL, {1.000000 s} -> in [" + b + "]") !=
                 std::string::npos,
             ev[3].args.c_str());
    QCOMPARE(ev[4].args, std::string("EPOLL_CLOEXEC"));
    QVERIFY2(
        ev[5].args.find("EPOLL_CTL_ADD, " + b + ", {EPOLLIN, data=" + b + "}") != std::string::npos,
        ev[5].args.c_str());
    QCOMPARE(ev[6].result, 1);
    QCOMPARE(ev[7].args, std::string("1000"));
    QCOMPARE(ev[8].args, std::string("{tv_sec=0, tv_nsec=1000000}"));
    QCOMPARE(ev[9].args, std::string("0"));
}

void tst_Tracer::runsUnchangedWithoutWorkbench() {
    QTemporaryDir dir;
    const Traced t = runTraced("refused", (dir.path() + "/gone.sock").toStdString());
    QCOMPARE(t.status, 0);
    QVERIFY(t.events.empty());
    QVERIFY2(t.out.find("ECONNREFUSED") != std::string::npos, t.out.c_str());
}

void tst_Tracer::survivesTheWorkbenchGoingAway() {
    // The receiver stops while the program runs: its next records cannot be
    // sent (EPIPE, no SIGPIPE), and it goes on serving, silent.
    Collector collector;
    auto receiver = std::make_unique<TraceReceiver>(&collector);
    receiver->start();
    LaunchSpec spec;
    spec.path = (kPrograms + "/blocking").toStdString();
    spec.env = tracedEnvironment(currentEnvironment(), findTraceLibrary(selfDirectory()),
                                 receiver->socketPath());
    spec.captureOutput = true;
    TracedProcess process;
    process.start(spec);
    std::string line;
    char c;
    while (line.find('\n') == std::string::npos && ::read(process.outputFd(), &c, 1) == 1)
        line += c;
    QVERIFY2(line.rfind("listening ", 0) == 0, line.c_str());
    const auto port = static_cast<uint16_t>(std::stoi(line.substr(10)));
    // Its first calls reached the workbench (the receiver reads them on its
    // own thread: they may still be on their way when the line is printed).
    QTRY_VERIFY(!collector.calls().empty());
    receiver.reset();
    for (int i = 0; i < 3; ++i) {
        Socket s = tcpConnect(Address::fromIp("127.0.0.1", port), Millis(5000));
        std::string got;
        const IoResult r = s.recvSome(got, 16, Millis(5000));  // the program accepts and closes
        QVERIFY(r.eof());
    }
    int status = 0;
    QCOMPARE(::waitpid(process.pid(), &status, WNOHANG), 0);  // still running
    process.signal(SIGTERM);
    QCOMPARE(process.wait(), 128 + SIGTERM);
}

// accept(s, NULL, NULL): the program asks nothing, the library asks
// getpeername for the trace; the args still say NULL.
void tst_Tracer::acceptWithoutAddressStillNamesThePeer() {
    Collector collector;
    TraceReceiver receiver(&collector);
    receiver.start();
    LaunchSpec spec;
    spec.path = (kPrograms + "/blocking").toStdString();
    spec.env = tracedEnvironment(currentEnvironment(), findTraceLibrary(selfDirectory()),
                                 receiver.socketPath());
    spec.captureOutput = true;
    TracedProcess process;
    process.start(spec);
    std::string line;
    char c;
    while (line.find('\n') == std::string::npos && ::read(process.outputFd(), &c, 1) == 1)
        line += c;
    QVERIFY2(line.rfind("listening ", 0) == 0, line.c_str());
    const std::string listening = "127.0.0.1:" + line.substr(10, line.find('\n') - 10);
    std::string clientName;
    {
        Socket s = tcpConnect(Address::parse(listening), Millis(5000));
        clientName = s.localAddress().toString();
        std::string got;
        QVERIFY(s.recvSome(got, 16, Millis(5000)).eof());  // accepted, then closed
    }
    const auto accepted = [&]() -> std::optional<TraceEvent> {
        for (const auto& d : collector.calls())
            if (d.event.call == "accept" && d.event.result >= 0) return d.event;
        return std::nullopt;
    };
    QTRY_VERIFY(accepted().has_value());
    process.signal(SIGTERM);
    QCOMPARE(process.wait(), 128 + SIGTERM);
    const TraceEvent e = *accepted();
    QCOMPARE(e.peer, clientName);
    QCOMPARE(e.local, listening);
    QCOMPARE(e.args, std::to_string(e.fd) + ", NULL");
}

void tst_Tracer::decoderWordsARecord() {
    sockwb_trace_record r{};
    r.magic = SOCKWB_TRACE_MAGIC;
    r.version = SOCKWB_TRACE_VERSION;
    r.call = SWB_CONNECT;
    r.pid = 42;
    r.tid = 43;
    r.fd = 3;
    r.result = -1;
    r.err = ECONNREFUSED;
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_port = htons(9);
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::memcpy(r.addr, &in, sizeof in);
    r.addr_stored = sizeof in;
    r.addr_len = sizeof in;
    const auto d = decodeRecord(&r, sizeof r);
    QVERIFY(d.has_value());
    QCOMPARE(d->event.call, std::string("connect"));
    QCOMPARE(d->event.toLine().substr(0, 48),
             std::string("connect(3, 127.0.0.1:9, 16) = -1 ECONNREFUSED <0"));
    QCOMPARE(d->address, std::string("127.0.0.1:9"));
    QCOMPARE(d->event.pid, 42);
    QCOMPARE(d->event.tid, 43);
    QCOMPARE(explain(ErrorInfo{ErrorKind::System, d->event.call, d->event.err, 0, d->address, {}}),
             std::string("nothing is listening on 127.0.0.1:9 (start the server first, or check "
                         "the port)"));
    QCOMPARE(d->event.peer, std::string("127.0.0.1:9"));
    QVERIFY(d->event.local.empty());  // refused: no local name was taken

    // A sendto from an IPv6 socket to an IPv4-mapped address: the bytes sent
    // (no more than the call sent), both names, IPv4 spelt plainly.
    sockwb_trace_record s{};
    s.magic = SOCKWB_TRACE_MAGIC;
    s.version = SOCKWB_TRACE_VERSION;
    s.call = SWB_SENDTO;
    s.fd = 4;
    s.result = 3;
    sockaddr_in6 to{};
    to.sin6_family = AF_INET6;
    to.sin6_port = htons(53);
    QVERIFY(::inet_pton(AF_INET6, "::ffff:10.1.2.3", &to.sin6_addr) == 1);
    std::memcpy(s.addr, &to, sizeof to);
    s.addr_stored = s.addr_len = sizeof to;
    sockaddr_in6 local{};
    local.sin6_family = AF_INET6;
    local.sin6_port = htons(4000);
    local.sin6_addr = in6addr_any;
    std::memcpy(s.local, &local, sizeof local);
    s.local_stored = sizeof local;
    std::memcpy(s.data, "a\0bcd", 5);
    s.data_stored = 5;
    s.data_len = 5;
    const auto sent = decodeRecord(&s, sizeof s);
    QVERIFY(sent.has_value());
    QCOMPARE(sent->event.data, std::string("a\0b", 3));
    QCOMPARE(sent->event.peer, std::string("10.1.2.3:53"));
    QCOMPARE(sent->event.local, std::string("[::]:4000"));
    QVERIFY2(sent->event.args.find("[::ffff:10.1.2.3]:53") != std::string::npos,
             sent->event.args.c_str());
}

void tst_Tracer::decoderRejectsForeignBytes() {
    sockwb_trace_record r{};
    r.magic = SOCKWB_TRACE_MAGIC;
    r.version = SOCKWB_TRACE_VERSION;
    r.call = SWB_SOCKET;
    QVERIFY(decodeRecord(&r, sizeof r).has_value());
    QVERIFY(!decodeRecord(&r, sizeof r - 1).has_value());
    r.call = SWB_CALL_COUNT;
    QVERIFY(!decodeRecord(&r, sizeof r).has_value());
    r.call = SWB_SEND;
    r.data_stored = SOCKWB_TRACE_DATA_MAX + 1;
    QVERIFY(!decodeRecord(&r, sizeof r).has_value());
    r.data_stored = 0;
    r.local_stored = SOCKWB_TRACE_LOCAL_MAX + 1;
    QVERIFY(!decodeRecord(&r, sizeof r).has_value());
    r.local_stored = 0;
    r.version = SOCKWB_TRACE_VERSION + 1;
    QVERIFY(!decodeRecord(&r, sizeof r).has_value());
    r.version = 1;  // the record before local names: a different size anyway
    QVERIFY(!decodeRecord(&r, sizeof r).has_value());
}

void tst_Tracer::programCheck_data() {
    QTest::addColumn<QString>("program");
    QTest::addColumn<int>("expected");
    QTest::newRow("dynamic") << kPrograms + "/tcp_pair" << int(Traceability::Dynamic);
    QTest::newRow("on PATH") << "sh" << int(Traceability::Dynamic);
    QTest::newRow("missing") << kPrograms + "/nothing-here" << int(Traceability::NotFound);
    QTest::newRow("directory") << kPrograms << int(Traceability::NotExecutable);
    QTest::newRow("not executable")
        << QStringLiteral(SOCKWB_SOURCE_DIR "/README.md") << int(Traceability::NotExecutable);
    QTest::newRow("script") << QStringLiteral(SOCKWB_SOURCE_DIR "/scripts/format")
                            << int(Traceability::Script);
}

void tst_Tracer::programCheck() {
    QFETCH(QString, program);
    QFETCH(int, expected);
    const ProgramCheck c = checkProgram(program.toStdString());
    QVERIFY2(int(c.what) == expected, englishSentence(c).c_str());
    QCOMPARE(c.traceable(),
             expected == int(Traceability::Dynamic) || expected == int(Traceability::Script));
}

void tst_Tracer::staticBinaryDetected() {
    const QString path = QStringLiteral(SOCKWB_TRACER_STATIC);
    if (path.isEmpty())
        QSKIP("this toolchain cannot link with -static (no libc.a: install libc6-dev)");
    const ProgramCheck c = checkProgram(path.toStdString());
    QCOMPARE(int(c.what), int(Traceability::Static));
    QVERIFY(c.runnable());
    QVERIFY(!c.traceable());
    QVERIFY2(englishSentence(c).find("statically linked") != std::string::npos,
             englishSentence(c).c_str());
}

void tst_Tracer::setuidDetected() {
    QTemporaryDir dir;
    const QString copy = dir.path() + "/tcp_pair";
    QVERIFY(QFile::copy(kPrograms + "/tcp_pair", copy));
    QCOMPARE(::chmod(copy.toLocal8Bit().constData(), 04755), 0);
    const ProgramCheck c = checkProgram(copy.toStdString());
    QCOMPARE(int(c.what), int(Traceability::SetId));
    QVERIFY(!c.traceable());
    QVERIFY(englishSentence(c).find("ignores LD_PRELOAD") != std::string::npos);
}

void tst_Tracer::environmentPreloadsFirst() {
    const auto env = tracedEnvironment({"PATH=/bin", "LD_PRELOAD=/x/other.so"}, "/lib/t.so", "/s");
    QCOMPARE(env.size(), size_t(3));
    QCOMPARE(env[1], std::string("LD_PRELOAD=/lib/t.so:/x/other.so"));
    QCOMPARE(env[2], std::string(SOCKWB_TRACE_ENV "=/s"));
    const auto fresh = tracedEnvironment({}, "/lib/t.so", "/s");
    QCOMPARE(fresh[0], std::string("LD_PRELOAD=/lib/t.so"));
}

SOCKWB_TEST_APPLESS_MAIN(tst_Tracer)
#include "tst_tracer.moc"
