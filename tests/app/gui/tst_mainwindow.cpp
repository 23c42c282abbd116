// The main window: its actions (menus and toolbar), the cheat sheet with
// every call of the course, the side list following servers, and the
// geometry remembered between runs.

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QToolBar>
#include <QtTest>

#include "app/gui/mainwindow.h"
#include "core/net/framing.h"
#include "core/net/socket.h"
#include "support/answerbox.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/launchclientsdialog.h"
#include "widgets/common/logview.h"
#include "widgets/composer/composerwindow.h"
#include "widgets/run/runwindow.h"
#include "widgets/sequence/sequencewindow.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpanel.h"
#include "widgets/shell/sidebar.h"
#include "widgets/trace/cheatsheet.h"
#include "widgets/trace/cheatsheetdialog.h"

using namespace sockwb;
using sockwb::app::MainWindow;

class tst_MainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void actionsExist_data();
    void actionsExist();
    void runProgramOpensItsWindow();
    void httpActionIsAPlaceholder();
    void cheatSheetHasEveryCall_data();
    void cheatSheetHasEveryCall();
    void cheatSheetAliases_data();
    void cheatSheetAliases();
    void sequenceOfTheExperimentOpensItsWindow();
    void newServerFromTheMenu();
    void newClientJoinsTheSideList();
    void launchClientsOpensTheDialog();
    void geometryPersists();
    void closingStopsEveryServerAtOnce();
};

void tst_MainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_MainWindow::actionsExist_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("onToolBar");
    QTest::newRow("new server") << "actionNewServer" << true;
    QTest::newRow("new client") << "actionNewClient" << true;
    QTest::newRow("launch clients") << "actionLaunchClients" << true;
    QTest::newRow("new http request") << "actionNewHttpRequest" << true;
    QTest::newRow("compare models") << "actionCompareModels" << true;
    QTest::newRow("run a program") << "actionRunProgram" << false;
    QTest::newRow("sequence of the experiment") << "actionSequence" << false;
    QTest::newRow("view trace") << "actionViewTrace" << false;
    QTest::newRow("view log") << "actionViewLog" << false;
    QTest::newRow("about") << "actionAbout" << false;
    QTest::newRow("cheat sheet") << "actionCheatSheet" << false;
}

void tst_MainWindow::actionsExist() {
    QFETCH(QString, name);
    QFETCH(bool, onToolBar);
    MainWindow w;
    auto* action = w.findChild<QAction*>(name);
    QVERIFY2(action, qPrintable(name));
    QVERIFY(!action->text().isEmpty());
    // Reachable from a menu (every action is) and the toolbar where it belongs.
    bool inMenu = false;
    for (QAction* top : w.menuBar()->actions())
        if (top->menu() && top->menu()->actions().contains(action)) inMenu = true;
    QVERIFY(inMenu);
    auto* bar = w.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QCOMPARE(bar->actions().contains(action), onToolBar);
}

void tst_MainWindow::httpActionIsAPlaceholder() {
    // No longer a placeholder: it opens the HTTP composer
    // (tests/widgets/composer/tst_composer.cpp).
    MainWindow w;
    auto* http = w.findChild<QAction*>(QStringLiteral("actionNewHttpRequest"));
    QVERIFY(http);
    QVERIFY(http->isEnabled());
    http->trigger();
    ComposerWindow* composer = nullptr;
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<ComposerWindow*>(top)) composer = c;
    QVERIFY(composer);
    QVERIFY(composer->isVisible());
    composer->close();  // deletes itself
}

void tst_MainWindow::runProgramOpensItsWindow() {
    // Run a program... opens a RunWindow; it closes with the workbench
    // (killing its program: tests/widgets/run/tst_runwindow.cpp).
    auto* w = new MainWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->findChild<QAction*>(QStringLiteral("actionRunProgram"))->trigger();
    QPointer<RunWindow> run;
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* r = qobject_cast<RunWindow*>(top)) run = r;
    QVERIFY(run);
    QVERIFY(run->isVisible());
    w->close();
    QTRY_VERIFY(run.isNull());
}

void tst_MainWindow::sequenceOfTheExperimentOpensItsWindow() {
    // View > Sequence of the Experiment...: a SequenceWindow on the server
    // on screen; it closes with the workbench
    // (tests/widgets/sequence/tst_sequenceopen.cpp drives an exchange).
    auto* w = new MainWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->findChild<QAction*>(QStringLiteral("actionSequence"))->trigger();
    QPointer<SequenceWindow> sequence;
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* s = qobject_cast<SequenceWindow*>(top)) sequence = s;
    QVERIFY(sequence);
    QVERIFY(sequence->isVisible());
    QVERIFY(!sequence->status().isEmpty());
    w->close();
    QTRY_VERIFY(sequence.isNull());
}

