// The client window's course options driven through its widgets
// (offscreen), against sockets the test holds (port 0, loopback): a UDP
// answer from another port shown "from ADDR:PORT", the Shut down menu
// (SHUT_WR: the peer reads EOF; SHUT_RD; SHUT_RDWR) and the state it leaves,
// the Bind field (a fixed port the server sees; bad input marked inline),
// the I/O mode's trace and the recv size.

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"
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

void typeInto(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void connectByHand(ClientWindow& w, quint16 port, bool udp = false) {
    child<QComboBox>(&w, "protocol")->setCurrentIndex(udp ? 1 : 0);
    typeInto(child<QLineEdit>(&w, "host"), QStringLiteral("127.0.0.1"));
    typeInto(child<QLineEdit>(&w, "port"), QString::number(port));
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
}

void sendByKeyboard(ClientWindow& w, const QString& text) {
    auto* edit = child<QPlainTextEdit>(&w, "sendEdit");
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
}

// Chooses a mode in the Shut down menu, as a click on its entry does.
void shutDown(ClientWindow& w, const char* action) {
    auto* button = child<QPushButton>(&w, "shutdownButton");
    QVERIFY(button->isEnabled());
    button->menu()->findChild<QAction*>(QLatin1String(action))->trigger();
}

QStringList traceRows(ClientWindow& w) {
    auto* trace = child<TraceView>(&w, "traceView");
    QStringList out;
    for (int r = 0; r < trace->model()->rowCount(); ++r)
        out << trace->model()->index(r, TraceModel::Call).data().toString() + ' ' +
                   trace->model()->index(r, TraceModel::Result).data().toString();
    return out;
}

struct Peer {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    Socket conn;
    uint16_t port() const { return listener.localAddress().port(); }
    void accept() { conn = std::move(listener.accept().socket); }
};

}  // namespace

class tst_ClientWindowOptions : public QObject {
    Q_OBJECT
private slots:
    void udpAnswerFromAnotherPortShowsFrom();
    void shutdownWriteFromTheMenu();
    void shutdownReadThenBothWays();
    void bindFieldSetsTheLocalPort();
    void badBindIsMarkedInline();
    void bindToAPortInUseSaysWhy();
    void ioModeAndRecvSize();
};

void tst_ClientWindowOptions::udpAnswerFromAnotherPortShowsFrom() {
    Socket in = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket out = udpBind(Address::fromIp("127.0.0.1", 0));
    ClientWindow w;
    w.show();
    connectByHand(w, in.localAddress().port(), true);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    sendByKeyboard(w, QStringLiteral("time?"));
    char buf[64];
    auto d = in.recvFrom(buf, sizeof buf, Millis(5000));
    QVERIFY(d.has_value());
    out.sendTo("12:00", d->from);
    const QString from = QString::fromStdString(out.localAddress().toString());
    QTRY_VERIFY2(w.dataView()->plainText().contains(QStringLiteral("in from %1 12:00").arg(from)),
                 qPrintable(w.dataView()->plainText()));
}

void tst_ClientWindowOptions::shutdownWriteFromTheMenu() {
    Peer peer;
    ClientWindow w;
    w.show();
    connectByHand(w, peer.port());
    peer.accept();
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    shutDown(w, "shutWr");
    char buf[16];
    QVERIFY(peer.conn.recv(buf, sizeof buf, Millis(5000)).eof());  // the server reads EOF
    QTRY_VERIFY2(w.windowTitle().contains(QLatin1String("connected, writing shut down")),
                 qPrintable(w.windowTitle()));
    QVERIFY(!child<QPushButton>(&w, "sendButton")->isEnabled());
    QVERIFY(child<QLabel>(&w, "statusLabel")->text().contains(QLatin1String("SHUT_WR")));
    peer.conn.sendAll("still heard");
    QTRY_VERIFY(w.dataView()->plainText().contains(QLatin1String("still heard")));
}

