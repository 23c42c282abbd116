// The main window's relays: Workbench > New Relay opens the form aimed at
// the server on screen, Start adds a relay panel to the side list and runs
// it, New Client with the relay on screen opens a client aimed at the
// relay (not at the server), and closing the workbench stops it.

#include <QAction>
#include <QApplication>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "app/gui/mainwindow.h"
#include "core/net/framing.h"
#include "support/answerbox.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/relay/relayform.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/server/serverpanel.h"
#include "widgets/shell/sidebar.h"

using namespace sockwb;
using sockwb::app::MainWindow;

class tst_MainWindowRelay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void newRelayThenAClientThroughIt() {
        MainWindow w;
        w.show();
        ServerPanel* server = w.addServer(ServerConfig{});
        QTRY_COMPARE(server->state(), ServerPanel::Running);
        const quint16 serverPort = server->addresses().front().port();

        auto* action = w.findChild<QAction*>(QStringLiteral("actionNewRelay"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        action->trigger();
        RelayForm* form = nullptr;
        QTRY_VERIFY((form = w.findChild<RelayForm*>()) && form->isVisible());
        // Aimed at the server on screen.
        QCOMPARE(form->config().targetPort, serverPort);
        QTest::mouseClick(form->startButton(), Qt::LeftButton);
        QTRY_COMPARE(w.relays().size(), 1);
        RelayPanel* relay = w.relays().front();
        QTRY_COMPARE(relay->state(), RelayPanel::Running);
        QCOMPARE(w.sideBar()->relayCount(), 1);
        QCOMPARE(w.sideBar()->currentItem()->text(0), relay->title());

        // New Client with the relay on screen: the client goes through it.
        w.findChild<QAction*>(QStringLiteral("actionNewClient"))->trigger();
        ClientWindow* client = nullptr;
        for (QWidget* top : QApplication::topLevelWidgets())
            if (auto* c = qobject_cast<ClientWindow*>(top)) client = c;
        QVERIFY(client);
        QCOMPARE(client->targetPort(), relay->address().port());
        QVERIFY(client->targetPort() != serverPort);
        client->connectFromForm();
        QTRY_COMPARE(client->session()->state(), ClientSession::State::Connected);
        QTRY_COMPARE(relay->stats().accepted, uint64_t(1));

        // Selecting the server again shows its panel; the relay's is one click away.
        w.sideBar()->select(server);
        w.sideBar()->select(relay);
        QVERIFY(relay->isVisible());

        // Closing the workbench stops the relay (and closes the client).
        QPointer<ClientWindow> guard(client);
        // The workbench holds unsaved servers: closing asks, the test discards.
        test::answerNextBox(QMessageBox::Discard);
        w.close();
        QTRY_COMPARE(relay->state(), RelayPanel::Stopped);
        QTRY_VERIFY(guard.isNull());
    }
};

SOCKWB_TEST_MAIN(tst_MainWindowRelay)
#include "tst_mainwindow_relay.moc"
