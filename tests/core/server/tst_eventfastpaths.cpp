// The event engine's fast paths (what the benchmark suite measures) keep
// their promises: a keep-alive answer costs one recv and one send and no
// epoll_ctl; a "Connection: close" answer arrives whole and ends with a FIN,
// never a RST, whether the close is the plain one or the graceful one; the
// http session's per-connection hello cache answers each request line with
// its own bytes; and the fd-indexed handler table survives a handler that
// grows it and unwatches itself (run it under ASan too).

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest/QtTest>
#include <map>
#include <mutex>

#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/reactor/eventloop.h"
#include "core/reactor/poller.h"
#include "core/server/server.h"
#include "core/services/httpservice.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

// Counts traced calls by name. Thread-safe (the loop thread reports).
class CallCounter final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard lock(mutex_);
        ++counts_[e.call];
        // epoll: the connection stopped reading (output over high water).
        if (e.call == "epoll_ctl" && e.args.size() >= 10 &&
            e.args.substr(e.args.size() - 10) == "{EPOLLOUT}")
            ++counts_["epoll_ctl out only"];
    }
    int count(const std::string& call) {
        std::lock_guard lock(mutex_);
        return counts_[call];
    }

private:
    std::mutex mutex_;
    std::map<std::string, int> counts_;
};

// Reads one response (head + Content-Length body) from s, keeping what
// follows in buf (head: the answer to a HEAD, no body). Returns it whole,
// or "" on EOF/timeout first.
std::string readResponse(Socket& s, std::string& buf, bool head = false) {
    char chunk[65536];
    while (true) {
        const size_t end = buf.find("\r\n\r\n");
        if (end != std::string::npos) {
            size_t length = 0;
            const size_t cl = buf.find("Content-Length: ");
            if (cl != std::string::npos && cl < end) length = std::stoul(buf.substr(cl + 16));
            if (head) length = 0;
            if (buf.size() >= end + 4 + length) {
                std::string r = buf.substr(0, end + 4 + length);
                buf.erase(0, end + 4 + length);
                return r;
            }
        }
        auto r = s.recv(chunk, sizeof chunk, Millis(5000));
        if (!r.ok() || r.bytes == 0) return {};
        buf.append(chunk, r.bytes);
    }
}

// Everything until the server's FIN; throws Error on a reset.
std::string readToEof(Socket& s) {
    std::string got;
    char chunk[65536];
    while (true) {
        auto r = s.recv(chunk, sizeof chunk, Millis(5000));
        if (r.eof() || (r.ok() && r.bytes == 0)) return got;
        if (!r.ok()) throw Error::invalid("test", "timed out before the server's FIN");
        got.append(chunk, r.bytes);
    }
}

std::string bodyOf(const std::string& response) {
    const size_t end = response.find("\r\n\r\n");
    return end == std::string::npos ? std::string() : response.substr(end + 4);
}

// Answers the first bytes it gets with a whole HTTP answer of kBigSize
// bytes, queued at once, then closes: the large "Connection: close" answer
// the close sequence must not lose (/echo used to give one).
constexpr size_t kBigSize = 7 * 1024 * 1024;
class BigAnswerService final : public Service {
    struct S final : Session {
        bool answered = false;
        void onData(SessionContext& ctx, std::string_view) override {
            if (std::exchange(answered, true)) return;
            ctx.send("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kBigSize) +
                     "\r\nConnection: close\r\n\r\n" + std::string(kBigSize, 'a'));
            ctx.close();
        }
    };

public:
    std::string name() const override { return "big"; }
    std::unique_ptr<Session> newSession(const ServiceOptions&) const override {
        return std::make_unique<S>();
    }
};

ServerConfig httpConfig(const QString& model) {
    ServerConfig cfg;
    cfg.listeners[0].service = "http";
    cfg.model = model.toStdString();
    return cfg;
}

}  // namespace

class tst_EventFastPaths : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void keepAliveCostsNoInterestChange();
    void closeAnswerEndsWithFin();
    void closeAfterLargeAnswerWithUnreadInput();
    void helloCacheFollowsTheRequestLine();
    void handlerGrowsTableAndUnwatchesItself();
};

