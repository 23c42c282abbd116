// The connections table's live TCP columns, in a real ServerPanel running
// an echo server on port 0 (once under epoll, once under thread): a client
// connects and the row shows ESTABLISHED, an RTT and the queues; a client
// that floods and never reads leaves bytes in the server's Send-Q; the
// sampler ticks several times while shown and stops when the table is
// hidden or has no TCP row.

#include <QTabWidget>
#include <QtTest>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/common/tcpsampler.h"
#include "widgets/server/connectionstable.h"
#include "widgets/server/serverpanel.h"

using namespace sockwb;

namespace {

QString cell(const ConnectionsTable* t, int row, int col) {
    const QTableWidgetItem* it = t->item(row, col);
    return it ? it->text() : QString();
}
QString tcpCell(const ConnectionsTable* t, int row, TcpText::Field f) {
    return cell(t, row, ConnectionsTable::column(f));
}
// A number as the table prints it (with the locale's group separators).
qlonglong number(const QString& text) {
    bool ok = false;
    const qlonglong n = QLocale().toLongLong(text, &ok);
    return ok ? n : -1;
}

}  // namespace

class tst_ConnectionsTcp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void rowShowsLiveTcpState();
    void unreadEchoFillsSendQ();
    void emptyTableSamplesNothing();

private:
    // A running echo server panel, shown; nullptr (and a failure) otherwise.
    std::unique_ptr<ServerPanel> startPanel();
};

void tst_ConnectionsTcp::initTestCase_data() {
    QTest::addColumn<QString>("model");
    QTest::newRow("epoll") << QStringLiteral("epoll");
    QTest::newRow("thread") << QStringLiteral("thread");
}

std::unique_ptr<ServerPanel> tst_ConnectionsTcp::startPanel() {
    QFETCH_GLOBAL(QString, model);
    ServerConfig config;
    config.listeners[0].service = "echo";
    config.model = model.toStdString();
    auto panel = std::make_unique<ServerPanel>(config);
    panel->resize(1200, 400);
    panel->show();
    panel->start();
    [&] { QTRY_COMPARE(panel->state(), ServerPanel::Running); }();
    if (panel->state() != ServerPanel::Running) return nullptr;
    return panel;
}

