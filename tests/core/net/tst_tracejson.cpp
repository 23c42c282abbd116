// TraceEvent::toJson and fromJson: the new fields (data in base64, local,
// peer) are written only when set, and what toJson writes reads back field
// for field, binary args and data included; the CLI's wrapped line reads
// too; broken or foreign lines give nothing.

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "core/net/trace.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

TraceEvent fullEvent() {
    TraceEvent e;
    e.timeUs = 1700000000123456;
    e.pid = 4242;
    e.tid = 4243;
    e.fd = 7;
    e.call = "recvfrom";
    e.args = "7, \"a\\\"b\\x00\"\n\t\x01\xff \xc3\xa9 \xf0\x9f\x98\x80";
    e.result = 6;
    e.err = 0;
    e.durationNs = 12345;
    e.data = std::string("\0\xff\x80z\n\"", 6);
    e.local = "[::1]:5000";
    e.peer = "unix:@we\\x00ird";
    return e;
}

void compareEvents(const TraceEvent& a, const TraceEvent& b) {
    QCOMPARE(a.timeUs, b.timeUs);
    QCOMPARE(a.pid, b.pid);
    QCOMPARE(a.tid, b.tid);
    QCOMPARE(a.fd, b.fd);
    QCOMPARE(a.call, b.call);
    QCOMPARE(a.args, b.args);
    QCOMPARE(a.result, b.result);
    QCOMPARE(a.err, b.err);
    QCOMPARE(a.durationNs, b.durationNs);
    QCOMPARE(a.data, b.data);
    QCOMPARE(a.local, b.local);
    QCOMPARE(a.peer, b.peer);
}

}  // namespace

class tst_TraceJson : public QObject {
    Q_OBJECT

private slots:
    void newFieldsOnlyWhenSet();
    void roundTrip();
    void roundTripErrno_data();
    void roundTripErrno();
    void randomBytesRoundTrip();
    void readsTheCliLine();
    void rejectsWhatIsNotAnEvent_data();
    void rejectsWhatIsNotAnEvent();
};

void tst_TraceJson::newFieldsOnlyWhenSet() {
    TraceEvent plain;
    plain.call = "close";
    const std::string json = plain.toJson();
    QVERIFY2(json.find("data_b64") == std::string::npos, json.c_str());
    QVERIFY2(json.find("\"local\"") == std::string::npos, json.c_str());
    QVERIFY2(json.find("\"peer\"") == std::string::npos, json.c_str());

    const TraceEvent e = fullEvent();
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(e.toJson()));
    QVERIFY(doc.isObject());
    const QJsonObject o = doc.object();
    QCOMPARE(o.value("data_b64").toString(), QString("AP+Aegoi"));
    QCOMPARE(QByteArray::fromBase64(o.value("data_b64").toString().toLatin1()).toStdString(),
             e.data);
    QCOMPARE(o.value("local").toString(), QString("[::1]:5000"));
    QCOMPARE(o.value("peer").toString(), QString("unix:@we\\x00ird"));
}

void tst_TraceJson::roundTrip() {
    const TraceEvent e = fullEvent();
    const auto back = TraceEvent::fromJson(e.toJson());
    QVERIFY(back.has_value());
    compareEvents(*back, e);
    // And the defaults of an empty event.
    const TraceEvent empty;
    const auto none = TraceEvent::fromJson(empty.toJson());
    QVERIFY(none.has_value());
    compareEvents(*none, empty);
}

void tst_TraceJson::roundTripErrno_data() {
    QTest::addColumn<int>("err");
    QTest::newRow("ECONNREFUSED") << ECONNREFUSED;
    QTest::newRow("EAGAIN") << EAGAIN;
    QTest::newRow("ENOTEMPTY (not in errnoName's table)") << ENOTEMPTY;
    QTest::newRow("a number only") << 250;
}

void tst_TraceJson::roundTripErrno() {
    QFETCH(int, err);
    TraceEvent e;
    e.call = "connect";
    e.result = -1;
    e.err = err;
    const auto back = TraceEvent::fromJson(e.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(back->err, err);
}

void tst_TraceJson::randomBytesRoundTrip() {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        TraceEvent e;
        e.call = "send";
        e.args = test::randomBytes(300, seed);
        e.data = test::randomBytes(kTraceDataBytes, seed + 100);
        e.local = "127.0.0.1:1";
        const auto back = TraceEvent::fromJson(e.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->args, e.args);
        QCOMPARE(back->data, e.data);
    }
}

void tst_TraceJson::readsTheCliLine() {
    const TraceEvent e = fullEvent();
    // As `sockwb trace --json` and `sockwb serve --json` print it.
    const std::string line = "{\"event\":\"trace\",\"trace\":" + e.toJson() +
                             ",\"explanation\":\"x\",\"extra\":[1,{\"a\":null},true]}";
    const auto back = TraceEvent::fromJson(line);
    QVERIFY(back.has_value());
    compareEvents(*back, e);
    // Spaces between tokens (a file written by another tool) read the same.
    const auto spaced = TraceEvent::fromJson(
        " { \"call\" : \"send\" , \"fd\" : 3 , \"data_b64\" : \"aGk=\" , \"result\" : 2 } ");
    QVERIFY(spaced.has_value());
    QCOMPARE(spaced->call, std::string("send"));
    QCOMPARE(spaced->fd, 3);
    QCOMPARE(spaced->data, std::string("hi"));
    QCOMPARE(spaced->result, int64_t(2));
    // \u escapes above U+00FF are UTF-8 (a surrogate pair included).
    const auto unicode = TraceEvent::fromJson(R"({"call":"x","args":"\u00e9\u20ac\ud83d\ude00"})");
    QVERIFY(unicode.has_value());
    QCOMPARE(unicode->args, std::string("\xe9\xe2\x82\xac\xf0\x9f\x98\x80"));
}

void tst_TraceJson::rejectsWhatIsNotAnEvent_data() {
    QTest::addColumn<QString>("line");
    QTest::newRow("empty") << "";
    QTest::newRow("not json") << "connect(3, ...) = 0";
    QTest::newRow("no call") << R"({"type":"trace","fd":3})";
    QTest::newRow("start event") << R"({"event":"start","program":"/bin/x","pid":1})";
    QTest::newRow("cut") << R"({"call":"send","fd":3)";
    QTest::newRow("unterminated string") << R"({"call":"send)";
    QTest::newRow("bad escape") << R"({"call":"s\qend"})";
    QTest::newRow("bad number") << R"({"call":"send","fd":x})";
    QTest::newRow("string as number") << R"({"call":"send","fd":"3"})";
    QTest::newRow("trailing bytes") << R"({"call":"send"} x)";
    QTest::newRow("lone surrogate") << R"({"call":"\ud83d"})";
}

void tst_TraceJson::rejectsWhatIsNotAnEvent() {
    QFETCH(QString, line);
    QVERIFY(!TraceEvent::fromJson(line.toStdString()).has_value());
}

SOCKWB_TEST_GUILESS_MAIN(tst_TraceJson)
#include "tst_tracejson.moc"
