// The io_uring model on its own: byte-exact echo for many clients at once
// with answers larger than the socket buffers (partial sends go on), http
// keep-alive and pipelining, the clock's timers, chat's broadcast, UDP echo
// on loop 0, TLS echo, max connections, the idle timeout, a close that
// keeps its answer although input is left unread, a stop with connections
// open that leaks no fd, the trace's submission and completion rows (with
// the received bytes), and the sentence for a kernel that refuses a ring.
// The shared server-model suite (tst_server_models) runs it too.

#include <QtTest>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/reactor/uringring.h"
#include "core/server/server.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsstream.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using Clock = std::chrono::steady_clock;

using sockwb::test::readToEof;
using sockwb::test::readUntil;

namespace {

ServerConfig uringConfig(const std::string& service = "echo", Protocol protocol = Protocol::Tcp) {
    ServerConfig c;
    c.model = "io_uring";
    c.listeners = {ListenerConfig{service, protocol, "127.0.0.1", 0}};
    return c;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

class Recorder final : public ServerObserver {
public:
    void onLog(const std::string& text) override {
        std::lock_guard l(m);
        logs.push_back(text);
    }
    void onError(const ErrorInfo& e) override {
        std::lock_guard l(m);
        errors.push_back(e.call + ": " + explain(e));
    }
    bool logContains(const std::string& s) {
        std::lock_guard l(m);
        for (auto& x : logs)
            if (x.find(s) != std::string::npos) return true;
        return false;
    }
    std::mutex m;
    std::vector<std::string> logs, errors;
};

class Events final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard l(m_);
        events_.push_back(e);
    }
    std::vector<TraceEvent> events() {
        std::lock_guard l(m_);
        return events_;
    }
    bool has(const std::string& call, const std::string& argsPart) {
        for (const TraceEvent& e : events())
            if (e.call == call && e.args.find(argsPart) != std::string::npos) return true;
        return false;
    }

private:
    std::mutex m_;
    std::vector<TraceEvent> events_;
};

}  // namespace

class tst_UringModel : public QObject {
    Q_OBJECT
private slots:
    void echoManyClientsLargePayload();
    void httpKeepAliveAndPipelining();
    void clockTimers();
    void chatBroadcast();
    void udpEcho();
    void tlsEcho();
    void maxConnections();
    void idleTimeout();
    void closeKeepsAnswerWithUnreadInput();
    void stopWithConnectionsOpenLeaksNothing();
    void traceShowsSubmissionsAndCompletions();
    void refusalSentence();
};

void tst_UringModel::echoManyClientsLargePayload() {
    Server server(uringConfig());
    server.start();
    const Address to = server.addresses()[0];
    constexpr int kClients = 16;
    constexpr size_t kSize = 3 << 20;  // more than the socket buffers: partial sends
    std::vector<std::string> sent(kClients), got(kClients);
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
        sent[i] = test::randomBytes(kSize, unsigned(7 + i));
        clients.emplace_back([&, i] {
            try {
                Socket s = tcpConnect(to, Millis(5000));
                std::thread sender([&] {
                    s.sendAll(sent[i], Millis(30000));
                    s.shutdownWrite();
                });
                got[i] = readToEof(s, Millis(30000));
                sender.join();
            } catch (const std::exception& e) {
                got[i] = e.what();
            }
        });
    }
    for (auto& t : clients) t.join();
    for (int i = 0; i < kClients; ++i) {
        QCOMPARE(got[i].size(), kSize);
        QVERIFY(got[i] == sent[i]);
    }
    QTRY_COMPARE(server.stats().bytesOut, uint64_t(kClients) * kSize);
    QCOMPARE(server.stats().bytesIn, uint64_t(kClients) * kSize);
    QTRY_COMPARE(server.stats().active, uint64_t(0));
}

void tst_UringModel::httpKeepAliveAndPipelining() {
    Server server(uringConfig("http"));
    server.start();
    Socket c = tcpConnect(server.addresses()[0], Millis(5000));
    const std::string get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    c.sendAll(get);
    const std::string first = readUntil(c, "</html>");
    QVERIFY2(first.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, first.c_str());
    // Kept alive: 20 pipelined requests in one segment, 20 answers in order.
    std::string many;
    for (int i = 0; i < 20; ++i) many += get;
    c.sendAll(many);
    std::string got;
    const auto until = Clock::now() + Millis(10000);
    while (count(got, "HTTP/1.1 200 OK") < 20 && Clock::now() < until) {
        auto r = c.recvSome(got, 65536, Millis(5000));
        if (r.status != IoResult::Ok) break;
    }
    QCOMPARE(count(got, "HTTP/1.1 200 OK"), size_t(20));
    QTRY_COMPARE(server.stats().requests, uint64_t(21));
    QCOMPARE(server.stats().accepted, uint64_t(1));
}