void tst_ClientWindowOptions::shutdownReadThenBothWays() {
    Peer peer;
    ClientWindow w;
    w.show();
    connectByHand(w, peer.port());
    peer.accept();
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    shutDown(w, "shutRd");
    QTRY_VERIFY2(w.windowTitle().contains(QLatin1String("connected, reading shut down")),
                 qPrintable(w.windowTitle()));
    QVERIFY(child<QPushButton>(&w, "sendButton")->isEnabled());  // sends still go out
    shutDown(w, "shutRdwr");
    QTRY_VERIFY(w.windowTitle().contains(QLatin1String("shut down both ways")));
    QVERIFY(!child<QPushButton>(&w, "shutdownButton")->isEnabled());
    char buf[16];
    QVERIFY(peer.conn.recv(buf, sizeof buf, Millis(5000)).eof());
    QCOMPARE(w.session()->state(), ClientSession::State::Connected);  // until Disconnect
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
}

void tst_ClientWindowOptions::bindFieldSetsTheLocalPort() {
    uint16_t fixed = 0;
    {
        Socket probe = tcpListen(Address::fromIp("127.0.0.1", 0));
        fixed = probe.localAddress().port();
    }
    Peer peer;
    ClientWindow w;
    w.show();
    typeInto(child<QLineEdit>(&w, "bindEdit"), QStringLiteral("127.0.0.1:%1").arg(fixed));
    connectByHand(w, peer.port());
    peer.accept();
    QCOMPARE(peer.conn.peerAddress().port(), fixed);  // getpeername on the server's side
    QTRY_VERIFY2(child<QLabel>(&w, "statusLabel")
                     ->text()
                     .contains(QStringLiteral("from 127.0.0.1:%1").arg(fixed)),
                 qPrintable(child<QLabel>(&w, "statusLabel")->text()));
    QVERIFY(!child<QLineEdit>(&w, "bindEdit")->isEnabled());  // fixed while connected
}

void tst_ClientWindowOptions::badBindIsMarkedInline() {
    ClientWindow w;
    w.show();
    typeInto(child<QLineEdit>(&w, "bindEdit"), QStringLiteral("127.0.0.1:99999"));
    connectByHand(w, 7);
    QCOMPARE(w.session()->state(), ClientSession::State::Disconnected);
    const QString status = child<QLabel>(&w, "statusLabel")->text();
    QVERIFY2(status.contains(QLatin1String("Bind address")) && status.contains("99999"),
             qPrintable(status));
    QVERIFY(child<QLineEdit>(&w, "bindEdit")->property("invalid").toBool());
}

void tst_ClientWindowOptions::bindToAPortInUseSaysWhy() {
    Peer peer;  // its listening port is the one taken
    ClientWindow w;
    w.show();
    typeInto(child<QLineEdit>(&w, "bindEdit"), QStringLiteral("127.0.0.1:%1").arg(peer.port()));
    connectByHand(w, peer.port());
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Failed);
    const QString status = child<QLabel>(&w, "statusLabel")->text();
    QVERIFY2(status.contains(QLatin1String("already in use")) && status.contains("TIME_WAIT"),
             qPrintable(status));
}

void tst_ClientWindowOptions::ioModeAndRecvSize() {
    for (const bool poll : {false, true}) {
        Peer peer;
        ClientWindow w;
        w.show();
        child<QComboBox>(&w, "ioMode")->setCurrentIndex(poll ? 1 : 0);
        child<QSpinBox>(&w, "recvSize")->setValue(4);
        connectByHand(w, peer.port());
        peer.accept();
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
        peer.conn.sendAll("0123456789");
        QTRY_COMPARE(w.session()->bytesIn(), quint64(10));
        QCOMPARE(w.messagesIn(), quint64(3));  // one row per recv: 4 + 4 + 2
        QTRY_VERIFY(traceRows(w).contains(QLatin1String("recv 2")));
        const QStringList rows = traceRows(w);
        QCOMPARE(rows.contains(QLatin1String("connect 0")), !poll);
        QCOMPARE(rows.filter(QLatin1String("poll")).isEmpty(), !poll);
    }
}

SOCKWB_TEST_MAIN(tst_ClientWindowOptions)
#include "tst_clientwindow_options.moc"
