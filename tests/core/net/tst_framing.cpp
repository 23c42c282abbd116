// Framing: decoders fed at every split point (and every pair of split
// points), several messages per feed, binary payloads, oversize frames
// refused before any allocation, the unterminated last line.

#include <QtTest>
#include <vector>

#include "core/net/error.h"
#include "core/net/framing.h"
#include "support/testmain.h"

using namespace sockwb;

Q_DECLARE_METATYPE(Framing)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

using Messages = std::vector<std::string>;

void drain(FrameDecoder& d, Messages& out) {
    while (auto m = d.next()) out.push_back(*m);
}

// Feeds the pieces in order, collecting messages, then flushes.
Messages decode(Framing f, const std::vector<std::string_view>& pieces, size_t maxFrame = 1 << 20) {
    FrameDecoder d(f, maxFrame);
    Messages out;
    for (auto p : pieces) {
        d.feed(p);
        drain(d, out);
    }
    if (auto rest = d.flush()) out.push_back(*rest);
    return out;
}

std::string len32(std::string_view payload) { return encodeFrame(Framing::Len32, payload); }

Messages concatAll(const Messages& m) {
    std::string all;
    for (const auto& s : m) all += s;
    return all.empty() ? Messages{} : Messages{all};
}

}  // namespace

class tst_Framing : public QObject {
    Q_OBJECT

private slots:
    void everySplit_data();
    void everySplit();
    void byteByByte_data();
    void byteByByte();
    void severalInOneFeed();
    void binaryLen32();
    void len32HugeHeaderRefused();
    void len32OversizeAfterSplitHeader();
    void len32AtLimit();
    void lineTooLong_data();
    void lineTooLong();
    void lineAtLimit();
    void staysFailed();
    void flushUnterminatedLine();
    void rawPassesThrough();
    void encode();
    void names();
    void longStreamCompacts();
};

void tst_Framing::everySplit_data() {
    QTest::addColumn<Framing>("framing");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<std::vector<std::string>>("expected");
    QTest::newRow("line \\n") << Framing::Line << QByteArray("one\ntwo\n\nthree\n")
                              << Messages{"one", "two", "", "three"};
    QTest::newRow("line \\r\\n") << Framing::Line << QByteArray("one\r\ntwo\r\n\r\nthree\r\n")
                                 << Messages{"one", "two", "", "three"};
    QTest::newRow("line mixed + tail")
        << Framing::Line << QByteArray("a\r\nb\nc\rd\ntail") << Messages{"a", "b", "c\rd", "tail"};
    QTest::newRow("line with NUL")
        << Framing::Line << QByteArray("x\0y\nz\n", 6) << Messages{std::string("x\0y", 3), "z"};
    const std::string l =
        len32("hello") + len32("") + len32(std::string("\0\n\r\xff", 4)) + len32("end");
    QTest::newRow("len32") << Framing::Len32 << QByteArray(l.data(), qsizetype(l.size()))
                           << Messages{"hello", "", std::string("\0\n\r\xff", 4), "end"};
}

void tst_Framing::everySplit() {
    QFETCH(Framing, framing);
    QFETCH(QByteArray, input);
    QFETCH(std::vector<std::string>, expected);
    const std::string_view in(input.constData(), size_t(input.size()));
    QCOMPARE(decode(framing, {in}), expected);
    for (size_t i = 0; i <= in.size(); ++i) {
        for (size_t j = i; j <= in.size(); ++j) {
            Messages got = decode(framing, {in.substr(0, i), in.substr(i, j - i), in.substr(j)});
            QVERIFY2(got == expected, qPrintable(QString("split at %1 and %2").arg(i).arg(j)));
        }
    }
}

void tst_Framing::byteByByte_data() { everySplit_data(); }

void tst_Framing::byteByByte() {
    QFETCH(Framing, framing);
    QFETCH(QByteArray, input);
    QFETCH(std::vector<std::string>, expected);
    std::vector<std::string_view> bytes;
    for (qsizetype i = 0; i < input.size(); ++i) bytes.emplace_back(input.constData() + i, 1);
    QCOMPARE(decode(framing, bytes), expected);
    // Raw framing gives the same bytes back, split as they came.
    QCOMPARE(concatAll(decode(Framing::Raw, bytes)),
             Messages{std::string(input.constData(), size_t(input.size()))});
}

