// The New Server form's Max workers field (ServerConfig::maxWorkers): the
// engine's default, enabled for the models that start a worker per client
// (fork, thread), carried into the config and remembered.

#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/server/serverform.h"

using namespace sockwb;

class tst_ServerFormWorkers : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void enabledForForkAndThread_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("enabled");
        for (const char* m : {"iterative", "pool", "select", "poll", "epoll"})
            QTest::newRow(m) << m << false;
        QTest::newRow("fork") << "fork" << true;
        QTest::newRow("thread") << "thread" << true;
    }
    void enabledForForkAndThread() {
        QFETCH(QString, model);
        QFETCH(bool, enabled);
        ServerForm form;
        auto* box = form.findChild<QSpinBox*>(QStringLiteral("maxWorkersBox"));
        QVERIFY(box);
        auto* models = form.findChild<QComboBox*>(QStringLiteral("modelBox"));
        QVERIFY(models);
        models->setCurrentIndex(models->findText(model));
        QCOMPARE(box->isEnabled(), enabled);
        QCOMPARE(form.config().maxWorkers, ServerConfig{}.maxWorkers);
    }

    void carriedAndRemembered() {
        ServerForm form;
        auto* box = form.findChild<QSpinBox*>(QStringLiteral("maxWorkersBox"));
        QVERIFY(box);
        auto* models = form.findChild<QComboBox*>(QStringLiteral("modelBox"));
        models->setCurrentIndex(models->findText(QStringLiteral("fork")));
        box->setValue(2);
        QCOMPARE(form.config().maxWorkers, 2);
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
        ServerForm again;
        QCOMPARE(again.config().maxWorkers, 2);
        ServerConfig c = again.config();
        c.maxWorkers = 0;  // no limit
        again.setConfig(c);
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("maxWorkersBox"))->value(), 0);
    }
};

SOCKWB_TEST_MAIN(tst_ServerFormWorkers)
#include "tst_serverform_workers.moc"
