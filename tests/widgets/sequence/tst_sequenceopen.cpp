// Where the sequence view opens (offscreen, real sockets on loopback): the
// Sequence tab of a server panel, of a client window and of a run window,
// each made when first shown and seeded with what the trace already held;
// and the experiment's window (ExperimentTrace): a real echo ServerPanel
// on port 0 and client windows aimed at it, the client's send matched to
// the server's recv and back, a client opened later joining in, a client
// window closed or the panel deleted leaving the window working.

#include <QApplication>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>
#include <memory>

#include "core/sequence/sequence.h"
#include "support/testmain.h"
#include "widgets/client/clientsession.h"
#include "widgets/client/clientwindow.h"
#include "widgets/run/runwindow.h"
#include "widgets/sequence/experimenttrace.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/sequence/sequenceview.h"
#include "widgets/sequence/sequencewindow.h"
#include "widgets/server/serverpanel.h"
#include "widgets/trace/traceadapter.h"

using namespace sockwb;
using Kind = seq::Arrow::Kind;
using Role = seq::Lifeline::Role;

namespace {

constexpr int kWaitMs = 10000;
const QString kPrograms = QStringLiteral(SOCKWB_TRACER_PROGRAMS);

ServerConfig echoConfig() {
    ServerConfig config;
    config.listeners[0].service = "echo";
    config.listeners[0].bindAddress = "127.0.0.1";
    config.listeners[0].port = 0;
    config.model = "epoll";
    return config;
}

int arrows(const seq::SequenceBuilder& b, Kind kind) {
    int n = 0;
    for (const seq::Arrow& a : b.arrows()) n += a.kind == kind ? 1 : 0;
    return n;
}

Role roleOf(const seq::SequenceBuilder& b, size_t call) {
    return b.lifelines()[b.calls()[call].lifeline].role;
}

// Data arrows carrying `bytes` bytes from a lifeline of role `from` to one of
// role `to` (Client -> Accepted: what the client sent, read by the server).
int dataArrows(const seq::SequenceBuilder& b, Role from, Role to, int64_t bytes) {
    int n = 0;
    for (const seq::Arrow& a : b.arrows())
        if (a.kind == Kind::Data && a.to != seq::kNone && roleOf(b, a.from) == from &&
            roleOf(b, a.to) == to && a.length == bytes)
            ++n;
    return n;
}

bool hasCall(const seq::SequenceBuilder& b, const std::string& prefix, Role role) {
    for (size_t i = 0; i < b.calls().size(); ++i)
        if (b.events()[b.calls()[i].event].call.rfind(prefix, 0) == 0 && roleOf(b, i) == role)
            return true;
    return false;
}

// A client window connected to the panel's server, shown; it deletes itself
// when closed.
QPointer<ClientWindow> connectedClient(const ServerPanel& panel) {
    const QPointer<ClientWindow> w = ClientWindow::open(
        QStringLiteral("127.0.0.1"), panel.addresses().front().port(), QStringLiteral("tcp"));
    w->connectFromForm();
    return w;
}

}  // namespace