void tst_Framing::severalInOneFeed() {
    FrameDecoder d(Framing::Line);
    d.feed("a\nbb\r\nccc\nunfinished");
    QCOMPARE(*d.next(), std::string("a"));
    QCOMPARE(*d.next(), std::string("bb"));
    QCOMPARE(*d.next(), std::string("ccc"));
    QVERIFY(!d.next());
    QCOMPARE(d.pending(), size_t(10));
    d.feed(" now\n");
    QCOMPARE(*d.next(), std::string("unfinished now"));
    QCOMPARE(d.pending(), size_t(0));
}

void tst_Framing::binaryLen32() {
    std::string payload(70000, '\0');
    for (size_t i = 0; i < payload.size(); ++i) payload[i] = char(i * 7);
    const std::string wire = len32(payload) + len32(std::string(3, '\0'));
    QCOMPARE(wire.substr(0, 4), std::string("\x00\x01\x11\x70", 4));  // 70000 big-endian
    FrameDecoder d(Framing::Len32);
    d.feed(std::string_view(wire).substr(0, 5));
    QVERIFY(!d.next());
    QCOMPARE(d.pending(), size_t(5));
    d.feed(std::string_view(wire).substr(5));
    QCOMPARE(*d.next(), payload);
    QCOMPARE(*d.next(), std::string(3, '\0'));
    QVERIFY(!d.next());
}

void tst_Framing::len32HugeHeaderRefused() {
    // 4 GiB - 1 announced, 1 MiB allowed: refused on the header alone. If
    // the decoder reserved room for it, this would try to allocate 4 GiB.
    FrameDecoder d(Framing::Len32, 1 << 20);
    try {
        d.feed(
            std::string_view("\xff\xff\xff\xff"
                             "abc",
                             7));
        QFAIL("a 4 GiB frame was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::FrameTooLarge);
        QVERIFY2(std::string(e.what()).find("4294967295") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("1048576") != std::string::npos, e.what());
    }
    QVERIFY(!d.next());
}

void tst_Framing::len32OversizeAfterSplitHeader() {
    FrameDecoder d(Framing::Len32, 100);
    d.feed(len32("ok"));
    d.feed(std::string_view("\x00\x00", 2));
    QVERIFY_THROWS_EXCEPTION(Error, d.feed(std::string_view("\x00\x65", 2)));  // 101
    QCOMPARE(*d.next(), std::string("ok"));  // what came before is still there
}

void tst_Framing::len32AtLimit() {
    FrameDecoder d(Framing::Len32, 100);
    d.feed(len32(std::string(100, 'x')));
    QCOMPARE(d.next()->size(), size_t(100));
}

void tst_Framing::lineTooLong_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("terminated") << QByteArray(11, 'x') + "\n";
    QTest::newRow("terminated crlf") << QByteArray(11, 'x') + "\r\n";
    QTest::newRow("unterminated") << QByteArray(12, 'x');
    QTest::newRow("after a good line") << QByteArray("fine\n") + QByteArray(20, 'y');
}

void tst_Framing::lineTooLong() {
    QFETCH(QByteArray, input);
    FrameDecoder d(Framing::Line, 10);
    bool threw = false;
    // Fed byte by byte: the refusal comes as soon as the line cannot fit,
    // however it is split.
    qsizetype i = 0;
    try {
        for (; i < input.size(); ++i) d.feed(std::string_view(input.constData() + i, 1));
    } catch (const Error& e) {
        threw = true;
        QCOMPARE(e.kind(), ErrorKind::FrameTooLarge);
        QVERIFY2(std::string(e.what()).find("limit 10") != std::string::npos, e.what());
        QCOMPARE(e.info().detailCode, DetailCode::BytesOverLimit);
        QVERIFY(e.info().detailN > 10);
        QCOMPARE(e.info().detailM, uint64_t(10));
    }
    QVERIFY(threw);
    QVERIFY2(i <= 12 + (input.startsWith("fine") ? 5 : 0), qPrintable(QString::number(i)));
}

