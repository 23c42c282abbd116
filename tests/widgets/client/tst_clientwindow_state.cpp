// A client window's workspace state: setFormConfig → formConfig gives back
// every field the form holds (TCP with bind, I/O mode, recv size, socket
// options, TLS, connect timeout; a Unix-domain path), the framing; and the
// Script tab played against real servers on port 0: an echo server (sends
// go out through the window's send path, expectations pass), the course's
// clock ("Au Revoir" then the close), a failing expectation (✗ with its
// detail), a script armed before the connect, and a disconnect mid-script
// that ends it with no timer left running.

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QtTest/QtTest>

#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"
#include "widgets/client/scriptpanel.h"
#include "widgets/client/sendpanel.h"

using namespace sockwb;
using Kind = ScriptStep::Kind;

namespace {

std::unique_ptr<Server> startServer(const std::string& service, ServiceOptions options = {}) {
    ServerConfig config;
    config.listeners[0].service = service;
    config.model = "epoll";
    config.serviceOptions = options;
    auto server = std::make_unique<Server>(config);
    server->start();
    return server;
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

QTimer* scriptTimer(ClientWindow& w) {
    auto* t = w.findChild<QTimer*>(QStringLiteral("scriptTimer"));
    if (!t) qFatal("no script timer");
    return t;
}

}  // namespace

class tst_ClientWindowState : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void formConfigRoundTrip();
    void formConfigUnixPath();
    void framingRoundTrip();
    void scriptPlaysAgainstEcho();
    void failingExpectationShowsItsDetail();
    void scriptWaitsForTheConnect();
    void clockSaysAuRevoirThenCloses();
    void disconnectMidScriptStopsIt();
    void scriptRoundTripAndStop();

private:
    std::unique_ptr<Server> echo_;
    quint16 port_ = 0;
};

void tst_ClientWindowState::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    echo_ = startServer("echo");
    port_ = echo_->addresses()[0].port();
}

void tst_ClientWindowState::formConfigRoundTrip() {
    ClientConfig in;
    in.protocol = Protocol::Tcp;
    in.host = "localhost";
    in.port = 8443;
    in.connectTimeout = Millis(1234);
    in.io = ClientIo::Poll;
    in.bind = ClientBind{"127.0.0.1", 40000};
    in.recvSize = 4096;
    in.sockopts = {{"SO_KEEPALIVE", 1}, {"TCP_NODELAY", 1}};
    in.tls = true;
    in.tlsOptions.insecure = true;
    in.tlsOptions.caFile = "/tmp/ca.pem";

    ClientWindow w;
    w.setFormConfig(in);
    const ClientConfig out = w.formConfig();
    QCOMPARE(out.protocol, in.protocol);
    QCOMPARE(out.host, in.host);
    QCOMPARE(out.port, in.port);
    QCOMPARE(out.connectTimeout.count(), in.connectTimeout.count());
    QCOMPARE(out.io, in.io);
    QVERIFY(out.bind.has_value());
    QCOMPARE(out.bind->host, in.bind->host);
    QCOMPARE(out.bind->port, in.bind->port);
    QCOMPARE(out.recvSize, in.recvSize);
    // In the box's order (TCP_* after SO_*), whatever order they came in.
    auto sorted = [](std::vector<SockoptSetting> v) {
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        return v;
    };
    QCOMPARE(sorted(out.sockopts), sorted(in.sockopts));
    QCOMPARE(out.tls, true);
    QCOMPARE(out.tlsOptions.insecure, true);
    QCOMPARE(out.tlsOptions.caFile, in.tlsOptions.caFile);
    QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("bindEdit"))->text(),
             QStringLiteral("127.0.0.1:40000"));
    QVERIFY(w.windowTitle().contains(QLatin1String("tcp localhost:8443")));

    // The other way round, and binds of every form.
    in.tls = false;
    in.tlsOptions = {};
    in.io = ClientIo::Blocking;
    in.sockopts.clear();
    for (const ClientBind& bind :
         {ClientBind{"::1", 4000}, ClientBind{"", 5000}, ClientBind{"127.0.0.2", 0}}) {
        in.bind = bind;
        w.setFormConfig(in);
        const ClientConfig again = w.formConfig();
        QVERIFY(again.bind.has_value());
        QCOMPARE(again.bind->host, bind.host);
        QCOMPARE(again.bind->port, bind.port);
        QCOMPARE(again.tls, false);
        QCOMPARE(again.tlsOptions.insecure, false);
        QCOMPARE(again.io, ClientIo::Blocking);
        QVERIFY(again.sockopts.empty());
    }
    in.bind.reset();
    w.setFormConfig(in);
    QVERIFY(!w.formConfig().bind.has_value());

    // UDP: TLS is not offered, whatever the config says.
    in.protocol = Protocol::Udp;
    in.tls = true;
    w.setFormConfig(in);
    QCOMPARE(w.formConfig().protocol, Protocol::Udp);
    QCOMPARE(w.formConfig().tls, false);
}

