// The New Server form's Waiting field (ServerConfig::io): blocking calls by
// default, non-blocking + poll() on request, disabled with a reason for the
// event loops, remembered; and the server panel names the way of waiting.

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpanel.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}
void choose(QComboBox* box, const QString& text) {
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
}
}  // namespace

class tst_ServerFormIo : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void blockingByDefaultAndPollOnRequest() {
        ServerForm form;
        auto* io = child<QComboBox>(&form, "ioBox");
        choose(child<QComboBox>(&form, "modelBox"), QStringLiteral("thread"));
        QVERIFY(io->isEnabled());
        QVERIFY(form.config().io == IoMode::Blocking);
        io->setCurrentIndex(io->findData(QStringLiteral("poll")));
        QVERIFY(form.config().io == IoMode::Poll);
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
        ServerForm again;  // remembered
        QVERIFY(again.config().io == IoMode::Poll);
        ServerConfig c = again.config();
        c.io = IoMode::Blocking;
        again.setConfig(c);
        QCOMPARE(child<QComboBox>(&again, "ioBox")->currentData().toString(),
                 QStringLiteral("blocking"));
    }

    void eventLoopsDisableIt() {
        ServerForm form;
        auto* io = child<QComboBox>(&form, "ioBox");
        choose(child<QComboBox>(&form, "modelBox"), QStringLiteral("epoll"));
        QVERIFY(!io->isEnabled());
        QVERIFY2(io->toolTip().contains(QStringLiteral("epoll_wait")), qPrintable(io->toolTip()));
        choose(child<QComboBox>(&form, "modelBox"), QStringLiteral("iterative"));
        QVERIFY(io->isEnabled());
    }

    void panelNamesTheWayOfWaiting() {
        ServerConfig c;
        c.model = "iterative";
        ServerPanel panel(c);
        panel.show();
        QTest::mouseClick(child<QPushButton>(&panel, "startButton"), Qt::LeftButton);
        QTRY_COMPARE(panel.state(), ServerPanel::Running);
        QTRY_VERIFY2(child<QLabel>(&panel, "statusLine")->text().contains("blocking calls"),
                     qPrintable(child<QLabel>(&panel, "statusLine")->text()));
        panel.stop();
        QTRY_COMPARE(panel.state(), ServerPanel::Stopped);
    }
};

SOCKWB_TEST_MAIN(tst_ServerFormIo)
#include "tst_serverform_io.moc"
