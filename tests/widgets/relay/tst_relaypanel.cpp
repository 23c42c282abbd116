// The relay panel in front of a real echo Server on loopback: Start, a
// client through the relay gets its echo and the counters of both
// directions move; a latency typed in the faults editor reaches the running
// relay at once (delayed chunks counted); the trace shows the relay's own
// calls; Stop frees the port; a port in use is said in the panel in words.
// The side list lists the relay with its light, and a client window's
// "Through a relay" menu aims the client at it.

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>
#include <memory>

#include "core/net/framing.h"  // before clientwindow.h
#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/common/logview.h"
#include "widgets/relay/directionfaultsbox.h"
#include "widgets/relay/faultseditor.h"
#include "widgets/relay/relaycounters.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/relay/relaytargetbutton.h"
#include "widgets/shell/sidebar.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}
// True once a call starting with `name` is in the trace.
bool traced(const TraceModel* m, const QString& name) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->data(m->index(r, TraceModel::Call)).toString().startsWith(name)) return true;
    return false;
}
// Sends `message` and reads as many bytes back (the relay may slice them).
std::string echo(Socket& s, const std::string& message) {
    s.sendAll(message);
    std::string back;
    char buf[256];
    while (back.size() < message.size()) {
        IoResult r = s.recv(buf, sizeof buf, Millis(5000));
        if (!r.ok() || r.bytes == 0) break;
        back.append(buf, r.bytes);
    }
    return back;
}
}  // namespace

class tst_RelayPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void relaysToAnEchoServer();
    void faultsChangeLive();
    void portInUseIsSaidInWords();
    void udpDropsWhatTheSliderSays();
    void sideListAndClientTarget();

private:
    RelayConfig toServer() const;
    std::unique_ptr<Server> server_;
};

void tst_RelayPanel::initTestCase() {
    ServerConfig config;  // echo, tcp, 127.0.0.1, port 0
    config.model = "epoll";
    server_ = std::make_unique<Server>(config);
    server_->start();
    QVERIFY(server_->addresses().front().port() != 0);
}

void tst_RelayPanel::cleanupTestCase() { server_.reset(); }

RelayConfig tst_RelayPanel::toServer() const {
    RelayConfig c;
    c.targetHost = "127.0.0.1";
    c.targetPort = server_->addresses().front().port();
    return c;
}

void tst_RelayPanel::relaysToAnEchoServer() {
    RelayPanel panel(toServer());
    panel.show();
    QCOMPARE(panel.state(), RelayPanel::Stopped);
    QTest::mouseClick(child<QPushButton>(&panel, "startButton"), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), RelayPanel::Running);
    QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
    const Address at = panel.address();
    QVERIFY(at.port() != 0);
    const QString port = QString::number(at.port());
    QCOMPARE(
        panel.title(),
        QStringLiteral("tcp 127.0.0.1:%1 → 127.0.0.1:%2").arg(port).arg(toServer().targetPort));
    QVERIFY(child<QLabel>(&panel, "statusLine")->text().contains(port));

    {
        Socket client = tcpConnect(at, Millis(3000));
        QCOMPARE(echo(client, "Bonjour\n"), std::string("Bonjour\n"));
        // The counters move in both directions, on screen too.
        QTRY_VERIFY(panel.stats().up.bytes >= 8 && panel.stats().down.bytes >= 8);
        QCOMPARE(panel.stats().accepted, uint64_t(1));
        auto* table = child<QTableWidget>(&panel, "relayCountersTable");
        QTRY_COMPARE(table->item(RelayCounters::Bytes, 0)->text(), QStringLiteral("8"));
        QTRY_COMPARE(table->item(RelayCounters::Bytes, 1)->text(), QStringLiteral("8"));
        QTRY_VERIFY2(child<QLabel>(&panel, "relayConnections")->text().contains("accepted 1"),
                     qPrintable(child<QLabel>(&panel, "relayConnections")->text()));
    }
    // The relay's own calls: its listener, then the second leg's connect.
    const TraceModel* trace = panel.traceView()->model();
    QTRY_VERIFY(traced(trace, QStringLiteral("listen")));
    QTRY_VERIFY(traced(trace, QStringLiteral("accept")));
    QTRY_VERIFY(traced(trace, QStringLiteral("connect")));

    QTest::mouseClick(child<QPushButton>(&panel, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), RelayPanel::Stopped);
    QCOMPARE(panel.address().port(), uint16_t(0));
    QVERIFY(panel.stats().up.bytes >= 8);  // the last counters stay
    // The port is free again: nothing of the relay is left listening.
    Socket again = tcpListen(at);
    QCOMPARE(again.localAddress().port(), at.port());
    QVERIFY(panel.logView()->toPlainText().contains(QStringLiteral("stopped")));
}

