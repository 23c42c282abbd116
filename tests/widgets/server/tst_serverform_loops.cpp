// The New Server form's Loops field (ServerConfig::loops): 1 to 64, 1 by
// default, enabled for epoll and io_uring only (any other model gets 1 in
// its config, whatever the box says), with a tooltip; carried into the
// config, remembered, set back from a config, and refused (Start disabled,
// the reason shown) with a Unix stream listener.

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/server/serverform.h"

using namespace sockwb;

namespace {
QSpinBox* loopsBox(ServerForm& form) { return form.findChild<QSpinBox*>("loopsBox"); }
void chooseModel(ServerForm& form, const QString& model) {
    auto* models = form.findChild<QComboBox*>(QStringLiteral("modelBox"));
    models->setCurrentIndex(models->findText(model));
}
}  // namespace

class tst_ServerFormLoops : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void rangeAndDefault() {
        ServerForm form;
        QSpinBox* box = loopsBox(form);
        QVERIFY(box);
        QCOMPARE(box->minimum(), 1);
        QCOMPARE(box->maximum(), 64);
        QCOMPARE(box->value(), 1);
        QVERIFY(box->toolTip().contains("SO_REUSEPORT"));
        QCOMPARE(form.config().loops, 1);
    }

    void enabledForEpollAndIoUring_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("enabled");
        for (const char* m : {"iterative", "fork", "thread", "pool", "select", "poll"})
            QTest::newRow(m) << m << false;
        QTest::newRow("epoll") << "epoll" << true;
        QTest::newRow("io_uring") << "io_uring" << true;
    }
    void enabledForEpollAndIoUring() {
        QFETCH(QString, model);
        QFETCH(bool, enabled);
        ServerForm form;
        chooseModel(form, QStringLiteral("epoll"));
        loopsBox(form)->setValue(4);
        chooseModel(form, model);
        QCOMPARE(loopsBox(form)->isEnabled(), enabled);
        QCOMPARE(form.config().loops, enabled ? 4 : 1);
    }

    void carriedAndRemembered() {
        ServerForm form;
        chooseModel(form, QStringLiteral("epoll"));
        loopsBox(form)->setValue(3);
        QCOMPARE(form.config().loops, 3);
        QVERIFY(form.startButton()->isEnabled());
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
        ServerForm again;
        QCOMPARE(again.config().loops, 3);
        ServerConfig c = again.config();
        c.loops = 7;
        again.setConfig(c);
        QCOMPARE(loopsBox(again)->value(), 7);
        QCOMPARE(again.config().loops, 7);
    }

    void unixStreamRefused() {
        ServerForm form;
        chooseModel(form, QStringLiteral("epoll"));
        ServerConfig c = form.config();
        c.listeners = {ListenerConfig{"echo", Protocol::Unix, "/tmp/sockwb-form.sock", 0}};
        c.loops = 2;
        form.setConfig(c);
        QVERIFY(!form.startButton()->isEnabled());
        auto* problem = form.findChild<QLabel*>(QStringLiteral("problemLabel"));
        QVERIFY(problem);
        QVERIFY2(problem->text().contains("Unix stream"), qPrintable(problem->text()));
        loopsBox(form)->setValue(1);
        QVERIFY(form.startButton()->isEnabled());
    }
};

SOCKWB_TEST_MAIN(tst_ServerFormLoops)
#include "tst_serverform_loops.moc"
