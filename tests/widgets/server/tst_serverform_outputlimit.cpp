// The New Server form's output limit field (ServerConfig::outputLimit):
// the defaults shown as "8M,2M,60", a typed limit reaches the config, a
// malformed one keeps Start disabled with the reason, and it is remembered.

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/server/serverform.h"

using namespace sockwb;

class tst_ServerFormOutputLimit : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void defaultsTypedAndRemembered() {
        ServerForm form;
        auto* edit = form.findChild<QLineEdit*>(QStringLiteral("outputLimitEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("8M,2M,60"));
        QVERIFY(form.config().outputLimit == OutputLimit{});
        edit->setText(QStringLiteral("1M,256K,5"));
        QVERIFY(form.config().outputLimit == (OutputLimit{1 << 20, 256 * 1024, 5}));
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
        ServerForm again;
        QVERIFY(again.config().outputLimit == (OutputLimit{1 << 20, 256 * 1024, 5}));
        ServerConfig c = again.config();
        c.outputLimit = OutputLimit{0, 0, 0};
        again.setConfig(c);
        QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("outputLimitEdit"))->text(),
                 QStringLiteral("0,0,0"));
    }

    void malformedKeepsStartDisabled() {
        ServerForm form;
        auto* edit = form.findChild<QLineEdit*>(QStringLiteral("outputLimitEdit"));
        edit->setText(QStringLiteral("2M,4M,1"));  // soft over hard
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY2(form.problem().contains(QStringLiteral("HARD[,SOFT,SECONDS]")),
                 qPrintable(form.problem()));
        edit->setText(QStringLiteral("4M"));
        QVERIFY(form.startButton()->isEnabled());
    }
};

SOCKWB_TEST_MAIN(tst_ServerFormOutputLimit)
#include "tst_serverform_outputlimit.moc"
