// Client windows driven through their real widgets (QTest keys and clicks,
// offscreen): connect to an echo server started on port 0, send with
// Ctrl+Enter, see the echo, toggle hex, chat mode, disconnect, a refused
// port, bad input marked inline, and 20 windows opened and closed.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest/QtTest>

#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"
#include "widgets/client/sendpanel.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {

std::unique_ptr<Server> startServer(const std::string& service) {
    ServerConfig config;
    config.listeners[0].service = service;
    config.model = "epoll";
    auto server = std::make_unique<Server>(config);
    server->start();
    return server;
}

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

// Fills the form by keyboard and clicks Connect.
void connectByHand(ClientWindow& w, quint16 port) {
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

uint16_t closedPort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

}  // namespace

class tst_ClientWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sendAndSeeTheEcho();
    void chatModeFormatsLikeTheCourse();
    void refusedPortShowsEconnrefused();
    void badPortIsMarkedInline();
    void chargenFloodKeepsTheWindowLive_data();
    void chargenFloodKeepsTheWindowLive();
    void twentyWindowsOpenAndClose();
    void screenshot();

private:
    std::unique_ptr<Server> echo_;
    quint16 port_ = 0;
};

void tst_ClientWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    echo_ = startServer("echo");
    port_ = echo_->addresses()[0].port();
}

