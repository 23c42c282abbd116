// TraceView and TraceModel: the bounded ring (drops counted), filters by
// call and fd, pause, clear, CSV export, cheat-sheet tooltips, and the
// TraceAdapter feeding it from core threads.

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <thread>

#include "support/testmain.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {
TraceEvent makeEvent(int i, const char* call = "recv", int fd = 4) {
    TraceEvent e;
    e.timeUs = 1700000000000000LL + i;
    e.pid = 100;
    e.tid = 101;
    e.fd = fd;
    e.call = call;
    e.args = std::to_string(i);
    e.result = i;
    e.durationNs = 1500;
    return e;
}
QVector<TraceEvent> events(int from, int count) {
    QVector<TraceEvent> out;
    for (int i = from; i < from + count; ++i) out << makeEvent(i);
    return out;
}
// The call column of every visible row.
QStringList calls(const TraceModel* m) {
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->data(m->index(r, TraceModel::Call)).toString();
    return out;
}
QString argsAt(const TraceModel* m, int row) {
    return m->data(m->index(row, TraceModel::Args)).toString();
}
// A small server's story, with one failure.
QVector<TraceEvent> story() {
    QVector<TraceEvent> out;
    int i = 0;
    for (auto [call, fd] : std::initializer_list<std::pair<const char*, int>>{{"socket", 3},
                                                                              {"bind", 3},
                                                                              {"listen", 3},
                                                                              {"accept4", 3},
                                                                              {"recv", 5},
                                                                              {"send", 5},
                                                                              {"recv", 6},
                                                                              {"close", 5}}) {
        out << makeEvent(i++, call, fd);
    }
    out[6].result = -1;
    out[6].err = ECONNRESET;
    return out;
}
}  // namespace

class tst_TraceView : public QObject {
    Q_OBJECT
private slots:
    void ringBuffer_data();
    void ringBuffer();
    void shrinkCapacity();
    void filterByCallAndFd_data();
    void filterByCallAndFd();
    void filterKeepsNewEvents();
    void pauseHoldsRows();
    void clearButton();
    void csvExport();
    void cellsAndTooltips();
    void adapterFromCoreThreads();
};

void tst_TraceView::ringBuffer_data() {
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("batch");
    QTest::newRow("fits") << 100 << 80 << 10;
    QTest::newRow("exactly full") << 100 << 100 << 25;
    QTest::newRow("overflow in small batches") << 100 << 250 << 30;
    QTest::newRow("one batch larger than the ring") << 50 << 400 << 400;
}

void tst_TraceView::ringBuffer() {
    QFETCH(int, capacity);
    QFETCH(int, total);
    QFETCH(int, batch);
    TraceView view(nullptr, capacity);
    for (int i = 0; i < total; i += batch) view.appendEvents(events(i, std::min(batch, total - i)));
    const int kept = std::min(capacity, total);
    QCOMPARE(view.model()->rowCount(), kept);
    QCOMPARE(view.dropped(), quint64(total - kept));
    QCOMPARE(view.model()->received(), quint64(total));
    // The newest are kept, in order.
    QCOMPARE(argsAt(view.model(), 0), QString::number(total - kept));
    QCOMPARE(argsAt(view.model(), kept - 1), QString::number(total - 1));
    if (total > kept) {
        QVERIFY2(view.findChild<QLabel*>(QStringLiteral("traceStatus"))
                     ->text()
                     .contains(QStringLiteral("dropped")),
                 qPrintable(view.findChild<QLabel*>(QStringLiteral("traceStatus"))->text()));
    }
}

void tst_TraceView::shrinkCapacity() {
    TraceView view(nullptr, 1000);
    view.appendEvents(events(0, 500));
    auto* box = view.findChild<QSpinBox*>(QStringLiteral("capacityBox"));
    QVERIFY(box);
    box->setValue(200);
    QCOMPARE(view.capacity(), 200);
    QCOMPARE(view.model()->rowCount(), 200);
    QCOMPARE(view.dropped(), quint64(300));
    QCOMPARE(argsAt(view.model(), 0), QStringLiteral("300"));
}

void tst_TraceView::filterByCallAndFd_data() {
    QTest::addColumn<QString>("callFilter");
    QTest::addColumn<QString>("fdFilter");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << ""
                          << "" << QStringList{"socket", "bind", "listen", "accept4",
                                               "recv",   "send", "recv",   "close"};
    QTest::newRow("accept prefix matches accept4") << "accept"
                                                   << "" << QStringList{"accept4"};
    QTest::newRow("two calls") << "recv, send"
                               << "" << QStringList{"recv", "send", "recv"};
    QTest::newRow("fd only") << ""
                             << "5" << QStringList{"recv", "send", "close"};
    QTest::newRow("call and fd") << "recv"
                                 << "6" << QStringList{"recv"};
    QTest::newRow("nothing matches") << "connect"
                                     << "" << QStringList{};
}

void tst_TraceView::filterByCallAndFd() {
    QFETCH(QString, callFilter);
    QFETCH(QString, fdFilter);
    QFETCH(QStringList, expected);
    TraceView view;
    view.appendEvents(story());
    auto* call = view.findChild<QLineEdit*>(QStringLiteral("callFilter"));
    auto* fd = view.findChild<QLineEdit*>(QStringLiteral("fdFilter"));
    QVERIFY(call && fd);
    QTest::keyClicks(call, callFilter);
    QTest::keyClicks(fd, fdFilter);
    QCOMPARE(calls(view.model()), expected);
    // Clearing the filters shows everything again.
    call->clear();
    fd->clear();
    QCOMPARE(view.model()->rowCount(), 8);
}

