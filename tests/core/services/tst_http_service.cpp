// The http service: every route byte for byte through a fake context (the
// test plays the event loop and fires timers by hand), traversal attempts
// against a temporary root, keep-alive, pipelining, HEAD, HTTP/1.0, bounded
// output for large bodies; then a real Server on port 0 (per model) for
// garbage -> 400 while the next connection is still served.

#include <sys/stat.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <fstream>

#include "core/http/responseparser.h"
#include "core/net/jsonwriter.h"
#include "core/net/socket.h"
#include "core/server/server.h"
#include "core/services/httpecho.h"
#include "core/services/httpservice.h"
#include "core/services/httpsession.h"
#include "core/services/staticfiles.h"
#include "support/fakeservicecontext.h"
#include "support/testmain.h"

using namespace sockwb;
using sockwb::test::FakeSessionContext;

namespace {

// The fields every answer starts with.
const std::string kServer =
    "Server: sockwb/" SOCKWB_VERSION "\r\nX-Content-Type-Options: nosniff\r\n";

std::string pattern(size_t n, size_t from = 0) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>((from + i) & 0xFF);
    return s;
}

// Runs requests through a fresh session (fed byte by byte when step = 1)
// and fires every timer; returns what was sent.
std::string run(std::string_view wire, const ServiceOptions& opt = {}, size_t step = 0,
                FakeSessionContext* out = nullptr) {
    auto s = HttpService().newSession(opt);
    FakeSessionContext local(opt);
    FakeSessionContext& ctx = out ? *out : local;
    if (step == 0) step = wire.size() ? wire.size() : 1;
    for (size_t i = 0; i < wire.size(); i += step) s->onData(ctx, wire.substr(i, step));
    while (ctx.fireTimer(*s)) {
    }
    return ctx.sent;
}

std::vector<http::Response> parseAll(std::string_view bytes, std::vector<bool> heads = {}) {
    std::vector<http::Response> out;
    http::ResponseParser p;
    p.setHeadRequest(!heads.empty() && heads[0]);
    p.feed(bytes);
    while (p.status() == http::ResponseParser::Status::Complete) {
        const size_t next = out.size() + 1;
        out.push_back(p.takeResponse(next < heads.size() && heads[next]));
        p.feed("");
    }
    return out;
}

void writeFile(const QString& path, const std::string& bytes) {
    std::ofstream f(path.toStdString(), std::ios::binary);
    f << bytes;
}

}  // namespace