void tst_EventFastPaths::initTestCase_data() {
    QTest::addColumn<QString>("model");
    QTest::newRow("epoll") << "epoll";
    QTest::newRow("poll") << "poll";
    QTest::newRow("select") << "select";
    QTest::newRow("io_uring") << "io_uring";
}

void tst_EventFastPaths::keepAliveCostsNoInterestChange() {
    QFETCH_GLOBAL(QString, model);
    if (model == "io_uring") QSKIP("no recv, send or epoll_ctl calls: requests and completions");
    CallCounter calls;
    Server server(httpConfig(model));
    server.setTraceObserver(&calls);
    server.start();
    Socket c = tcpConnect(server.addresses().at(0), Millis(5000));
    std::string buf;
    const std::string get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    c.sendAll(get, Millis(5000));
    const std::string first = readResponse(c, buf);
    QVERIFY2(first.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, first.c_str());
    // The trace reports a call once it returned, maybe after the client
    // already has the answer: wait for the first exchange to be counted.
    QTRY_COMPARE(calls.count("send"), 1);
    QTRY_COMPARE(calls.count("recv"), 1);
    const int ctl = calls.count("epoll_ctl");
    constexpr int kRequests = 50;
    for (int i = 0; i < kRequests; ++i) {
        c.sendAll(get, Millis(5000));
        QCOMPARE(readResponse(c, buf), first);  // the cached bytes are the same bytes
    }
    // One write per answer, straight from the handler: the interest stays In.
    QTRY_COMPARE(calls.count("send"), 1 + kRequests);
    QCOMPARE(calls.count("epoll_ctl") - ctl, 0);
    // One recv per request (a short read ends the batch), none more.
    QTRY_COMPARE(calls.count("recv"), 1 + kRequests);
    server.stop();
}

void tst_EventFastPaths::closeAnswerEndsWithFin() {
    QFETCH_GLOBAL(QString, model);
    CallCounter calls;
    Server server(httpConfig(model));
    server.setTraceObserver(&calls);
    server.start();
    const Address to = server.addresses().at(0);
    const std::string req = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    for (int i = 0; i < 20; ++i) {
        Socket c = tcpConnect(to, Millis(5000));
        // Every other time a second request rides in the same segment: it is
        // read (so nothing is left unread) and ignored after the close.
        c.sendAll(i % 2 ? req + "GET / HTTP/1.1\r\nHost: x\r\n\r\n" : req, Millis(5000));
        const std::string got = readToEof(c);  // throws on a reset
        QVERIFY2(got.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, got.c_str());
        QVERIFY(got.find("\r\nConnection: close\r\n") != std::string::npos);
        QCOMPARE(got.find("HTTP/1.1", 1), std::string::npos);  // one answer only
        const std::string body = bodyOf(got);
        QVERIFY(got.find("Content-Length: " + std::to_string(body.size()) + "\r\n") !=
                std::string::npos);
    }
    // Nothing was left unread: plain closes, no half-close and drain.
    QCOMPARE(calls.count("shutdown"), 0);
    server.stop();
}