void tst_Framing::lineAtLimit() {
    FrameDecoder d(Framing::Line, 10);
    const std::string ten(10, 'z');
    for (char c : ten + "\r")
        d.feed(std::string_view(&c, 1));  // 10 bytes and a '\r': may still fit
    d.feed("\n");
    QCOMPARE(*d.next(), ten);
    d.feed(ten + "\n");
    QCOMPARE(*d.next(), ten);
}

void tst_Framing::staysFailed() {
    FrameDecoder d(Framing::Len32, 4);
    QVERIFY_THROWS_EXCEPTION(Error, d.feed(len32("12345")));
    try {
        d.feed(len32("ok"));
        QFAIL("a failed decoder accepted more input");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::FrameTooLarge);
        // The later refusal still says what went wrong first.
        QVERIFY2(std::string(e.what()).find("5 bytes") != std::string::npos, e.what());
    }
}

void tst_Framing::flushUnterminatedLine() {
    FrameDecoder d(Framing::Line);
    d.feed("first\nlast line, no newline");
    QCOMPARE(*d.next(), std::string("first"));
    QVERIFY(!d.next());
    QCOMPARE(*d.flush(), std::string("last line, no newline"));
    QVERIFY(!d.flush());  // given once
    QCOMPARE(d.pending(), size_t(0));
    // Nothing pending: nothing to flush; the decoder stays usable.
    FrameDecoder e(Framing::Line);
    e.feed("done\n");
    QVERIFY(!e.flush());
    QCOMPARE(*e.next(), std::string("done"));
    // A len32 partial frame is never invented into a message.
    FrameDecoder l(Framing::Len32);
    l.feed(len32("abcdef").substr(0, 7));
    QVERIFY(!l.flush());
    QCOMPARE(l.pending(), size_t(7));
}

void tst_Framing::rawPassesThrough() {
    FrameDecoder d(Framing::Raw);
    d.feed(std::string("a\0b", 3));
    d.feed("");
    d.feed("cd\n");
    QCOMPARE(*d.next(), std::string("a\0b", 3));
    QCOMPARE(*d.next(), std::string("cd\n"));
    QVERIFY(!d.next());
    QCOMPARE(d.pending(), size_t(0));
}

void tst_Framing::encode() {
    QCOMPARE(encodeFrame(Framing::Raw, "abc"), std::string("abc"));
    QCOMPARE(encodeFrame(Framing::Line, "abc"), std::string("abc\n"));
    QCOMPARE(encodeFrame(Framing::Line, "abc", true), std::string("abc\r\n"));
    QCOMPARE(encodeFrame(Framing::Len32, ""), std::string(4, '\0'));
    QCOMPARE(encodeFrame(Framing::Len32, std::string(258, 'q')).substr(0, 4),
             std::string("\0\0\x01\x02", 4));
    // Encode then decode gives the message back.
    for (Framing f : {Framing::Line, Framing::Len32}) {
        FrameDecoder d(f);
        d.feed(encodeFrame(f, "round") + encodeFrame(f, "trip", true));
        QCOMPARE(*d.next(), std::string("round"));
        QCOMPARE(*d.next(), std::string("trip"));
    }
}

void tst_Framing::names() {
    for (Framing f : {Framing::Raw, Framing::Line, Framing::Len32})
        QCOMPARE(parseFraming(framingName(f)), f);
    try {
        parseFraming("json");
        QFAIL("json accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QVERIFY2(std::string(e.what()).find("'json'") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("raw, line or len32") != std::string::npos, e.what());
    }
}

void tst_Framing::longStreamCompacts() {
    // Many small messages through one decoder: the held bytes stay small.
    FrameDecoder d(Framing::Line, 64);
    for (int i = 0; i < 20000; ++i) {
        d.feed("message " + std::to_string(i) + "\nhalf");
        QCOMPARE(*d.next(),
                 (i == 0 ? std::string() : std::string("half")) + "message " + std::to_string(i));
        QVERIFY(d.pending() <= 4);
        d.feed("");
        // Complete the "half" on the next round.
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_Framing)
#include "tst_framing.moc"
