// The syscall trace: observers attached per thread (TraceScope) or process
// wide record the wrapped calls in order, with fds, results, errno names and
// durations; nothing is recorded when nobody listens; toLine / toJson.

#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

#include "core/net/error.h"
#include "core/net/sys.h"
#include "core/net/trace.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

// Thread-safe recorder of every event it is given.
class Recorder : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard<std::mutex> lock(mutex_);
        events_.push_back(e);
    }
    std::vector<TraceEvent> events() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return events_;
    }
    // The events of the given calls only, in order.
    std::vector<TraceEvent> only(std::initializer_list<const char*> calls) const {
        std::vector<TraceEvent> out;
        for (const auto& e : events())
            if (std::any_of(calls.begin(), calls.end(), [&](const char* c) { return e.call == c; }))
                out.push_back(e);
        return out;
    }

private:
    mutable std::mutex mutex_;
    std::vector<TraceEvent> events_;
};

QStringList callNames(const std::vector<TraceEvent>& evs) {
    QStringList out;
    for (const auto& e : evs) out << QString::fromStdString(e.call);
    return out;
}

}  // namespace

class tst_Trace : public QObject {
    Q_OBJECT

private slots:
    void connectAcceptSendRecv();
    void failureCarriesErrno();
    void noObserverNothingRecorded();
    void scopesNestAndRestore();
    void globalObserver();
    void udpAndResolve();
    void traceNoteEvent();
    void toLine();
    void toJson();
};

void tst_Trace::connectAcceptSendRecv() {
    Recorder client, server;
    Socket listener;
    {
        TraceScope scope(&client);
        listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    }
    const int listenFd = listener.fd();
    int acceptedFd = -1;
    int serverTid = 0;
    std::string serverError;
    std::thread t([&] {
        TraceScope scope(&server);
        serverTid = currentTid();
        try {
            Socket s = listener.accept().socket;
            acceptedFd = s.fd();
            char buf[5];
            s.recvExact(buf, sizeof buf);
            s.sendAll(std::string_view(buf, sizeof buf));
        } catch (const std::exception& e) {
            serverError = e.what();
        }
    });
    int clientFd = -1;
    {
        TraceScope scope(&client);
        Socket c = tcpConnect(listener.localAddress(), Millis(-1));  // a plain blocking connect
        clientFd = c.fd();
        c.sendAll(std::string("ping\n", 5));
        char buf[5];
        c.recvExact(buf, sizeof buf, Millis(5000));
    }
    t.join();
    QVERIFY2(serverError.empty(), serverError.c_str());

    // Client side, in order: listen setup, then the connection's life.
    const auto c =
        client.only({"socket", "setsockopt", "bind", "listen", "connect", "send", "recv", "close"});
    QCOMPARE(callNames(c), QStringList({"socket", "setsockopt", "bind", "listen", "socket",
                                        "connect", "send", "recv", "close"}));
    QCOMPARE(c[0].result, int64_t(listenFd));
    QVERIFY2(c[0].args.find("AF_INET, SOCK_STREAM|SOCK_CLOEXEC") != std::string::npos,
             c[0].args.c_str());
    QVERIFY2(c[1].args.find("SO_REUSEADDR") != std::string::npos, c[1].args.c_str());
    QCOMPARE(c[2].fd, listenFd);
    QVERIFY2(c[2].args.find("127.0.0.1:0") != std::string::npos, c[2].args.c_str());
    QCOMPARE(c[3].fd, listenFd);
    QCOMPARE(c[4].result, int64_t(clientFd));
    QCOMPARE(c[5].fd, clientFd);
    QCOMPARE(c[5].result, int64_t(0));
    QVERIFY2(c[5].args.find(listener.localAddress().toString()) != std::string::npos,
             c[5].args.c_str());
    QCOMPARE(c[6].fd, clientFd);
    QCOMPARE(c[6].result, int64_t(5));
    QVERIFY2(c[6].args.find("\"ping\\n\"") != std::string::npos, c[6].args.c_str());
    QVERIFY2(c[6].args.find("MSG_NOSIGNAL") != std::string::npos, c[6].args.c_str());
    QCOMPARE(c[7].fd, clientFd);
    QCOMPARE(c[7].result, int64_t(5));
    QCOMPARE(c[8].fd, clientFd);
    QCOMPARE(c[8].result, int64_t(0));

    // Server side, on its own thread.
    const auto s = server.only({"accept4", "recv", "send", "close"});
    QCOMPARE(callNames(s), QStringList({"accept4", "recv", "send", "close"}));
    QCOMPARE(s[0].fd, listenFd);
    QCOMPARE(s[0].result, int64_t(acceptedFd));
    QVERIFY2(s[0].args.find("SOCK_CLOEXEC") != std::string::npos, s[0].args.c_str());
    QCOMPARE(s[1].fd, acceptedFd);
    QCOMPARE(s[1].result, int64_t(5));
    QCOMPARE(s[2].fd, acceptedFd);
    QCOMPARE(s[3].fd, acceptedFd);

    const int pid = int(::getpid());
    for (const auto& e : client.events()) {
        QCOMPARE(e.pid, pid);
        QCOMPARE(e.tid, currentTid());
        QVERIFY(e.timeUs > 0);
        QCOMPARE(e.err, 0);
        QCOMPARE(e.errName(), std::string());
    }
    for (const auto& e : server.events()) {
        QCOMPARE(e.tid, serverTid);
    }
    QVERIFY(serverTid != currentTid());
    // Wall-clock times never go backwards within one thread's events here.
    const auto all = client.events();
    for (size_t i = 1; i < all.size(); ++i) QVERIFY(all[i].timeUs >= all[i - 1].timeUs);
}

