// Chunked framing (RFC 9112 §7.1) against the table of fuzz/chunked_cases.h:
// BodyDecoder strict and lenient, fed whole and byte by byte with consumed
// bytes dropped after every call (as RequestParser does), then the same
// bodies through RequestParser and ResponseParser. Then the request
// parser's memory: consumed bytes are dropped, so chunk-extension floods
// and long bodies do not pile up raw bytes.

#include <QtTest/QtTest>

#include "core/http/bodydecoder.h"
#include "core/http/requestparser.h"
#include "core/http/responseparser.h"
#include "fuzz/chunked_cases.h"
#include "support/testmain.h"

using namespace sockwb::http;
using sockwb::http::cases::ChunkedCase;

namespace {

// "ok <decoded>" or "error <CodeName>".
struct Outcome {
    std::string text;
    std::string message;
};

Outcome decode(std::string_view input, bool lenient, bool byteByByte) {
    BodyDecoder d;
    BodyDecoder::Limits limits{1024 * 1024, 8192, 100};
    limits.lenient = lenient;
    d.start(BodyDecoder::Mode::Chunked, 0, limits, true);
    std::string buf, body;
    Headers trailers;
    ParseError err;
    std::size_t pos = 0;
    const std::size_t step = byteByByte ? 1 : input.size();
    for (std::size_t at = 0; at < input.size(); at += step) {
        buf.append(input.substr(at, step));
        const BodyDecoder::Result r = d.advance(buf, pos, body, trailers, err);
        buf.erase(0, pos);  // the caller may drop what is consumed
        pos = 0;
        if (r == BodyDecoder::Result::Done) return {"ok " + body, {}};
        if (r == BodyDecoder::Result::Error)
            return {"error " + std::string(ParseError::codeName(err.code)), err.message};
    }
    return {"incomplete", {}};
}

std::string expected(const ChunkedCase& c, bool lenient) {
    if (c.error.empty()) return "ok " + c.decoded;
    if (lenient && c.lenient == ChunkedCase::Accept) return "ok " + c.decoded;
    return "error " + c.error;
}

QByteArray q(const std::string& s) { return QByteArray(s.data(), qsizetype(s.size())); }

const std::string kRequestHead =
    "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";

}  // namespace

class tst_HttpChunked : public QObject {
    Q_OBJECT

private slots:
    void decoder_data();
    void decoder();
    void parsers_data() { decoder_data(); }
    void parsers();
    void enoughCases();
    void lenientIsOffByDefault();
    void extensionFloodStaysSmall();
    void extensionFloodInLargeReads();
    void overlongLineRefusedBeforeItsEnd();
    void longBodyDropsConsumedBytes();
    void pipelinedBytesAreCounted();
};

void tst_HttpChunked::decoder_data() {
    QTest::addColumn<int>("index");
    const auto& cases = sockwb::http::cases::chunkedCases();
    for (std::size_t i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].name) << static_cast<int>(i);
}

void tst_HttpChunked::decoder() {
    QFETCH(int, index);
    const ChunkedCase& c = sockwb::http::cases::chunkedCases().at(std::size_t(index));
    for (const bool lenient : {false, true}) {
        const std::string want = expected(c, lenient);
        const Outcome whole = decode(c.body, lenient, false);
        QCOMPARE(q(whole.text), q(want));
        QCOMPARE(q(decode(c.body, lenient, true).text), q(want));
        if (!c.error.empty() && !lenient) QVERIFY(!whole.message.empty());
        // The same case in a lenient run that refuses still says why.
        if (want.rfind("error", 0) == 0) QVERIFY(!whole.message.empty());
    }
}

void tst_HttpChunked::parsers() {
    QFETCH(int, index);
    const ChunkedCase& c = sockwb::http::cases::chunkedCases().at(std::size_t(index));
    const std::string want = expected(c, false);

    RequestParser req;
    req.feed(kRequestHead + c.body);
    std::string got = req.status() == RequestParser::Status::Complete ? "ok " + req.request().body
                      : req.status() == RequestParser::Status::Error
                          ? "error " + std::string(ParseError::codeName(req.error().code))
                          : "incomplete";
    QCOMPARE(q(got), q(want));
    if (req.status() == RequestParser::Status::Error) QCOMPARE(req.error().status, 400);

    ResponseParser resp;
    resp.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + c.body);
    got = resp.status() == ResponseParser::Status::Complete ? "ok " + resp.response().body
          : resp.status() == ResponseParser::Status::Error
              ? "error " + std::string(ParseError::codeName(resp.error().code))
              : "incomplete";
    QCOMPARE(q(got), q(want));
}

