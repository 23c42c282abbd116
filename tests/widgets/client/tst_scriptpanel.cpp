// The Script tab's table driven through its widgets (offscreen): steps
// added, edited, moved and removed with the buttons; texts in the send box's
// escapes decoded, a bad escape marked inline and reported; the fields a
// kind does not read disabled; results shown per step (✓, ✗ with its
// detail, skipped) and the summary; the table locked while playing.

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/client/scriptpanel.h"

using namespace sockwb;
using Kind = ScriptStep::Kind;
using Status = StepResult::Status;

namespace {

template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}

template <typename T>
T* cell(ScriptPanel& p, int row, int column) {
    auto* w = qobject_cast<T*>(p.table()->cellWidget(row, column));
    if (!w) qFatal("no cell %d,%d", row, column);
    return w;
}

void click(ScriptPanel& p, const char* button) {
    auto* b = child<QPushButton>(&p, button);
    QVERIFY2(b->isEnabled(), button);
    QTest::mouseClick(b, Qt::LeftButton);
}

ScriptStep step(Kind kind, std::string bytes, int delayMs = 0, int withinMs = 5000,
                int minAfterMs = -1) {
    ScriptStep s;
    s.kind = kind;
    s.bytes = std::move(bytes);
    s.delayMs = delayMs;
    s.withinMs = withinMs;
    s.minAfterMs = minAfterMs;
    return s;
}

}  // namespace

class tst_ScriptPanel : public QObject {
    Q_OBJECT
private slots:
    void addAndEditSteps();
    void escapesAreValidatedInline();
    void setStepsRoundTrip();
    void moveAndRemove();
    void kindDecidesTheFields();
    void resultsAndSummary();
    void playingLocksTheTable();
};

void tst_ScriptPanel::addAndEditSteps() {
    ScriptPanel p;
    QSignalSpy changed(&p, &ScriptPanel::changed);
    p.show();
    QCOMPARE(p.stepCount(), 0);
    QVERIFY(!child<QPushButton>(&p, "scriptPlay")->isEnabled());

    click(p, "scriptAdd");
    QCOMPARE(p.stepCount(), 1);
    QCOMPARE(changed.count(), 1);
    QTest::keyClicks(cell<QLineEdit>(p, 0, ScriptPanel::TextColumn), QStringLiteral("Bonjour\\n"));
    cell<QSpinBox>(p, 0, ScriptPanel::DelayColumn)->setValue(250);

    click(p, "scriptAdd");  // after a Send comes an Expect
    QCOMPARE(cell<QComboBox>(p, 1, ScriptPanel::KindColumn)->currentIndex(), 1);
    QTest::keyClicks(cell<QLineEdit>(p, 1, ScriptPanel::TextColumn), QStringLiteral("Bon\\x6aour"));
    cell<QSpinBox>(p, 1, ScriptPanel::WithinColumn)->setValue(800);
    cell<QSpinBox>(p, 1, ScriptPanel::NotBeforeColumn)->setValue(100);
    QVERIFY(changed.count() > 2);
    QVERIFY(child<QPushButton>(&p, "scriptPlay")->isEnabled());

    const auto steps = p.steps();
    QCOMPARE(steps.size(), size_t(2));
    QCOMPARE(steps[0], step(Kind::Send, "Bonjour\n", 250));
    QCOMPARE(steps[1], step(Kind::Expect, "Bonjour", 0, 800, 100));
    QVERIFY(p.isValid());
    QCOMPARE(p.summaryText(), QStringLiteral("Steps: 2, expectations: 1"));
}

