// View > Presentation Mode in the main window: a checkable action in the
// View menu with its shortcut, turning the mode on and off, and kept in
// step when the mode changes elsewhere (the saved setting at start).

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include "app/gui/mainwindow.h"
#include "support/testmain.h"
#include "widgets/common/presentationmode.h"

using namespace sockwb;
using sockwb::app::MainWindow;

class tst_MainWindowPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void actionInTheViewMenu();
    void actionTurnsTheModeOnAndOff();
    void actionFollowsTheMode();
};

namespace {
QAction* presentationAction(MainWindow& w) {
    return w.findChild<QAction*>(QStringLiteral("actionPresentationMode"));
}
}  // namespace

void tst_MainWindowPresentation::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_MainWindowPresentation::cleanup() { PresentationMode::instance()->setOn(false); }

void tst_MainWindowPresentation::actionInTheViewMenu() {
    MainWindow w;
    QAction* action = presentationAction(w);
    QVERIFY(action);
    QVERIFY(action->isCheckable());
    QVERIFY(!action->isChecked());
    QVERIFY(!action->text().isEmpty());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F11));
    QMenu* view = nullptr;
    for (QAction* menu : w.menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(action)) view = menu->menu();
    QVERIFY(view);
    QCOMPARE(view->title(), MainWindow::tr("&View"));
}

void tst_MainWindowPresentation::actionTurnsTheModeOnAndOff() {
    const QFont before = QApplication::font();
    MainWindow w;
    QAction* action = presentationAction(w);
    action->trigger();
    QVERIFY(PresentationMode::instance()->isOn());
    QVERIFY(action->isChecked());
    QVERIFY(QApplication::font().pointSizeF() > before.pointSizeF());
    QCOMPARE(QSettings().value(PresentationMode::settingsKey()).toBool(), true);
    action->trigger();
    QVERIFY(!PresentationMode::instance()->isOn());
    QVERIFY(!action->isChecked());
    QCOMPARE(QApplication::font(), before);
    QCOMPARE(QSettings().value(PresentationMode::settingsKey()).toBool(), false);
}

void tst_MainWindowPresentation::actionFollowsTheMode() {
    // On before the window exists (restore() at start): the action is checked.
    QSettings().setValue(PresentationMode::settingsKey(), true);
    PresentationMode::instance()->restore();
    MainWindow w;
    QAction* action = presentationAction(w);
    QVERIFY(action->isChecked());
    PresentationMode::instance()->setOn(false);
    QVERIFY(!action->isChecked());
    PresentationMode::instance()->setOn(true);
    QVERIFY(action->isChecked());
}

SOCKWB_TEST_MAIN(tst_MainWindowPresentation)
#include "tst_mainwindow_presentation.moc"