void tst_MainWindow::cheatSheetHasEveryCall_data() {
    QTest::addColumn<QString>("call");
    for (const char* c :
         {"socket", "bind", "listen", "accept", "connect", "send/recv", "sendto/recvfrom",
          "shutdown", "close", "setsockopt", "select/poll/epoll", "fork"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void tst_MainWindow::cheatSheetHasEveryCall() {
    QFETCH(QString, call);
    const CheatSheetEntry e = CheatSheet::lookup(call);
    QCOMPARE(e.call, call);
    QVERIFY(e.summary.size() > 20);
    QVERIFY2(e.errors.contains(QRegularExpression(QStringLiteral("\\bE[A-Z]+"))),
             qPrintable(e.errors));
    // The Help menu's dialog shows it.
    MainWindow w;
    w.findChild<QAction*>(QStringLiteral("actionCheatSheet"))->trigger();
    auto* dialog = w.findChild<CheatSheetDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->contentHtml().contains(call.toHtmlEscaped()));
    QVERIFY(dialog->contentHtml().contains(e.errors.left(20).toHtmlEscaped()));
}

void tst_MainWindow::cheatSheetAliases_data() {
    QTest::addColumn<QString>("traced");
    QTest::addColumn<QString>("entry");
    QTest::newRow("accept4") << "accept4"
                             << "accept";
    QTest::newRow("recv") << "recv"
                          << "send/recv";
    QTest::newRow("recvfrom") << "recvfrom"
                              << "sendto/recvfrom";
    QTest::newRow("epoll_wait") << "epoll_wait"
                                << "select/poll/epoll";
    QTest::newRow("poll") << "poll"
                          << "select/poll/epoll";
    QTest::newRow("unknown") << "frobnicate"
                             << "";
}

void tst_MainWindow::cheatSheetAliases() {
    QFETCH(QString, traced);
    QFETCH(QString, entry);
    QCOMPARE(CheatSheet::lookup(traced).call, entry);
    QCOMPARE(CheatSheet::tooltip(traced).isEmpty(), entry.isEmpty());
}

void tst_MainWindow::newServerFromTheMenu() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.findChild<QAction*>(QStringLiteral("actionNewServer"))->trigger();
    ServerForm* form = nullptr;
    QTRY_VERIFY((form = w.findChild<ServerForm*>()) && form->isVisible());
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QTRY_COMPARE(w.servers().size(), 1);
    ServerPanel* panel = w.servers().front();
    QTRY_COMPARE(panel->state(), ServerPanel::Running);
    QCOMPARE(w.sideBar()->serverCount(), 1);
    QVERIFY(w.logDock()->toPlainText().contains(QStringLiteral("running")));
    // The trace dock sees the server's calls too.
    w.findChild<QAction*>(QStringLiteral("actionViewTrace"))->trigger();
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("traceDock"))->isVisible());
    panel->stop();
    QTRY_COMPARE(panel->state(), ServerPanel::Stopped);
    delete panel;
    QCOMPARE(w.sideBar()->serverCount(), 0);
}

void tst_MainWindow::newClientJoinsTheSideList() {
    MainWindow w;
    w.show();
    ServerConfig config;
    ServerPanel* panel = w.addServer(config);
    QTRY_COMPARE(panel->state(), ServerPanel::Running);
    const quint16 port = panel->addresses().front().port();
    w.findChild<QAction*>(QStringLiteral("actionNewClient"))->trigger();
    QCOMPARE(w.sideBar()->clientCount(), 1);
    ClientWindow* client = nullptr;
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<ClientWindow*>(top)) client = c;
    QVERIFY(client);
    // Aimed at the server on screen.
    QVERIFY2(client->endpointText().contains(QString::number(port)),
             qPrintable(client->endpointText()));
    QPointer<ClientWindow> guard(client);
    client->close();
    QTRY_VERIFY(guard.isNull());
    QTRY_COMPARE(w.sideBar()->clientCount(), 0);
}

void tst_MainWindow::launchClientsOpensTheDialog() {
    MainWindow w;
    w.show();
    auto* launch = w.findChild<QAction*>(QStringLiteral("actionLaunchClients"));
    QVERIFY(launch->isEnabled());
    launch->trigger();
    QTRY_VERIFY(w.findChild<LaunchClientsDialog*>() &&
                w.findChild<LaunchClientsDialog*>()->isVisible());
    w.findChild<LaunchClientsDialog*>()->close();
}

void tst_MainWindow::geometryPersists() {
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.resize(900, 650);
        QTRY_COMPARE(w.size(), QSize(900, 650));
        w.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(900, 650));
}

SOCKWB_TEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

void tst_MainWindow::closingStopsEveryServerAtOnce() {
    auto* w = new MainWindow;
    QList<ServerPanel*> panels;
    for (const char* model : {"thread", "fork", "epoll"}) {
        ServerConfig config;
        config.listeners = {ListenerConfig{"echo", Protocol::Tcp, "127.0.0.1", 0}};
        config.model = model;
        panels << w->addServer(config);
    }
    QList<uint16_t> ports;
    for (ServerPanel* panel : panels) {
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), ServerPanel::Running, 10000);
        ports << panel->addresses().front().port();
    }
    // The workbench holds unsaved servers: closing asks, the test discards.
    test::answerNextBox(QMessageBox::Discard);
    QVERIFY(w->close());
    // Closing handed every stop to a background thread at once...
    for (ServerPanel* panel : panels)
        QVERIFY2(panel->state() == ServerPanel::Stopping || panel->state() == ServerPanel::Stopped,
                 qPrintable(panel->title()));
    // ...and destroying the window waits for them: every port is free again.
    delete w;
    for (uint16_t port : ports) {
        try {
            Socket again = tcpListen(Address::fromIp("127.0.0.1", port));
            QVERIFY(again.isValid());
        } catch (const Error& e) {
            QFAIL(e.what());
        }
    }
}
