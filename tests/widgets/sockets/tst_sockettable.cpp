// The socket table (Workbench > Sockets on This Machine...): the model merges
// snapshots in place (rows keep their place, no reset, new rows marked, gone
// rows greyed then removed), the filters (port, state, protocol, mine, text),
// the column tooltips, and the window on real sockets the test makes: a
// listener with a connection not accepted shows Recv-Q 1 and its backlog as
// Send-Q; a connection closed first on the test's side leaves TIME-WAIT.

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>
#include <functional>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/sockets/socketfilter.h"
#include "widgets/sockets/sockettablemodel.h"
#include "widgets/sockets/sockettablewindow.h"
#include "widgets/sockets/sockettext.h"

using namespace sockwb;

namespace {
SocketEntry tcp(const char* local, uint16_t lport, const char* peer, uint16_t pport, int state,
                uint64_t inode, uint32_t uid = 1000) {
    SocketEntry e;
    e.protocol = SocketEntry::Protocol::Tcp;
    e.family = AF_INET;
    e.sockType = SOCK_STREAM;
    e.state = state;
    e.local = std::string(local) + ":" + std::to_string(lport);
    e.peer = pport ? std::string(peer) + ":" + std::to_string(pport) : std::string(peer) + ":*";
    e.localPort = lport;
    e.peerPort = pport;
    e.inode = inode;
    e.uid = uid;
    return e;
}
SocketEntry udp(uint16_t lport, uint64_t inode, uint32_t uid = 1000) {
    SocketEntry e = tcp("0.0.0.0", lport, "0.0.0.0", 0, 7, inode, uid);
    e.protocol = SocketEntry::Protocol::Udp;
    e.sockType = SOCK_DGRAM;
    return e;
}
SocketEntry unixStream(const char* path, int state, uint64_t inode, uint32_t uid = 1000) {
    SocketEntry e;
    e.protocol = SocketEntry::Protocol::Unix;
    e.family = AF_UNIX;
    e.sockType = SOCK_STREAM;
    e.state = state;
    e.local = path;
    e.peer = "*";
    e.inode = inode;
    e.uid = uid;
    return e;
}
constexpr int kEstablished = 1, kTimeWait = 6, kListen = 10;

QStringList shownColumn(const QAbstractItemModel& m, int column) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r, column).data().toString();
    out.sort();
    return out;
}

// Refreshes until cond holds (each round waits for one refresh to be applied).
bool refreshUntil(SocketTableWindow& w, const std::function<bool()>& cond) {
    for (int round = 0; round < 100; ++round) {
        QSignalSpy spy(&w, &SocketTableWindow::refreshed);
        QSignalSpy failed(&w, &SocketTableWindow::refreshFailed);
        w.refreshNow();
        if (!QTest::qWaitFor([&] { return spy.count() > 0 || failed.count() > 0; }, 10000))
            return false;
        if (failed.count() > 0) {
            qWarning("refresh failed: %s", qPrintable(failed.front().front().toString()));
            return false;
        }
        if (cond()) return true;
    }
    return false;
}

// The model row of a shown TCP socket with this local port and state; -1 if none.
int findRow(const SocketTableModel& m, uint16_t localPort, int state, uint16_t peerPort = 0) {
    for (int r = 0; r < m.rowCount(); ++r) {
        const SocketEntry& e = m.entry(r);
        if (e.protocol == SocketEntry::Protocol::Tcp && e.localPort == localPort &&
            e.state == state && (peerPort == 0 || e.peerPort == peerPort) && !m.isGone(r))
            return r;
    }
    return -1;
}
}  // namespace

class tst_SocketTable : public QObject {
    Q_OBJECT

private slots:
    void modelDiffKeepsRowsStable();
    void newRowsMarkedGoneRowsFade();
    void filterPortStateProtocol();
    void filterMineAndSearch();
    void tooltips();
    void listenerShowsAcceptQueueAndBacklog();
    void timeWaitAfterActiveClose();
};

