// The server panel with TLS: an epoll echo server over TLS with the
// self-signed certificate (made in a temporary XDG_CONFIG_HOME) shows the
// certificate (subject, SANs, validity, SHA-256 fingerprint, file) and the
// fingerprint is the one a tls::Engine client sees; the status line says
// "tls", an http server over TLS is shown as https://; the connections
// table's TLS column (hidden for a plain server) shows the version and
// cipher of a real connection; the log says the handshake completed; the
// sequence tab labels the arrows with the TLS records; stop hides the
// certificate. A certificate file that does not exist: the panel says why
// in words.

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <memory>

#include "core/net/socket.h"
#include "core/tls/certificateinfo.h"
#include "core/tls/selfsigned.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsengine.h"
#include "support/blockingtlsclient.h"
#include "support/testmain.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/sequence/sequenceview.h"
#include "widgets/server/certificatebox.h"
#include "widgets/server/connectionstable.h"
#include "widgets/server/serverpanel.h"

using namespace sockwb;

namespace {

// The self-signed certificate is not in any store: the client trusts it as is.
std::shared_ptr<const tls::Context> insecureClient() {
    tls::ClientOptions o;
    o.insecure = true;
    o.alpn.clear();
    return tls::Context::client(o);
}

ServerConfig tlsEcho(const std::string& service = "echo") {
    ServerConfig c;
    c.model = "epoll";
    c.listeners = {ListenerConfig{service, Protocol::Tcp, "127.0.0.1", 0}};
    c.tls = true;
    return c;
}

QString statusOf(ServerPanel& panel) {
    return panel.findChild<QLabel*>(QStringLiteral("statusLine"))->text();
}

}  // namespace

class tst_ServerPanelTls : public QObject {
    Q_OBJECT

    QTemporaryDir config_;

private slots:
    void initTestCase() {
        QVERIFY(config_.isValid());
        // The self-signed certificate is made here, not in the user's folder.
        qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
    }

    void certificateAndTlsColumn() {
        ServerPanel panel(tlsEcho());
        panel.resize(1000, 700);
        panel.show();
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, 15000);
        // The certificate the server presents, made on first use.
        const std::string certFile = tls::defaultTlsFolder() + "/localhost.crt";
        QVERIFY(QString::fromStdString(certFile).startsWith(config_.path()));
        const tls::CertificateInfo made = tls::describeFile(certFile);
        CertificateBox* box = panel.certificateBox();
        QVERIFY(box->isVisible());
        QCOMPARE(box->fingerprint(), QString::fromStdString(made.sha256));
        QCOMPARE(box->fingerprint().count(QLatin1Char(':')), 31);
        QCOMPARE(box->file(), QString::fromStdString(certFile));
        QVERIFY2(box->sans().contains(QStringLiteral("DNS:localhost")), qPrintable(box->sans()));
        QVERIFY2(box->subject().contains(QStringLiteral("localhost")), qPrintable(box->subject()));
        QVERIFY2(box->validity().contains(QStringLiteral("self-signed")),
                 qPrintable(box->validity()));
        QVERIFY2(statusOf(panel).contains(QStringLiteral("echo tls 127.0.0.1:")),
                 qPrintable(statusOf(panel)));
        QVERIFY(panel.title().contains(QStringLiteral("tls")));
        ConnectionsTable* table = panel.connectionsTable();
        QVERIFY(!table->isColumnHidden(ConnectionsTable::Tls));

        // The sequence view is made before the calls it is to show.
        const seq::SequenceBuilder& b = panel.sequenceTab()->view()->builder();

        // A real TLS client: the fingerprint it sees is the panel's.
        test::BlockingTlsClient client(insecureClient(), panel.addresses().front());
        QVERIFY(client.handshake());
        client.send("hello over TLS\n");
        QCOMPARE(client.readUntil("\n"), std::string("hello over TLS\n"));
        const tls::SessionInfo info = client.engine().info();
        QVERIFY(!info.chain.empty());
        QCOMPARE(QString::fromStdString(info.chain.front().sha256), box->fingerprint());
        // The table: the version and cipher of the connection.
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 1 && table->item(0, ConnectionsTable::Tls) &&
                                     table->item(0, ConnectionsTable::Tls)->text() ==
                                         QString::fromStdString(info.summary()),
                                 5000);
        QVERIFY(table->item(0, ConnectionsTable::Tls)->text().startsWith(QStringLiteral("TLSv1.")));
        QTRY_VERIFY2(panel.logView()->toPlainText().contains(QStringLiteral("TLS")),
                     qPrintable(panel.logView()->toPlainText()));

        // The sequence tab draws the handshake: the server's sends carry
        // named records (the engine's trace notes).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&b] {
                for (size_t c = 0; c < b.calls().size(); ++c)
                    for (const seq::TlsRecord& r : b.tlsRecords(c))
                        if (r.what == "ServerHello") return true;
                return false;
            }(),
            5000);

        panel.stop();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Stopped, 10000);
        QVERIFY(!box->isVisible());
    }

    void httpsAddress() {
        ServerPanel panel(tlsEcho("http"));
        panel.show();
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, 15000);
        QVERIFY2(statusOf(panel).contains(QStringLiteral("https://127.0.0.1:")),
                 qPrintable(statusOf(panel)));
        panel.stop();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Stopped, 10000);
    }

    void plainServerHasNoTlsColumn() {
        ServerConfig c = tlsEcho();
        c.tls = false;
        ServerPanel panel(c);
        panel.show();
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, 15000);
        QVERIFY(panel.connectionsTable()->isColumnHidden(ConnectionsTable::Tls));
        QVERIFY(!panel.certificateBox()->isVisible());
        QVERIFY2(statusOf(panel).contains(QStringLiteral("echo tcp 127.0.0.1:")),
                 qPrintable(statusOf(panel)));
        panel.stop();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Stopped, 10000);
    }

    void missingCertificateInWords() {
        ServerConfig c = tlsEcho();
        c.tlsOptions.certFile = (config_.path() + QStringLiteral("/none.crt")).toStdString();
        c.tlsOptions.keyFile = (config_.path() + QStringLiteral("/none.key")).toStdString();
        ServerPanel panel(c);
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Failed, 15000);
        QVERIFY2(panel.errorText().contains(QStringLiteral("none.crt")),
                 qPrintable(panel.errorText()));
        QVERIFY(!panel.certificateBox()->isVisible());
    }
};

SOCKWB_TEST_MAIN(tst_ServerPanelTls)
#include "tst_serverpanel_tls.moc"
