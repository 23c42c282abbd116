// The New Relay form and the faults editor, driven like a user would: aim
// the form at a server, type a latency, pick a limit, move a UDP slider;
// the RelayConfig it builds carries every value. "Same for both
// directions" copies Up to Down and every edit is reported at once (the
// panel applies it live); the rows of the other protocol are hidden; bad
// input keeps Start disabled.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/relay/directionfaultsbox.h"
#include "widgets/relay/faultseditor.h"
#include "widgets/relay/relayform.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}
void typeInto(QWidget* w, const QString& text) {
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Backspace);
    QTest::keyClicks(w, text);
}
// Clicks a check box on its indicator (the box may be wider than its text).
void clickBox(QCheckBox* box) {
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}
}  // namespace

class tst_RelayForm : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void buildsTheConfig() {
        RelayForm form;
        form.show();
        form.setTarget(QStringLiteral("127.0.0.1"), 7, QStringLiteral("tcp"));
        QVERIFY2(form.isValid(), qPrintable(form.problem()));
        QWidget* up = child<DirectionFaultsBox>(&form, "upFaults");
        QWidget* down = child<DirectionFaultsBox>(&form, "downFaults");
        typeInto(child<QSpinBox>(up, "latencyBox"), QStringLiteral("50"));
        typeInto(child<QSpinBox>(up, "jitterBox"), QStringLiteral("10"));
        typeInto(child<QSpinBox>(down, "sliceBox"), QStringLiteral("3"));
        typeInto(child<QSpinBox>(down, "bandwidthBox"), QStringLiteral("64"));
        auto* resetUnit = child<QComboBox>(down, "resetAfterBoxUnit");
        QVERIFY(!child<QSpinBox>(down, "resetAfterBox")->isEnabled());
        resetUnit->setCurrentIndex(resetUnit->findText(QStringLiteral("bytes")));
        QVERIFY(child<QSpinBox>(down, "resetAfterBox")->isEnabled());
        typeInto(child<QSpinBox>(down, "resetAfterBox"), QStringLiteral("1000"));
        clickBox(child<QCheckBox>(up, "stallBox"));

        const RelayConfig c = form.config();
        QCOMPARE(c.protocol, Protocol::Tcp);
        QCOMPARE(c.listenHost, std::string("127.0.0.1"));
        QCOMPARE(c.listenPort, uint16_t(0));
        QCOMPARE(c.targetHost, std::string("127.0.0.1"));
        QCOMPARE(c.targetPort, uint16_t(7));
        QCOMPARE(c.up.latencyMs, (Spread{50, 10}));
        QCOMPARE(c.up.latencyP, 1.0);
        QVERIFY(c.up.stall);
        QCOMPARE(c.up.sliceBytes, Spread{});
        QCOMPARE(c.down.latencyMs, Spread{});
        QCOMPARE(c.down.sliceBytes, (Spread{3, 0}));
        QCOMPARE(c.down.bandwidthKBps, 64);
        QVERIFY(c.down.resetAfter.has_value());
        QCOMPARE(c.down.resetAfter->unit, FaultLimit::Unit::Bytes);
        QCOMPARE(c.down.resetAfter->amount, uint64_t(1000));
        QVERIFY(!c.down.closeAfter.has_value());
        QVERIFY(!c.down.stall);