void tst_ScriptPanel::escapesAreValidatedInline() {
    ScriptPanel p;
    p.show();
    click(p, "scriptAdd");
    auto* text = cell<QLineEdit>(p, 0, ScriptPanel::TextColumn);
    QTest::keyClicks(text, QStringLiteral("A\\xZ1"));
    QVERIFY(text->property("invalid").toBool());
    QVERIFY(text->toolTip().contains(QLatin1String("two hex digits")));
    QString error;
    QVERIFY(!p.isValid(&error));
    QVERIFY2(error.startsWith(QLatin1String("Step 1:")), qPrintable(error));
    auto* note = child<QLabel>(&p, "scriptNote");
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), error);

    // Fixed: the mark and the note go.
    text->setText(QStringLiteral("A\\x21"));
    QVERIFY(!text->property("invalid").toBool());
    QVERIFY(p.isValid());
    QVERIFY(!note->isVisible());
    QCOMPARE(p.steps()[0].bytes, std::string("A!"));

    // A kind without text ignores what the field holds.
    text->setText(QStringLiteral("\\q"));
    QVERIFY(!p.isValid());
    cell<QComboBox>(p, 0, ScriptPanel::KindColumn)->setCurrentIndex(3);  // Wait
    QVERIFY(p.isValid());
    QVERIFY(!text->property("invalid").toBool());
    QCOMPARE(p.steps()[0].bytes, std::string());
}

void tst_ScriptPanel::setStepsRoundTrip() {
    const std::vector<ScriptStep> steps{
        step(Kind::Send, std::string("\x00\xff tab\there\\ \r\n", 15), 10),
        step(Kind::Expect, "Au Revoir", 0, 7000, 2000),
        step(Kind::ExpectClose, "", 0, 3000, 2500),
        step(Kind::Wait, "", 1500),
        step(Kind::Close, "", 20),
    };
    ScriptPanel p;
    QSignalSpy changed(&p, &ScriptPanel::changed);
    p.setSteps(steps);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(p.stepCount(), 5);
    QCOMPARE(cell<QLineEdit>(p, 0, ScriptPanel::TextColumn)->text(),
             QStringLiteral("\\x00\\xff tab\\there\\\\ \\r\\n"));
    QCOMPARE(p.steps(), steps);
    QCOMPARE(p.summaryText(), QStringLiteral("Steps: 5, expectations: 2"));
    p.setSteps({});
    QCOMPARE(p.stepCount(), 0);
}

void tst_ScriptPanel::moveAndRemove() {
    ScriptPanel p;
    p.show();
    p.setSteps({step(Kind::Send, "a"), step(Kind::Send, "b"), step(Kind::Send, "c")});
    QSignalSpy changed(&p, &ScriptPanel::changed);
    p.table()->setCurrentCell(0, 0);
    QVERIFY(!child<QPushButton>(&p, "scriptUp")->isEnabled());
    click(p, "scriptDown");
    QCOMPARE(p.table()->currentRow(), 1);
    click(p, "scriptDown");
    QCOMPARE(p.table()->currentRow(), 2);
    QVERIFY(!child<QPushButton>(&p, "scriptDown")->isEnabled());
    auto texts = [&p] {
        std::string out;
        for (const ScriptStep& s : p.steps()) out += s.bytes;
        return out;
    };
    QCOMPARE(texts(), std::string("bca"));
    click(p, "scriptUp");
    QCOMPARE(texts(), std::string("bac"));
    click(p, "scriptRemove");  // "a", now row 1
    QCOMPARE(texts(), std::string("bc"));
    QCOMPARE(changed.count(), 4);
    click(p, "scriptRemove");
    click(p, "scriptRemove");
    QCOMPARE(p.stepCount(), 0);
    QVERIFY(!child<QPushButton>(&p, "scriptRemove")->isEnabled());
}

void tst_ScriptPanel::kindDecidesTheFields() {
    ScriptPanel p;
    p.setSteps({step(Kind::Send, "x"), step(Kind::Expect, "x"), step(Kind::ExpectClose, ""),
                step(Kind::Wait, ""), step(Kind::Close, "")});
    // text, delay, within, not before
    const bool expected[5][4] = {{true, true, false, false},
                                 {true, false, true, true},
                                 {false, false, true, true},
                                 {false, true, false, false},
                                 {false, true, false, false}};
    const int columns[4] = {ScriptPanel::TextColumn, ScriptPanel::DelayColumn,
                            ScriptPanel::WithinColumn, ScriptPanel::NotBeforeColumn};
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 4; ++c)
            QVERIFY2(p.table()->cellWidget(r, columns[c])->isEnabled() == expected[r][c],
                     qPrintable(QStringLiteral("row %1 column %2").arg(r).arg(columns[c])));
}