void tst_SocketTable::modelDiffKeepsRowsStable() {
    SocketTableModel m;
    m.setHighlightMs(0);
    m.setEntries({tcp("127.0.0.1", 5000, "0.0.0.0", 0, kListen, 11),
                  tcp("127.0.0.1", 40000, "127.0.0.1", 5000, kEstablished, 12),
                  tcp("127.0.0.1", 5000, "127.0.0.1", 40000, kEstablished, 13)});
    QCOMPARE(m.rowCount(), 3);
    QVERIFY(!m.isFresh(0) && !m.isFresh(1) && !m.isFresh(2));  // the first load marks nothing
    QPersistentModelIndex client(m.index(1, SocketText::RecvQ));
    QPersistentModelIndex accepted(m.index(2, SocketText::RecvQ));
    QSignalSpy reset(&m, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);

    // The listener goes away, the accepted socket now holds 5 bytes, a
    // second client comes: only those rows move or change.
    auto second = tcp("127.0.0.1", 40001, "127.0.0.1", 5000, kEstablished, 14);
    auto busy = tcp("127.0.0.1", 5000, "127.0.0.1", 40000, kEstablished, 13);
    busy.recvQ = 5;
    m.setEntries({second, tcp("127.0.0.1", 40000, "127.0.0.1", 5000, kEstablished, 12), busy});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);  // the accepted socket's row only
    QCOMPARE(m.rowCount(), 3);
    QVERIFY(client.isValid() && accepted.isValid());
    QCOMPARE(client.row(), 0);
    QCOMPARE(accepted.row(), 1);
    QCOMPARE(accepted.data().toString(), QStringLiteral("5"));
    QCOMPARE(m.entry(2).inode, uint64_t(14));  // the new one at the end
    QCOMPARE(m.rowOf(SocketTableModel::keyOf(second)), 2);

    // The same snapshot again changes nothing.
    changed.clear();
    m.setEntries({second, tcp("127.0.0.1", 40000, "127.0.0.1", 5000, kEstablished, 12), busy});
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m.rowCount(), 3);

    // A duplicate key in a snapshot still makes one row.
    m.setEntries({second, second});
    QCOMPARE(m.rowCount(), 1);
    m.setEntries({second, second});
    QCOMPARE(m.rowCount(), 1);
}

