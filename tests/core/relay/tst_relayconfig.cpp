// The relay's option parsers: every accepted form of --latency/--slice
// (a spread), --reset-after/--close-after (a limit in bytes or time) and
// --drop/--duplicate/--reorder (a probability), and every refusal: an
// Error (InvalidInput) whose call is the option and whose detail quotes
// the text and names the form expected. Also DirectionFaults::any() and
// the direction names.

#include <QtTest>

#include "core/net/error.h"
#include "core/relay/relayconfig.h"
#include "support/testmain.h"

using namespace sockwb;

Q_DECLARE_METATYPE(std::string)

class tst_RelayConfig : public QObject {
    Q_OBJECT

private slots:
    void spread_data();
    void spread();
    void spreadRefused_data();
    void spreadRefused();
    void faultLimit_data();
    void faultLimit();
    void faultLimitRefused_data();
    void faultLimitRefused();
    void probability_data();
    void probability();
    void probabilityRefused_data();
    void probabilityRefused();
    void directionNames();
    void anyFault();
};

namespace {

// Runs parse, expects an InvalidInput Error naming option, whose detail
// quotes text and carries `form` (a word of the expected form).
template <class Parse>
void expectRefusal(Parse parse, const QString& text, const char* option, const char* form) {
    try {
        parse();
        QFAIL(qPrintable("accepted '" + text + "'"));
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QCOMPARE(QString::fromStdString(e.call()), QString(option));
        const QString detail = QString::fromStdString(e.info().detail);
        QVERIFY2(detail.contains("'" + text + "'"), qPrintable(detail));
        QVERIFY2(detail.contains("expected") && detail.contains(form), qPrintable(detail));
        QVERIFY2(QString(e.what()).contains(option), e.what());
    }
}

}  // namespace

void tst_RelayConfig::spread_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("spread");
    QTest::newRow("plain") << "50" << 50 << 0;
    QTest::newRow("zero") << "0" << 0 << 0;
    QTest::newRow("plus-minus sign") << "50±10" << 50 << 10;
    QTest::newRow("ascii +-") << "50+-10" << 50 << 10;
    QTest::newRow("tilde") << "50~10" << 50 << 10;
    QTest::newRow("spaces") << " 100 ± 25 " << 100 << 25;
    QTest::newRow("spread larger than value") << "10~50" << 10 << 50;
    QTest::newRow("zero spread") << "7+-0" << 7 << 0;
    QTest::newRow("large") << "2147483647" << 2147483647 << 0;
}

void tst_RelayConfig::spread() {
    QFETCH(QString, text);
    QFETCH(int, value);
    QFETCH(int, spread);
    const Spread s = parseSpread(text.toStdString(), "--latency");
    QCOMPARE(s.value, value);
    QCOMPARE(s.spread, spread);
    QVERIFY(s == (Spread{value, spread}));
}

void tst_RelayConfig::spreadRefused_data() {
    QTest::addColumn<QString>("text");
    for (const char* t : {"", "   ", "-5", "50±-10", "abc", "50ms", "5.5", "50±", "±10", "50~~10",
                          "50+-1x", "2147483648", "2147483647~1", "0x10", "+50"})
        QTest::newRow(*t ? t : "empty") << QString::fromUtf8(t);
}

void tst_RelayConfig::spreadRefused() {
    QFETCH(QString, text);
    expectRefusal([&] { parseSpread(text.toStdString(), "--latency"); }, text, "--latency",
                  "50±10");
}

void tst_RelayConfig::faultLimit_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("millis");
    QTest::addColumn<qulonglong>("amount");
    QTest::newRow("bytes") << "1000" << false << 1000ull;
    QTest::newRow("zero") << "0" << false << 0ull;
    QTest::newRow("b") << "12b" << false << 12ull;
    QTest::newRow("k") << "64k" << false << 65536ull;
    QTest::newRow("K") << "64K" << false << 65536ull;
    QTest::newRow("kb") << "2kb" << false << 2048ull;
    QTest::newRow("m") << "1m" << false << 1048576ull;
    QTest::newRow("MB") << "3MB" << false << 3145728ull;
    QTest::newRow("ms") << "500ms" << true << 500ull;
    QTest::newRow("MS") << "500MS" << true << 500ull;
    QTest::newRow("s") << "2s" << true << 2000ull;
    QTest::newRow("spaces") << " 2 s " << true << 2000ull;
    QTest::newRow("largest bytes") << "18446744073709551615" << false << 18446744073709551615ull;
}

void tst_RelayConfig::faultLimit() {
    QFETCH(QString, text);
    QFETCH(bool, millis);
    QFETCH(qulonglong, amount);
    const FaultLimit l = parseFaultLimit(text.toStdString(), "--reset-after");
    QCOMPARE(l.unit, millis ? FaultLimit::Unit::Millis : FaultLimit::Unit::Bytes);
    QCOMPARE(qulonglong(l.amount), amount);
}

