// Headers, Request/Response serialization, status helpers and body decompression.

#include <zlib.h>

#include <QtTest/QtTest>

#include "core/http/decompress.h"
#include "core/http/headers.h"
#include "core/http/request.h"
#include "core/http/response.h"
#include "core/http/responseparser.h"
#include "support/testmain.h"

using namespace sockwb::http;

namespace {
QByteArray q(std::string_view s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

// Compresses with zlib in the requested container (windowBits as in deflateInit2).
std::string compress(std::string_view data, int windowBits) {
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return {};
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}
}  // namespace

class tst_HttpMessage : public QObject {
    Q_OBJECT

private slots:
    void headersLookup();
    void headersSetRemove();
    void requestSerialize();
    void responseSerializeRoundTrip();
    void statusHelpers_data();
    void statusHelpers();
    void decompress_data();
    void decompress();
    void decompressErrors();
};

void tst_HttpMessage::headersLookup() {
    Headers h;
    h.add("Set-Cookie", "a=1");
    h.add("Content-Type", "text/plain");
    h.add("set-cookie", "b=2");
    QCOMPARE(h.size(), std::size_t(3));
    QVERIFY(h.contains("SET-COOKIE"));
    QVERIFY(!h.contains("Set-Cookie2"));
    QCOMPARE(q(*h.get("set-cookie")), QByteArray("a=1"));
    const auto all = h.getAll("Set-Cookie");
    QCOMPARE(all.size(), std::size_t(2));
    QCOMPARE(q(all[1]), QByteArray("b=2"));
    QCOMPARE(q(h.joined("set-cookie")), QByteArray("a=1, b=2"));
    QCOMPARE(h.count("SET-cookie"), std::size_t(2));
    QVERIFY(!h.get("missing").has_value());
    QCOMPARE(q(h.serialize()),
             QByteArray("Set-Cookie: a=1\r\nContent-Type: text/plain\r\nset-cookie: b=2\r\n"));
}

void tst_HttpMessage::headersSetRemove() {
    Headers h;
    h.add("A", "1");
    h.add("B", "2");
    h.add("a", "3");
    h.set("A", "9");  // replaces the first in place, drops the later duplicate
    QCOMPARE(q(h.serialize()), QByteArray("A: 9\r\nB: 2\r\n"));
    h.set("C", "new");
    QCOMPARE(h.at(2).name, std::string("C"));
    QCOMPARE(h.remove("b"), std::size_t(1));
    QCOMPARE(h.remove("b"), std::size_t(0));
    QCOMPARE(q(h.serialize()), QByteArray("A: 9\r\nC: new\r\n"));
    h.clear();
    QVERIFY(h.empty());
}

void tst_HttpMessage::requestSerialize() {
    Request r;
    r.method = "POST";
    r.target = "/echo?x=1";
    r.headers.add("Host", "127.0.0.1:8080");
    r.headers.add("Transfer-Encoding", "chunked");
    r.body = std::string("bin\0ary\r\n", 9);
    r.updateContentLength();
    QCOMPARE(
        q(r.serialize()),
        QByteArray::fromStdString(
            std::string(
                "POST /echo?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 9\r\n\r\n") +
            r.body));
    QVERIFY(r.serialize().size() == 77);
    QCOMPARE(r.minorVersion(), 1);
    Request def;
    QCOMPARE(q(def.serialize()), QByteArray("GET / HTTP/1.1\r\n\r\n"));
    def.version = "HTTP/1.0";
    QCOMPARE(def.minorVersion(), 0);
}

void tst_HttpMessage::responseSerializeRoundTrip() {
    Response r;
    r.status = 404;
    r.reason = std::string(Response::reasonPhrase(404));
    r.headers.add("Content-Type", "text/html; charset=utf-8");
    r.body = "<h1>nope</h1>";
    r.updateContentLength();
    const std::string wire = r.serialize();
    QCOMPARE(q(wire),
             QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\n"
                        "Content-Length: 13\r\n\r\n<h1>nope</h1>"));
    ResponseParser p;
    QCOMPARE(p.feed(wire), ResponseParser::Status::Complete);
    QCOMPARE(p.response().status, 404);
    QCOMPARE(q(p.response().reason), QByteArray("Not Found"));
    QVERIFY(p.response().headers == r.headers);
    QCOMPARE(q(p.response().body), q(r.body));
    QCOMPARE(q(p.response().serialize()), q(wire));
}