void tst_HttpChunked::enoughCases() { QVERIFY(sockwb::http::cases::chunkedCases().size() >= 50); }

void tst_HttpChunked::lenientIsOffByDefault() { QVERIFY(!BodyDecoder::Limits{}.lenient); }

// 1-byte chunks with 4,000-byte extensions: the parser holds one chunk line
// at a time, and refuses the message (413) once its extensions pass 16 KiB,
// so a peer cannot make it scan framing for ever.
void tst_HttpChunked::extensionFloodStaysSmall() {
    RequestParser p;
    p.feed(kRequestHead);
    const std::string chunk = "1;x=" + std::string(4000, 'e') + "\r\nA\r\n";
    std::size_t maxBuffered = 0;
    int fed = 0;
    for (; fed < 3000 && p.status() == RequestParser::Status::NeedMore; ++fed) {
        p.feed(chunk);
        maxBuffered = std::max(maxBuffered, p.bufferedBytes());
    }
    QCOMPARE(p.status(), RequestParser::Status::Error);
    QCOMPARE(p.error().status, 413);
    QVERIFY2(p.error().message.find("16384") != std::string::npos, p.error().message.c_str());
    QCOMPARE(fed, int(BodyDecoder::kMaxChunkExtensionBytes / 4002 + 1));
    QVERIFY2(maxBuffered < 16 * 1024, std::to_string(maxBuffered).c_str());
}

// The same flood arriving in 64 KiB reads, as a server's recv gives it:
// refused within the first read.
void tst_HttpChunked::extensionFloodInLargeReads() {
    RequestParser p;
    p.feed(kRequestHead);
    std::string wire;
    for (int i = 0; i < 3000; ++i) wire += "1;x=" + std::string(4000, 'e') + "\r\nA\r\n";
    QCOMPARE(p.feed(std::string_view(wire).substr(0, 65536)), RequestParser::Status::Error);
    QCOMPARE(p.error().status, 413);
    QVERIFY2(p.bufferedBytes() < 80 * 1024, std::to_string(p.bufferedBytes()).c_str());
    // Extensions under the limit in total are still accepted.
    RequestParser ok;
    ok.feed(kRequestHead);
    QCOMPARE(ok.feed("1;x=" + std::string(4000, 'e') + "\r\nA\r\n0\r\n\r\n"),
             RequestParser::Status::Complete);
}

// An extension longer than the line limit is refused as soon as the limit
// is passed, not when (if ever) its LF comes.
void tst_HttpChunked::overlongLineRefusedBeforeItsEnd() {
    RequestParser p;
    p.feed(kRequestHead + "1;x=");
    const std::string more(1000, 'e');
    int feeds = 0;
    while (p.status() == RequestParser::Status::NeedMore && feeds < 100) {
        p.feed(more);
        ++feeds;
    }
    QCOMPARE(p.status(), RequestParser::Status::Error);
    QVERIFY(feeds <= 5);
    QCOMPARE(p.error().status, 400);
    QCOMPARE(p.error().code, ErrorCode::BadChunkSize);
    QVERIFY2(p.error().message.find("4096") != std::string::npos, p.error().message.c_str());
}

// A Content-Length body: the raw bytes are dropped as they are decoded.
void tst_HttpChunked::longBodyDropsConsumedBytes() {
    RequestParser p;
    const std::string head = "POST /u HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n";
    p.feed(head);
    const std::string piece(1000, 'b');
    for (int i = 0; i < 999; ++i) {
        p.feed(piece);
        QVERIFY(p.bufferedBytes() <= 4096 + piece.size());
    }
    QCOMPARE(p.feed(piece), RequestParser::Status::Complete);
    QCOMPARE(p.consumedBytes(), 1000000 + head.size());
    QCOMPARE(p.request().body.size(), std::size_t(1000000));
}

// Bytes pipelined behind a complete request stay, and are counted (the
// http session stops reading on them, see httpsession.h).
void tst_HttpChunked::pipelinedBytesAreCounted() {
    RequestParser p;
    p.feed("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n");
    QCOMPARE(p.status(), RequestParser::Status::Complete);
    const std::string next = "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n";
    for (int i = 0; i < 100; ++i) p.feed(next);
    QVERIFY(p.bufferedBytes() >= 100 * next.size());
    int n = 0;
    while (p.status() == RequestParser::Status::Complete && n < 1000) {
        p.takeRequest();
        ++n;
    }
    QCOMPARE(n, 101);
    QCOMPARE(p.bufferedBytes(), std::size_t(0));
}

SOCKWB_TEST_APPLESS_MAIN(tst_HttpChunked)
#include "tst_http_chunked.moc"