void tst_RelayConfig::faultLimitRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("negative") << "-1"
                              << "negative";
    QTest::newRow("no number") << "ms"
                               << "whole number";
    QTest::newRow("fraction") << "1.5s"
                              << "unit";
    QTest::newRow("unknown unit") << "10h"
                                  << "unknown unit 'h'";
    QTest::newRow("minutes") << "1min"
                             << "unknown unit";
    QTest::newRow("two units") << "1kms"
                               << "unknown unit";
    QTest::newRow("overflow bytes") << "18446744073709551616"
                                    << "too large";
    QTest::newRow("overflow k") << "18014398509481984k"
                                << "too large";
    QTest::newRow("overflow s") << "18446744073709552s"
                                << "too large";
}

void tst_RelayConfig::faultLimitRefused() {
    QFETCH(QString, text);
    QFETCH(QString, why);
    expectRefusal([&] { parseFaultLimit(text.toStdString(), "--close-after"); }, text,
                  "--close-after", "500ms");
    try {
        parseFaultLimit(text.toStdString(), "--close-after");
    } catch (const Error& e) {
        QVERIFY2(QString::fromStdString(e.info().detail).contains(why), e.what());
    }
}

void tst_RelayConfig::probability_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("p");
    QTest::newRow("fraction") << "0.25" << 0.25;
    QTest::newRow("zero") << "0" << 0.0;
    QTest::newRow("one") << "1" << 1.0;
    QTest::newRow("one point") << "1.0" << 1.0;
    QTest::newRow("leading dot") << ".5" << 0.5;
    QTest::newRow("percent") << "25%" << 0.25;
    QTest::newRow("percent fraction") << "2.5%" << 0.025;
    QTest::newRow("hundred percent") << "100%" << 1.0;
    QTest::newRow("zero percent") << "0%" << 0.0;
    QTest::newRow("spaces") << " 30 % " << 0.3;
}

void tst_RelayConfig::probability() {
    QFETCH(QString, text);
    QFETCH(double, p);
    QCOMPARE(parseProbability(text.toStdString(), "--drop"), p);
}

void tst_RelayConfig::probabilityRefused_data() {
    QTest::addColumn<QString>("text");
    for (const char* t : {"", "%", "1.5", "150%", "-0.1", "-5%", "+0.5", "abc", "nan", "inf",
                          "1e-2", "0.5.1", "0,5", ".", "25%%", "0x1"})
        QTest::newRow(*t ? t : "empty") << QString(t);
}

void tst_RelayConfig::probabilityRefused() {
    QFETCH(QString, text);
    expectRefusal([&] { parseProbability(text.toStdString(), "--drop"); }, text, "--drop", "25%");
}

void tst_RelayConfig::directionNames() {
    QCOMPARE(QString(relayDirectionName(RelayDirection::Up)), QString("up"));
    QCOMPARE(QString(relayDirectionName(RelayDirection::Down)), QString("down"));
    RelayConfig c;
    c.faults(RelayDirection::Down).dropP = 0.5;
    QCOMPARE(c.down.dropP, 0.5);
    QCOMPARE(c.up.dropP, 0.0);
}

void tst_RelayConfig::anyFault() {
    DirectionFaults f;
    QVERIFY(!f.any());
    f.latencyP = 0.5;  // a probability alone is no fault
    f.sliceDelayMs = 10;
    QVERIFY(!f.any());
    f.latencyMs = {100, 0};
    QVERIFY(f.any());
    f.latencyP = 0.0;  // a latency never applied is none either
    QVERIFY(!f.any());
    auto only = [](auto set) {
        DirectionFaults d;
        set(d);
        return d.any();
    };
    QVERIFY(only([](DirectionFaults& d) { d.latencyMs = {0, 20}; }));
    QVERIFY(only([](DirectionFaults& d) { d.bandwidthKBps = 64; }));
    QVERIFY(only([](DirectionFaults& d) { d.sliceBytes = {10, 0}; }));
    QVERIFY(only([](DirectionFaults& d) { d.resetAfter = FaultLimit{}; }));
    QVERIFY(only([](DirectionFaults& d) { d.closeAfter = FaultLimit{}; }));
    QVERIFY(only([](DirectionFaults& d) { d.stall = true; }));
    QVERIFY(only([](DirectionFaults& d) { d.dropP = 0.1; }));
    QVERIFY(only([](DirectionFaults& d) { d.duplicateP = 0.1; }));
    QVERIFY(only([](DirectionFaults& d) { d.reorderP = 0.1; }));
    QVERIFY(!only([](DirectionFaults& d) {
        d.stall = true;
        d.limitP = 0.0;
    }));
    QVERIFY(!only([](DirectionFaults& d) {
        d.sliceBytes = {10, 0};
        d.sliceP = 0.0;
    }));
}

SOCKWB_TEST_APPLESS_MAIN(tst_RelayConfig)
#include "tst_relayconfig.moc"