void tst_Trace::failureCarriesErrno() {
    Address closed;
    {
        Socket l = tcpListen(Address::fromIp("127.0.0.1", 0));
        closed = l.localAddress();
    }
    Recorder rec;
    {
        TraceScope scope(&rec);
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        QVERIFY_THROWS_EXCEPTION(Error, s.connect(closed));
    }
    const auto c = rec.only({"connect"});
    QCOMPARE(c.size(), size_t(1));
    QCOMPARE(c[0].result, int64_t(-1));
    QCOMPARE(c[0].err, ECONNREFUSED);
    QCOMPARE(c[0].errName(), std::string("ECONNREFUSED"));
    QVERIFY2(c[0].toLine().find(" = -1 ECONNREFUSED <") != std::string::npos,
             c[0].toLine().c_str());
    // errno survives the observer: the Error names the same errno.
    try {
        TraceScope scope(&rec);
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        s.connect(closed);
    } catch (const Error& e) {
        QCOMPARE(e.err(), ECONNREFUSED);
    }
}

void tst_Trace::noObserverNothingRecorded() {
    Recorder rec;
    QCOMPARE(traceObserver(), static_cast<TraceObserver*>(nullptr));
    {
        TraceScope scope(&rec);
        QCOMPARE(traceObserver(), static_cast<TraceObserver*>(&rec));
    }
    QCOMPARE(traceObserver(), static_cast<TraceObserver*>(nullptr));
    {
        auto p = test::makeTcpPair();
        p.client.sendAll("x");
        char c;
        p.server.recvExact(&c, 1);
        traceNote("note", -1, "nobody hears this");
    }
    QVERIFY(rec.events().empty());
}

void tst_Trace::scopesNestAndRestore() {
    Recorder outer, inner;
    {
        TraceScope a(&outer);
        Socket::create(AF_INET, SOCK_DGRAM);
        {
            TraceScope b(&inner);
            Socket::create(AF_INET, SOCK_DGRAM);
        }
        Socket::create(AF_INET, SOCK_DGRAM);
    }
    QCOMPARE(callNames(outer.events()), QStringList({"socket", "close", "socket", "close"}));
    QCOMPARE(callNames(inner.events()), QStringList({"socket", "close"}));
}

void tst_Trace::globalObserver() {
    Recorder global, local;
    setGlobalTraceObserver(&global);
    std::thread t(
        [] { Socket::create(AF_INET, SOCK_STREAM); });  // no scope: the global one hears it
    t.join();
    {
        TraceScope scope(&local);  // a thread's own observer wins
        Socket::create(AF_INET6, SOCK_STREAM);
    }
    setGlobalTraceObserver(nullptr);
    Socket::create(AF_INET, SOCK_STREAM);  // detached: nobody
    QCOMPARE(callNames(global.events()), QStringList({"socket", "close"}));
    QCOMPARE(callNames(local.events()), QStringList({"socket", "close"}));
    QVERIFY(global.events()[0].tid != currentTid());
    QVERIFY(local.events()[0].args.find("AF_INET6") != std::string::npos);
}

