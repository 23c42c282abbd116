// Response parser against a table of cases, each fed whole, byte by byte and
// split in two at every offset: the outcome must not depend on the split.

#include <QtTest/QtTest>

#include "core/http/parseerror.h"
#include "core/http/responseparser.h"
#include "fuzz/response_cases.h"
#include "support/testmain.h"

using namespace sockwb::http;
using sockwb::http::cases::ResponseCase;

namespace {

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
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

struct Outcome {
    std::string error;  // ErrorCode name, "Incomplete", or empty
    std::string full;   // complete description, compared between splits
};

Outcome run(const ResponseCase& c, const std::vector<std::string_view>& pieces,
            Response* out = nullptr, ResponseParser* parserOut = nullptr) {
    ResponseParser::Limits limits;
    if (c.maxHeaderBytes) limits.maxHeaderBytes = c.maxHeaderBytes;
    if (c.maxBodyBytes) limits.maxBodyBytes = c.maxBodyBytes;
    ResponseParser p(limits);
    p.setHeadRequest(c.head);
    p.setStatusOnly(c.statusOnly);
    std::size_t consumedInFeeds = 0;
    for (std::string_view piece : pieces) {
        p.feed(piece);
        consumedInFeeds += p.lastFeedConsumed();
    }
    if (c.eof) p.onEof();
    Outcome o;
    if (p.status() == ResponseParser::Status::Error) {
        o.error = std::string(ParseError::codeName(p.error().code));
        o.full = "error=" + o.error + (p.error().message.empty() ? " (no message)" : "");
        return o;
    }
    if (p.status() == ResponseParser::Status::NeedMore) {
        o.error = "Incomplete";
        o.full = "incomplete";
        return o;
    }
    const Response& r = p.response();
    o.full = "status=" + std::to_string(r.status) + " ka=" + (p.keepAlive() ? "1" : "0") +
             " body=" + escape(r.body) + " headers=[" + escape(r.headers.serialize()) +
             "] trailers=[" + escape(r.trailers.serialize()) +
             "] interim=" + std::to_string(p.interimResponses().size()) +
             " leftover=" + escape(p.leftover()) +
             " consumed=" + std::to_string(p.consumedBytes()) +
             " bodyBytes=" + std::to_string(p.bodyBytes());
    // Bytes consumed across feeds plus leftover must account for the whole input.
    if (!c.eof || c.body.size() == 0) o.full += " feedsum=" + std::to_string(consumedInFeeds);
    if (out) *out = r;
    if (parserOut) *parserOut = p;
    return o;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// The client's framing rules on top of the shared table: Transfer-Encoding
// lists (RFC 9112 §6.3, RFC 9110 §5.6.1) and the cap on 1xx responses.
const std::vector<ResponseCase>& allCases() {
    static const std::vector<ResponseCase> cases = [] {
        std::vector<ResponseCase> all = sockwb::http::cases::responseCases();
        const std::string cont = "HTTP/1.1 100 Continue\r\n\r\n";
        const std::string ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        const std::vector<ResponseCase> client = {
            {.name = "te_chunked_not_last_until_close",
             .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, deflate\r\n\r\n3\r\nxyz",
             .eof = true,
             .status = 200,
             .keepAlive = false,
             .body = "3\r\nxyz"},
            {.name = "te_chunked_then_gzip_fields_until_close",
             .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
                      "gzip\r\n\r\nabc",
             .eof = true,
             .status = 200,
             .keepAlive = false,
             .body = "abc"},
            {.name = "te_empty_element_first",
             .input =
                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: , chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
             .status = 200,
             .keepAlive = true,
             .body = "abc"},
            {.name = "te_empty_elements_around",
             .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: ,, gzip ,, chunked ,\r\n\r\n1\r\n"
                      "a\r\n0\r\n\r\n",
             .status = 200,
             .keepAlive = true,
             .body = "a"},
            {.name = "err_te_only_commas",
             .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: , ,\r\n\r\nabc",
             .error = "BadTransferEncoding"},
            {.name = "err_te_chunked_twice_around_gzip",
             .input =
                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip, chunked\r\n\r\n0\r\n\r\n",
             .error = "BadTransferEncoding"},
            {.name = "err_te_bad_token",
             .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chu nked\r\n\r\n0\r\n\r\n",
             .error = "BadTransferEncoding"},
            {.name = "interim_ten_accepted",
             .input = repeat(cont, 10) + ok,
             .status = 200,
             .keepAlive = true,
             .body = "ok",
             .interim = 10},
            {.name = "err_interim_eleven",
             .input = repeat(cont, 11) + ok,
             .error = "TooManyHeaders"},
        };
        all.insert(all.end(), client.begin(), client.end());
        return all;
    }();
    return cases;
}

QByteArray q(const std::string& s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

}  // namespace

class tst_HttpResponse : public QObject {
    Q_OBJECT

private slots:
    void table_data();
    void table();
    void tableHasEnoughCases();
    void resetParsesLeftover();
    void takeResponseWithHead();
    void byteByByteIsLinear();
    void errorStaysError();
    void streamedBodyHoldsOneRead_data();
    void streamedBodyHoldsOneRead();
    void streamedChunkedBodyHoldsOneRead();
};

void tst_HttpResponse::table_data() {
    QTest::addColumn<int>("index");
    const auto& cases = allCases();
    for (std::size_t i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].name) << static_cast<int>(i);
}

void tst_HttpResponse::table() {
    QFETCH(int, index);
    const ResponseCase& c = allCases().at(static_cast<std::size_t>(index));
    const std::string_view in = c.input;

    Response r;
    ResponseParser p;
    const Outcome whole = run(c, {in}, &r, &p);
    if (!c.error.empty()) {
        QCOMPARE(q(whole.error), q(c.error));
    } else {
        QVERIFY2(whole.error.empty(), whole.full.c_str());
        QCOMPARE(r.status, c.status);
        QCOMPARE(p.keepAlive(), c.keepAlive);
        QCOMPARE(q(r.body), q(c.body));
        QCOMPARE(static_cast<int>(p.interimResponses().size()), c.interim);
        QCOMPARE(q(std::string(p.leftover())), q(c.leftover));
        QCOMPARE(p.consumedBytes() + p.leftover().size(), c.input.size());
        if (!c.header.empty()) {
            const auto eq = c.header.find('=');
            const auto v = r.headers.get(c.header.substr(0, eq));
            QVERIFY2(v.has_value(), c.header.c_str());
            QCOMPARE(q(std::string(*v)), q(c.header.substr(eq + 1)));
        }
        if (!c.trailer.empty()) {
            const auto eq = c.trailer.find('=');
            const auto v = r.trailers.get(c.trailer.substr(0, eq));
            QVERIFY2(v.has_value(), c.trailer.c_str());
            QCOMPARE(q(std::string(*v)), q(c.trailer.substr(eq + 1)));
        }
    }

    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < in.size(); ++i) bytes.push_back(in.substr(i, 1));
    QCOMPARE(q(run(c, bytes).full), q(whole.full));