void tst_ClientWindowState::formConfigUnixPath() {
    ClientConfig in;
    in.protocol = Protocol::Unix;
    in.host = "/tmp/echo.sock";
    ClientWindow w;
    w.setFormConfig(in);
    const ClientConfig out = w.formConfig();
    QCOMPARE(out.protocol, Protocol::Unix);
    QCOMPARE(out.host, in.host);
    QCOMPARE(out.port, uint16_t(0));
    QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("socketPath"))->text(),
             QStringLiteral("/tmp/echo.sock"));
}

void tst_ClientWindowState::framingRoundTrip() {
    ClientWindow w;
    QCOMPARE(w.framing(), Framing::Raw);
    for (Framing f : {Framing::Line, Framing::Len32, Framing::Raw}) {
        w.setFraming(f);
        QCOMPARE(w.framing(), f);
        QCOMPARE(w.sendPanel()->framing(), f);
    }
}

void tst_ClientWindowState::scriptPlaysAgainstEcho() {
    ClientWindow w;
    w.show();
    // The window's framing is Line: the script's bytes still go out as written.
    w.setFraming(Framing::Line);
    w.setScript({step(Kind::Send, "hello"), step(Kind::Expect, "hello", 0, 5000),
                 step(Kind::Send, " again\n", 30), step(Kind::Expect, "again\n"),
                 step(Kind::Close, "")});
    QSignalSpy finished(&w, &ClientWindow::scriptFinished);
    w.connectTo(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    w.playScript();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    ScriptPanel* panel = w.scriptPanel();
    QCOMPARE(panel->resultText(0), QStringLiteral("done"));
    QCOMPARE(panel->resultText(1), QStringLiteral("✓ passed"));
    QCOMPARE(panel->resultText(3), QStringLiteral("✓ passed"));
    QCOMPARE(panel->resultText(4), QStringLiteral("done"));
    QCOMPARE(panel->summaryText(), QStringLiteral("2 of 2 expectations met"));
    // Through the window's send path: counted and shown; 12 bytes exactly.
    QCOMPARE(w.messagesOut(), quint64(2));
    // The count of bytes written arrives from the sending thread and may
    // come after the echo the receiving thread already handed over.
    QTRY_COMPARE(w.session()->bytesOut(), quint64(12));
    QTRY_VERIFY(w.session()->state() != ClientSession::State::Connected);  // the Close step
    const QString text = w.dataView()->plainText();
    QVERIFY2(text.contains(QStringLiteral("→ out hello")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("script: 2 of 2 expectations met")), qPrintable(text));
    QVERIFY(!scriptTimer(w)->isActive());
    QVERIFY(!panel->isPlaying());
}

void tst_ClientWindowState::failingExpectationShowsItsDetail() {
    ClientWindow w;
    w.setScript({step(Kind::Send, "ping\n"), step(Kind::Expect, "ping"),
                 step(Kind::Expect, "pong", 0, 150), step(Kind::Send, "never\n")});
    QSignalSpy finished(&w, &ClientWindow::scriptFinished);
    w.connectTo(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    w.playScript();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    ScriptPanel* panel = w.scriptPanel();
    QCOMPARE(panel->resultText(1), QStringLiteral("✓ passed"));
    QCOMPARE(panel->resultText(2), QStringLiteral("✗ failed: not received within 150 ms"));
    QCOMPARE(panel->table()->item(2, ScriptPanel::ResultColumn)->toolTip(),
             QStringLiteral("not received within 150 ms"));
    QCOMPARE(panel->resultText(3), QStringLiteral("skipped"));
    QCOMPARE(panel->summaryText(), QStringLiteral("1 of 2 expectations met"));
    QCOMPARE(w.messagesOut(), quint64(1));  // the skipped send did not go
    QCOMPARE(w.session()->state(), ClientSession::State::Connected);
    w.disconnectFromHost();
    QTRY_VERIFY(w.session()->state() != ClientSession::State::Connected);
    QCOMPARE(finished.count(), 1);
}

void tst_ClientWindowState::scriptWaitsForTheConnect() {
    ClientWindow w;
    w.setScript({step(Kind::Send, "x\n"), step(Kind::Expect, "x\n")});
    QSignalSpy finished(&w, &ClientWindow::scriptFinished);
    w.playScript();
    QVERIFY(w.scriptPanel()->isPlaying());
    QCOMPARE(w.scriptPanel()->summaryText(), QStringLiteral("Waiting for the connection"));
    QCOMPARE(w.messagesOut(), quint64(0));
    w.connectTo(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(w.messagesOut(), quint64(1));

    // Once: a reconnect does not play it again.
    w.disconnectFromHost();
    QTRY_VERIFY(w.session()->state() != ClientSession::State::Connected);
    w.connectTo(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    QCOMPARE(w.messagesOut(), quint64(1));
    QCOMPARE(finished.count(), 1);
}

void tst_ClientWindowState::clockSaysAuRevoirThenCloses() {
    ServiceOptions options;
    options.ticks = 2;
    options.intervalMs = 50;
    auto clock = startServer("clock", options);
    ClientWindow w;
    w.setScript({step(Kind::Send, "time\n"), step(Kind::Expect, "Au Revoir", 0, 5000, 50),
                 step(Kind::ExpectClose, "", 0, 5000)});
    QSignalSpy finished(&w, &ClientWindow::scriptFinished);
    w.playScript();
    w.connectTo(QStringLiteral("127.0.0.1"), clock->addresses()[0].port(), QStringLiteral("tcp"));
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(w.scriptPanel()->summaryText()));
    QCOMPARE(w.scriptPanel()->resultText(2), QStringLiteral("✓ passed"));
    QCOMPARE(w.scriptPanel()->summaryText(), QStringLiteral("2 of 2 expectations met"));
}

void tst_ClientWindowState::disconnectMidScriptStopsIt() {
    ClientWindow w;
    w.setScript({step(Kind::Send, "a\n"), step(Kind::Expect, "a\n"),
                 step(Kind::Expect, "nothing comes", 0, 60000), step(Kind::Send, "b\n")});
    QSignalSpy finished(&w, &ClientWindow::scriptFinished);
    w.connectTo(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    w.playScript();
    QTRY_COMPARE(w.scriptPanel()->resultText(1), QStringLiteral("✓ passed"));
    QCOMPARE(w.scriptPanel()->resultText(2), QStringLiteral("running…"));
    QVERIFY(scriptTimer(w)->isActive());  // the 60 s deadline
    w.disconnectFromHost();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(w.scriptPanel()->resultText(2).startsWith(QStringLiteral("✗ failed: ")));
    QCOMPARE(w.scriptPanel()->resultText(3), QStringLiteral("skipped"));
    QVERIFY(!scriptTimer(w)->isActive());
    QVERIFY(!w.scriptPanel()->isPlaying());
    QCOMPARE(w.messagesOut(), quint64(1));
}

void tst_ClientWindowState::scriptRoundTripAndStop() {
    const std::vector<ScriptStep> steps{
        step(Kind::Send, "Bonjour\r\n", 100), step(Kind::Expect, "Au Revoir", 0, 9000, 2000),
        step(Kind::ExpectClose, "", 0, 100), step(Kind::Wait, "", 7), step(Kind::Close, "", 3)};
    ClientWindow w;
    w.setScript(steps);
    QCOMPARE(w.script(), steps);
    QCOMPARE(w.scriptPanel()->stepCount(), 5);

    // Stop while armed: nothing plays at the connect.
    QSignalSpy finished(&w, &ClientWindow::scriptFinished);
    w.playScript();
    QVERIFY(w.scriptPanel()->isPlaying());
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("scriptStop")), Qt::LeftButton);
    QVERIFY(!w.scriptPanel()->isPlaying());
    w.connectTo(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    QCOMPARE(w.messagesOut(), quint64(0));
    QVERIFY(!scriptTimer(w)->isActive());

    // A bad escape: the script does not play, the note says why.
    w.setScript({step(Kind::Send, "x")});
    auto* text =
        qobject_cast<QLineEdit*>(w.scriptPanel()->table()->cellWidget(0, ScriptPanel::TextColumn));
    text->setText(QStringLiteral("\\xg0"));
    w.playScript();
    QVERIFY(!w.scriptPanel()->isPlaying());
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("scriptNote"))->text().startsWith("Step 1:"));
    QCOMPARE(w.messagesOut(), quint64(0));
    QCOMPARE(finished.count(), 0);
    w.close();
}

SOCKWB_TEST_MAIN(tst_ClientWindowState)
#include "tst_clientwindow_state.moc"