        // Start remembers the places for the next form.
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
        QCOMPARE(form.result(), int(QDialog::Accepted));
        RelayForm next;
        QCOMPARE(next.config().targetPort, uint16_t(7));
    }

    void udpShowsItsOwnRows() {
        RelayForm form;
        form.show();
        form.setTarget(QStringLiteral("127.0.0.1"), 9, QStringLiteral("udp"));
        QWidget* up = child<DirectionFaultsBox>(&form, "upFaults");
        QTRY_VERIFY(child<QSlider>(up, "dropSlider")->isVisible());
        QVERIFY(!child<QSpinBox>(up, "bandwidthBox")->isVisible());
        QVERIFY(!child<QCheckBox>(up, "stallBox")->isVisible());
        QVERIFY(child<QSpinBox>(up, "latencyBox")->isVisible());  // both protocols

        auto* drop = child<QSlider>(up, "dropSlider");
        drop->setFocus();
        for (int i = 0; i < 25; ++i) QTest::keyClick(drop, Qt::Key_Right);
        QCOMPARE(child<QLabel>(up, "dropSliderValue")->text(), QStringLiteral("25 %"));
        child<QSlider>(up, "reorderSlider")->setValue(10);
        const RelayConfig c = form.config();
        QCOMPARE(c.protocol, Protocol::Udp);
        QCOMPARE(c.targetPort, uint16_t(9));
        QCOMPARE(c.up.dropP, 0.25);
        QCOMPARE(c.up.reorderP, 0.10);
        QCOMPARE(c.down.dropP, 0.0);

        // Back to TCP: the TCP rows return.
        child<QComboBox>(&form, "protocolBox")->setCurrentIndex(0);
        QTRY_VERIFY(child<QSpinBox>(up, "bandwidthBox")->isVisible());
        QVERIFY(!child<QSlider>(up, "dropSlider")->isVisible());
    }

    void badInputKeepsStartDisabled() {
        RelayForm form;
        form.show();
        form.setTarget(QStringLiteral("127.0.0.1"), 0, QStringLiteral("tcp"));
        QVERIFY(!form.isValid());
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY(child<QLabel>(&form, "problemLabel")->text().contains(QStringLiteral("port")));
        typeInto(child<QSpinBox>(&form, "targetPortBox"), QStringLiteral("7"));
        QVERIFY2(form.isValid(), qPrintable(form.problem()));
        typeInto(child<QComboBox>(&form, "listenAddressBox")->lineEdit(),
                 QStringLiteral("nowhere"));
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY(form.problem().contains(QStringLiteral("nowhere")));
        typeInto(child<QComboBox>(&form, "listenAddressBox")->lineEdit(), QStringLiteral("::1"));
        typeInto(child<QLineEdit>(&form, "targetHostEdit"), QString());
        QVERIFY(!form.isValid());
        typeInto(child<QLineEdit>(&form, "targetHostEdit"), QStringLiteral("localhost"));
        QVERIFY2(form.isValid(), qPrintable(form.problem()));
        QCOMPARE(form.config().listenHost, std::string("::1"));
    }

    void editorReportsEveryEditAndSharesBothWays() {
        FaultsEditor editor;
        editor.show();
        QSignalSpy spy(&editor, &FaultsEditor::faultsChanged);
        QWidget* up = editor.box(RelayDirection::Up);
        QWidget* down = editor.box(RelayDirection::Down);
        child<QSpinBox>(up, "latencyBox")->setValue(120);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<RelayDirection>(), RelayDirection::Up);
        QCOMPARE(editor.faults(RelayDirection::Up).latencyMs.value, 120);
        QCOMPARE(editor.faults(RelayDirection::Down).latencyMs.value, 0);

        // Same for both: Down takes Up's faults, then follows every edit.
        spy.clear();
        clickBox(child<QCheckBox>(&editor, "sameForBothBox"));
        QVERIFY(editor.sameForBoth());
        QVERIFY(!down->isVisible());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<RelayDirection>(), RelayDirection::Down);
        QCOMPARE(editor.faults(RelayDirection::Down), editor.faults(RelayDirection::Up));
        spy.clear();
        child<QSpinBox>(up, "sliceBox")->setValue(4);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(editor.faults(RelayDirection::Down).sliceBytes.value, 4);

        // Off again: the directions part, each edit reported once.
        clickBox(child<QCheckBox>(&editor, "sameForBothBox"));
        QVERIFY(down->isVisible());
        spy.clear();
        child<QSpinBox>(down, "sliceBox")->setValue(9);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(editor.faults(RelayDirection::Up).sliceBytes.value, 4);
        QCOMPARE(editor.faults(RelayDirection::Down).sliceBytes.value, 9);

        // Filling the editor reports nothing and round-trips every field.
        spy.clear();
        DirectionFaults f;
        f.latencyMs = {30, 5};
        f.latencyP = 0.5;
        f.sliceBytes = {8, 2};
        f.sliceDelayMs = 15;
        f.closeAfter = FaultLimit{FaultLimit::Unit::Millis, 2000};
        f.limitP = 0.75;
        f.duplicateP = 0.33;
        editor.setFaults(f, DirectionFaults{});
        QCOMPARE(spy.count(), 0);
        QCOMPARE(editor.faults(RelayDirection::Up), f);
        QCOMPARE(editor.faults(RelayDirection::Down), DirectionFaults{});
    }
};

SOCKWB_TEST_MAIN(tst_RelayForm)
#include "tst_relayform.moc"