void tst_UringModel::clockTimers() {
    ServerConfig c = uringConfig("clock");
    c.serviceOptions.ticks = 3;
    c.serviceOptions.intervalMs = 50;
    c.serviceOptions.terminator = Terminator::Lf;
    Server server(c);
    server.start();
    std::vector<Socket> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(tcpConnect(server.addresses()[0], Millis(5000)));
        clients.back().sendAll("Bonjour\n");
    }
    for (Socket& s : clients) {
        const std::string got = readUntil(s, "Au Revoir\n", Millis(10000));
        QVERIFY2(got.ends_with("Au Revoir\n"), got.c_str());
        QCOMPARE(count(got, "\n"), size_t(4));  // three times, then the farewell
    }
}

void tst_UringModel::chatBroadcast() {
    Server server(uringConfig("chat"));
    server.start();
    const Address to = server.addresses()[0];
    Socket a = tcpConnect(to), b = tcpConnect(to), c = tcpConnect(to);
    QTRY_COMPARE(server.connections().size(), size_t(3));
    a.sendAll("salut\n");
    QVERIFY(readUntil(b, "\n", Millis(3000)).ends_with("salut\n"));
    QVERIFY(readUntil(c, "\n", Millis(3000)).ends_with("salut\n"));
    b.sendAll("bonjour\n");
    const std::string atA = readUntil(a, "\n", Millis(3000));
    QVERIFY2(atA.find("salut") == std::string::npos && atA.ends_with("bonjour\n"), atA.c_str());
}

void tst_UringModel::udpEcho() {
    ServerConfig c = uringConfig();
    c.listeners.push_back(ListenerConfig{"echo", Protocol::Udp, "127.0.0.1", 0});
    Server server(c);
    server.start();
    const Address udp = server.addresses()[1];
    Socket s = udpSocket(AF_INET);
    // More datagrams than one readReady() batch: the poll is re-armed.
    for (int i = 0; i < 100; ++i) s.sendTo("datagram " + std::to_string(i), udp);
    std::set<std::string> got;
    char buf[256];
    for (int i = 0; i < 100; ++i) {
        auto d = s.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY(d.has_value());
        got.insert(std::string(buf, d->size));
    }
    QCOMPARE(got.size(), size_t(100));
    QVERIFY(got.count("datagram 99"));
    QTRY_COMPARE(server.stats().datagramsIn, uint64_t(100));
    // The TCP side still answers beside it.
    Socket t = tcpConnect(server.addresses()[0]);
    t.sendAll("tcp");
    QCOMPARE(readUntil(t, "tcp"), std::string("tcp"));
}

void tst_UringModel::tlsEcho() {
    SOCKWB_TEST_PKI(pki, pkiDir);
    ServerConfig c = uringConfig();
    c.tls = true;
    c.tlsOptions.certFile = pki.good().certFile;
    c.tlsOptions.keyFile = pki.good().keyFile;
    Server server(c);
    server.start();
    tls::ClientOptions options;
    options.caFile = pki.caFile();
    auto context = tls::Context::client(options);
    Socket s = tcpConnect(server.addresses()[0], Millis(5000));
    tls::TlsStream stream(s, context, "localhost", "uring");
    stream.handshake();
    const std::string data = test::randomBytes(200000, 3);
    stream.write(data);
    std::string got;
    while (got.size() < data.size())
        if (stream.read(got).status != IoResult::Ok) break;
    QVERIFY(got == data);
    QTRY_VERIFY(!server.connections().empty() && !server.connections()[0].tls.empty());
}

void tst_UringModel::maxConnections() {
    Recorder rec;
    ServerConfig c = uringConfig();
    c.maxConnections = 2;
    Server server(c);
    server.setObserver(&rec);
    server.start();
    const Address to = server.addresses()[0];
    Socket a = tcpConnect(to), b = tcpConnect(to);
    for (Socket* s : {&a, &b}) {
        s->sendAll("hi");
        QCOMPARE(readUntil(*s, "hi"), std::string("hi"));
    }
    Socket refused = tcpConnect(to);
    QVERIFY(readToEof(refused, Millis(5000)).empty());
    QCOMPARE(server.stats().refused, uint64_t(1));
    QVERIFY(rec.logContains("2 connections max"));
    a.close();
    QTRY_COMPARE(server.stats().active, uint64_t(1));
    Socket again = tcpConnect(to);
    again.sendAll("again");
    QCOMPARE(readUntil(again, "again"), std::string("again"));
}

void tst_UringModel::idleTimeout() {
    Recorder rec;
    ServerConfig c = uringConfig();
    c.idleTimeoutMs = 150;
    Server server(c);
    server.setObserver(&rec);
    server.start();
    Socket busy = tcpConnect(server.addresses()[0]);
    Socket quiet = tcpConnect(server.addresses()[0]);
    quiet.sendAll("x");
    QCOMPARE(readUntil(quiet, "x"), std::string("x"));
    QCOMPARE(readToEof(quiet, Millis(5000)), std::string());  // closed by the server
    QTRY_VERIFY(rec.logContains("idle for 150 ms"));
    (void)busy;
}