    for (std::size_t k = 0; k <= in.size(); ++k) {
        const Outcome split = run(c, {in.substr(0, k), in.substr(k)});
        if (split.full != whole.full)
            QFAIL(("split at " + std::to_string(k) + ": " + split.full + " != " + whole.full)
                      .c_str());
    }
}

void tst_HttpResponse::tableHasEnoughCases() {
    QVERIFY(sockwb::http::cases::responseCases().size() >= 40);
}

void tst_HttpResponse::resetParsesLeftover() {
    ResponseParser p;
    const std::string two =
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 404 Not Found\r\nContent-Length: "
        "2\r\n\r\nbc";
    QCOMPARE(p.feed(two), ResponseParser::Status::Complete);
    QCOMPARE(p.response().status, 200);
    QCOMPARE(p.lastFeedConsumed(), std::size_t(39));
    QCOMPARE(p.reset(), ResponseParser::Status::Complete);
    QCOMPARE(p.response().status, 404);
    QCOMPARE(q(p.response().body), QByteArray("bc"));
    QCOMPARE(p.reset(), ResponseParser::Status::NeedMore);
    QVERIFY(p.leftover().empty());
}

void tst_HttpResponse::takeResponseWithHead() {
    // Pipelined GET then HEAD: the second response has Content-Length but no body.
    ResponseParser p;
    p.feed(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 200 OK\r\nContent-Length: "
        "50\r\n\r\n");
    QCOMPARE(p.status(), ResponseParser::Status::Complete);
    const Response first = p.takeResponse(/*nextIsHead=*/true);
    QCOMPARE(q(first.body), QByteArray("hi"));
    QCOMPARE(p.status(), ResponseParser::Status::Complete);
    QCOMPARE(q(p.response().body), QByteArray());
    QCOMPARE(q(std::string(*p.response().headers.get("content-length"))), QByteArray("50"));
}