void tst_ScriptPanel::resultsAndSummary() {
    ScriptPanel p;
    p.setSteps({step(Kind::Send, "x"), step(Kind::Expect, "x"), step(Kind::Expect, "y"),
                step(Kind::Send, "z")});
    std::vector<StepResult> results(4);
    results[0].status = Status::Done;
    results[1].status = Status::Running;
    p.setPlaying(true);
    p.showResults(results, false);
    QCOMPARE(p.resultText(0), QStringLiteral("done"));
    QCOMPARE(p.resultText(1), QStringLiteral("running…"));
    QCOMPARE(p.resultText(2), QString());
    QCOMPARE(p.summaryText(),
             QStringLiteral("Playing step 2 of 4; 0 of 2 expectations met so far"));

    results[1] = {Status::Passed, 12, {}};
    results[2] = {Status::Failed, 5012, "not received within 5000 ms"};
    results[3] = {Status::Skipped, -1, {}};
    p.showResults(results, true);
    p.setPlaying(false);
    QCOMPARE(p.resultText(1), QStringLiteral("✓ passed"));
    QCOMPARE(p.resultText(2), QStringLiteral("✗ failed: not received within 5000 ms"));
    QCOMPARE(p.table()->item(2, ScriptPanel::ResultColumn)->toolTip(),
             QStringLiteral("not received within 5000 ms"));
    QCOMPARE(p.table()->item(2, ScriptPanel::ResultColumn)->foreground().color(),
             QColor(0xc6, 0x28, 0x28));
    QCOMPARE(p.resultText(3), QStringLiteral("skipped"));
    QCOMPARE(p.summaryText(), QStringLiteral("1 of 2 expectations met"));

    // An edit makes the results stale: they go.
    cell<QSpinBox>(p, 0, ScriptPanel::DelayColumn)->setValue(5);
    QCOMPARE(p.resultText(1), QString());
    QCOMPARE(p.summaryText(), QStringLiteral("Steps: 4, expectations: 2"));
}

void tst_ScriptPanel::playingLocksTheTable() {
    ScriptPanel p;
    p.show();
    p.setSteps({step(Kind::Send, "x"), step(Kind::Expect, "x")});
    p.table()->setCurrentCell(0, 0);
    QSignalSpy play(&p, &ScriptPanel::playRequested);
    QSignalSpy stop(&p, &ScriptPanel::stopRequested);
    click(p, "scriptPlay");
    QCOMPARE(play.count(), 1);
    p.setPlaying(true);
    for (const char* b : {"scriptAdd", "scriptRemove", "scriptDown", "scriptPlay"})
        QVERIFY2(!child<QPushButton>(&p, b)->isEnabled(), b);
    QVERIFY(!p.table()->cellWidget(0, ScriptPanel::TextColumn)->isEnabled());
    QVERIFY(!p.table()->cellWidget(1, ScriptPanel::KindColumn)->isEnabled());
    std::vector<StepResult> results(2);
    results[0].status = Status::Done;
    results[1].status = Status::Running;
    p.showResults(results, false);
    click(p, "scriptStop");
    QCOMPARE(stop.count(), 1);
    p.setPlaying(false);  // what the window does on Stop
    QCOMPARE(p.resultText(1), QStringLiteral("stopped"));
    QCOMPARE(p.summaryText(), QStringLiteral("Stopped; 0 of 1 expectations met"));
    QVERIFY(child<QPushButton>(&p, "scriptPlay")->isEnabled());
    QVERIFY(p.table()->cellWidget(0, ScriptPanel::TextColumn)->isEnabled());
}

SOCKWB_TEST_MAIN(tst_ScriptPanel)
#include "tst_scriptpanel.moc"