void tst_RelayPanel::faultsChangeLive() {
    RelayPanel panel(toServer());
    panel.show();
    panel.start();
    QTRY_COMPARE(panel.state(), RelayPanel::Running);
    Socket client = tcpConnect(panel.address(), Millis(3000));
    QCOMPARE(echo(client, "one\n"), std::string("one\n"));
    QCOMPARE(panel.stats().up.delayed, uint64_t(0));

    // A latency typed in the Up box reaches the relay at once: no Apply.
    auto* up = child<DirectionFaultsBox>(&panel, "upFaults");
    auto* latency = child<QSpinBox>(up, "latencyBox");
    latency->setFocus();
    QTest::keyClick(latency, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(latency, QStringLiteral("40"));
    QCOMPARE(panel.config().up.latencyMs.value, 40);
    QCOMPARE(panel.config().down.latencyMs.value, 0);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(echo(client, "two\n"), std::string("two\n"));
    QVERIFY2(clock.elapsed() >= 40, qPrintable(QString::number(clock.elapsed())));
    QTRY_VERIFY(panel.stats().up.delayed >= 1);
    QCOMPARE(panel.stats().down.delayed, uint64_t(0));

    // Slices of 2 bytes on the way down: the echo comes back whole anyway.
    child<QSpinBox>(child<DirectionFaultsBox>(&panel, "downFaults"), "sliceBox")->setValue(2);
    QCOMPARE(panel.config().down.sliceBytes.value, 2);
    QCOMPARE(echo(client, "sliced!\n"), std::string("sliced!\n"));
    QTRY_VERIFY(panel.stats().down.sliced >= 1);
    QVERIFY(panel.stats().down.writes >= 4);
    panel.stop();
    QTRY_COMPARE(panel.state(), RelayPanel::Stopped);
}

void tst_RelayPanel::portInUseIsSaidInWords() {
    Socket taken = tcpListen(Address::fromIp("127.0.0.1", 0));
    RelayConfig c = toServer();
    c.listenPort = taken.localAddress().port();
    RelayPanel panel(c);
    panel.show();
    panel.start();
    QTRY_COMPARE(panel.state(), RelayPanel::Failed);
    QVERIFY2(panel.errorText().contains(QStringLiteral("EADDRINUSE")),
             qPrintable(panel.errorText()));
    QVERIFY(child<QLabel>(&panel, "errorLabel")->isVisible());
    QVERIFY(panel.logView()->toPlainText().contains(QStringLiteral("EADDRINUSE")));
    QVERIFY(child<QPushButton>(&panel, "startButton")->isEnabled());
}

void tst_RelayPanel::udpDropsWhatTheSliderSays() {
    ServerConfig udpEcho;
    udpEcho.listeners.front().protocol = Protocol::Udp;
    udpEcho.model = "epoll";
    Server server(udpEcho);
    server.start();
    RelayConfig c;
    c.protocol = Protocol::Udp;
    c.targetPort = server.addresses().front().port();
    RelayPanel panel(c);
    panel.show();
    panel.start();
    QTRY_COMPARE(panel.state(), RelayPanel::Running);
    QVERIFY(panel.title().startsWith(QStringLiteral("udp ")));
    // The UDP rows, not the TCP ones.
    auto* up = child<DirectionFaultsBox>(&panel, "upFaults");
    QVERIFY(child<QSlider>(up, "dropSlider")->isVisible());
    QVERIFY(!child<QSpinBox>(up, "bandwidthBox")->isVisible());

    Socket client = udpSocket(AF_INET);
    char buf[64];
    client.sendTo("ping", panel.address());
    const auto back = client.recvFrom(buf, sizeof buf, Millis(3000));
    QVERIFY(back.has_value());
    QCOMPARE(std::string(buf, back->size), std::string("ping"));
    QTRY_COMPARE(panel.stats().up.chunks, uint64_t(1));

    // Every datagram up dropped from now on: the slider at 100 %.
    child<QSlider>(up, "dropSlider")->setValue(100);
    QCOMPARE(panel.config().up.dropP, 1.0);
    for (int i = 0; i < 5; ++i) client.sendTo("lost", panel.address());
    QTRY_COMPARE(panel.stats().up.dropped, uint64_t(5));
    QCOMPARE(panel.stats().up.bytes, uint64_t(4));  // only the first ping went on
    panel.stop();
    QTRY_COMPARE(panel.state(), RelayPanel::Stopped);
}

void tst_RelayPanel::sideListAndClientTarget() {
    SideBar bar;
    auto panel = std::make_unique<RelayPanel>(toServer());
    bar.addRelay(panel.get());
    QCOMPARE(bar.relayCount(), 1);
    QSignalSpy selected(&bar, &SideBar::relaySelected);
    bar.select(panel.get());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).value<RelayPanel*>(), panel.get());

    // Not running: the client's menu has nothing to offer.
    RelayTargetButton via;
    via.updateMenu();
    QCOMPARE(via.menu()->actions().size(), 1);
    QVERIFY(!via.menu()->actions().front()->isEnabled());

    panel->start();
    QTRY_COMPARE(panel->state(), RelayPanel::Running);
    QTreeWidgetItem* item = bar.currentItem();
    QVERIFY(item);
    QTRY_VERIFY2(item->toolTip(0).endsWith(QStringLiteral("running")),
                 qPrintable(item->toolTip(0)));
    QCOMPARE(item->text(0), panel->title());

    via.updateMenu();
    QCOMPARE(via.menu()->actions().size(), 1);
    QAction* entry = via.menu()->actions().front();
    QCOMPARE(entry->text(), panel->title());
    QSignalSpy chosen(&via, &RelayTargetButton::chosen);
    entry->trigger();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(chosen.at(0).at(1).value<quint16>(), panel->address().port());
    QCOMPARE(chosen.at(0).at(2).toString(), QStringLiteral("tcp"));

    // A client window's own "Through a relay" fills its target with the relay.
    ClientWindow window;
    auto* button = child<RelayTargetButton>(&window, "throughRelayButton");
    button->updateMenu();
    QCOMPARE(button->menu()->actions().size(), 1);
    button->menu()->actions().front()->trigger();
    QCOMPARE(window.targetHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(window.targetPort(), panel->address().port());
    QCOMPARE(window.targetProtocol(), Protocol::Tcp);

    panel->stop();
    QTRY_VERIFY(item->toolTip(0).endsWith(QStringLiteral("stopped")));
    panel.reset();
    QCOMPARE(bar.relayCount(), 0);
}

SOCKWB_TEST_MAIN(tst_RelayPanel)
#include "tst_relaypanel.moc"
