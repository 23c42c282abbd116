// The lesson window runs the time-wait lesson off the GUI thread: its
// steps tick into the list as they happen, the last one's socket rows
// (TIME-WAIT on the lesson's port) fill the table, and a window closed in
// the middle of the accept-queue lesson stops it and joins.

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/lessons/lessonwindow.h"
#include "widgets/lessons/lessonwords.h"

using namespace sockwb;

class tst_LessonWindow : public QObject {
    Q_OBJECT
private slots:
    void runsTimeWait() {
        LessonWindow w(LessonId::TimeWait);
        w.show();
        QVERIFY(!w.findChild<QLabel*>(QStringLiteral("lessonQuestion"))->text().isEmpty());
        QSignalSpy finished(&w, &LessonWindow::finished);
        QSignalSpy steps(&w, &LessonWindow::stepAdded);
        QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
        QVERIFY(w.isRunning());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QCOMPARE(steps.size(), 4);
        auto* list = w.findChild<QListWidget*>(QStringLiteral("lessonSteps"));
        QCOMPARE(list->count(), 4);
        QVERIFY2(list->item(3)->text().contains(QLatin1String("TIME-WAIT")),
                 qPrintable(list->item(3)->text()));
        // The last step is selected: its rows are TIME-WAIT on the lesson's port.
        QTableWidget* table = w.socketTable();
        QVERIFY(table->rowCount() >= 3);
        for (int r = 0; r < table->rowCount(); ++r)
            QCOMPARE(table->item(r, 0)->text(), QStringLiteral("TIME-WAIT"));
        QVERIFY(w.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
        QSignalSpy table2(&w, &LessonWindow::socketTableRequested);
        QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("socketTableButton")),
                          Qt::LeftButton);
        QCOMPARE(table2.size(), 1);
        QCOMPARE(table2.first().at(0).toInt(), int(w.steps().front().port));
    }
    // Every lesson is worded: title, explanation and question.
    void everyLessonWorded() {
        for (LessonId id : allLessons()) {
            QVERIFY(!LessonWords::title(id).isEmpty());
            QVERIFY(!LessonWords::explanation(id).isEmpty());
            QVERIFY(!LessonWords::question(id).isEmpty());
        }
    }
    // rst-vs-fin (no relay, well under a second): the server's two recv()
    // outcomes, worded.
    void runsRstVsFin() {
        LessonWindow w(LessonId::RstVsFin);
        QSignalSpy finished(&w, &LessonWindow::finished);
        w.run();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        auto* list = w.findChild<QListWidget*>(QStringLiteral("lessonSteps"));
        QCOMPARE(list->count(), 3);
        QVERIFY2(list->item(1)->text().contains(QLatin1String("returned 0")),
                 qPrintable(list->item(1)->text()));
        QVERIFY2(list->item(2)->text().contains(QLatin1String("ECONNRESET")),
                 qPrintable(list->item(2)->text()));
        QVERIFY(w.windowTitle().contains(LessonWords::title(LessonId::RstVsFin)));
    }
    void cancelAndClose() {
        auto* w = new LessonWindow(LessonId::AcceptQueue);
        QSignalSpy steps(w, &LessonWindow::stepAdded);
        QSignalSpy finished(w, &LessonWindow::finished);
        w->run();
        QTRY_VERIFY_WITH_TIMEOUT(steps.size() >= 2, 5000);
        w->cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        w->run();  // again, then destroyed in the middle: the destructor stops and joins
        QTRY_VERIFY_WITH_TIMEOUT(steps.size() >= 3, 5000);
        delete w;
    }
};

SOCKWB_TEST_MAIN(tst_LessonWindow)
#include "tst_lessonwindow.moc"
