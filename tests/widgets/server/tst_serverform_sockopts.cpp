// The socket options of the New Server form and what the server panel
// shows of them: the form's box fills ServerConfig::sockopts and keeps
// SO_REUSEADDR and ServerConfig::reuseAddr one setting; the protocol hides
// what does not suit it; the options are remembered; a server started from
// the form with SO_RCVBUF=4096 logs the listener's read-back (8192: the
// kernel doubles it) and, once a client comes, the first connection's.

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/common/logview.h"
#include "widgets/common/sockoptsbox.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpanel.h"
#include "widgets/server/serversockoptview.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const QString& name) {
    T* c = w->findChild<T*>(name);
    if (!c) qFatal("no child %s", qPrintable(name));
    return c;
}
QCheckBox* tick(QWidget* w, const char* name) {
    return child<QCheckBox>(w, QStringLiteral("sockopt_") + QLatin1String(name));
}
void click(QCheckBox* box) { QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, 4)); }
void typeInto(QWidget* w, const QString& text) {
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Backspace);
    QTest::keyClicks(w, text);
}
QStringList texts(const std::vector<SockoptSetting>& settings) {
    QStringList out;
    for (const auto& s : settings)
        out << QStringLiteral("%1=%2").arg(QString::fromStdString(s.name)).arg(s.value);
    return out;
}
// The form, shown with its options open and the main listener on TCP
// loopback port 0 (the defaults once QSettings is cleared).
void openOptions(ServerForm& form) {
    form.show();
    child<SockoptsBox>(&form, "sockoptsBox")->setExpanded(true);
}
}  // namespace

class tst_ServerFormSockopts : public QObject {
    Q_OBJECT
private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void reuseAddrIsOneSetting() {
        ServerForm form;
        openOptions(form);
        ServerConfig c = form.config();
        QCOMPARE(texts(c.sockopts), QStringList{QStringLiteral("SO_REUSEADDR=1")});
        QVERIFY(c.reuseAddr);
        click(tick(&form, "SO_REUSEADDR"));  // not set: the kernel's default, off
        c = form.config();
        QVERIFY(c.sockopts.empty());
        QVERIFY(!c.reuseAddr);

        // A configuration made elsewhere (the CLI's defaults): reuseAddr on
        // shows as the option ticked on, off as not ticked.
        ServerConfig plain;
        form.setConfig(plain);
        QVERIFY(tick(&form, "SO_REUSEADDR")->isChecked());
        QVERIFY(form.config().reuseAddr);
        plain.reuseAddr = false;
        form.setConfig(plain);
        QVERIFY(!tick(&form, "SO_REUSEADDR")->isChecked());
        QVERIFY(!form.config().reuseAddr);
        plain.sockopts = {{"SO_REUSEADDR", 0}, {"TCP_NODELAY", 1}};
        form.setConfig(plain);
        QCOMPARE(texts(form.config().sockopts), texts(plain.sockopts));
        QVERIFY(!form.config().reuseAddr);
        QCOMPARE(texts(ServerSockoptView::fromConfig(ServerConfig{})),
                 QStringList{QStringLiteral("SO_REUSEADDR=1")});
    }

    void protocolChoosesTheRows() {
        ServerForm form;
        openOptions(form);
        auto* box = child<SockoptsBox>(&form, "sockoptsBox");
        QVERIFY(box->isRowShown(QStringLiteral("TCP_NODELAY")));
        QVERIFY(!box->isRowShown(QStringLiteral("SO_BROADCAST")));
        child<QComboBox>(&form, "protocolBox")->setCurrentIndex(int(Protocol::Udp));
        QVERIFY(!box->isRowShown(QStringLiteral("TCP_NODELAY")));
        QVERIFY(box->isRowShown(QStringLiteral("SO_BROADCAST")));
        QCOMPARE(box->protocol(), Protocol::Udp);
    }

    void remembered() {
        {
            ServerForm form;
            openOptions(form);
            click(tick(&form, "TCP_NODELAY"));
            QVERIFY(form.isValid());
            QTest::mouseClick(form.startButton(), Qt::LeftButton);
        }
        ServerForm again;
        QCOMPARE(texts(again.config().sockopts),
                 (QStringList{QStringLiteral("SO_REUSEADDR=1"), QStringLiteral("TCP_NODELAY=1")}));
    }

    void panelShowsWhatTheKernelReadBack() {
        ServerForm form;
        openOptions(form);
        click(tick(&form, "SO_RCVBUF"));
        typeInto(child<QSpinBox>(&form, "sockoptValue_SO_RCVBUF"), QStringLiteral("4"));
        click(tick(&form, "TCP_NODELAY"));
        const ServerConfig c = form.config();
        QVERIFY(texts(c.sockopts).contains(QStringLiteral("SO_RCVBUF=4096")));

        ServerPanel panel(c);
        panel.start();
        QTRY_COMPARE(panel.state(), ServerPanel::Running);
        LogView* log = panel.logView();
        const QString rcvbuf = QStringLiteral("listener echo/tcp: socket option SO_RCVBUF");
        QTRY_VERIFY2(log->toPlainText().contains(rcvbuf), qPrintable(log->toPlainText()));
        const QString listenerLine =
            log->toPlainText().split(QLatin1Char('\n')).filter(rcvbuf).front();
        QVERIFY2(listenerLine.contains(QLatin1String("8192")), qPrintable(listenerLine));
        QVERIFY(!log->toPlainText().contains(QLatin1String("first connection")));

        // The first connection's options show once a client comes.
        Socket client = tcpConnect(panel.addresses().front(), Millis(3000));
        const QString first =
            QStringLiteral("first connection on echo/tcp: socket option TCP_NODELAY");
        QTRY_VERIFY2(log->toPlainText().contains(first), qPrintable(log->toPlainText()));
        const QString nodelay = log->toPlainText().split(QLatin1Char('\n')).filter(first).front();
        QVERIFY2(nodelay.endsWith(QStringLiteral("→ on")), qPrintable(nodelay));
        client.close();
        panel.stop();
        QTRY_COMPARE(panel.state(), ServerPanel::Stopped);
    }
};

SOCKWB_TEST_MAIN(tst_ServerFormSockopts)
#include "tst_serverform_sockopts.moc"
