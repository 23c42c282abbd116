// The Launch Clients dialog driven through its widgets (offscreen): 20
// headless clients against a clock server (3 ticks, 100 ms) all reach
// "Au Revoir" in the table and the progress bar; echo ping fills the
// round-trip column; 20 client windows are created in batches without
// blocking the event loop, then closed; a refused target shows ECONNREFUSED.

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QtTest/QtTest>

#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/headlessclients.h"
#include "widgets/client/launchclientsdialog.h"
#include "widgets/client/windowplacement.h"

using namespace sockwb;

namespace {

std::unique_ptr<Server> startServer(const std::string& service, int ticks = 3,
                                    int intervalMs = 100) {
    ServerConfig config;
    config.listeners[0].service = service;
    config.model = "epoll";
    config.serviceOptions.ticks = ticks;
    config.serviceOptions.intervalMs = intervalMs;
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

// Fills the dialog's form through its widgets.
void fillForm(LaunchClientsDialog& d, quint16 port, int count, int scenarioIndex, bool windows,
              int intervalMs = 1000) {
    auto* host = child<QLineEdit>(&d, "host");
    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&d, "port")->setValue(port);
    child<QSpinBox>(&d, "count")->setValue(count);
    child<QComboBox>(&d, "scenario")->setCurrentIndex(scenarioIndex);
    child<QSpinBox>(&d, "interval")->setValue(intervalMs);
    QTest::mouseClick(child<QRadioButton>(&d, windows ? "asWindows" : "headless"), Qt::LeftButton,
                      {}, QPoint(5, 5));
}

QString cell(QTableView* table, int row, int column) {
    return table->model()->index(row, column).data().toString();
}

}  // namespace

class tst_LaunchClients : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void twentyHeadlessReachAuRevoir();
    void echoPingShowsRoundTrip();
    void refusedTargetShowsTheError();
    void twentyWindowsInBatches();
    void hundredWindowsKeepTheGuiResponsive();
    void placementStaysOnScreen();
    void screenshot();
};

void tst_LaunchClients::initTestCase() { QStandardPaths::setTestModeEnabled(true); }

void tst_LaunchClients::twentyHeadlessReachAuRevoir() {
    auto clock = startServer("clock", 3, 100);
    LaunchClientsDialog d;
    d.show();
    fillForm(d, clock->addresses()[0].port(), 20, 0, false);
    QTest::mouseClick(child<QPushButton>(&d, "startButton"), Qt::LeftButton);
    auto* progress = child<QProgressBar>(&d, "progress");
    auto* table = child<QTableView>(&d, "clientsTable");
    QCOMPARE(table->model()->rowCount(), 20);
    QCOMPARE(progress->maximum(), 20);
    QVERIFY(child<QPushButton>(&d, "stopButton")->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(progress->value(), 20, 10000);
    for (int r = 0; r < 20; ++r) {
        QCOMPARE(cell(table, r, HeadlessClients::State), QStringLiteral("Au Revoir received"));
        QCOMPARE(cell(table, r, HeadlessClients::LastMessage), QStringLiteral("Au Revoir"));
        QCOMPARE(cell(table, r, HeadlessClients::Messages), QStringLiteral("4 in / 1 out"));
        QCOMPARE(cell(table, r, HeadlessClients::BytesOut), QStringLiteral("8"));
        QVERIFY(cell(table, r, HeadlessClients::Problem).isEmpty());
    }
    QCOMPARE(child<QLabel>(&d, "summary")->text(),
             QStringLiteral("20 of 20 clients received \"Au Revoir\""));
    QTRY_VERIFY(child<QPushButton>(&d, "startButton")->isEnabled());
    QTRY_COMPARE(clock->stats().accepted, uint64_t(20));
}

void tst_LaunchClients::echoPingShowsRoundTrip() {
    auto echo = startServer("echo");
    LaunchClientsDialog d;
    d.show();
    fillForm(d, echo->addresses()[0].port(), 10, 1, false, 50);
    QTest::mouseClick(child<QPushButton>(&d, "startButton"), Qt::LeftButton);
    auto* table = child<QTableView>(&d, "clientsTable");
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < 10; ++r)
                if (!cell(table, r, HeadlessClients::RoundTrip).endsWith(QLatin1Char(')')))
                    return false;
            return true;
        }(),
        10000);
    QCOMPARE(child<QProgressBar>(&d, "progress")->value(), 10);  // all connected
    QVERIFY(cell(table, 0, HeadlessClients::RoundTrip).contains(QLatin1String(" ms (avg ")));
    QTest::mouseClick(child<QPushButton>(&d, "stopButton"), Qt::LeftButton);
    QCOMPARE(cell(table, 0, HeadlessClients::State), QStringLiteral("closed"));
    QVERIFY(child<QPushButton>(&d, "startButton")->isEnabled());
    QTRY_COMPARE(echo->stats().active, uint64_t(0));
}