void tst_SocketTable::newRowsMarkedGoneRowsFade() {
    SocketTableModel m;
    m.setHighlightMs(80);
    m.setEntries({udp(53, 1), udp(5353, 2)});
    m.setEntries({udp(5353, 2), udp(6000, 3)});
    QCOMPARE(m.rowCount(), 3);
    QVERIFY(m.isGone(0));
    QVERIFY(m.index(0, 0).data(Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(!m.isFresh(1) && !m.isGone(1));
    QVERIFY(m.isFresh(2));
    QVERIFY(m.index(2, 0).data(Qt::FontRole).value<QFont>().bold());
    // After the highlight the gone row is removed and the new one unmarked.
    QTRY_COMPARE(m.rowCount(), 2);
    QTRY_VERIFY(!m.isFresh(1));
    QCOMPARE(m.entry(0).localPort, uint16_t(5353));
    QCOMPARE(m.entry(1).localPort, uint16_t(6000));
    QVERIFY(!m.index(1, 0).data(Qt::FontRole).isValid());
    // A gone row that comes back is the same row again.
    m.setEntries({udp(6000, 3)});
    QVERIFY(m.isGone(0));
    m.setEntries({udp(5353, 2), udp(6000, 3)});
    QCOMPARE(m.rowCount(), 2);
    QVERIFY(!m.isGone(0));
}

void tst_SocketTable::filterPortStateProtocol() {
    SocketTableModel m;
    SocketFilter f;
    f.setSourceModel(&m);
    m.setEntries({tcp("0.0.0.0", 8080, "0.0.0.0", 0, kListen, 1),
                  tcp("127.0.0.1", 41000, "127.0.0.1", 8080, kEstablished, 2),
                  tcp("127.0.0.1", 41001, "127.0.0.1", 8080, kTimeWait, 0, 0),
                  tcp("127.0.0.1", 9000, "0.0.0.0", 0, kListen, 4), udp(8080, 5),
                  unixStream("/run/x.sock", kListen, 6)});
    QCOMPARE(f.rowCount(), 6);
    f.setProtocols(true, true, false);
    QCOMPARE(f.rowCount(), 5);
    f.setProtocols(true, true, true);
    f.setPort(8080);  // local or peer port; never a Unix socket
    QCOMPARE(f.rowCount(), 4);
    f.setState(QStringLiteral("time_wait"));  // any case, '_' for '-'
    QCOMPARE(f.state(), QStringLiteral("TIME-WAIT"));
    QCOMPARE(f.rowCount(), 1);
    QCOMPARE(f.index(0, SocketText::Local).data().toString(), QStringLiteral("127.0.0.1:41001"));
    f.setState(QStringLiteral("LISTEN"));
    QCOMPARE(shownColumn(f, SocketText::Local), QStringList{QStringLiteral("0.0.0.0:8080")});
    f.setPort(-1);
    QCOMPARE(f.rowCount(), 3);  // the two TCP listeners and the Unix one
    f.setProtocols(true, false, false);
    QCOMPARE(f.rowCount(), 2);
    f.setState(QStringLiteral("UNCONN"));
    QCOMPARE(f.rowCount(), 0);
    f.setProtocols(false, true, false);
    QCOMPARE(shownColumn(f, SocketText::Netid), QStringList{QStringLiteral("udp")});
    f.setState(QString());
    f.setProtocols(false, false, true);
    QCOMPARE(shownColumn(f, SocketText::Netid), QStringList{QStringLiteral("u_str")});
}

void tst_SocketTable::filterMineAndSearch() {
    SocketTableModel m;
    SocketFilter f;
    f.setSourceModel(&m);
    f.setMe(1000, 4242);
    auto mine = tcp("127.0.0.1", 7000, "0.0.0.0", 0, kListen, 1, 1000);
    auto root = tcp("0.0.0.0", 22, "0.0.0.0", 0, kListen, 2, 0);
    auto held = tcp("127.0.0.1", 7001, "0.0.0.0", 0, kListen, 3, 0);  // another uid, our fd
    held.owners.push_back({4242, 7, "sockwb"});
    auto other = tcp("127.0.0.1", 7002, "0.0.0.0", 0, kListen, 4, 1001);
    other.owners.push_back({99, 3, "nginx"});
    auto timeWait = tcp("127.0.0.1", 7003, "127.0.0.1", 7000, kTimeWait, 0, 1000);
    m.setEntries({mine, root, held, other, timeWait});
    QCOMPARE(f.rowCount(), 5);
    f.setMineOnly(true);
    QCOMPARE(shownColumn(f, SocketText::Local),
             (QStringList{QStringLiteral("127.0.0.1:7000"), QStringLiteral("127.0.0.1:7001")}));
    f.setMineOnly(false);
    f.setSearch(QStringLiteral("NGINX"));
    QCOMPARE(shownColumn(f, SocketText::Local), QStringList{QStringLiteral("127.0.0.1:7002")});
    QCOMPARE(f.index(0, SocketText::Process).data().toString(),
             QStringLiteral("nginx (pid 99, fd 3)"));
    f.setSearch(QStringLiteral(":22"));
    QCOMPARE(f.rowCount(), 1);
    f.setSearch(QString());
    // Sorting by a numeric column sorts numbers, not text.
    f.sort(SocketText::Inode, Qt::AscendingOrder);
    QCOMPARE(f.index(0, SocketText::Inode).data().toString(), QStringLiteral("0"));
    QCOMPARE(f.index(4, SocketText::Inode).data().toString(), QStringLiteral("4"));
}

void tst_SocketTable::tooltips() {
    SocketTableModel m;
    for (int c = 0; c < SocketText::ColumnCount; ++c) {
        QVERIFY2(!m.headerData(c, Qt::Horizontal).toString().isEmpty(),
                 qPrintable(QString::number(c)));
        QVERIFY2(!m.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                 qPrintable(m.headerData(c, Qt::Horizontal).toString()));
    }
    const QString recv =
        m.headerData(SocketText::RecvQ, Qt::Horizontal, Qt::ToolTipRole).toString();
    const QString send =
        m.headerData(SocketText::SendQ, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(recv.contains(QStringLiteral("LISTEN")) && recv.contains(QStringLiteral("accept()")) &&
                 recv.contains(QStringLiteral("not read")),
             qPrintable(recv));
    QVERIFY2(send.contains(QStringLiteral("LISTEN")) && send.contains(QStringLiteral("backlog")) &&
                 send.contains(QStringLiteral("not acknowledged")),
             qPrintable(send));
    auto listener = tcp("0.0.0.0", 8080, "0.0.0.0", 0, kListen, 1);
    listener.recvQ = 3;
    listener.sendQ = 128;
    auto conn = tcp("127.0.0.1", 41000, "127.0.0.1", 8080, kEstablished, 2);
    conn.sendQ = 10;
    conn.timer = 1;
    conn.timerExpiresMs = 200;
    conn.timerRetransmits = 2;
    m.setEntries({listener, conn});
    QVERIFY(m.index(0, SocketText::RecvQ)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("3 connection(s) completed, waiting for accept()")));
    QVERIFY(m.index(0, SocketText::SendQ)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("128")));
    QVERIFY(m.index(1, SocketText::SendQ)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("not yet acknowledged")));
    QCOMPARE(m.index(1, SocketText::Timer).data().toString(),
             QStringLiteral("on 200 ms (retrans 2)"));
    SocketTableWindow w;
    for (auto* box : w.findChildren<QCheckBox*>())
        QVERIFY2(!box->toolTip().isEmpty(), qPrintable(box->text()));
    auto* mineBox = w.findChild<QCheckBox*>(QStringLiteral("socketMine"));
    QVERIFY(mineBox && mineBox->toolTip().contains(QString::number(::getuid())));
}

