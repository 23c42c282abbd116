// The Compare panel's Loops setting (CompareConfig::loops): the form
// carries it, only epoll and io_uring servers get it (the others stay at
// one loop, as Server::validate wants), their rows and chart bars say how
// many ("epoll ×2 loops"), and a short real run under epoll with two loops
// serves on more threads than the one-loop poll beside it.

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/compare/comparecharts.h"
#include "widgets/compare/compareconfig.h"
#include "widgets/compare/compareform.h"
#include "widgets/compare/compareresultsmodel.h"
#include "widgets/compare/comparewindow.h"

using namespace sockwb;

class tst_CompareLoops : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        Q_INIT_RESOURCE(resources);  // the window icon
        qRegisterMetaType<sockwb::CompareResult>();
    }

    void formCarriesLoops() {
        CompareForm form;
        auto* loops = form.findChild<QSpinBox*>(QStringLiteral("loopsSpin"));
        QVERIFY(loops);
        QCOMPARE(loops->value(), 1);
        QCOMPARE(loops->maximum(), 64);
        QVERIFY(loops->toolTip().contains(QStringLiteral("SO_REUSEPORT")));
        QCOMPARE(form.config().loops, 1);
        loops->setValue(3);
        QCOMPARE(form.config().loops, 3);
        CompareConfig c;
        c.loops = 5;
        form.setConfig(c);
        QCOMPARE(loops->value(), 5);
    }

    void onlyEpollAndIoUringGetLoops() {
        CompareConfig c;
        c.loops = 2;
        QCOMPARE(c.serverConfig(QStringLiteral("epoll")).loops, 2);
        QCOMPARE(c.serverConfig(QStringLiteral("io_uring")).loops, 2);
        for (const char* other : {"iterative", "fork", "thread", "pool", "select", "poll"}) {
            QCOMPARE(c.serverConfig(QLatin1String(other)).loops, 1);
            QCOMPARE(c.rowLabel(QLatin1String(other)), QLatin1String(other));
        }
        QCOMPARE(c.rowLabel(QStringLiteral("epoll")), QStringLiteral("epoll ×2 loops"));
        c.loops = 1;
        QCOMPARE(c.rowLabel(QStringLiteral("epoll")), QStringLiteral("epoll"));
    }

    void realRunShowsLoops() {
        CompareConfig c;
        c.workload = CompareWorkload::HttpKeepAlive;
        c.models = {QStringLiteral("poll"), QStringLiteral("epoll")};
        c.connections = 16;
        c.loadThreads = 1;
        c.secondsMs = 300;
        c.warmupMs = 50;
        c.timeoutMs = 2000;
        c.loops = 2;
        CompareWindow w;
        w.show();
        QSignalSpy done(&w, &CompareWindow::runFinished);
        QVERIFY(w.start(c));
        QVERIFY(done.wait(30000));
        QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
        const auto& rs = w.results()->results();
        QCOMPARE(rs.size(), 2);
        QVERIFY2(rs[0].ok && rs[1].ok, qPrintable(rs[0].error + rs[1].error));
        QVERIFY(rs[1].requests > 0);
        // Two loops serve on two threads; poll on one.
        QVERIFY2(rs[1].serverThreads >= 2, qPrintable(QString::number(rs[1].serverThreads)));
        QVERIFY2(rs[1].serverThreads > rs[0].serverThreads,
                 qPrintable(
                     QStringLiteral("%1 vs %2").arg(rs[1].serverThreads).arg(rs[0].serverThreads)));
        const QAbstractItemModel* table = w.results();
        QCOMPARE(table->data(table->index(1, CompareResultsModel::Model)).toString(),
                 QStringLiteral("epoll ×2 loops"));
        QCOMPARE(table->data(table->index(0, CompareResultsModel::Model)).toString(),
                 QStringLiteral("poll"));
        QCOMPARE(w.charts()->categories(),
                 (QStringList{QStringLiteral("poll"), QStringLiteral("epoll ×2 loops")}));
        // The CSV keeps the model's name and says how many loops it ran.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("loops.csv"));
        QString error;
        QVERIFY2(w.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList header = lines[0].split(QLatin1Char(','));
        const int loopsCol = header.indexOf(QLatin1String("loops"));
        const int modelCol = header.indexOf(QLatin1String("model"));
        QVERIFY(loopsCol > 0);
        QCOMPARE(lines[1].split(QLatin1Char(',')).value(modelCol), QStringLiteral("poll"));
        QCOMPARE(lines[1].split(QLatin1Char(',')).value(loopsCol), QStringLiteral("1"));
        QCOMPARE(lines[2].split(QLatin1Char(',')).value(modelCol), QStringLiteral("epoll"));
        QCOMPARE(lines[2].split(QLatin1Char(',')).value(loopsCol), QStringLiteral("2"));
    }
};

SOCKWB_TEST_MAIN(tst_CompareLoops)
#include "tst_compareloops.moc"