void tst_Trace::udpAndResolve() {
    SOCKWB_REQUIRE_RESOLVES("localhost");
    Recorder rec;
    Address serverAddr;
    {
        TraceScope scope(&rec);
        Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
        serverAddr = server.localAddress();
        Socket client = udpSocket(AF_INET);
        client.sendTo(std::string("d\0g", 3), serverAddr);
        char buf[8];
        QVERIFY(server.recvFrom(buf, sizeof buf, Millis(5000)).has_value());
        Address::resolve("localhost", "80");
    }
    const auto e = rec.only({"sendto", "recvfrom", "getaddrinfo", "getsockname"});
    QCOMPARE(callNames(e), QStringList({"getsockname", "sendto", "recvfrom", "getaddrinfo"}));
    QCOMPARE(e[1].result, int64_t(3));
    QVERIFY2(e[1].args.find("\"d\\x00g\"") != std::string::npos, e[1].args.c_str());
    QVERIFY2(e[1].args.find(serverAddr.toString()) != std::string::npos, e[1].args.c_str());
    QVERIFY2(e[2].args.find("MSG_TRUNC") != std::string::npos, e[2].args.c_str());
    QVERIFY2(e[3].args.find("\"localhost\", \"80\"") != std::string::npos, e[3].args.c_str());
    QCOMPARE(e[3].result, int64_t(0));
    QCOMPARE(e[3].err, 0);
}

void tst_Trace::traceNoteEvent() {
    Recorder rec;
    {
        TraceScope scope(&rec);
        traceNote("thread-start", 7, "worker 1", 42);
    }
    const auto e = rec.events();
    QCOMPARE(e.size(), size_t(1));
    QCOMPARE(e[0].call, std::string("thread-start"));
    QCOMPARE(e[0].fd, 7);
    QCOMPARE(e[0].args, std::string("worker 1"));
    QCOMPARE(e[0].result, int64_t(42));
    QCOMPARE(e[0].err, 0);
    QCOMPARE(e[0].tid, currentTid());
}

void tst_Trace::toLine() {
    TraceEvent e;
    e.call = "connect";
    e.fd = 3;
    e.args = "3, 127.0.0.1:9, 16";
    e.result = -1;
    e.err = ECONNREFUSED;
    e.durationNs = 12345;
    QCOMPARE(e.toLine(), std::string("connect(3, 127.0.0.1:9, 16) = -1 ECONNREFUSED <12.3us>"));
    TraceEvent ok;
    ok.call = "accept4";
    ok.args = "3, 127.0.0.1:5555, SOCK_CLOEXEC";
    ok.result = 5;
    ok.durationNs = 0;
    QCOMPARE(ok.toLine(), std::string("accept4(3, 127.0.0.1:5555, SOCK_CLOEXEC) = 5 <0.0us>"));
}

void tst_Trace::toJson() {
    TraceEvent e;
    e.timeUs = 1700000000123456;
    e.pid = 10;
    e.tid = 11;
    e.fd = 4;
    e.call = "send";
    e.args = std::string("4, \"a\\\"b\"\n\t\x01", 12);
    e.result = -1;
    e.err = EPIPE;
    e.durationNs = 999;
    QCOMPARE(e.toJson(),
             std::string(
                 "{\"type\":\"trace\",\"time_us\":1700000000123456,\"pid\":10,\"tid\":11,\"fd\":4,"
                 "\"call\":\"send\",\"args\":\"4, \\\"a\\\\\\\"b\\\"\\n\\t\\u0001\",\"result\":-1,"
                 "\"errno\":\"EPIPE\",\"duration_ns\":999}"));
    // And it is valid JSON that gives the same text back.
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(e.toJson()));
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().value("args").toString().toStdString(), e.args);
    QCOMPARE(doc.object().value("errno").toString(), QString("EPIPE"));
    TraceEvent ok;
    QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(ok.toJson()))
                 .object()
                 .value("errno")
                 .toString(),
             QString(""));
}

SOCKWB_TEST_GUILESS_MAIN(tst_Trace)
#include "tst_trace.moc"