void tst_ConnectionsTcp::rowShowsLiveTcpState() {
    auto panel = startPanel();
    QVERIFY(panel);
    auto* table = panel->findChild<ConnectionsTable*>(QStringLiteral("connectionsTable"));
    QVERIFY(table);
    QSignalSpy ticks(table->tcpSampler(), &TcpSampler::sampled);
    QVERIFY(!table->tcpSampler()->isSampling());  // no connection yet

    Socket client = tcpConnect(panel->addresses().front(), Millis(5000));
    client.sendAll("hello\n");
    const QString peer = QString::fromStdString(client.localAddress().toString());
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(cell(table, 0, ConnectionsTable::Peer), peer);
    QTRY_COMPARE(tcpCell(table, 0, TcpText::State), QStringLiteral("ESTABLISHED"));
    QVERIFY(table->tcpSampler()->isSampling());
    // The echo came back: the server's socket received and had acknowledged 6 bytes.
    QTRY_COMPARE(number(tcpCell(table, 0, TcpText::BytesReceived)), 6LL);
    QTRY_COMPARE(number(tcpCell(table, 0, TcpText::BytesAcked)), 6LL);
    QVERIFY(tcpCell(table, 0, TcpText::Rtt).endsWith(QStringLiteral("ms")));
    QVERIFY(tcpCell(table, 0, TcpText::Rtt).contains(QStringLiteral("±")));
    QCOMPARE(number(tcpCell(table, 0, TcpText::RecvQ)), 0LL);
    QCOMPARE(number(tcpCell(table, 0, TcpText::SendQ)), 0LL);
    QVERIFY(number(tcpCell(table, 0, TcpText::Cwnd)) > 0);
    QVERIFY(!tcpCell(table, 0, TcpText::Ssthresh).isEmpty());
    QCOMPARE(number(tcpCell(table, 0, TcpText::Retransmits)), 0LL);
    // Live: the sampler keeps ticking while the table is shown.
    const int before = ticks.count();
    QTRY_VERIFY(ticks.count() >= before + 2);
    // Every column says what it means.
    for (int f = 0; f < TcpText::FieldCount; ++f)
        QVERIFY(!table->horizontalHeaderItem(ConnectionsTable::column(TcpText::Field(f)))
                     ->toolTip()
                     .isEmpty());

    // Hidden (another tab): no sampling.
    auto* tabs = panel->findChild<QTabWidget*>(QStringLiteral("serverTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    QTRY_VERIFY(!table->tcpSampler()->isSampling());
    tabs->setCurrentIndex(0);
    QTRY_VERIFY(table->tcpSampler()->isSampling());
    QTRY_COMPARE(tcpCell(table, 0, TcpText::State), QStringLiteral("ESTABLISHED"));

    // The client leaves: the row goes, and with it the sampling.
    client.close();
    QTRY_COMPARE(table->rowCount(), 0);
    QTRY_VERIFY(!table->tcpSampler()->isSampling());
    panel->stop();
    QTRY_COMPARE(panel->state(), ServerPanel::Stopped);
}

void tst_ConnectionsTcp::unreadEchoFillsSendQ() {
    auto panel = startPanel();
    QVERIFY(panel);
    auto* table = panel->findChild<ConnectionsTable*>(QStringLiteral("connectionsTable"));
    QVERIFY(table);
    // A client that sends a lot and never reads the echo: its receive
    // buffer fills, the server's echo waits in the server socket's Send-Q.
    Socket client = Socket::create(AF_INET, SOCK_STREAM);
    client.setRecvBufferSize(4096);
    client.connect(panel->addresses().front(), Millis(5000));
    client.setNonBlocking(true);
    const std::string chunk(64 * 1024, 'e');
    size_t sent = 0;
    for (int i = 0; i < 64; ++i) {
        const IoResult r = client.send(chunk);
        if (r.ok()) sent += r.bytes;
    }
    QVERIFY(sent > 0);
    QTRY_COMPARE(table->rowCount(), 1);
    QTRY_VERIFY(number(tcpCell(table, 0, TcpText::SendQ)) > 0);
    QCOMPARE(tcpCell(table, 0, TcpText::State), QStringLiteral("ESTABLISHED"));
    QVERIFY(number(tcpCell(table, 0, TcpText::BytesReceived)) > 0);
    client.close();
    QTRY_COMPARE(table->rowCount(), 0);
    panel->stop();
    QTRY_COMPARE(panel->state(), ServerPanel::Stopped);
}

void tst_ConnectionsTcp::emptyTableSamplesNothing() {
    // A table given rows without listener addresses (as a Unix-domain
    // server's rows are) has nothing to look up: no thread works.
    ConnectionsTable table;
    table.show();
    ConnectionInfo info;
    info.id = 1;
    info.peer = Address::fromIp("127.0.0.1", 40000);
    table.setConnections({info});
    QVERIFY(!table.tcpSampler()->isSampling());
    QVERIFY(tcpCell(&table, 0, TcpText::State).isEmpty());
    // With its listener's address it is sampled, and stops when hidden.
    table.setConnections({info}, {Address::fromIp("127.0.0.1", 1)});
    QVERIFY(table.tcpSampler()->isSampling());
    table.hide();
    QVERIFY(!table.tcpSampler()->isSampling());
    table.show();
    QVERIFY(table.tcpSampler()->isSampling());
    table.setConnections({}, {Address::fromIp("127.0.0.1", 1)});
    QVERIFY(!table.tcpSampler()->isSampling());
}

SOCKWB_TEST_MAIN(tst_ConnectionsTcp)
#include "tst_connectionstcp.moc"
