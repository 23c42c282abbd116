// Request parser against a table of cases, each fed whole, byte by byte and
// split in two at every offset: the requests taken out (and the final error)
// must not depend on the split.

#include <QtTest/QtTest>
#include <chrono>

#include "core/http/parseerror.h"
#include "core/http/requestparser.h"
#include "fuzz/request_cases.h"
#include "support/testmain.h"

using namespace sockwb::http;
using sockwb::http::cases::RequestCase;

namespace {

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\0')
            out += "\\0";
        else if (c == '\\')
            out += "\\\\";
        else if (u < 0x20 || u >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", u);
            out += buf;
        } else
            out += c;
    }
    return out;
}

std::vector<std::string> run(const RequestCase& c, const std::vector<std::string_view>& pieces) {
    RequestParser::Limits limits;
    if (c.maxHeaderBytes) limits.maxHeaderBytes = c.maxHeaderBytes;
    if (c.maxBodyBytes) limits.maxBodyBytes = c.maxBodyBytes;
    RequestParser p(limits);
    std::vector<std::string> out;
    auto drain = [&] {
        while (p.status() == RequestParser::Status::Complete) {
            // keepAlive() and expectsContinue() describe the request about to be taken.
            const std::string ka = p.keepAlive() ? "1" : "0";
            const bool ec = p.expectsContinue();
            const Request r = p.takeRequest();
            out.push_back(r.method + " " + r.target + " " + r.version + " ka=" + ka +
                          (ec ? " 100c" : "") + " body=" + escape(r.body));
        }
    };
    for (std::string_view piece : pieces) {
        p.feed(piece);
        drain();
    }
    if (c.eof) {
        p.onEof();
        drain();
    }
    if (p.status() == RequestParser::Status::Error)
        out.push_back("error=" + std::string(ParseError::codeName(p.error().code)) +
                      " status=" + std::to_string(p.error().status) +
                      (p.error().message.empty() ? " (no message)" : ""));
    return out;
}

QByteArray join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

}  // namespace

class tst_HttpRequest : public QObject {
    Q_OBJECT

private slots:
    void table_data();
    void table();
    void tableHasEnoughCases();
    void trailersAndHeadersKept();
    void headCompleteBeforeBody();
    void manyPipelinedRequests();
    void helloRequestIsFast();
};

void tst_HttpRequest::table_data() {
    QTest::addColumn<int>("index");
    const auto& cases = sockwb::http::cases::requestCases();
    for (std::size_t i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].name) << static_cast<int>(i);
}

void tst_HttpRequest::table() {
    QFETCH(int, index);
    const RequestCase& c = sockwb::http::cases::requestCases().at(static_cast<std::size_t>(index));
    const std::string_view in = c.input;

    const QByteArray whole = join(run(c, {in}));
    QCOMPARE(whole, join(c.expected));

    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < in.size(); ++i) bytes.push_back(in.substr(i, 1));
    QCOMPARE(join(run(c, bytes)), whole);

    for (std::size_t k = 0; k <= in.size(); ++k) {
        const QByteArray split = join(run(c, {in.substr(0, k), in.substr(k)}));
        if (split != whole)
            QFAIL(("split at " + std::to_string(k) + ":\n" + split.toStdString() + "!=\n" +
                   whole.toStdString())
                      .c_str());
    }
}

void tst_HttpRequest::tableHasEnoughCases() {
    QVERIFY(sockwb::http::cases::requestCases().size() >= 30);
}

void tst_HttpRequest::trailersAndHeadersKept() {
    RequestParser p;
    p.feed(
        "POST /u HTTP/1.1\r\nHost: Example.org\r\nX-A: 1\r\nx-a: 2\r\nTransfer-Encoding: "
        "chunked\r\n\r\n"
        "3\r\nabc\r\n0\r\nX-Sum: 42\r\n\r\n");
    QCOMPARE(p.status(), RequestParser::Status::Complete);
    const Request r = p.takeRequest();
    QCOMPARE(r.headers.size(), std::size_t(4));
    QCOMPARE(r.headers.getAll("X-A").size(), std::size_t(2));
    QCOMPARE(QByteArray(r.headers.get("host")->data(), 11), QByteArray("Example.org"));
    QCOMPARE(QByteArray::fromStdString(r.body), QByteArray("abc"));
    QCOMPARE(QByteArray::fromStdString(std::string(*r.trailers.get("x-sum"))), QByteArray("42"));
    QCOMPARE(p.status(), RequestParser::Status::NeedMore);
}

void tst_HttpRequest::headCompleteBeforeBody() {
    RequestParser p;
    p.feed("POST /up HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nab");
    QCOMPARE(p.status(), RequestParser::Status::NeedMore);
    QVERIFY(p.headComplete());
    QVERIFY(p.expectsContinue());
    QCOMPARE(p.feed("cd"), RequestParser::Status::Complete);
    QCOMPARE(QByteArray::fromStdString(p.request().body), QByteArray("abcd"));
}

void tst_HttpRequest::manyPipelinedRequests() {
    std::string buf;
    for (int i = 0; i < 2000; ++i)
        buf += "GET /" + std::to_string(i) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    RequestParser p;
    p.feed(buf);
    int n = 0;
    while (p.status() == RequestParser::Status::Complete) {
        const Request r = p.takeRequest();
        QCOMPARE(QByteArray::fromStdString(r.target),
                 QByteArray::fromStdString("/" + std::to_string(n)));
        ++n;
    }
    QCOMPARE(n, 2000);
    QVERIFY(p.leftover().empty());
}

void tst_HttpRequest::helloRequestIsFast() {
    // A guard against state leaking from one message into the next when one
    // parser serves many requests in a row (speed itself is measured in
    // tests/bench, never asserted here).
    const std::string_view hello =
        "GET /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: curl/8.0\r\nAccept: "
        "*/*\r\n\r\n";
    RequestParser p;
    for (int i = 0; i < 20000; ++i) {
        p.feed(hello);
        if (p.status() != RequestParser::Status::Complete) QFAIL("hello request not complete");
        const Request r = p.takeRequest();
        if (r.target != "/hello" || r.headers.size() != 3)
            QFAIL("hello request parsed differently after many rounds");
    }
    QVERIFY(p.leftover().empty());
}

SOCKWB_TEST_APPLESS_MAIN(tst_HttpRequest)
#include "tst_http_request.moc"
