// The New Server form's "Limits and timeouts" group (LimitsBox): max
// connections and idle timeout for every service, the http timeouts shown
// for http only, the engine's defaults, into and out of a ServerConfig, and
// remembered after Start.

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/server/limitsbox.h"
#include "widgets/server/serverform.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}
}  // namespace

class tst_LimitsBox : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void httpRowsForHttpOnly() {
        ServerForm form;
        form.show();
        auto* service = child<QComboBox>(&form, "serviceBox");
        auto* header = child<QSpinBox>(&form, "headerTimeoutBox");
        service->setCurrentText(QStringLiteral("echo"));
        QVERIFY(child<QSpinBox>(&form, "maxConnectionsBox")->isVisible());
        QVERIFY(child<QSpinBox>(&form, "idleTimeoutBox")->isVisible());
        QVERIFY(!header->isVisible());
        QVERIFY(!child<QSpinBox>(&form, "keepAliveTimeoutBox")->isVisible());
        service->setCurrentText(QStringLiteral("http"));
        QVERIFY(header->isVisible());
        QVERIFY(child<QSpinBox>(&form, "bodyTimeoutBox")->isVisible());
        QVERIFY(child<QSpinBox>(&form, "keepAliveTimeoutBox")->isVisible());
    }

    void udpRateRowForDatagramListeners() {
        ServerForm form;
        form.show();
        auto* rate = child<QSpinBox>(&form, "udpRateBox");
        child<QComboBox>(&form, "serviceBox")->setCurrentText(QStringLiteral("echo"));
        child<QComboBox>(&form, "protocolBox")->setCurrentIndex(int(Protocol::Tcp));
        QVERIFY(!rate->isVisible());
        child<QComboBox>(&form, "protocolBox")->setCurrentIndex(int(Protocol::Udp));
        QVERIFY(rate->isVisible());
        QCOMPARE(form.config().udpRepliesPerSecond, ServerConfig{}.udpRepliesPerSecond);
        rate->setValue(0);
        QCOMPARE(rate->text(), QStringLiteral("no limit"));
        QCOMPARE(form.config().udpRepliesPerSecond, 0);
    }

    void defaultsAreTheEngines() {
        ServerForm form;
        const ServerConfig c = form.config();
        const ServerConfig d;
        QCOMPARE(c.serviceOptions.headerTimeoutMs, d.serviceOptions.headerTimeoutMs);
        QCOMPARE(c.serviceOptions.bodyTimeoutMs, d.serviceOptions.bodyTimeoutMs);
        QCOMPARE(c.serviceOptions.keepAliveTimeoutMs, d.serviceOptions.keepAliveTimeoutMs);
        QVERIFY(c.serviceOptions.headerTimeoutMs > 0);
        QCOMPARE(c.maxConnections, 0);
        QCOMPARE(c.idleTimeoutMs, 0);
    }

    void roundTripAndRemembered() {
        ServerForm form;
        child<QComboBox>(&form, "serviceBox")->setCurrentText(QStringLiteral("http"));
        ServerConfig c = form.config();
        c.maxConnections = 50;
        c.idleTimeoutMs = 9000;
        c.serviceOptions.headerTimeoutMs = 1500;
        c.serviceOptions.bodyTimeoutMs = 0;
        c.serviceOptions.keepAliveTimeoutMs = 4000;
        c.udpRepliesPerSecond = 500;
        form.setConfig(c);
        QCOMPARE(child<QSpinBox>(&form, "headerTimeoutBox")->value(), 1500);
        QCOMPARE(child<QSpinBox>(&form, "bodyTimeoutBox")->text(), QStringLiteral("none"));
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
        ServerForm again;
        const ServerConfig r = again.config();
        QCOMPARE(r.maxConnections, 50);
        QCOMPARE(r.idleTimeoutMs, 9000);
        QCOMPARE(r.serviceOptions.headerTimeoutMs, 1500);
        QCOMPARE(r.serviceOptions.bodyTimeoutMs, 0);
        QCOMPARE(r.serviceOptions.keepAliveTimeoutMs, 4000);
        QCOMPARE(r.udpRepliesPerSecond, 500);
    }
};

SOCKWB_TEST_MAIN(tst_LimitsBox)
#include "tst_limitsbox.moc"
