// The New Server form's TLS section: off by default; "Serve over TLS" with
// the self-signed certificate (its folder named) gives ServerConfig::tls
// with no files; "From files" needs both files: an empty, missing or
// unreadable one is the form's problem in words and keeps Start disabled,
// existing ones go into tlsOptions; a UDP-only server disables the box
// with the reason (a UDP listener plus a TCP one keeps it); the choice is
// remembered and setConfig shows a config's TLS.

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QtTest>

#include "core/tls/selfsigned.h"
#include "support/testmain.h"
#include "widgets/server/serverform.h"
#include "widgets/server/tlsbox.h"

using namespace sockwb;

namespace {
bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
}  // namespace

class tst_ServerFormTls : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void offByDefault() {
        ServerForm form;
        QVERIFY(!form.config().tls);
        QVERIFY(form.tlsBox()->enableBox()->isEnabled());
        QVERIFY(!form.tlsBox()->selfSignedButton()->isEnabled());  // until TLS is on
        QVERIFY(form.isValid());
    }

    void selfSigned() {
        ServerForm form;
        TlsBox* tls = form.tlsBox();
        tls->enableBox()->setChecked(true);
        QVERIFY(tls->selfSignedButton()->isChecked());
        QVERIFY(tls->selfSignedButton()->text().contains(
            QString::fromStdString(tls::defaultTlsFolder())));
        const ServerConfig c = form.config();
        QVERIFY(c.tls);
        QVERIFY(c.tlsOptions.certFile.empty());
        QVERIFY(c.tlsOptions.keyFile.empty());
        QVERIFY(form.isValid());
        QVERIFY(form.startButton()->isEnabled());
    }

    void filesAreCheckedBeforeStart() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerForm form;
        TlsBox* tls = form.tlsBox();
        tls->enableBox()->setChecked(true);
        tls->fromFilesButton()->setChecked(true);
        // Nothing chosen yet.
        QVERIFY(form.problem().contains(QStringLiteral("certificate file")));
        QVERIFY(!form.startButton()->isEnabled());
        auto* problem = form.findChild<QLabel*>(QStringLiteral("problemLabel"));
        QVERIFY(problem);
        QCOMPARE(problem->text(), form.problem());
        // A file that is not there: named in the sentence.
        const QString cert = dir.filePath(QStringLiteral("server.crt"));
        const QString key = dir.filePath(QStringLiteral("server.key"));
        tls->certEdit()->setText(cert);
        QVERIFY2(form.problem().contains(QStringLiteral("does not exist")) &&
                     form.problem().contains(cert),
                 qPrintable(form.problem()));
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY(writeFile(cert, "-----BEGIN CERTIFICATE-----\n"));
        tls->certEdit()->setText(cert + QLatin1Char(' '));  // trimmed
        QVERIFY2(form.problem().contains(QStringLiteral("key")), qPrintable(form.problem()));
        tls->keyEdit()->setText(key);
        QVERIFY(form.problem().contains(key));
        // A folder is no key file (and a folder cannot be read as one even by root).
        tls->keyEdit()->setText(dir.path());
        QVERIFY2(form.problem().contains(QStringLiteral("cannot be read")),
                 qPrintable(form.problem()));
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY(writeFile(key, "-----BEGIN PRIVATE KEY-----\n"));
        tls->keyEdit()->setText(key);
        QVERIFY2(form.isValid(), qPrintable(form.problem()));
        QVERIFY(form.startButton()->isEnabled());
        const ServerConfig c = form.config();
        QVERIFY(c.tls);
        QCOMPARE(QString::fromStdString(c.tlsOptions.certFile), cert);
        QCOMPARE(QString::fromStdString(c.tlsOptions.keyFile), key);
        // Back to the self-signed certificate: the files no longer matter.
        tls->selfSignedButton()->setChecked(true);
        QVERIFY(form.config().tlsOptions.certFile.empty());
        QFile::remove(cert);
        tls->selfSignedButton()->setChecked(true);
        QVERIFY(form.isValid());
    }

    void udpOnlyDisablesIt() {
        ServerForm form;
        TlsBox* tls = form.tlsBox();
        tls->enableBox()->setChecked(true);
        auto* protocol = form.findChild<QComboBox*>(QStringLiteral("protocolBox"));
        QVERIFY(protocol);
        protocol->setCurrentIndex(int(Protocol::Udp));
        QVERIFY(!tls->enableBox()->isEnabled());
        QVERIFY(tls->enableBox()->toolTip().contains(QStringLiteral("TCP")));
        QVERIFY(!form.config().tls);  // a UDP server is never "TLS"
        protocol->setCurrentIndex(int(Protocol::Tcp));
        QVERIFY(tls->enableBox()->isEnabled());
        QVERIFY(form.config().tls);  // the choice was kept
        // A UDP main listener with a TCP extra one: TLS is for the TCP one.
        ServerConfig c = form.config();
        c.model = "epoll";
        c.listeners.front().protocol = Protocol::Udp;
        c.listeners.push_back(ListenerConfig{"echo", Protocol::Tcp, "127.0.0.1", 0});
        form.setConfig(c);
        QVERIFY(tls->enableBox()->isEnabled());
        QVERIFY(form.config().tls);
    }

    void rememberedAndShown() {
        {
            ServerForm form;
            form.tlsBox()->enableBox()->setChecked(true);
            QVERIFY(form.isValid());
            QTest::mouseClick(form.startButton(), Qt::LeftButton);
        }
        ServerForm again;
        QVERIFY(again.config().tls);
        ServerConfig c = again.config();
        c.tls = false;
        again.setConfig(c);
        QVERIFY(!again.tlsBox()->enableBox()->isChecked());
        c.tls = true;
        c.tlsOptions.certFile = "/no/such/cert.pem";
        c.tlsOptions.keyFile = "/no/such/key.pem";
        again.setConfig(c);
        QVERIFY(again.tlsBox()->fromFilesButton()->isChecked());
        QCOMPARE(again.tlsBox()->certEdit()->text(), QStringLiteral("/no/such/cert.pem"));
        QVERIFY(again.problem().contains(QStringLiteral("/no/such/cert.pem")));
    }
};

SOCKWB_TEST_MAIN(tst_ServerFormTls)
#include "tst_serverform_tls.moc"
