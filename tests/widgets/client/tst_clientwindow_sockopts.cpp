// A client window's socket options (offscreen, a listener the test holds on
// loopback port 0): TCP_NODELAY ticked before Connect reads back "on" in
// the box and as a note in the window; the box is locked while connected
// and the options apply to the next connect (SO_RCVBUF comes back
// doubled); UDP offers SO_BROADCAST and not the TCP options; an option the
// kernel refuses shows its error in red with the errno name.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"
#include "widgets/common/formstyle.h"
#include "widgets/common/sockoptsbox.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const QString& name) {
    T* c = w->findChild<T*>(name);
    if (!c) qFatal("no child %s", qPrintable(name));
    return c;
}
QCheckBox* tick(QWidget* w, const char* name) {
    return child<QCheckBox>(w, QStringLiteral("sockopt_") + QLatin1String(name));
}
void click(QCheckBox* box) { QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, 4)); }
void typeInto(QWidget* w, const QString& text) {
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Backspace);
    QTest::keyClicks(w, text);
}
void connectByHand(ClientWindow& w, quint16 port, bool udp = false) {
    child<QComboBox>(&w, "protocol")->setCurrentIndex(udp ? 1 : 0);
    typeInto(child<QLineEdit>(&w, "host"), QStringLiteral("127.0.0.1"));
    typeInto(child<QLineEdit>(&w, "port"), QString::number(port));
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
}
SockoptsBox* optionsOf(ClientWindow& w) {
    auto* box = child<SockoptsBox>(&w, "sockoptsBox");
    box->setExpanded(true);
    return box;
}
struct Peer {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    uint16_t port() const { return listener.localAddress().port(); }
};
}  // namespace

class tst_ClientWindowSockopts : public QObject {
    Q_OBJECT
private slots:
    void noDelayReadsBackOn() {
        Peer peer;
        ClientWindow w;
        w.show();
        SockoptsBox* box = optionsOf(w);
        click(tick(&w, "TCP_NODELAY"));
        connectByHand(w, peer.port());
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
        QTRY_COMPARE(box->readbackText(QStringLiteral("TCP_NODELAY")), QStringLiteral("on"));
        QTRY_VERIFY2(w.dataView()->plainText().contains(
                         QStringLiteral("socket option TCP_NODELAY = on → on")),
                     qPrintable(w.dataView()->plainText()));
        // Locked while connected; the read-back stays after the close.
        QVERIFY(!tick(&w, "TCP_NODELAY")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
        QVERIFY(tick(&w, "TCP_NODELAY")->isEnabled());
        QCOMPARE(box->readbackText(QStringLiteral("TCP_NODELAY")), QStringLiteral("on"));
    }

    void appliesToTheNextConnect() {
        Peer peer;
        ClientWindow w;
        w.show();
        SockoptsBox* box = optionsOf(w);
        connectByHand(w, peer.port());
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
        QVERIFY(box->readbackText(QStringLiteral("SO_RCVBUF")).isEmpty());  // none asked
        QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);

        click(tick(&w, "SO_RCVBUF"));
        typeInto(child<QSpinBox>(&w, "sockoptValue_SO_RCVBUF"), QStringLiteral("4"));
        QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
        QTRY_VERIFY2(box->readbackText(QStringLiteral("SO_RCVBUF")).contains(QLatin1String("8192")),
                     qPrintable(box->readbackText(QStringLiteral("SO_RCVBUF"))));
    }

    void udpOffersBroadcastNotTcp() {
        Socket server = udpBind(Address::fromIp("127.0.0.1", 0));
        ClientWindow w;
        w.show();
        SockoptsBox* box = optionsOf(w);
        child<QComboBox>(&w, "protocol")->setCurrentIndex(1);
        QVERIFY(!box->isRowShown(QStringLiteral("TCP_NODELAY")));
        QVERIFY(!box->isRowShown(QStringLiteral("SO_LINGER")));
        QVERIFY(box->isRowShown(QStringLiteral("SO_BROADCAST")));
        click(tick(&w, "SO_BROADCAST"));
        connectByHand(w, server.localAddress().port(), true);
        QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
        QTRY_COMPARE(box->readbackText(QStringLiteral("SO_BROADCAST")), QStringLiteral("on"));
    }

    void refusedOptionShowsItsErrno() {
        // IPV6_V6ONLY means nothing on an IPv4 socket: refused, in red.
        Peer peer;
        ClientWindow w;
        w.show();
        SockoptsBox* box = optionsOf(w);
        click(tick(&w, "IPV6_V6ONLY"));
        connectByHand(w, peer.port());
        QTRY_VERIFY2(!box->readbackText(QStringLiteral("IPV6_V6ONLY")).isEmpty(),
                     qPrintable(w.dataView()->plainText()));
        const QString text = box->readbackText(QStringLiteral("IPV6_V6ONLY"));
        auto* label = child<QLabel>(&w, "sockoptReadback_IPV6_V6ONLY");
        QCOMPARE(label->palette().color(QPalette::WindowText), formstyle::errorColor());
        QVERIFY2(
            text.contains(QLatin1String("IPV6_V6ONLY")) || text.contains(QLatin1String("IPv6")),
            qPrintable(text));
        // The window's log says it too, as an error note.
        QVERIFY2(w.dataView()->plainText().contains(QLatin1String("socket option IPV6_V6ONLY")),
                 qPrintable(w.dataView()->plainText()));
    }
};

SOCKWB_TEST_MAIN(tst_ClientWindowSockopts)
#include "tst_clientwindow_sockopts.moc"