void tst_SocketTable::listenerShowsAcceptQueueAndBacklog() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), 7);
    const uint16_t port = listener.localAddress().port();
    Socket client = tcpConnect(listener.localAddress(), Millis(5000));  // never accepted

    SocketTableWindow w;
    w.setProtocols(true, false, false);
    w.setPortFilter(port);
    QVERIFY(refreshUntil(w, [&] {
        const int r = findRow(*w.model(), port, kListen);
        return r >= 0 && w.model()->entry(r).recvQ == 1;
    }));
    const int r = findRow(*w.model(), port, kListen);
    QCOMPARE(w.model()->index(r, SocketText::RecvQ).data().toString(), QStringLiteral("1"));
    QCOMPARE(w.model()->index(r, SocketText::SendQ).data().toString(), QStringLiteral("7"));
    QCOMPARE(w.model()->index(r, SocketText::State).data().toString(), QStringLiteral("LISTEN"));
    // The client's end and the connection waiting in the queue are there too.
    QVERIFY(findRow(*w.model(), client.localAddress().port(), kEstablished, port) >= 0);
    QVERIFY(findRow(*w.model(), port, kEstablished, client.localAddress().port()) >= 0);
    // The port filter shows these three (another program's socket could share
    // the port number); "mine" keeps our listener and client.
    QVERIFY(w.filter()->rowCount() >= 3);
    QVERIFY2(
        w.statusLabel()->text().startsWith(QStringLiteral("%1 shown").arg(w.filter()->rowCount())),
        qPrintable(w.statusLabel()->text()));
    w.setMineOnly(true);
    QVERIFY(w.filter()->rowCount() >= 2);
    w.setStateFilter(QStringLiteral("listen"));
    QCOMPARE(w.filter()->rowCount(), 1);
    QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("socketStateFilter"))->currentText(),
             QStringLiteral("LISTEN"));
    // Where /proc shows it, the process holding the listener is this one.
    const QString process = w.model()->index(r, SocketText::Process).data().toString();
    QVERIFY2(process.isEmpty() || process.contains(QStringLiteral("pid %1").arg(::getpid())),
             qPrintable(process));
    QVERIFY(!w.errorLabel()->isVisible());
}

void tst_SocketTable::timeWaitAfterActiveClose() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const uint16_t port = listener.localAddress().port();
    Socket client = tcpConnect(listener.localAddress(), Millis(5000));
    Socket server = listener.accept().socket;
    const uint16_t clientPort = client.localAddress().port();
    client.close();  // the test's side closes first: it is the one left in TIME-WAIT
    server.close();

    SocketTableWindow w;
    w.setPortFilter(port);
    w.setStateFilter(QStringLiteral("TIME-WAIT"));
    // Match the peer port too: another connection's TIME-WAIT can share the ephemeral port.
    QVERIFY(refreshUntil(w, [&] { return findRow(*w.model(), clientPort, kTimeWait, port) >= 0; }));
    const int r = findRow(*w.model(), clientPort, kTimeWait, port);
    QCOMPARE(w.model()->entry(r).peerPort, port);
    QVERIFY2(w.model()
                 ->index(r, SocketText::Timer)
                 .data()
                 .toString()
                 .startsWith(QStringLiteral("timewait")),
             qPrintable(w.model()->index(r, SocketText::Timer).data().toString()));
    QVERIFY(w.filter()->rowCount() >= 1);
    for (int i = 0; i < w.filter()->rowCount(); ++i)
        QCOMPARE(w.filter()->index(i, SocketText::State).data().toString(),
                 QStringLiteral("TIME-WAIT"));
    w.setMineOnly(true);  // a TIME-WAIT entry is no one's
    QCOMPARE(w.filter()->rowCount(), 0);
}

SOCKWB_TEST_MAIN(tst_SocketTable)
#include "tst_sockettable.moc"