void tst_HttpResponse::byteByByteIsLinear() {
    // 20,000 header lines fed one byte at a time: with a kept scan position
    // this is instant; rescanning from the start each time would take minutes.
    ResponseParser::Limits limits;
    limits.maxHeaderCount = 100000;
    limits.maxHeaderBytes = 10 * 1024 * 1024;
    ResponseParser p(limits);
    std::string msg = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 20000; ++i) msg += "X-" + std::to_string(i) + ": value\r\n";
    msg += "Content-Length: 3\r\n\r\nabc";
    QElapsedTimer t;
    t.start();
    for (char c : msg) p.feed(std::string_view(&c, 1));
    QCOMPARE(p.status(), ResponseParser::Status::Complete);
    QCOMPARE(p.response().headers.size(), std::size_t(20001));
    QVERIFY2(t.elapsed() < 2000, "byte-by-byte parsing is not linear");
}

void tst_HttpResponse::errorStaysError() {
    ResponseParser p;
    QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"), ResponseParser::Status::Error);
    QCOMPARE(p.error().status, 400);
    QCOMPARE(p.feed("more"), ResponseParser::Status::Error);
    QCOMPARE(p.onEof(), ResponseParser::Status::Error);
    p.clear();
    QCOMPARE(p.feed("HTTP/1.1 204 No Content\r\n\r\n"), ResponseParser::Status::Complete);
}

void tst_HttpResponse::streamedBodyHoldsOneRead_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("eof");
    const int total = 64 * 1024 * 1024;
    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(total) +
                      "\r\n\r\n")
        << false;
    QTest::newRow("until-close") << QByteArray("HTTP/1.1 200 OK\r\n\r\n") << true;
    QTest::newRow("te-chunked-not-last")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, x\r\n\r\n") << true;
}

void tst_HttpResponse::streamedBodyHoldsOneRead() {
    // 64 MiB of body in 64 KiB reads, taken as it comes (what the client's
    // body sink does): the parser never holds more than about one read.
    QFETCH(QByteArray, head);
    QFETCH(bool, eof);
    ResponseParser::Limits limits;
    limits.maxBodyBytes = 1ull << 30;
    ResponseParser p(limits);
    const std::string piece(64 * 1024, 'x');
    QCOMPARE(p.feed(head.toStdString()), ResponseParser::Status::NeedMore);
    std::uint64_t taken = 0;
    std::size_t peak = 0;
    for (int i = 0; i < 1024; ++i) {
        p.feed(piece);
        peak = std::max(peak, p.bufferedBytes());
        taken += p.takeBody().size();
    }
    if (eof) p.onEof();
    QCOMPARE(p.status(), ResponseParser::Status::Complete);
    QCOMPARE(taken, std::uint64_t(64) * 1024 * 1024);
    QVERIFY2(peak <= 2 * piece.size(), std::to_string(peak).c_str());
    QCOMPARE(p.consumedBytes(), std::size_t(head.size()) + taken);
}

void tst_HttpResponse::streamedChunkedBodyHoldsOneRead() {
    // The same with a chunked body, one 64 KiB chunk per read.
    ResponseParser::Limits limits;
    limits.maxBodyBytes = 1ull << 30;
    ResponseParser p(limits);
    const std::string piece = "10000\r\n" + std::string(64 * 1024, 'x') + "\r\n";
    p.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::uint64_t taken = 0;
    std::size_t peak = 0;
    for (int i = 0; i < 1024; ++i) {
        p.feed(piece);
        peak = std::max(peak, p.bufferedBytes());
        taken += p.takeBody().size();
    }
    QCOMPARE(p.feed("0\r\n\r\n"), ResponseParser::Status::Complete);
    QCOMPARE(taken, std::uint64_t(64) * 1024 * 1024);
    QVERIFY2(peak <= 2 * piece.size(), std::to_string(peak).c_str());
}

SOCKWB_TEST_APPLESS_MAIN(tst_HttpResponse)
#include "tst_http_response.moc"