void tst_ClientWindow::sendAndSeeTheEcho() {
    ClientWindow w;
    QSignalSpy states(&w, &ClientWindow::stateChanged);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    connectByHand(w, port_);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    QVERIFY(w.windowTitle().contains(QLatin1String("connected")));
    QVERIFY(w.windowTitle().contains(QStringLiteral("tcp 127.0.0.1:%1").arg(port_)));
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.last().at(0).toString(), QStringLiteral("connected"));

    // "Bonjour\x21" with the default LF ending: 8 bytes out, echoed back.
    sendByKeyboard(w, QStringLiteral("Bonjour\\x21"));
    QTRY_COMPARE(w.session()->bytesIn(), quint64(9));
    QTRY_COMPARE(w.session()->bytesOut(), quint64(9));  // counted from the sending thread
    const QString text = w.dataView()->plainText();
    QVERIFY2(text.contains(QStringLiteral("→ out Bonjour!")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("← in Bonjour!")), qPrintable(text));
    QVERIFY(child<QPlainTextEdit>(&w, "sendEdit")->toPlainText().isEmpty());
    QCOMPARE(child<QListWidget>(&w, "history")->count(), 1);
    QCOMPARE(child<QListWidget>(&w, "history")->item(0)->text(), QStringLiteral("Bonjour\\x21"));
    QVERIFY(child<QLabel>(&w, "counters")->text().contains(QLatin1String("In: 9 bytes, 1 msg")));

    // Hex toggle re-renders what is kept.
    QTest::mouseClick(child<QCheckBox>(&w, "hexCheck"), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(w.dataView()->isHex());
    QVERIFY2(w.dataView()->plainText().contains(QLatin1String("42 6f 6e 6a 6f 75 72 21  0a")),
             qPrintable(w.dataView()->plainText()));
    QTest::mouseClick(child<QCheckBox>(&w, "hexCheck"), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(!w.dataView()->plainText().contains(QLatin1String("42 6f 6e")));

    // Hex input with no line ending.
    child<QComboBox>(&w, "inputMode")->setCurrentIndex(1);
    child<QComboBox>(&w, "lineEnding")->setCurrentIndex(0);
    sendByKeyboard(w, QStringLiteral("00 ff 41"));
    QTRY_COMPARE(w.session()->bytesIn(), quint64(12));
    QVERIFY2(w.dataView()->plainText().contains(QStringLiteral("← in \\x00\\xffA")),
             qPrintable(w.dataView()->plainText()));

    // The trace tab saw this client's calls.
    auto* trace = child<TraceView>(&w, "traceView");
    auto calls = [trace] {
        QStringList out;
        for (int r = 0; r < trace->model()->rowCount(); ++r)
            out << trace->model()->index(r, TraceModel::Call).data().toString();
        return out;
    };
    QTRY_VERIFY(calls().contains(QLatin1String("recv")));
    QVERIFY2(calls().contains(QLatin1String("socket")), qPrintable(calls().join(',')));
    QVERIFY(calls().contains(QLatin1String("connect")));
    QVERIFY(calls().contains(QLatin1String("send")));
    QVERIFY(calls().indexOf(QLatin1String("connect")) < calls().indexOf(QLatin1String("send")));

    // Disconnect.
    QCOMPARE(child<QPushButton>(&w, "connectButton")->text(), QStringLiteral("&Disconnect"));
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
    QVERIFY(w.windowTitle().contains(QLatin1String("closed")));
    QVERIFY(!child<QPushButton>(&w, "sendButton")->isEnabled());
    QVERIFY(child<QLineEdit>(&w, "port")->isEnabled());
}

void tst_ClientWindow::chatModeFormatsLikeTheCourse() {
    ClientWindow w;
    w.show();
    connectByHand(w, port_);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    QTest::mouseClick(child<QCheckBox>(&w, "chatCheck"), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(w.sendPanel()->chatMode());
    QCOMPARE(w.sendPanel()->framing(), Framing::Line);
    typeInto(child<QLineEdit>(&w, "nickEdit"), QStringLiteral("alice"));
    sendByKeyboard(w, QStringLiteral("salut tout le monde"));
    QTRY_COMPARE(w.messagesIn(), quint64(1));
    // The course's sprintf("[%d]%s:%s", time(NULL), pseudo, message) by default.
    const QRegularExpression line(
        QStringLiteral("(→ out|← in) \\[\\d+\\]alice:salut tout le monde$"),
        QRegularExpression::MultilineOption);
    QCOMPARE(w.dataView()->plainText().count(line), 2);  // what went out, and its echo
    w.sendPanel()->setChatFormat(ChatFormat::Clock);
    sendByKeyboard(w, QStringLiteral("re"));
    QTRY_COMPARE(w.messagesIn(), quint64(2));
    const QRegularExpression clock(
        QStringLiteral("(→ out|← in) \\[\\d\\d:\\d\\d:\\d\\d\\] alice: re$"),
        QRegularExpression::MultilineOption);
    QCOMPARE(w.dataView()->plainText().count(clock), 2);
    w.close();
}

void tst_ClientWindow::refusedPortShowsEconnrefused() {
    ClientWindow w;
    w.show();
    connectByHand(w, closedPort());
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Failed);
    QVERIFY2(child<QLabel>(&w, "statusLabel")->text().contains(QLatin1String("ECONNREFUSED")),
             qPrintable(child<QLabel>(&w, "statusLabel")->text()));
    QVERIFY(w.dataView()->plainText().contains(QLatin1String("ECONNREFUSED")));
    QVERIFY(w.windowTitle().contains(QLatin1String("failed")));
    QCOMPARE(child<QPushButton>(&w, "connectButton")->text(), QStringLiteral("&Connect"));
}

void tst_ClientWindow::badPortIsMarkedInline() {
    ClientWindow w;
    w.show();
    typeInto(child<QLineEdit>(&w, "port"), QString());
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
    QCOMPARE(w.session()->state(), ClientSession::State::Disconnected);
    QVERIFY(child<QLabel>(&w, "statusLabel")
                ->text()
                .contains(QLatin1String("port between 1 and 65535")));
    QVERIFY(!child<QLineEdit>(&w, "port")->styleSheet().isEmpty());
}

void tst_ClientWindow::chargenFloodKeepsTheWindowLive_data() {
    QTest::addColumn<int>("framing");
    QTest::newRow("raw") << 0;
    QTest::newRow("line") << 1;
}

void tst_ClientWindow::chargenFloodKeepsTheWindowLive() {
    QFETCH(int, framing);
    auto chargen = startServer("chargen");
    ClientWindow w;
    w.show();
    child<QComboBox>(&w, "framing")->setCurrentIndex(framing);
    connectByHand(w, chargen->addresses()[0].port());
    // The loop keeps turning (QTRY polls through it) while megabytes arrive,
    // and what is shown stays bounded.
    QTRY_VERIFY_WITH_TIMEOUT(w.session()->bytesIn() > 3u * 1024 * 1024, 20000);
    QVERIFY(w.messagesIn() > 0);
    QVERIFY(w.dataView()->recordCount() <= 2000);
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Closed);
    QVERIFY(w.dataView()->plainText().size() < 4 * 1024 * 1024);
}

