// Unix-domain sockets in the GUI, driven through the real widgets
// (offscreen): the New Server form offers "Unix stream" and "Unix datagram"
// with a socket path instead of the bind address and port, and marks a path
// too long for sun_path; a server panel started on a path in a QTemporaryDir
// shows it in its status line, lists the client as "unix:(unnamed)" and
// removes the file at stop; a client window connects to the path ("Unix
// stream" + path field) and gets the echo back.

#include <sys/stat.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/server/connectionstable.h"
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

void typeInto(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

bool isSocketFile(const QString& path) {
    struct stat st {};
    return ::lstat(path.toLocal8Bit().constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}
}  // namespace

class tst_UnixWidgets : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void formOffersUnixWithAPath();
    void panelAndClientWindowOverAPath();
};

void tst_UnixWidgets::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_UnixWidgets::formOffersUnixWithAPath() {
    ServerForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto* protocol = child<QComboBox>(&form, "protocolBox");
    auto* path = child<QLineEdit>(&form, "socketPathEdit");
    QVERIFY(!path->isVisible());
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("Unix stream")));
    QVERIFY(path->isVisible());
    QVERIFY(!child<QSpinBox>(&form, "portBox")->isVisible());
    QVERIFY(!child<QComboBox>(&form, "bindAddressBox")->isVisible());

    typeInto(path, QStringLiteral("/tmp/") + QString(110, 'x'));
    QVERIFY(!form.isValid());
    QVERIFY2(form.problem().contains(QLatin1String("sun_path")), qPrintable(form.problem()));
    QVERIFY(!form.startButton()->isEnabled());
    typeInto(path, QStringLiteral("/tmp/echo.sock"));
    QVERIFY2(form.isValid(), qPrintable(form.problem()));
    const ListenerConfig main = form.config().listeners.front();
    QCOMPARE(main.protocol, Protocol::Unix);
    QCOMPARE(main.bindAddress, std::string("/tmp/echo.sock"));

    // Unix datagram follows UDP's rules: chat is refused, thread is refused.
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("Unix datagram")));
    child<QComboBox>(&form, "serviceBox")->setCurrentText(QStringLiteral("daytime"));
    child<QComboBox>(&form, "modelBox")->setCurrentText(QStringLiteral("thread"));
    QVERIFY(!form.isValid());
    child<QComboBox>(&form, "modelBox")->setCurrentText(QStringLiteral("epoll"));
    QVERIFY2(form.isValid(), qPrintable(form.problem()));
    QCOMPARE(form.config().listeners.front().protocol, Protocol::UnixDgram);
}

void tst_UnixWidgets::panelAndClientWindowOverAPath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("echo.sock"));
    ServerConfig config;
    config.model = "poll";
    config.listeners = {ListenerConfig{"echo", Protocol::Unix, path.toStdString(), 0}};
    ServerPanel panel(config);
    panel.show();
    QTest::mouseClick(child<QPushButton>(&panel, "startButton"), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), ServerPanel::Running);
    QVERIFY(isSocketFile(path));
    QVERIFY2(child<QLabel>(&panel, "statusLine")->text().contains("unix:" + path),
             qPrintable(child<QLabel>(&panel, "statusLine")->text()));

    ClientWindow* w = ClientWindow::open(path, 0, QStringLiteral("unix"));
    QVERIFY(child<QLineEdit>(w, "socketPath")->isVisible());
    QVERIFY(!child<QLineEdit>(w, "host")->isVisible());
    QTest::mouseClick(child<QPushButton>(w, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE(w->session()->state(), ClientSession::State::Connected);
    QVERIFY2(w->windowTitle().contains("unix " + path), qPrintable(w->windowTitle()));
    auto* edit = child<QPlainTextEdit>(w, "sendEdit");
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Bonjour"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(w->session()->bytesIn(), quint64(8));

    auto* table = child<ConnectionsTable>(&panel, "connectionsTable");
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, ConnectionsTable::Peer)->text(), QStringLiteral("unix:(unnamed)"));
    w->close();  // deletes itself, and disconnects
    QTRY_COMPARE(table->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>(&panel, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), ServerPanel::Stopped);
    QVERIFY(!QFileInfo::exists(path));
}

SOCKWB_TEST_MAIN(tst_UnixWidgets)
#include "tst_unix_widgets.moc"
