// A client window's live TCP box, against a listener the test holds and
// drives by hand: ESTABLISHED with an RTT once connected; a big send the
// peer does not read shows in Send-Q; a half-close shows FIN-WAIT-2, the
// peer's close then TIME-WAIT (the box follows the tuple after the socket
// is closed); a UDP window shows no box; a hidden window samples nothing.

#include <QtTest>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/tcpstatusbox.h"
#include "widgets/common/tcpsampler.h"

using namespace sockwb;

namespace {
qlonglong number(const QString& text) {
    bool ok = false;
    const qlonglong n = QLocale().toLongLong(text, &ok);
    return ok ? n : -1;
}
}  // namespace

class tst_ClientTcpStatus : public QObject {
    Q_OBJECT

private slots:
    void establishedThenSendQ();
    void halfCloseThenTimeWait();
    void udpHasNoBox();
    void hiddenWindowSamplesNothing();
    void windowsShareOneSampler();
};

void tst_ClientTcpStatus::establishedThenSendQ() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    ClientWindow w;
    w.show();
    TcpStatusBox* box = w.tcpStatus();
    QVERIFY(box && !box->isVisible());
    w.connectTo(QStringLiteral("127.0.0.1"), listener.localAddress().port(), QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    Socket peer = listener.accept().socket;
    peer.setRecvBufferSize(4096);
    QVERIFY(box->isVisible());
    QSignalSpy ticks(box->sampler(), &TcpSampler::sampled);
    QTRY_COMPARE(box->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    QVERIFY(box->valueText(TcpText::Rtt).endsWith(QStringLiteral("ms")));
    QCOMPARE(number(box->valueText(TcpText::SendQ)), 0LL);
    QVERIFY(box->lastSample());
    QCOMPARE(box->lastSample()->peer, peer.localAddress());
    QTRY_VERIFY(ticks.count() >= 2);

    // The peer sends; the client's reader takes it at once: received, not queued.
    peer.sendAll("0123456789");
    QTRY_COMPARE(number(box->valueText(TcpText::BytesReceived)), 10LL);
    QCOMPARE(number(box->valueText(TcpText::RecvQ)), 0LL);

    // 4 MiB the peer never reads: what the kernel holds waits in Send-Q.
    w.session()->send(QByteArray(4 * 1024 * 1024, 'x'));
    QTRY_VERIFY(number(box->valueText(TcpText::SendQ)) > 0);
    QCOMPARE(box->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    w.disconnectFromHost();
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
}

void tst_ClientTcpStatus::halfCloseThenTimeWait() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    ClientWindow w;
    w.show();
    TcpStatusBox* box = w.tcpStatus();
    w.connectTo(QStringLiteral("127.0.0.1"), listener.localAddress().port(), QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    Socket peer = listener.accept().socket;
    QTRY_COMPARE(box->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    w.session()->shutdownWrite();
    QTRY_COMPARE(box->valueText(TcpText::State), QStringLiteral("FIN-WAIT-2"));
    // The peer closes: the client's recv returns 0, its socket is closed,
    // and the kernel keeps the tuple in TIME-WAIT, which the box still shows.
    peer.close();
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
    QTRY_COMPARE(box->valueText(TcpText::State), QStringLiteral("TIME-WAIT"));
    QVERIFY(box->isVisible());
    QVERIFY(box->valueText(TcpText::Rtt).isEmpty());  // no TCP_INFO in TIME-WAIT
}

void tst_ClientTcpStatus::udpHasNoBox() {
    Socket receiver = Socket::create(AF_INET, SOCK_DGRAM);
    receiver.bind(Address::fromIp("127.0.0.1", 0));
    ClientWindow w;
    w.show();
    w.connectTo(QStringLiteral("127.0.0.1"), receiver.localAddress().port(), QStringLiteral("udp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    QVERIFY(!w.tcpStatus()->isVisible());
    QVERIFY(!w.tcpStatus()->isSampling());
    w.disconnectFromHost();
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
}

void tst_ClientTcpStatus::hiddenWindowSamplesNothing() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    ClientWindow w;
    w.show();
    w.connectTo(QStringLiteral("127.0.0.1"), listener.localAddress().port(), QStringLiteral("tcp"));
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    Socket peer = listener.accept().socket;
    QTRY_VERIFY(w.tcpStatus()->isSampling());
    w.hide();
    QVERIFY(!w.tcpStatus()->isSampling());
    w.show();
    QVERIFY(w.tcpStatus()->isSampling());
    QTRY_COMPARE(w.tcpStatus()->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    w.disconnectFromHost();
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
}

// Two windows: one sampler thread between them, each finds its own socket,
// and the one left keeps sampling when the other closes.
void tst_ClientTcpStatus::windowsShareOneSampler() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const quint16 port = listener.localAddress().port();
    auto* first = new ClientWindow;
    ClientWindow second;
    first->show();
    second.show();
    first->connectTo(QStringLiteral("127.0.0.1"), port, QStringLiteral("tcp"));
    second.connectTo(QStringLiteral("127.0.0.1"), port, QStringLiteral("tcp"));
    QTRY_COMPARE(first->session()->state(), ClientSession::State::Connected);
    QTRY_COMPARE(second.session()->state(), ClientSession::State::Connected);
    Socket a = listener.accept().socket;
    Socket b = listener.accept().socket;
    QCOMPARE(first->tcpStatus()->sampler(), second.tcpStatus()->sampler());
    QTRY_COMPARE(TcpSamplerHub::instance()->subscriberCount(), 2);
    QTRY_COMPARE(first->tcpStatus()->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    QTRY_COMPARE(second.tcpStatus()->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    // Each box shows its own socket: different local ports.
    QVERIFY(first->tcpStatus()->lastSample() && second.tcpStatus()->lastSample());
    QVERIFY(first->tcpStatus()->lastSample()->local != second.tcpStatus()->lastSample()->local);
    delete first;
    QCOMPARE(TcpSamplerHub::instance()->subscriberCount(), 1);
    QVERIFY(second.tcpStatus()->isSampling());
    QSignalSpy ticks(second.tcpStatus()->sampler(), &TcpSampler::sampled);
    QVERIFY(ticks.wait(5000));
    QCOMPARE(second.tcpStatus()->valueText(TcpText::State), QStringLiteral("ESTABLISHED"));
    second.disconnectFromHost();
    QTRY_COMPARE(second.session()->state(), ClientSession::State::Closed);
}

SOCKWB_TEST_MAIN(tst_ClientTcpStatus)
#include "tst_clienttcpstatus.moc"