void tst_ClientWindow::twentyWindowsOpenAndClose() {
    QList<QPointer<ClientWindow>> windows;
    for (int i = 0; i < 20; ++i) {
        auto* w = ClientWindow::open(QStringLiteral("127.0.0.1"), port_, QStringLiteral("tcp"));
        QVERIFY(w->isVisible());
        w->connectFromForm();
        windows << w;
    }
    QTRY_VERIFY([&] {
        for (auto& w : windows)
            if (w->session()->state() != ClientSession::State::Connected) return false;
        return true;
    }());
    QTRY_COMPARE(echo_->stats().active, uint64_t(20));
    for (auto& w : windows) w->close();  // WA_DeleteOnClose
    QTRY_VERIFY([&] {
        for (auto& w : windows)
            if (w) return false;
        return true;
    }());
    QTRY_COMPARE(echo_->stats().active, uint64_t(0));
}

void tst_ClientWindow::screenshot() {
    ClientWindow w;
    w.resize(720, 560);
    w.show();
    connectByHand(w, port_);
    QTRY_COMPARE(w.session()->state(), ClientSession::State::Connected);
    child<QComboBox>(&w, "framing")
        ->setCurrentIndex(1);  // line: one row per line, however it arrives
    sendByKeyboard(w, QStringLiteral("Bonjour"));
    sendByKeyboard(w, QStringLiteral("binary \\x00\\x01\\xfe"));
    QTRY_COMPARE(w.messagesIn(), quint64(2));
    const QString path = QDir::temp().filePath(QStringLiteral("sockwb-clientwindow.png"));
    QVERIFY(w.grab().save(path));
    w.dataView()->setHex(true);
    QVERIFY(w.grab().save(QDir::temp().filePath(QStringLiteral("sockwb-clientwindow-hex.png"))));
    child<QTabWidget>(&w, "tabs")->setCurrentIndex(1);
    QVERIFY(w.grab().save(QDir::temp().filePath(QStringLiteral("sockwb-clientwindow-trace.png"))));

    ClientWindow chat;
    chat.resize(720, 420);
    chat.show();
    connectByHand(chat, port_);
    QTRY_COMPARE(chat.session()->state(), ClientSession::State::Connected);
    chat.sendPanel()->setChatMode(true);
    chat.sendPanel()->setNickname(QStringLiteral("alice"));
    child<QPlainTextEdit>(&chat, "sendEdit")->setPlainText(QStringLiteral("Bonjour à tous"));
    sendByKeyboard(chat, QString());
    QTRY_COMPARE(chat.messagesIn(), quint64(1));
    QVERIFY(
        chat.grab().save(QDir::temp().filePath(QStringLiteral("sockwb-clientwindow-chat.png"))));

    ClientWindow refused;
    refused.resize(720, 300);
    refused.show();
    connectByHand(refused, closedPort());
    QTRY_COMPARE(refused.session()->state(), ClientSession::State::Failed);
    QVERIFY(refused.grab().save(
        QDir::temp().filePath(QStringLiteral("sockwb-clientwindow-refused.png"))));
}

SOCKWB_TEST_MAIN(tst_ClientWindow)
#include "tst_clientwindow.moc"