void tst_LaunchClients::refusedTargetShowsTheError() {
    quint16 port;
    {
        Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
        port = s.localAddress().port();
    }
    LaunchClientsDialog d;
    d.show();
    fillForm(d, port, 5, 3, false);
    QTest::mouseClick(child<QPushButton>(&d, "startButton"), Qt::LeftButton);
    auto* table = child<QTableView>(&d, "clientsTable");
    QTRY_COMPARE(cell(table, 4, HeadlessClients::State), QStringLiteral("failed"));
    QVERIFY2(cell(table, 4, HeadlessClients::Problem).contains(QLatin1String("ECONNREFUSED")),
             qPrintable(cell(table, 4, HeadlessClients::Problem)));
    QTRY_VERIFY(child<QLabel>(&d, "summary")->text().contains(QLatin1String("5 failed")));
}

void tst_LaunchClients::twentyWindowsInBatches() {
    auto echo = startServer("echo");
    LaunchClientsDialog d;
    QSignalSpy opened(&d, &LaunchClientsDialog::windowOpened);
    d.show();
    fillForm(d, echo->addresses()[0].port(), 20, 1, true, 100);
    QTest::mouseClick(child<QPushButton>(&d, "startButton"), Qt::LeftButton);
    // Created from a zero-timer, a few per event-loop turn: none yet.
    QCOMPARE(d.windows().size(), 0);
    QCOMPARE(d.pendingWindows(), 20);
    QTRY_COMPARE(d.windows().size(), 20);
    QCOMPARE(opened.size(), 20);
    QTRY_VERIFY([&] {
        for (auto* w : d.windows())
            if (w->messagesIn() < 1) return false;  // each one pinged and got its echo
        return true;
    }());
    QCOMPARE(echo->stats().active, uint64_t(20));
    // Cascaded: no two windows at the same place.
    QSet<QPair<int, int>> corners;
    for (auto* w : d.windows()) corners.insert({w->x(), w->y()});
    QCOMPARE(corners.size(), 20);
    QTest::mouseClick(child<QPushButton>(&d, "closeWindowsButton"), Qt::LeftButton);
    QTRY_COMPARE(d.windows().size(), 0);
    QTRY_COMPARE(echo->stats().active, uint64_t(0));
}

void tst_LaunchClients::hundredWindowsKeepTheGuiResponsive() {
    auto echo = startServer("echo");
    LaunchClientsDialog d;
    d.show();
    fillForm(d, echo->addresses()[0].port(), 100, 3, true);
    child<QComboBox>(&d, "placement")->setCurrentIndex(1);  // tiled
    // A 5 ms timer turns between the batches if they leave the loop free:
    // count how many windows appear between two of its ticks (a load-proof
    // measure) and the longest stall (wall time: only a loose bound, the
    // test machine may be loaded).
    QElapsedTimer sinceLast;
    qint64 longest = 0;
    qsizetype lastCount = 0;
    qsizetype mostPerTurn = 0;
    QTimer probe;
    probe.setInterval(5);
    connect(&probe, &QTimer::timeout, this, [&] {
        longest = std::max(longest, sinceLast.restart());
        mostPerTurn = std::max(mostPerTurn, d.windows().size() - lastCount);
        lastCount = d.windows().size();
    });
    sinceLast.start();
    probe.start();
    QTest::mouseClick(child<QPushButton>(&d, "startButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(d.windows().size(), 100, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(echo->stats().active, uint64_t(100), 10000);
    probe.stop();
    qInfo("100 windows: at most %lld per event-loop turn, longest stall %lld ms",
          qlonglong(mostPerTurn), longest);
    QVERIFY2(mostPerTurn <= 2, qPrintable(QString::number(mostPerTurn)));
    QVERIFY2(longest < 3000, qPrintable(QString::number(longest)));
    const QRect area = WindowPlacement::availableArea(&d);
    for (auto* w : d.windows()) QVERIFY(area.intersects(w->geometry()));
    d.closeWindows();
    QTRY_COMPARE(d.windows().size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(echo->stats().active, uint64_t(0), 10000);
}

void tst_LaunchClients::placementStaysOnScreen() {
    const QRect area(0, 0, 1280, 800);
    for (int i = 0; i < 500; ++i) {
        QVERIFY(area.contains(WindowPlacement::cascade(i, QSize(560, 440), area)));
        QVERIFY(area.contains(WindowPlacement::tile(i, 500, area)));
    }
    QCOMPARE(WindowPlacement::tile(0, 4, area), QRect(0, 0, 640, 400));
    QCOMPARE(WindowPlacement::tile(3, 4, area), QRect(640, 400, 640, 400));
    QVERIFY(WindowPlacement::cascade(1, QSize(560, 440), area).topLeft() !=
            WindowPlacement::cascade(0, QSize(560, 440), area).topLeft());
}

void tst_LaunchClients::screenshot() {
    auto clock = startServer("clock", 3, 100);
    LaunchClientsDialog d;
    d.show();
    fillForm(d, clock->addresses()[0].port(), 12, 0, false);
    QTest::mouseClick(child<QPushButton>(&d, "startButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QProgressBar>(&d, "progress")->value(), 12, 10000);
    QVERIFY(d.grab().save(QDir::temp().filePath(QStringLiteral("sockwb-launchclients.png"))));
}

SOCKWB_TEST_MAIN(tst_LaunchClients)
#include "tst_launchclients.moc"