void tst_UringModel::closeKeepsAnswerWithUnreadInput() {
    Server server(uringConfig("http"));
    server.start();
    for (int i = 0; i < 10; ++i) {
        Socket c = tcpConnect(server.addresses()[0], Millis(5000));
        // The answer closes the connection; the bytes behind the request
        // arrive after it and are never read by the session.
        c.sendAll("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const std::string head = readUntil(c, "\r\n\r\n");
        c.sendAll(std::string(5000, 'z'));
        const std::string got = head + readToEof(c, Millis(10000));  // a RST would throw or cut it
        QVERIFY2(got.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, got.c_str());
        QVERIFY(got.ends_with("</html>\n") || got.ends_with("</html>"));
    }
}

void tst_UringModel::stopWithConnectionsOpenLeaksNothing() {
    const int fds0 = test::countOpenFds();
    {
        Server server(uringConfig());
        server.start();
        std::vector<Socket> clients;
        for (int i = 0; i < 8; ++i) clients.push_back(tcpConnect(server.addresses()[0]));
        // One client that never reads: the server holds output in flight.
        clients[0].setNonBlocking(true);
        const std::string big = test::randomBytes(4 << 20, 9);
        size_t off = 0;
        const auto until = Clock::now() + Millis(2000);
        while (off < big.size() && Clock::now() < until) {
            auto r = clients[0].send(std::string_view(big).substr(off));
            if (r.ok()) off += r.bytes;
        }
        QTRY_COMPARE(server.stats().active, uint64_t(8));
        server.stop();
        QCOMPARE(server.stats().active, uint64_t(0));
        for (size_t i = 1; i < clients.size(); ++i) {
            char b;
            try {
                auto r = clients[i].recv(&b, 1, Millis(2000));
                QVERIFY(r.status == IoResult::Eof);
            } catch (const Error& e) {
                QCOMPARE(e.err(), ECONNRESET);
            }
        }
    }
    QCOMPARE(test::countOpenFds(), fds0);
}

void tst_UringModel::traceShowsSubmissionsAndCompletions() {
    Events events;
    Server server(uringConfig());
    server.setTraceObserver(&events);
    server.start();
    {
        Socket c = tcpConnect(server.addresses()[0]);
        c.sendAll("ping uring");
        QCOMPARE(readUntil(c, "ping uring"), std::string("ping uring"));
    }
    QTRY_VERIFY(events.has("io_uring cqe", "send 10 bytes"));
    server.stop();
    QVERIFY(events.has("io_uring sqe", "accept multishot fd"));
    QVERIFY(events.has("io_uring cqe", "accept multishot → fd"));
    QVERIFY(events.has("io_uring sqe", "recv multishot fd"));
    QVERIFY(events.has("io_uring sqe", "send fd"));
    QVERIFY(events.has("io_uring_enter", "to_submit="));
    QVERIFY(events.has("thread_start", "io_uring loop 0"));
    bool recvWithData = false, acceptWithPeer = false;
    for (const TraceEvent& e : events.events()) {
        if (e.call == "io_uring cqe" && e.args.rfind("recv 10 bytes", 0) == 0) {
            recvWithData = e.data == "ping uring" && e.fd >= 0 && e.result == 10;
        }
        if (e.call == "io_uring cqe" && e.args.rfind("accept", 0) == 0)
            acceptWithPeer =
                acceptWithPeer || (!e.peer.empty() && !e.local.empty() && e.result >= 0);
        QVERIFY2(e.call != "recv" && e.call != "send" && e.call != "accept4", e.call.c_str());
    }
    QVERIFY(recvWithData);
    QVERIFY(acceptWithPeer);
}

void tst_UringModel::refusalSentence() {
    const std::string disabled = uringSetupFailure(EPERM, "2");
    QVERIFY2(disabled.find("io_uring_setup failed with EPERM") == 0, disabled.c_str());
    QVERIFY(disabled.find("kernel.io_uring_disabled is 2") != std::string::npos);
    QVERIFY(disabled.find("epoll") != std::string::npos);
    const std::string missing = uringSetupFailure(ENOSYS, "0");
    QVERIFY2(missing.find("built without io_uring") != std::string::npos, missing.c_str());
    QVERIFY(missing.find("io_uring_disabled") == std::string::npos);
    // Completions name errors errnoName() does not know.
    QCOMPARE(UringRing::errName(ECANCELED), std::string("ECANCELED"));
    QCOMPARE(UringRing::errName(ENOBUFS), std::string("ENOBUFS"));
    // This kernel runs it: the engine offers the model.
    QCOMPARE(modelUnavailableReason("io_uring"), std::string());
}

SOCKWB_TEST_GUILESS_MAIN(tst_UringModel)
#include "tst_uringmodel.moc"
