// A client window over TLS, driven through its widgets (offscreen), against
// a TLS echo server made of the workbench's engine in this process
// (tests/support/tlsechoserver.h) with a test PKI: the TLS and Verify
// checkboxes and the CA file of the options row, the handshake's summary
// in the log and the status, plaintext echoed, close_notify from the Shut
// down menu, a refused self-signed certificate worded in the window, Verify
// off going on, and TLS offered for TCP only.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest/QtTest>

#include "core/tls/certificateinfo.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsechoserver.h"
#include "widgets/client/clientoptionsrow.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"

using namespace sockwb;
using test::TlsEchoServer;

namespace {

template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}

void typeInto(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// TLS on (a click on its checkbox), Verify as asked, the CA file typed in.
void connectOverTls(ClientWindow& w, quint16 port, bool verify, const QString& caFile) {
    child<QComboBox>(&w, "protocol")->setCurrentIndex(0);
    typeInto(child<QLineEdit>(&w, "host"), QStringLiteral("127.0.0.1"));
    typeInto(child<QLineEdit>(&w, "port"), QString::number(port));
    auto* tls = child<QCheckBox>(&w, "tlsCheck");
    if (!tls->isChecked()) QTest::mouseClick(tls, Qt::LeftButton);
    auto* verifyCheck = child<QCheckBox>(&w, "verifyCheck");
    if (verifyCheck->isChecked() != verify) QTest::mouseClick(verifyCheck, Qt::LeftButton);
    typeInto(child<QLineEdit>(&w, "caFileEdit"), caFile);
    QTest::mouseClick(child<QPushButton>(&w, "connectButton"), Qt::LeftButton);
}

void sendByKeyboard(ClientWindow& w, const QString& text) {
    auto* edit = child<QPlainTextEdit>(&w, "sendEdit");
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
}

QString status(ClientWindow& w) { return child<QLabel>(&w, "statusLabel")->text(); }

}  // namespace

class tst_ClientWindowTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void handshakeShownThenPlaintextEchoed();
    void shutdownWriteSendsCloseNotify();
    void selfSignedIsRefusedInWords();
    void verifyOffGoesOnAndSaysSo();
    void tlsOnlyForTcp();

private:
    QTemporaryDir dir_;
    std::unique_ptr<test::TestPki> pki_;
};

void tst_ClientWindowTls::initTestCase() {
    QVERIFY(dir_.isValid());
    pki_ = std::make_unique<test::TestPki>(dir_.path());
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

void tst_ClientWindowTls::handshakeShownThenPlaintextEchoed() {
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    ClientWindow w;
    w.show();
    connectOverTls(w, server.port(), true, QString::fromStdString(pki_->caFile()));
    QTRY_VERIFY_WITH_TIMEOUT(status(w).contains(QLatin1String(" over TLSv1.")), 5000);
    const QString sha = QString::fromStdString(tls::describeFile(good.certFile).sha256);
    QVERIFY2(status(w).contains(sha), qPrintable(status(w)));
    const QString log = w.dataView()->plainText();
    QVERIFY2(log.contains(QLatin1String("connecting to 127.0.0.1 port")) &&
                 log.contains(QLatin1String("+ TLS")),
             qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("TLS handshake done: TLSv1.")), qPrintable(log));
    QVERIFY2(log.contains(sha), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("; verified")), qPrintable(log));
    sendByKeyboard(w, QStringLiteral("Bonjour"));
    QTRY_VERIFY2(w.dataView()->plainText().contains(QLatin1String("in Bonjour")),
                 qPrintable(w.dataView()->plainText()));
    QCOMPARE(QString::fromStdString(server.received()).trimmed(), QStringLiteral("Bonjour"));
    QTRY_COMPARE(w.session()->bytesIn(), quint64(server.received().size()));
}

void tst_ClientWindowTls::shutdownWriteSendsCloseNotify() {
    const auto good = pki_->good();
    TlsEchoServer server(good.certFile, good.keyFile);
    ClientWindow w;
    w.show();
    connectOverTls(w, server.port(), true, QString::fromStdString(pki_->caFile()));
    QTRY_VERIFY_WITH_TIMEOUT(status(w).contains(QLatin1String(" over TLSv1.")), 5000);
    auto* button = child<QPushButton>(&w, "shutdownButton");
    QVERIFY(button->isEnabled());
    button->menu()->findChild<QAction*>(QLatin1String("shutWr"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(server.closeNotifies(), 1, 5000);
    // The server closes at the end of stream that followed.
    QTRY_COMPARE_WITH_TIMEOUT(w.session()->state(), ClientSession::State::Closed, 5000);
}

void tst_ClientWindowTls::selfSignedIsRefusedInWords() {
    const auto self = pki_->selfSigned();
    TlsEchoServer server(self.certFile, self.keyFile);
    ClientWindow w;
    w.show();
    connectOverTls(w, server.port(), true, QString());
    QTRY_COMPARE_WITH_TIMEOUT(w.session()->state(), ClientSession::State::Failed, 5000);
    // ErrorText words the problem itself (self-signed), not the layer.
    QVERIFY2(status(w).contains(QLatin1String("self-signed")), qPrintable(status(w)));
    QVERIFY2(!w.dataView()->plainText().contains(QLatin1String("TLS handshake done")),
             qPrintable(w.dataView()->plainText()));
    QVERIFY(server.received().empty());
}

void tst_ClientWindowTls::verifyOffGoesOnAndSaysSo() {
    const auto self = pki_->selfSigned();
    TlsEchoServer server(self.certFile, self.keyFile);
    ClientWindow w;
    w.show();
    connectOverTls(w, server.port(), false, QString());
    QTRY_VERIFY_WITH_TIMEOUT(status(w).contains(QLatin1String(" over TLSv1.")), 5000);
    QVERIFY2(w.dataView()->plainText().contains(QLatin1String("not verified")),
             qPrintable(w.dataView()->plainText()));
    QVERIFY2(!status(w).contains(QLatin1String("failed")), qPrintable(status(w)));
}

void tst_ClientWindowTls::tlsOnlyForTcp() {
    ClientWindow w;
    w.show();
    auto* tls = child<QCheckBox>(&w, "tlsCheck");
    auto* protocol = child<QComboBox>(&w, "protocol");
    protocol->setCurrentIndex(0);
    QVERIFY(tls->isEnabled());
    QVERIFY(!child<QCheckBox>(&w, "verifyCheck")->isEnabled());  // until TLS is on
    QTest::mouseClick(tls, Qt::LeftButton);
    QVERIFY(child<QCheckBox>(&w, "verifyCheck")->isEnabled());
    QVERIFY(child<QLineEdit>(&w, "caFileEdit")->isEnabled());
    QVERIFY(w.optionsRow()->settings(nullptr)->tls);
    for (int i : {1, 2, 3}) {  // UDP, Unix stream, Unix datagram
        protocol->setCurrentIndex(i);
        QVERIFY(!tls->isEnabled());
        QVERIFY(!child<QCheckBox>(&w, "verifyCheck")->isEnabled());
        QVERIFY(!w.optionsRow()->settings(nullptr)->tls);
    }
    protocol->setCurrentIndex(0);
    QVERIFY(w.optionsRow()->settings(nullptr)->tls);  // the choice was kept
}

SOCKWB_TEST_MAIN(tst_ClientWindowTls)
#include "tst_clientwindow_tls.moc"