class tst_SequenceOpen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void panelAndClientTabsAreMadeWhenShownAndSeeded() {
        ServerPanel panel(echoConfig());
        panel.show();
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, kWaitMs);
        QPointer<ClientWindow> client = connectedClient(panel);
        QTRY_COMPARE_WITH_TIMEOUT(client->session()->state(), ClientSession::State::Connected,
                                  kWaitMs);
        client->session()->send("Bonjour\n");
        QTRY_COMPARE_WITH_TIMEOUT(client->session()->bytesIn(), quint64(8), kWaitMs);
        panel.traceAdapter()->flush();
        client->session()->traceAdapter()->flush();

        // Nobody looked yet: no view was built.
        QVERIFY(!panel.sequenceTab()->hasView());
        QVERIFY(!client->sequenceTab()->hasView());
        auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("serverTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(panel.sequenceTab());
        QVERIFY(panel.sequenceTab()->hasView());
        // Seeded from the trace: the accept (on the listener's lifeline) and the echo made before
        // it existed.
        const seq::SequenceBuilder& server = panel.sequenceTab()->view()->builder();
        QVERIFY(hasCall(server, "accept", Role::Listener));
        QVERIFY(hasCall(server, "recv", Role::Accepted));
        QVERIFY(!hasCall(server, "connect", Role::Client));  // the client's calls are its own

        auto* clientTabs = client->findChild<QTabWidget*>(QStringLiteral("tabs"));
        clientTabs->setCurrentWidget(client->sequenceTab());
        QVERIFY(client->sequenceTab()->hasView());
        const seq::SequenceBuilder& mine = client->sequenceTab()->view()->builder();
        QVERIFY(hasCall(mine, "connect", Role::Client));
        QVERIFY(hasCall(mine, "recv", Role::Client));

        // Then live: a second message reaches both views.
        const size_t before = server.events().size();
        const size_t mineBefore = mine.events().size();
        client->session()->send("encore\n");
        QTRY_COMPARE_WITH_TIMEOUT(client->session()->bytesIn(), quint64(15), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(server.events().size() > before, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(mine.events().size() > mineBefore, kWaitMs);
        delete client.data();
    }

    void experimentMatchesTheClientsWithTheServer() {
        auto* panel = new ServerPanel(echoConfig());
        panel->show();
        panel->start();
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), ServerPanel::Running, kWaitMs);
        QPointer<ClientWindow> first = connectedClient(*panel);
        QTRY_COMPARE_WITH_TIMEOUT(first->session()->state(), ClientSession::State::Connected,
                                  kWaitMs);
        first->session()->send("Bonjour\n");
        QTRY_COMPARE_WITH_TIMEOUT(first->session()->bytesIn(), quint64(8), kWaitMs);
        // A client aimed elsewhere stays out.
        QPointer<ClientWindow> elsewhere = ClientWindow::open(
            QStringLiteral("127.0.0.1"),
            static_cast<quint16>(panel->addresses().front().port() + 1), QStringLiteral("tcp"));

        // Opened late, from the panel's button: seeded with the handshake.
        auto* button = panel->findChild<QPushButton*>(QStringLiteral("sequenceWithClients"));
        QVERIFY(button);
        button->click();
        QPointer<SequenceWindow> window;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* s = qobject_cast<SequenceWindow*>(w)) window = s;
        QVERIFY(window);
        QVERIFY(window->isVisible());
        auto* hub = window->findChild<ExperimentTrace*>();
        QVERIFY(hub);
        QCOMPARE(hub->clientCount(), 1);
        QCOMPARE(hub->sourceCount(), 2);
        QVERIFY(window->windowTitle().contains(QStringLiteral("Sequence")));
        const seq::SequenceBuilder& b = window->view()->builder();
        QTRY_COMPARE_WITH_TIMEOUT(arrows(b, Kind::Handshake), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dataArrows(b, Role::Client, Role::Accepted, 8), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dataArrows(b, Role::Accepted, Role::Client, 8), 1, kWaitMs);

        // A client opened later joins in (found by the hub's own scan).
        QPointer<ClientWindow> second = connectedClient(*panel);
        QTRY_COMPARE_WITH_TIMEOUT(second->session()->state(), ClientSession::State::Connected,
                                  kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(hub->clientCount(), 2, kWaitMs);
        second->session()->send("second\n");
        QTRY_COMPARE_WITH_TIMEOUT(second->session()->bytesIn(), quint64(7), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(arrows(b, Kind::Handshake), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dataArrows(b, Role::Client, Role::Accepted, 7), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dataArrows(b, Role::Accepted, Role::Client, 7), 1, kWaitMs);
        QVERIFY(elsewhere);
        QCOMPARE(hub->clientCount(), 2);

        // The first client's window closes: the rest goes on.
        first->close();
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), kWaitMs);
        hub->rescan();
        QCOMPARE(hub->clientCount(), 1);
        second->session()->send("third!\n");
        QTRY_COMPARE_WITH_TIMEOUT(second->session()->bytesIn(), quint64(14), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dataArrows(b, Role::Client, Role::Accepted, 7), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dataArrows(b, Role::Accepted, Role::Client, 7), 2, kWaitMs);

        // The panel goes: the window stays and still follows the client.
        delete panel;
        hub->rescan();
        QCOMPARE(hub->sourceCount(), 1);
        QVERIFY(window->status().contains(QStringLiteral("closed")));
        const size_t events = b.events().size();
        second->disconnectFromHost();
        QTRY_VERIFY_WITH_TIMEOUT(b.events().size() > events, kWaitMs);
        delete second.data();
        delete elsewhere.data();
        window->close();
        QTRY_VERIFY_WITH_TIMEOUT(window.isNull(), kWaitMs);
    }

    void clientsAreMatchedByTheServersAddress() {
        ServerPanel panel(echoConfig());
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, kWaitMs);
        const quint16 port = panel.addresses().front().port();
        struct Case {
            const char* host;
            quint16 port;
            const char* protocol;
            bool aims;
        };
        const Case cases[] = {
            {"127.0.0.1", port, "tcp", true},
            {"localhost", port, "tcp", true},
            {"127.0.0.2", port, "tcp", false},
            {"127.0.0.1", static_cast<quint16>(port + 1), "tcp", false},
            {"127.0.0.1", port, "udp", false},
        };
        for (const Case& c : cases) {
            // Filled in, not connected.
            std::unique_ptr<ClientWindow> w(ClientWindow::open(QString::fromLatin1(c.host), c.port,
                                                               QString::fromLatin1(c.protocol)));
            QVERIFY2(ExperimentTrace::aimsAt(*w, panel) == c.aims,
                     qPrintable(QStringLiteral("%1 %2:%3").arg(c.protocol, c.host).arg(c.port)));
        }
    }

    void runWindowTabShowsTheProgramsExchange() {
        RunWindow w;
        w.show();
        QVERIFY(w.run(kPrograms + "/tcp_pair", {}));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kWaitMs);
        w.traceAdapter()->flush();
        const seq::SequenceBuilder& b = w.sequenceTab()->view()->builder();
        // tcp_pair: connect/accept, "Bonjour" (7) and "Au Revoir" (9), then a FIN.
        QTRY_COMPARE_WITH_TIMEOUT(arrows(b, Kind::Handshake), 1, kWaitMs);
        QCOMPARE(dataArrows(b, Role::Client, Role::Accepted, 7), 1);
        QCOMPARE(dataArrows(b, Role::Accepted, Role::Client, 9), 1);
        QVERIFY(arrows(b, Kind::Fin) >= 1);
        // A new run starts a new sequence.
        QVERIFY(w.run(kPrograms + "/tcp_pair", {}));
        QVERIFY(b.events().size() < 5);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(arrows(b, Kind::Handshake), 1, kWaitMs);
    }
};

SOCKWB_TEST_MAIN(tst_SequenceOpen)
#include "tst_sequenceopen.moc"