void tst_TraceView::filterKeepsNewEvents() {
    TraceView view(nullptr, 10);
    view.setCallFilter(QStringLiteral("send"));
    QVector<TraceEvent> batch;
    for (int i = 0; i < 30; ++i) batch << makeEvent(i, i % 3 == 0 ? "send" : "recv");
    view.appendEvents(batch);
    // The ring keeps the last 10 events (20..29); of those 21, 24, 27 are sends.
    QCOMPARE(view.model()->storedCount(), 10);
    QCOMPARE(view.model()->rowCount(), 3);
    QCOMPARE(argsAt(view.model(), 0), QStringLiteral("21"));
    view.setCallFilter({});
    QCOMPARE(view.model()->rowCount(), 10);
}

void tst_TraceView::pauseHoldsRows() {
    TraceView view;
    view.appendEvents(events(0, 5));
    auto* pause = view.findChild<QToolButton*>(QStringLiteral("pauseButton"));
    QVERIFY(pause);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(view.isPaused());
    view.appendEvents(events(5, 7));
    QCOMPARE(view.model()->rowCount(), 5);
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("traceStatus"))
                ->text()
                .contains(QStringLiteral("7")));
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!view.isPaused());
    QCOMPARE(view.model()->rowCount(), 12);
    QCOMPARE(argsAt(view.model(), 11), QStringLiteral("11"));
}

void tst_TraceView::clearButton() {
    TraceView view(nullptr, 10);
    view.appendEvents(events(0, 25));
    QCOMPARE(view.dropped(), quint64(15));
    QTest::mouseClick(view.findChild<QToolButton*>(QStringLiteral("clearButton")), Qt::LeftButton);
    QCOMPARE(view.model()->rowCount(), 0);
    QCOMPARE(view.dropped(), quint64(0));
    view.appendEvents(events(100, 2));
    QCOMPARE(view.model()->rowCount(), 2);
    QCOMPARE(argsAt(view.model(), 0), QStringLiteral("100"));
}

void tst_TraceView::csvExport() {
    TraceView view;
    QVector<TraceEvent> batch = story();
    batch[1].args = "3, [127.0.0.1:7], 16";  // commas: the field must be quoted
    batch[2].args = "say \"hi\"";            // quotes: doubled
    view.appendEvents(batch);
    view.setCallFilter(QStringLiteral("socket,bind,listen,recv"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 5);  // header + the filtered rows only
    QCOMPARE(lines[0], QStringLiteral("Time,pid/tid,fd,Call,Arguments,Result,Duration"));
    QVERIFY2(lines[1].endsWith(QStringLiteral(",100/101,3,socket,0,0,1.5 µs")),
             qPrintable(lines[1]));
    QVERIFY2(lines[2].contains(QStringLiteral(",bind,\"3, [127.0.0.1:7], 16\",1,")),
             qPrintable(lines[2]));
    QVERIFY2(lines[3].contains(QStringLiteral(",listen,\"say \"\"hi\"\"\",2,")),
             qPrintable(lines[3]));
    QVERIFY2(lines[5].contains(QStringLiteral(",recv,6,-1 ECONNRESET,")), qPrintable(lines[5]));
    // An unwritable path fails with a reason, it does not throw.
    QVERIFY(!view.exportCsv(dir.filePath(QStringLiteral("no/such/dir/t.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void tst_TraceView::cellsAndTooltips() {
    TraceView view;
    view.appendEvents(story());
    const TraceModel* m = view.model();
    QCOMPARE(m->columnCount(), int(TraceModel::ColumnCount));
    // accept4 is explained by the cheat sheet's accept entry.
    const QString tip = m->data(m->index(3, TraceModel::Call), Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("accept")) && tip.contains(QStringLiteral("EMFILE")),
             qPrintable(tip));
    QVERIFY(m->data(m->index(4, TraceModel::Call), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("ECONNRESET")));
    QCOMPARE(m->data(m->index(6, TraceModel::Result)).toString(), QStringLiteral("-1 ECONNRESET"));
    QVERIFY(m->data(m->index(6, TraceModel::Result), Qt::ForegroundRole).isValid());
    QVERIFY(!m->data(m->index(5, TraceModel::Result), Qt::ForegroundRole).isValid());
    QCOMPARE(m->data(m->index(0, TraceModel::Thread)).toString(), QStringLiteral("100/101"));
    QVERIFY(m->data(m->index(0, TraceModel::Time))
                .toString()
                .contains(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"))));
}

void tst_TraceView::adapterFromCoreThreads() {
    TraceAdapter adapter(nullptr, 10, 100000);
    TraceView view(nullptr, 5000);
    view.attach(&adapter);
    constexpr int kThreads = 4, kPerThread = 1000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&adapter, t] {
            for (int i = 0; i < kPerThread; ++i) adapter.onTrace(makeEvent(t * kPerThread + i));
        });
    for (auto& th : threads) th.join();
    QTRY_COMPARE(view.model()->received(), quint64(kThreads * kPerThread));
    QCOMPARE(view.model()->rowCount(), 4000);
    QCOMPARE(view.dropped(), quint64(0));
}

SOCKWB_TEST_MAIN(tst_TraceView)
#include "tst_traceview.moc"