class tst_HttpService : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    ServiceOptions rooted_;
    std::string binary_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString r = dir_.path() + "/root";
        QVERIFY(QDir().mkpath(r + "/sub"));
        QVERIFY(QDir().mkpath(r + "/noindex"));
        QVERIFY(QDir().mkpath(dir_.path() + "/outside"));
        writeFile(r + "/index.html", "<p>root index</p>\n");
        writeFile(r + "/sub/index.html", "<p>sub</p>\n");
        binary_ = std::string("a\0b\0\xff\r\n", 7) + pattern(300000);
        writeFile(r + "/data.bin", binary_);
        writeFile(r + "/style.CSS", "p{}\n");
        writeFile(r + "/file.xyz", "x");
        writeFile(r + "/a b.txt", "space\n");
        writeFile(dir_.path() + "/outside/secret.txt", "secret\n");
        QCOMPARE(::symlink("/etc", (r + "/etc").toLocal8Bit().constData()), 0);
        QCOMPARE(::symlink("../outside/secret.txt", (r + "/leak.txt").toLocal8Bit().constData()),
                 0);
        QCOMPARE(::symlink("index.html", (r + "/alias.html").toLocal8Bit().constData()), 0);
        rooted_.root = r.toStdString();
        rooted_.modelName = "epoll";
    }

    void hello() {
        ServiceOptions opt;
        opt.modelName = "poll";
        const std::string body = HttpService::helloPage("poll", "GET", "/", "127.0.0.1:40000");
        QVERIFY(body.find("<strong>poll</strong>") != std::string::npos);
        const std::string expected = "HTTP/1.1 200 OK\r\n" + kServer +
                                     "Content-Type: text/html; charset=utf-8\r\nContent-Length: " +
                                     std::to_string(body.size()) + "\r\n\r\n" + body;
        QCOMPARE(run("GET / HTTP/1.1\r\nHost: x\r\n\r\n", opt), expected);
        QCOMPARE(run("GET / HTTP/1.1\r\nHost: x\r\n\r\n", opt, 1), expected);
    }

    void echo() {
        const std::string body = "\xc3\xa9\x01\xff\n\\\t";  // valid UTF-8, control, invalid byte
        QCOMPARE(body.size(), size_t(7));
        const std::string req =
            "POST /echo?q=1 HTTP/1.1\r\nHost: h\r\nX-A: \"q\"\r\nx-a: 2\r\n"
            "Content-Length: 7\r\n\r\n" +
            body;
        const std::string sent = run(req);
        const std::string json =
            "{\"method\":\"POST\",\"target\":\"/echo?q=1\",\"version\":\"HTTP/1.1\",\"headers\":"
            "[[\"Host\",\"h\"],[\"X-A\",\"\\\"q\\\"\"],[\"x-a\",\"2\"],[\"Content-Length\",\"7\"]],"
            "\"body\":\"\xc3\xa9\\u0001\\u00ff\\n\\\\\\t\",\"bodyLength\":7,"
            "\"bodyTruncated\":false}\n";
        QCOMPARE(sent, "HTTP/1.1 200 OK\r\n" + kServer +
                           "Content-Type: application/json\r\nContent-Length: " +
                           std::to_string(json.size()) + "\r\n\r\n" + json);
    }

    // 1 MiB of control bytes used to come back as a 6 MiB JSON answer
    // (\u0001 per byte): the body shown is cut at HttpEcho::kShownBody,
    // and the full length is given.
    void echoIsBounded() {
        const std::string body(1024 * 1024, '\x01');
        const std::string sent =
            run("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n\r\n" + body);
        QVERIFY2(sent.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, sent.substr(0, 100).c_str());
        QVERIFY2(sent.size() < 6 * HttpEcho::kShownBody + 1024,
                 std::to_string(sent.size()).c_str());
        QVERIFY(sent.find(",\"bodyLength\":1048576,\"bodyTruncated\":true}\n") !=
                std::string::npos);
        // The cut falls inside a two-byte character: it is left out whole.
        const std::string accents = "a" + [] {
            std::string s;
            for (size_t i = 0; i < HttpEcho::kShownBody; ++i) s += "\xc3\xa9";
            return s;
        }();
        const std::string json = HttpEcho::json([&] {
            http::Request r;
            r.method = "POST";
            r.body = accents;
            return r;
        }());
        QVERIFY(json.find("\\u00") == std::string::npos);
        QVERIFY(json.find("\"a" + accents.substr(1, HttpEcho::kShownBody - 2) + "\",") !=
                std::string::npos);
    }

    void jsonEscapes() {
        QCOMPARE(JsonWriter::quoted(std::string("a\0\x1f\x7f", 4)),
                 std::string("\"a\\u0000\\u001f\x7f\""));
        QCOMPARE(JsonWriter::quoted("\xe2\x82\xac"), std::string("\"\xe2\x82\xac\""));  // valid
        QCOMPARE(JsonWriter::quoted("\xe2\x82"), std::string("\"\\u00e2\\u0082\""));    // truncated
        QCOMPARE(JsonWriter::quoted("\xc0\xaf"), std::string("\"\\u00c0\\u00af\""));    // overlong
        QCOMPARE(JsonWriter::quoted("\xed\xa0\x80"),
                 std::string("\"\\u00ed\\u00a0\\u0080\""));  // surrogate
    }

    void status_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("expected");
        auto full = [](int code, const std::string& reason) {
            const std::string body = std::to_string(code) + " " + reason + "\n";
            return QByteArray::fromStdString("HTTP/1.1 " + std::to_string(code) + " " + reason +
                                             "\r\n" + kServer +
                                             "Content-Type: text/plain; charset=utf-8\r\n"
                                             "Content-Length: " +
                                             std::to_string(body.size()) + "\r\n\r\n" + body);
        };
        QTest::newRow("200") << "/status/200" << full(200, "OK");
        QTest::newRow("404") << "/status/404" << full(404, "Not Found");
        QTest::newRow("503") << "/status/503" << full(503, "Service Unavailable");
        QTest::newRow("599 no phrase") << "/status/599" << full(599, "");
        QTest::newRow("204") << "/status/204"
                             << QByteArray::fromStdString("HTTP/1.1 204 No Content\r\n" + kServer +
                                                          "\r\n");
        QTest::newRow("304") << "/status/304"
                             << QByteArray::fromStdString("HTTP/1.1 304 Not Modified\r\n" +
                                                          kServer + "\r\n");
        const std::string why = "/status/N wants 100 < N < 600\n";
        const QByteArray bad = QByteArray::fromStdString(
            "HTTP/1.1 400 Bad Request\r\n" + kServer +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " +
            std::to_string(why.size()) + "\r\n\r\n" + why);
        QTest::newRow("100") << "/status/100" << bad;
        QTest::newRow("600") << "/status/600" << bad;
        QTest::newRow("abc") << "/status/abc" << bad;
        QTest::newRow("empty") << "/status/" << bad;
    }
    void status() {
        QFETCH(QString, target);
        QFETCH(QByteArray, expected);
        const std::string sent =
            run("GET " + target.toStdString() + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(QByteArray::fromStdString(sent), expected);
    }

    void delayUsesATimer() {
        auto s = HttpService().newSession({});
        FakeSessionContext ctx;
        s->onData(ctx,
                  "GET /delay/250 HTTP/1.1\r\nHost: x\r\n\r\nGET /status/200 HTTP/1.1\r\nHost: "
                  "x\r\n\r\n");
        QCOMPARE(ctx.sent, std::string());  // nothing before the timer, not even the next answer
        QCOMPARE(ctx.timers.size(), size_t(1));
        QCOMPARE(ctx.timers.front().delay, Millis(250));
        QVERIFY(ctx.fireTimer(*s));
        const std::string first =
            "HTTP/1.1 200 OK\r\n" + kServer +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 15\r\n\r\n"
            "delayed 250 ms\n";
        QVERIFY(ctx.sent.rfind(first, 0) == 0);
        QVERIFY(ctx.sent.find("200 OK\n", first.size()) !=
                std::string::npos);  // the pipelined one follows
        QVERIFY(!ctx.closed);
        QVERIFY(run("GET /delay/60001 HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 400 ", 0) == 0);
    }

    void bytesSmall() {
        QCOMPARE(run("GET /bytes/10 HTTP/1.1\r\nHost: x\r\n\r\n"),
                 "HTTP/1.1 200 OK\r\n" + kServer +
                     "Content-Type: application/octet-stream\r\nContent-Length: 10\r\n\r\n" +
                     pattern(10));
        QCOMPARE(run("GET /bytes/0 HTTP/1.1\r\nHost: x\r\n\r\n"),
                 "HTTP/1.1 200 OK\r\n" + kServer +
                     "Content-Type: application/octet-stream\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(run("GET /bytes/104857601 HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 400 ", 0) ==
                0);
    }

    void bytesLargeStayBounded() {
        // queuedBytes() reports every byte sent: the session must stop at the
        // high-water mark and come back in onWritable once the "peer" has
        // read (no timer polls the queue meanwhile).
        const size_t n = 5 * 1024 * 1024;
        auto s = HttpService().newSession({});
        FakeSessionContext ctx;
        ctx.reportQueue = true;
        s->onData(ctx, "GET /bytes/5242880 HTTP/1.1\r\nHost: x\r\n\r\n");
        std::string all;
        size_t peak = 0;
        int rounds = 0;
        while (true) {
            peak = std::max(peak, ctx.sent.size());
            all += ctx.take();
            ctx.queued = 0;  // the peer read everything
            if (!ctx.fireTimer(*s)) {
                s->onWritable(ctx);
                if (ctx.sent.empty()) break;  // nothing more to send
            }
            QVERIFY(++rounds < 1000);
        }
        QVERIFY2(peak <= HttpSession::kHighWater + HttpSession::kSlice + 200,
                 std::to_string(peak).c_str());
        QVERIFY(rounds > 3);  // it did stop and come back
        const size_t headEnd = all.find("\r\n\r\n") + 4;
        QCOMPARE(all.size() - headEnd, n);
        QVERIFY(all.substr(headEnd) == pattern(n));
    }

    void chunked() {
        const std::string p = pattern(10);
        const std::string expected =
            "HTTP/1.1 200 OK\r\n" + kServer +
            "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            "3\r\n" +
            p.substr(0, 3) + "\r\n3\r\n" + p.substr(3, 3) + "\r\n3\r\n" + p.substr(6, 3) +
            "\r\n1\r\n" + p.substr(9) + "\r\n0\r\n\r\n";
        QCOMPARE(run("GET /chunked/10 HTTP/1.1\r\nHost: x\r\n\r\n"), expected);
        const auto rs = parseAll(run("GET /chunked/200000 HTTP/1.1\r\nHost: x\r\n\r\n"));
        QCOMPARE(rs.size(), size_t(1));
        QVERIFY(rs[0].body == pattern(200000));
        // HTTP/1.0 does not know chunked: Content-Length instead.
        const std::string old = run("GET /chunked/5 HTTP/1.0\r\n\r\n");
        QVERIFY(old.find("Content-Length: 5\r\nConnection: close\r\n\r\n") != std::string::npos);
    }

    void staticFiles_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("body");
        const QString html = "text/html; charset=utf-8";
        QTest::newRow("index") << "/index.html" << 200 << html << QByteArray("<p>root index</p>\n");
        QTest::newRow("dir index") << "/sub/" << 200 << html << QByteArray("<p>sub</p>\n");
        QTest::newRow("dir no slash") << "/sub" << 301 << "" << QByteArray();
        QTest::newRow("dir no index") << "/noindex/" << 404 << "" << QByteArray();
        QTest::newRow("css upper")
            << "/style.CSS" << 200 << "text/css; charset=utf-8" << QByteArray("p{}\n");
        QTest::newRow("unknown ext")
            << "/file.xyz" << 200 << "application/octet-stream" << QByteArray("x");
        QTest::newRow("encoded space")
            << "/a%20b.txt?x=1" << 200 << "text/plain; charset=utf-8" << QByteArray("space\n");
        QTest::newRow("symlink inside")
            << "/alias.html" << 200 << html << QByteArray("<p>root index</p>\n");
        QTest::newRow("missing") << "/nope.html" << 404 << "" << QByteArray();
        QTest::newRow("dotdot") << "/../etc/passwd" << 403 << "" << QByteArray();
        QTest::newRow("dotdot deep")
            << "/sub/../../outside/secret.txt" << 403 << "" << QByteArray();
        QTest::newRow("encoded dots") << "/%2e%2e/x" << 403 << "" << QByteArray();
        QTest::newRow("mixed case dots") << "/a/%2E%2E/%2e%2e/x" << 403 << "" << QByteArray();
        QTest::newRow("half encoded") << "/.%2e/outside/secret.txt" << 403 << "" << QByteArray();
        QTest::newRow("encoded slash") << "/..%2f..%2fetc%2fpasswd" << 403 << "" << QByteArray();
        QTest::newRow("encoded slash 2") << "/sub%2F..%2F..%2Foutside" << 403 << "" << QByteArray();
        QTest::newRow("nul") << "/index.html%00.txt" << 403 << "" << QByteArray();
        QTest::newRow("symlink to /etc") << "/etc/passwd" << 403 << "" << QByteArray();
        QTest::newRow("symlink dir itself") << "/etc/" << 403 << "" << QByteArray();
        QTest::newRow("symlink file out") << "/leak.txt" << 403 << "" << QByteArray();
        QTest::newRow("bad escape") << "/%zz" << 400 << "" << QByteArray();
    }
    void staticFiles() {
        QFETCH(QString, target);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        const auto rs =
            parseAll(run("GET " + target.toStdString() + " HTTP/1.1\r\nHost: x\r\n\r\n", rooted_));
        QCOMPARE(rs.size(), size_t(1));
        QCOMPARE(rs[0].status, status);
        QVERIFY(rs[0].body.find("secret") == std::string::npos);
        if (status == 200) {
            QCOMPARE(
                QString::fromStdString(std::string(rs[0].headers.get("Content-Type").value_or(""))),
                type);
            QCOMPARE(QByteArray::fromStdString(rs[0].body), body);
        }
        if (status == 301)
            QCOMPARE(std::string(rs[0].headers.get("Location").value_or("")), std::string("/sub/"));
    }

    void staticBinaryExactAndHead() {
        const std::string sent = run("GET /data.bin HTTP/1.1\r\nHost: x\r\n\r\n", rooted_);
        QCOMPARE(sent, "HTTP/1.1 200 OK\r\n" + kServer +
                           "Content-Type: application/octet-stream\r\nContent-Length: " +
                           std::to_string(binary_.size()) + "\r\n\r\n" + binary_);
        const std::string head = run("HEAD /data.bin HTTP/1.1\r\nHost: x\r\n\r\n", rooted_);
        QCOMPARE(head, sent.substr(0, sent.find("\r\n\r\n") + 4));
    }

    void staticRefusesOtherMethods() {
        const auto rs = parseAll(
            run("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", rooted_));
        QCOMPARE(rs.size(), size_t(1));
        QCOMPARE(rs[0].status, 405);
        QCOMPARE(std::string(rs[0].headers.get("Allow").value_or("")), std::string("GET, HEAD"));
    }

    void unknownRouteWithoutRoot() {
        const auto rs = parseAll(run("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
        QCOMPARE(rs.size(), size_t(1));
        QCOMPARE(rs[0].status, 404);
    }

    void headEveryRoute_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("/") << "/";
        QTest::newRow("echo") << "/echo";
        QTest::newRow("status") << "/status/418";
        QTest::newRow("delay") << "/delay/5";
        QTest::newRow("bytes") << "/bytes/100000";
        QTest::newRow("chunked") << "/chunked/100";
        QTest::newRow("file") << "/index.html";
        QTest::newRow("404") << "/missing";
    }
    void headEveryRoute() {
        QFETCH(QString, target);
        const std::string t = target.toStdString();
        const std::string get = run("GET " + t + " HTTP/1.1\r\nHost: x\r\n\r\n", rooted_);
        const std::string head = run("HEAD " + t + " HTTP/1.1\r\nHost: x\r\n\r\n", rooted_);
        std::string getHead = get.substr(0, get.find("\r\n\r\n") + 4);
        if (t == "/" || t == "/echo") {
            // The page and the echo name the method: same headers but the length.
            QVERIFY(head.find("Content-Length: ") != std::string::npos);
            QVERIFY(head.size() == head.find("\r\n\r\n") + 4);
            return;
        }
        QCOMPARE(head, getHead);
    }

    void keepAliveTwoRequests() {
        auto s = HttpService().newSession({});
        FakeSessionContext ctx;
        s->onData(ctx, "GET /status/200 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(!ctx.closed);
        QCOMPARE(parseAll(ctx.take()).size(), size_t(1));
        s->onData(ctx, "GET /status/201 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const auto rs = parseAll(ctx.take());
        QCOMPARE(rs.size(), size_t(1));
        QCOMPARE(rs[0].status, 201);
        QCOMPARE(std::string(rs[0].headers.get("Connection").value_or("")), std::string("close"));
        QVERIFY(ctx.closed);
        s->onData(ctx, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(ctx.sendsAfterClose, 0);
    }

    void pipeliningThree_data() {
        QTest::addColumn<int>("step");
        QTest::newRow("one read") << 0;
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("by 7") << 7;
    }
    void pipeliningThree() {
        QFETCH(int, step);
        FakeSessionContext ctx(rooted_);
        run("GET /status/201 HTTP/1.1\r\nHost: x\r\n\r\n"
            "HEAD /bytes/50 HTTP/1.1\r\nHost: x\r\n\r\n"
            "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n",
            rooted_, size_t(step), &ctx);
        const auto rs = parseAll(ctx.sent, {false, true, false});
        QCOMPARE(rs.size(), size_t(3));
        QCOMPARE(rs[0].status, 201);
        QCOMPARE(std::string(rs[1].headers.get("Content-Length").value_or("")), std::string("50"));
        QCOMPARE(rs[1].body, std::string());
        QCOMPARE(rs[2].body, std::string("<p>root index</p>\n"));
        QVERIFY(!ctx.closed);
    }

    void http10() {
        FakeSessionContext plain;
        run("GET /status/200 HTTP/1.0\r\n\r\nGET /status/201 HTTP/1.0\r\n\r\n", {}, 0, &plain);
        QVERIFY(plain.closed);
        auto rs = parseAll(plain.sent);
        QCOMPARE(rs.size(), size_t(1));  // closed after the first
        QCOMPARE(std::string(rs[0].headers.get("Connection").value_or("")), std::string("close"));

        FakeSessionContext ka;
        run("GET /status/200 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
            "GET /status/201 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            {}, 0, &ka);
        QVERIFY(!ka.closed);
        rs = parseAll(ka.sent);
        QCOMPARE(rs.size(), size_t(2));
        QCOMPARE(std::string(rs[1].headers.get("Connection").value_or("")),
                 std::string("keep-alive"));
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("NOT HTTP AT ALL\r\n\r\n") << 400;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("version") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("coding")
            << QByteArray(
                   "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
            << 501;
        QTest::newRow("body too large")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
            << 413;
        QTest::newRow("headers too large") << (QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: ") +
                                               QByteArray(70000, 'a') + "\r\n\r\n")
                                           << 431;
    }
    void malformed() {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        FakeSessionContext ctx;
        run("GET /status/202 HTTP/1.1\r\nHost: x\r\n\r\n" + wire.toStdString(), {}, 0, &ctx);
        const auto rs = parseAll(ctx.sent);
        QCOMPARE(rs.size(), size_t(2));  // the good one first, in order
        QCOMPARE(rs[0].status, 202);
        QCOMPARE(rs[1].status, status);
        QCOMPARE(std::string(rs[1].headers.get("Connection").value_or("")), std::string("close"));
        QVERIFY(ctx.closed);
    }

    void contentTypes() {
        QCOMPARE(StaticFiles::contentType("/a/b.JPEG"), std::string_view("image/jpeg"));
        QCOMPARE(StaticFiles::contentType("/a.wasm"), std::string_view("application/wasm"));
        QCOMPARE(StaticFiles::contentType("/x.d/noext"),
                 std::string_view("application/octet-stream"));
        QCOMPARE(StaticFiles::contentType("/m.svg"), std::string_view("image/svg+xml"));
    }

    // A real server: garbage gets 400 and a close; the next client is served,
    // and keep-alive works over a real socket; a large body streams whole.
    void realServer_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("epoll") << "epoll";
        QTest::newRow("thread") << "thread";
    }
    void realServer() {
        QFETCH(QString, model);
        ServerConfig cfg;
        cfg.listeners[0].service = "http";
        cfg.model = model.toStdString();
        Server server(cfg);
        server.start();
        const Address addr = server.addresses().at(0);
        auto exchange = [&](const std::string& wire, size_t expectResponses,
                            std::vector<bool> heads = {}) {
            Socket c = tcpConnect(addr, Millis(5000));
            c.sendAll(wire, Millis(5000));
            std::string got;
            char buf[65536];
            while (true) {
                auto r = c.recv(buf, sizeof buf, Millis(5000));
                if (!r.ok() || r.bytes == 0) break;
                got.append(buf, r.bytes);
                if (parseAll(got, heads).size() >= expectResponses && expectResponses > 0) break;
            }
            return got;
        };
        const std::string bad = exchange("\x16\x03\x01garbage\r\n\r\n", 0);
        QVERIFY2(bad.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0, bad.c_str());
        const auto two =
            parseAll(exchange("GET /status/200 HTTP/1.1\r\nHost: x\r\n\r\n"
                              "GET /bytes/3000000 HTTP/1.1\r\nHost: x\r\n\r\n",
                              2));
        QCOMPARE(two.size(), size_t(2));
        QCOMPARE(two[0].status, 200);
        QVERIFY(two[1].body == pattern(3000000));
        server.stop();
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_HttpService)
#include "tst_http_service.moc"