void tst_HttpMessage::statusHelpers_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("klass");
    QTest::addColumn<QString>("reason");
    QTest::newRow("100") << 100 << int(StatusClass::Informational) << "Continue";
    QTest::newRow("200") << 200 << int(StatusClass::Success) << "OK";
    QTest::newRow("204") << 204 << int(StatusClass::Success) << "No Content";
    QTest::newRow("301") << 301 << int(StatusClass::Redirection) << "Moved Permanently";
    QTest::newRow("304") << 304 << int(StatusClass::Redirection) << "Not Modified";
    QTest::newRow("400") << 400 << int(StatusClass::ClientError) << "Bad Request";
    QTest::newRow("413") << 413 << int(StatusClass::ClientError) << "Content Too Large";
    QTest::newRow("431") << 431 << int(StatusClass::ClientError)
                         << "Request Header Fields Too Large";
    QTest::newRow("501") << 501 << int(StatusClass::ServerError) << "Not Implemented";
    QTest::newRow("505") << 505 << int(StatusClass::ServerError) << "HTTP Version Not Supported";
    QTest::newRow("299") << 299 << int(StatusClass::Success) << "";
    QTest::newRow("600") << 600 << int(StatusClass::Unknown) << "";
    QTest::newRow("42") << 42 << int(StatusClass::Unknown) << "";
}

void tst_HttpMessage::statusHelpers() {
    QFETCH(int, status);
    QFETCH(int, klass);
    QFETCH(QString, reason);
    QCOMPARE(int(Response::classOf(status)), klass);
    QCOMPARE(QString::fromStdString(std::string(Response::reasonPhrase(status))), reason);
    Response r;
    r.status = status;
    QCOMPARE(int(r.statusClass()), klass);
}

void tst_HttpMessage::decompress_data() {
    QTest::addColumn<QString>("coding");
    QTest::addColumn<int>("windowBits");
    QTest::newRow("gzip") << "gzip" << 16 + MAX_WBITS;
    QTest::newRow("x-gzip") << "X-GZIP" << 16 + MAX_WBITS;
    QTest::newRow("deflate_zlib") << "deflate" << MAX_WBITS;
    QTest::newRow("deflate_raw") << "deflate" << -MAX_WBITS;
}

void tst_HttpMessage::decompress() {
    QFETCH(QString, coding);
    QFETCH(int, windowBits);
    std::string plain;
    for (int i = 0; i < 5000; ++i)
        plain += "line " + std::to_string(i) + std::string(1, '\0') + "\r\n";
    const std::string packed = compress(plain, windowBits);
    QVERIFY(!packed.empty() && packed.size() < plain.size());
    const DecompressResult r = Decompress::decode(packed, coding.toStdString(), 1 << 20);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.data.size(), plain.size());
    QVERIFY(r.data == plain);
    // Output limit: one byte short is an error, never a silent truncation.
    const DecompressResult small =
        Decompress::decode(packed, coding.toStdString(), plain.size() - 1);
    QVERIFY(!small.ok());
    QVERIFY(QString::fromStdString(small.error).contains("limit"));
}

void tst_HttpMessage::decompressErrors() {
    const std::string packed = compress("hello hello hello", 16 + MAX_WBITS);
    // Two gzip members back to back decode as their concatenation (RFC 1952).
    const DecompressResult twice = Decompress::gunzip(packed + packed, 1000);
    QVERIFY2(twice.ok(), twice.error.c_str());
    QCOMPARE(q(twice.data), QByteArray("hello hello hellohello hello hello"));
    QVERIFY(!Decompress::gunzip(packed.substr(0, packed.size() - 5), 1000).ok());  // truncated
    std::string corrupt = packed;
    corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
    QVERIFY(!Decompress::gunzip(corrupt, 1000).ok());
    QVERIFY(!Decompress::gunzip("not gzip at all", 1000).ok());
    QVERIFY(!Decompress::inflate("\xff\xff\xff\xff", 1000).ok());
    QVERIFY(!Decompress::decode("x", "br", 1000).ok());
    const DecompressResult identity = Decompress::decode("abc", "identity", 10);
    QVERIFY(identity.ok());
    QCOMPARE(q(identity.data), QByteArray("abc"));
    QCOMPARE(q(Decompress::decode("abc", "", 10).data), QByteArray("abc"));
    // Layered codings are undone last-applied first.
    const std::string layered = compress(compress("deep", MAX_WBITS), 16 + MAX_WBITS);
    const DecompressResult deep = Decompress::decode(layered, "deflate, gzip", 100);
    QVERIFY2(deep.ok(), deep.error.c_str());
    QCOMPARE(q(deep.data), QByteArray("deep"));
}

SOCKWB_TEST_APPLESS_MAIN(tst_HttpMessage)
#include "tst_http_message.moc"