void tst_EventFastPaths::closeAfterLargeAnswerWithUnreadInput() {
    QFETCH_GLOBAL(QString, model);
    CallCounter calls;
    Server server(httpConfig(model), {std::make_shared<BigAnswerService>()});
    server.setTraceObserver(&calls);
    server.start();
    // A 7 MB answer with "Connection: close" (BigAnswerService) is queued at
    // once and the session asks to close while most of it still waits in
    // the engine (more than the kernel's socket buffers hold: 4 MB send
    // buffer at most, a small receive buffer here, and the client does not
    // read yet). The engine stops reading then (epoll: the first interest
    // change, to Out only). Bytes the client sends now stay unread in the
    // server's kernel queue: a plain close would turn them into a RST that
    // can destroy the end of the answer. The engine must see them,
    // half-close and drain instead.
    Socket c = tcpConnect(server.addresses().at(0), Millis(5000));
    const int small = 16384;
    QCOMPARE(::setsockopt(c.fd(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small), 0);
    c.sendAll("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Millis(10000));
    if (model == "epoll") QTRY_VERIFY_WITH_TIMEOUT(calls.count("epoll_ctl out only") > 0, 10000);
    c.sendAll(std::string(1000, 'z'), Millis(5000));
    const std::string got = readToEof(c);  // throws on a reset
    QVERIFY2(got.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, got.substr(0, 200).c_str());
    QVERIFY(bodyOf(got) == std::string(kBigSize, 'a'));
    if (model == "epoll") QCOMPARE(calls.count("shutdown"), 1);  // the graceful close was taken
    server.stop();
}

void tst_EventFastPaths::helloCacheFollowsTheRequestLine() {
    QFETCH_GLOBAL(QString, model);
    Server server(httpConfig(model));
    server.start();
    Socket c = tcpConnect(server.addresses().at(0), Millis(5000));
    const std::string peer = c.localAddress().toString();
    std::string buf;
    auto ask = [&](const std::string& line, const std::string& extra = {}) {
        c.sendAll(line + "\r\nHost: x\r\n" + extra + "\r\n", Millis(5000));
        return readResponse(c, buf, line.rfind("HEAD", 0) == 0);
    };
    const std::string a = ask("GET / HTTP/1.1");
    QCOMPARE(bodyOf(a), HttpService::helloPage(model.toStdString(), "GET", "/", peer));
    const std::string b = ask("GET /?q=1 HTTP/1.1");
    QCOMPARE(bodyOf(b), HttpService::helloPage(model.toStdString(), "GET", "/?q=1", peer));
    // HEAD: the head of the page that names HEAD (Content-Length included),
    // no body; then GET again gets GET's page, not the cached HEAD answer.
    const std::string h = ask("HEAD / HTTP/1.1");
    const std::string headPage = HttpService::helloPage(model.toStdString(), "HEAD", "/", peer);
    QVERIFY2(h.find("\r\nContent-Length: " + std::to_string(headPage.size()) + "\r\n") !=
                 std::string::npos,
             h.c_str());
    QCOMPARE(bodyOf(h), std::string());
    QCOMPARE(ask("GET / HTTP/1.1"), a);
    // HTTP/1.0 asking to stay: the answer says so (the cache keys on it).
    const std::string k = ask("GET / HTTP/1.0", "Connection: keep-alive\r\n");
    QVERIFY2(k.find("\r\nConnection: keep-alive\r\n") != std::string::npos, k.c_str());
    QCOMPARE(bodyOf(k), bodyOf(a));
    QCOMPARE(ask("GET / HTTP/1.1"), a);
    server.stop();
}

void tst_EventFastPaths::handlerGrowsTableAndUnwatchesItself() {
    QFETCH_GLOBAL(QString, model);
    if (model == "select")
        QSKIP("select cannot watch fds beyond FD_SETSIZE; epoll and poll cover it");
    if (model == "io_uring") QSKIP("EventLoop's own table: io_uring has no poller");
    const int stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const int first = ::eventfd(1, EFD_CLOEXEC | EFD_NONBLOCK);  // readable at once
    QVERIFY(stopFd >= 0 && first >= 0);
    struct State {
        EventLoop* loop = nullptr;
        int first = -1;
        std::vector<int> extra;
        int calls = 0;
        bool after = false;
    } st;
    {
        EventLoop loop(makePoller(model.toStdString()), stopFd);
        st.loop = &loop;
        st.first = first;
        // One pointer captured: std::function keeps such a closure inside
        // itself, so had the handler moved with its slot when the table
        // grew, reading `s` afterwards would read freed memory (ASan).
        loop.watch(first, Poller::In, [s = &st](unsigned) {
            ++s->calls;
            for (int i = 0; i < 300; ++i) {
                const int fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
                if (fd < 0) break;
                s->extra.push_back(fd);
                s->loop->watch(fd, Poller::In, [](unsigned) {});
            }
            s->loop->unwatch(s->first);
            s->after = true;  // after the growth and after unwatching itself
            s->loop->quit();
        });
        loop.run();
        QCOMPARE(st.calls, 1);
        QVERIFY(st.after);
        QCOMPARE(st.extra.size(), size_t(300));
        for (int fd : st.extra) loop.unwatch(fd);
    }
    for (int fd : st.extra) ::close(fd);
    ::close(first);
    ::close(stopFd);
}

SOCKWB_TEST_GUILESS_MAIN(tst_EventFastPaths)
#include "tst_eventfastpaths.moc"
